/**
 * Section 8: a 10 s voice note end to end (decode the WAV, log-mel, encoder, greedy decoding of 32 tokens)
 * on the synthetic whisper-tiny package (the real shapes), in one Node process, one thread each,
 * alternating rounds: ours on onnxruntime-web's WASM (what the speech Worker runs) against Transformers.js's
 * automatic-speech-recognition pipeline and against ours on onnxruntime-node (native). Then each package
 * size's memory and cold start, alone in a process (bench/speech-memory.ts), and each packed package's two
 * halves (the speech Worker's and the speech-decoder Worker's) alone. Then the two speech Workers in
 * workerd (speech-workerd.ts): each isolate's memory as counted, and the same note end to end there
 * against the pipeline and onnxruntime-node.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { type AutomaticSpeechRecognitionPipeline, env, pipeline } from "@huggingface/transformers";
import * as ortNode from "onnxruntime-node";
import { decodeAudio } from "../../src/audio";
import { nodeWasm } from "../../src/lib/node-wasm.node";
import { directoryStore } from "../../src/model/package/directory-store.node";
import { SpeechEngine } from "../../src/model/speech/engine";
import { packSpeechPackage } from "../../src/packing/pack-speech";
import { writeSyntheticWhisper } from "../../src/synthetic/whisper/package";
import type { BenchContext } from "../lib/context";
import { root, work } from "../lib/packages";
import { alternate, compare, type Row, spread, step, timed } from "../lib/report";
import { speechInWorkerd } from "./speech-workerd";
import { ONE_THREAD } from "./transformers";

const SECTION = "8 speech";
const TOKENS = 32;
const MB = 1e6;

/** A `seconds` long 16 kHz WAV (note-10s.wav, note-90s.wav): the English fixture sentence repeated. */
async function noteOf(seconds: number): Promise<Uint8Array> {
  const path = resolve(work, `note-${seconds}s.wav`);
  if (existsSync(path)) return new Uint8Array(await readFile(path));
  const fixture = new Uint8Array(await readFile(resolve(root, "test/fixtures/audio/en.wav")));
  const { samples } = await decodeAudio(fixture);
  const n = 16_000 * seconds;
  const wav = Buffer.alloc(44 + 2 * n);
  wav.write("RIFF", 0);
  wav.writeUInt32LE(36 + 2 * n, 4);
  wav.write("WAVEfmt ", 8);
  for (const [at, v, bytes] of [
    [16, 16, 4],
    [20, 1, 2],
    [22, 1, 2],
    [24, 16000, 4],
    [28, 32000, 4],
    [32, 2, 2],
    [34, 16, 2],
  ])
    bytes === 4 ? wav.writeUInt32LE(v, at) : wav.writeUInt16LE(v, at);
  wav.write("data", 36);
  wav.writeUInt32LE(2 * n, 40);
  for (let i = 0; i < n; i++) wav.writeInt16LE(Math.round(samples[i % samples.length] * 32767), 44 + 2 * i);
  await writeFile(path, wav);
  return new Uint8Array(wav);
}

async function speechPackages(): Promise<Record<string, string>> {
  const dirs: Record<string, string> = {};
  for (const size of ["tiny", "base"] as const) {
    const dir = resolve(work, `whisper-${size}`);
    if (!existsSync(resolve(dir, "manifest.json"))) await writeSyntheticWhisper({ size, outDir: dir });
    const packed = `${dir}-packed`;
    if (!existsSync(resolve(packed, "manifest.json"))) await packSpeechPackage(dir, packed);
    dirs[size] = dir;
    dirs[`${size} packed`] = packed;
  }
  return dirs;
}

export async function speechSection({ rounds, notes }: BenchContext): Promise<Row[]> {
  const packages = await speechPackages();
  const note = await noteOf(10);
  const tiny = packages.tiny;
  step("section 8: whisper-tiny (synthetic), a 10 s note, ours (WASM) vs Transformers.js vs ours (native)");
  const wasm = await SpeechEngine.open(directoryStore(tiny), {
    ortWasm: await nodeWasm("onnxruntime-web/ort-wasm-simd-threaded.wasm"),
  });
  const native = await SpeechEngine.open(directoryStore(tiny), {
    native: ortNode as never,
    executionProvider: "cpu",
  });
  env.allowRemoteModels = false;
  env.localModelPath = "/";
  const asr = (await pipeline("automatic-speech-recognition", tiny, {
    dtype: "q8",
    device: "cpu",
    session_options: ONE_THREAD,
  })) as AutomaticSpeechRecognitionPipeline;
  const options = { language: "en" as const, maxNewTokens: TOKENS, maxSeconds: 90 };
  const ours = () => timed(() => wasm.transcribeAudio(note, options));
  const peer = () =>
    timed(async () => {
      // The pipeline takes samples: decoding the WAV is on its side too.
      const { samples } = await decodeAudio(note);
      await asr(samples, { language: "en", task: "transcribe", max_new_tokens: TOKENS });
    });
  const oursNative = () => timed(() => native.transcribeAudio(note, options));
  const [oursVsTjs, tjs] = await alternate(rounds, ours, peer);
  const [oursVsNative, nativeMs] = await alternate(rounds, ours, oursNative);
  const voiceNotes = { tenSeconds: note, ninetySeconds: await noteOf(90) };
  const inWorkerd = await speechInWorkerd(packages["tiny packed"], voiceNotes, rounds, {
    pipeline: async (maxNewTokens) => {
      const { samples } = await decodeAudio(note);
      await asr(samples, { language: "en", task: "transcribe", max_new_tokens: maxNewTokens });
    },
    native: (maxNewTokens) => native.transcribeAudio(note, { ...options, maxNewTokens }),
  });
  await asr.dispose();

  const rows: Row[] = [
    compare(
      {
        section: SECTION,
        what: `10 s note, ${TOKENS} tokens, whisper-tiny shapes (WASM)`,
        unit: "ms",
        peerName: "TJS ASR pipeline (native)",
      },
      oursVsTjs,
      tjs,
    ),
    compare(
      {
        section: SECTION,
        what: `10 s note, ${TOKENS} tokens, whisper-tiny shapes (WASM)`,
        unit: "ms",
        peerName: "ours on onnxruntime-node",
      },
      oursVsNative,
      nativeMs,
    ),
    ...inWorkerd,
  ];
  const notePath = resolve(work, "note-10s.wav");
  for (const [name, dir] of Object.entries(packages)) {
    step(`section 8: memory and cold start of whisper-${name}, alone in a process`);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--expose-gc", "--import", "tsx", resolve(root, "bench/speech-memory.ts"), dir, notePath],
      { cwd: root, maxBuffer: 1 << 20 },
    );
    const m = JSON.parse(stdout.trim().split("\n").pop() ?? "{}");
    const one = (v: number) => spread([v]);
    rows.push(
      {
        section: SECTION,
        what: `whisper-${name}: cold start (open + both sessions)`,
        unit: "ms",
        ours: one(m.coldMs),
      },
      {
        section: SECTION,
        what: `whisper-${name}: WASM + JS after start`,
        unit: "MB",
        ours: one((m.afterStart.wasm + m.afterStart.js) / MB),
        goal: { text: "<= 128 MB", met: m.afterStart.wasm + m.afterStart.js <= 128 * MB },
      },
      {
        section: SECTION,
        what: `whisper-${name}: WASM + JS after one 10 s note`,
        unit: "MB",
        ours: one((m.afterNote.wasm + m.afterNote.js) / MB),
        goal: { text: "<= 128 MB", met: m.afterNote.wasm + m.afterNote.js <= 128 * MB },
      },
    );
    notes.push(
      `8 whisper-${name}: WASM ${(m.afterStart.wasm / MB).toFixed(0)} -> ${(m.afterNote.wasm / MB).toFixed(0)} MB, JS ${(m.afterStart.js / MB).toFixed(0)} -> ${(m.afterNote.js / MB).toFixed(0)} MB`,
    );
    if (!name.endsWith("packed")) continue;
    // As the two speech Workers hold it: each half alone in a process (the decoder reads the encoder's states).
    for (const part of ["encoder", "decoder"]) {
      const { stdout: out } = await promisify(execFile)(
        process.execPath,
        ["--expose-gc", "--import", "tsx", resolve(root, "bench/speech-memory.ts"), dir, notePath, part],
        { cwd: root, maxBuffer: 1 << 20 },
      );
      const h = JSON.parse(out.trim().split("\n").pop() ?? "{}");
      const sum = h.afterNote.wasm + h.afterNote.js;
      rows.push({
        section: SECTION,
        what: `whisper-${name}: speech-${part} half alone, WASM + JS after one 10 s note`,
        unit: "MB",
        ours: one(sum / MB),
        goal: { text: "<= 100 MB", met: sum <= 100 * MB },
        note: `WASM ${(h.afterStart.wasm / MB).toFixed(1)} -> ${(h.afterNote.wasm / MB).toFixed(1)}, JS ${(h.afterNote.js / MB).toFixed(1)} MB`,
      });
    }
  }
  return rows;
}
