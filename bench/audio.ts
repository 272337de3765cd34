/**
 * `npx tsx bench/audio.ts [--rounds N]`: the audio front-end (src/audio) on voice notes made from the
 * committed en fixture (its packets repeated in one Ogg stream): decode + Whisper features of a 10 s
 * note in workerd (the Worker bundled by wrangler, the decoders' WASM imported compiled) against the
 * same code in Node, alternating, medians and ratios; then the memory a 90 s note costs: the workerd
 * process's peak RSS over its idle RSS, libopus's WASM memory, and our buffers by arithmetic.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { decodeAudio, logMelSpectrogram, windows30s } from "../src/audio";
import { oggPackets } from "../src/audio/ogg";
import { oggOpus } from "../test/audio/ogg-writer";
import { bundleWorker } from "./bundle";
import { root, work } from "./lib/packages";
import { fetcher, resetPeakRss, rss, startWorkerd, worker } from "./lib/workerd";

const MB = 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A note of `packets` 20 ms packets: the en sentence's audio said over and over. */
async function note(packets: number): Promise<Uint8Array> {
  const { packets: all } = oggPackets(
    new Uint8Array(await readFile(resolve(root, "test/fixtures/audio/en.opus"))),
  );
  const preSkip = new DataView(all[0].buffer, all[0].byteOffset).getUint16(10, true);
  const audio = all.slice(2);
  return oggOpus(
    all.slice(0, 2),
    Array.from({ length: packets }, (_, i) => audio[i % audio.length]),
    preSkip,
  );
}

async function inNode(bytes: Uint8Array) {
  const started = performance.now();
  const audio = await decodeAudio(bytes);
  const decoded = performance.now();
  for (const window of windows30s(audio.samples)) logMelSpectrogram(window);
  return { decode: decoded - started, features: performance.now() - decoded };
}

async function main() {
  const { values } = parseArgs({ options: { rounds: { type: "string", default: "7" } } });
  const rounds = Number(values.rounds);
  const note10 = await note(500);
  const note90 = await note(4500);
  console.log(
    `notes: 10 s = ${note10.length} bytes, 90 s = ${note90.length} bytes (Ogg/Opus 24 kbit/s, mono)`,
  );
  const script = await bundleWorker(
    "audio",
    resolve(root, "bench/workers/audio.ts"),
    resolve(work, "bundles/audio"),
  );

  // Memory first, in a fresh isolate: the peak RSS a 90 s note adds to an idle workerd.
  let { mf, pid } = await startWorkerd([await worker("audio", script)]);
  let audio = await fetcher(mf, "audio");
  await audio.fetch("http://x/features", { method: "POST", body: (await note(50)).slice() }); // load, 1 s
  await resetPeakRss(pid);
  const idle = (await rss(pid)).rss;
  const res = await audio.fetch("http://x/features?runs=1", { method: "POST", body: note90.slice() });
  const { seconds } = (await res.json()) as { seconds: number };
  const peak = (await rss(pid)).peak - idle;
  const heap = (await (
    await audio.fetch("http://x/opus-heap", { method: "POST", body: note90.slice() })
  ).json()) as {
    before: number;
    after: number;
  };
  await mf.dispose();
  const samples16k = seconds * 16000 * 4;
  console.log(`\n90 s note (${seconds.toFixed(2)} s decoded), workerd:`);
  console.log(`  peak RSS over idle: ${(peak / MB).toFixed(1)} MB (JS heap + WASM + allocator slack)`);
  console.log(
    `  libopus WASM memory: ${(heap.before / MB).toFixed(2)} MB at start, ${(heap.after / MB).toFixed(2)} MB after 90 s`,
  );
  const window = 80 * 3000 * 8 + 80 * 3000 * 4 + 480400 * 4; // float64 mel, float32 out, padded input
  const batch = 50 * 960 * 4 * 3; // a second of 48 kHz floats: the decoder's copy, the resampler's, slack
  console.log(
    `  our buffers: input ${(note90.length / MB).toFixed(2)} MB, 16 kHz samples ${(samples16k / MB).toFixed(2)} MB ` +
      `(allocated once, from the granule), a batch ${(batch / MB).toFixed(2)} MB; then per 30 s window ${(window / MB).toFixed(2)} MB`,
  );
  console.log(
    `  accounted peak (WASM + live buffers): decoding ${((heap.after + note90.length + samples16k + batch) / MB).toFixed(1)} MB, ` +
      `features ${((note90.length + samples16k + window) / MB).toFixed(1)} MB`,
  );

  // Time: alternate workerd and Node on the 10 s note.
  ({ mf, pid } = await startWorkerd([await worker("audio", script)]));
  audio = await fetcher(mf, "audio");
  const ours: { decode: number[]; features: number[] } = { decode: [], features: [] };
  const node: { decode: number[]; features: number[] } = { decode: [], features: [] };
  await inNode(note10); // warm both
  await audio.fetch("http://x/features", { method: "POST", body: note10.slice() });
  for (let i = 0; i < rounds; i++) {
    const r = (await (
      await audio.fetch("http://x/features?runs=1", { method: "POST", body: note10.slice() })
    ).json()) as {
      decodeMs: number[];
      featuresMs: number[];
    };
    ours.decode.push(r.decodeMs[0]);
    ours.features.push(r.featuresMs[0]);
    const n = await inNode(note10);
    node.decode.push(n.decode);
    node.features.push(n.features);
  }
  await mf.dispose();
  const total = (t: typeof ours) => t.decode.map((d, i) => d + t.features[i]);
  console.log(`\n10 s note, ${rounds} alternating rounds, medians (warm):`);
  for (const [what, w, n] of [
    ["decode + resample", ours.decode, node.decode],
    ["log-mel (1 window)", ours.features, node.features],
    ["decode + features", total(ours), total(node)],
  ] as const) {
    console.log(
      `  ${what.padEnd(20)} workerd ${median(w).toFixed(1).padStart(6)} ms   Node ${median(n).toFixed(1).padStart(6)} ms   workerd/Node ${(median(w) / median(n)).toFixed(2)}`,
    );
  }
}

await main();
