import { MPEGDecoder } from "./decoders";
import { AudioError, decoderReady, requireDecoderModule } from "./errors";
import { downmix, freeAll, type PcmSink, pushFreeing } from "./pcm";

/** Bytes handed to mpg123 at once: a few seconds of audio, so an over-long file is refused early. */
const CHUNK = 64 * 1024;

/**
 * Decodes MPEG audio (Layer I/II/III) with mpg123's WASM build (mpg123-decoder), a chunk at a time; the
 * duration limit is enforced as the samples come (Pcm16k), since an MP3 has no reliable length up front.
 */
export async function decodeMp3(bytes: Uint8Array, out: PcmSink, module?: WebAssembly.Module): Promise<void> {
  requireDecoderModule("MP3", module);
  if (module) (MPEGDecoder as unknown as { module?: WebAssembly.Module }).module = module;
  const decoder = new MPEGDecoder();
  await decoderReady("MP3", decoder.ready); // before the try: a decoder that never started has nothing to free
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      const decoded = decoder.decode(bytes.subarray(at, at + CHUNK));
      // mpg123 resynchronises past damage silently; an error is data that is not MPEG audio at all.
      if (decoded.errors.length) throw new AudioError("corrupt", "The MP3 file is damaged.");
      if (decoded.samplesDecoded)
        pushFreeing(out, downmix(decoded.channelData, decoded.samplesDecoded), decoded.sampleRate);
      freeAll(decoded.channelData);
    }
  } finally {
    decoder.free();
  }
}
