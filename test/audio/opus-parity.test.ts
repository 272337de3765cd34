import { describe, expect, it } from "vitest";
import { decodeOggOpus } from "../../src/audio/opus";
import { audioWasm } from "../../src/audio/wasm-worker";
import { audioFixture, gzInt16 } from "./support";

/** Our Ogg/Opus decoding at 48 kHz, before resampling. */
async function decode48k(bytes: Uint8Array): Promise<Float32Array> {
  const chunks: Float32Array[] = [];
  await decodeOggOpus(bytes, { push: (mono) => chunks.push(mono.slice()) }, 90, audioWasm.opus);
  const pcm = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    pcm.set(c, at);
    at += c.length;
  }
  return pcm;
}

// libopus's own tool (Debian's opusdec 0.2 with libopus 1.3.1, `--rate 48000 --no-dither`, made by
// scripts/audio-fixtures.sh) against opus-decoder's libopus in workerd: the same samples, pre-skip and
// end trimming, within one 16-bit step.
describe("Ogg/Opus decoding equals opusdec", () => {
  it.each(["en", "zh"])("%s", async (lang) => {
    const ours = await decode48k(await audioFixture(`${lang}.opus`));
    const reference = await gzInt16(`${lang}.opusdec.s16.gz`);
    expect(ours.length).toBe(reference.length);
    let maxLsb = 0;
    let exact = 0;
    for (let i = 0; i < reference.length; i++) {
      const scaled = Math.max(-32768, Math.min(32767, ours[i] * 32768));
      maxLsb = Math.max(maxLsb, Math.abs(scaled - reference[i]));
      if (Math.round(scaled) === reference[i]) exact++;
    }
    console.log(
      `${lang}: ${reference.length} samples, max |ours - opusdec| = ${maxLsb.toFixed(3)} LSB, ${exact} equal after rounding`,
    );
    expect(maxLsb).toBeLessThanOrEqual(1);
  });
});
