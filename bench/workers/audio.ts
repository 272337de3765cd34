import { decodeAudio, logMelSpectrogram, windows30s } from "../../src/audio";
import { OpusDecoder } from "../../src/audio/decoders";
import { oggPackets } from "../../src/audio/ogg";
import { audioWasm } from "../../src/audio/wasm-worker";

/**
 * What bench/audio.ts times and measures inside workerd: POST /features?runs=N decodes the posted
 * recording and computes the log-mel features of every 30 s window, N times; POST /opus-heap decodes
 * the posted Ogg/Opus with a decoder of its own and reports the size of libopus's WASM memory.
 */
export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (url.pathname === "/opus-heap") {
      (OpusDecoder as unknown as { module?: WebAssembly.Module }).module = audioWasm.opus;
      const decoder = new OpusDecoder({ channels: 1, preSkip: 0, sampleRate: 48000 });
      await decoder.ready;
      const heap = () =>
        (decoder as unknown as { _common: { wasm: { HEAP: ArrayBuffer } } })._common.wasm.HEAP;
      const before = heap().byteLength;
      const packets = oggPackets(bytes).packets.slice(2);
      for (let i = 0; i < packets.length; i += 50) decoder.decodeFrames(packets.slice(i, i + 50));
      const after = heap().byteLength;
      decoder.free();
      return Response.json({ before, after });
    }
    const runs = Number(url.searchParams.get("runs") ?? "1");
    const decodeMs: number[] = [];
    const featuresMs: number[] = [];
    let seconds = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const audio = await decodeAudio(bytes, { wasm: audioWasm });
      const decoded = performance.now();
      for (const window of windows30s(audio.samples)) logMelSpectrogram(window);
      featuresMs.push(performance.now() - decoded);
      decodeMs.push(decoded - started);
      seconds = audio.seconds;
    }
    return Response.json({ decodeMs, featuresMs, seconds });
  },
};
