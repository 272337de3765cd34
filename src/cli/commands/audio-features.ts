import { decodeAudio, logMelSpectrogram, N_FRAMES, N_MELS, windows30s } from "../../audio";
import { parse } from "../args";
import { UsageError } from "../errors";
import { readInput } from "../files";

/**
 * `dermedge audio-features FILE [--window I]`: Whisper's log-mel features of one 30 s window (the first
 * unless told) as JSON, 80 rows of 3000 frames. FILE is a WAV (at 16 kHz its samples are used as they
 * are), an Ogg/Opus voice note or an MP3 (decoded and resampled to 16 kHz, as the Worker does).
 */
export async function audioFeatures(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { window: { type: "string" } }, ["FILE"]);
  const index = Number(values.window ?? 0);
  const { samples } = await decodeAudio(await readInput(positionals[0]));
  const windows = windows30s(samples);
  if (!Number.isInteger(index) || index < 0 || index >= windows.length)
    throw new UsageError(`--window must be 0..${windows.length - 1} for this recording`);
  const features = logMelSpectrogram(windows[index]);
  const rows = Array.from({ length: N_MELS }, (_, m) =>
    Array.from(features.subarray(m * N_FRAMES, (m + 1) * N_FRAMES)),
  );
  process.stdout.write(`${JSON.stringify(rows)}\n`);
}
