/**
 * One speech package's memory and cold start, alone in this process (ORT-web's WASM memory is per
 * process, as it is per isolate): `tsx bench/speech-memory.ts DIR NOTE.wav [both|encoder|decoder]` prints
 * JSON. The figures are a speech isolate's budget terms: ORT's WASM linear memory plus the JS heap (V8's
 * used heap and the ArrayBuffers outside it), after a collection, once the sessions exist (cold start) and
 * after one note. `both`: the encoder and decoder in one process (one isolate); `encoder`: the speech
 * Worker's half (audio, log-mel, encoder, tokenizer), which writes each window's hidden states beside the
 * note (NOTE.wav.hidden) for `decoder`: the speech-decoder Worker's half, 32 tokens from those states.
 */
import { readFile, writeFile } from "node:fs/promises";
import { nodeWasm } from "../src/lib/node-wasm.node";
import { ortHeapBytes } from "../src/model/backends/onnx";
import { memoryReport } from "../src/model/memory";
import { directoryStore } from "../src/model/package/directory-store.node";
import { type DecodeRequest, WhisperDecoder, type WindowDecoder } from "../src/model/speech/decoder";
import { SpeechEngine } from "../src/model/speech/engine";
import { WhisperTokenizer } from "../src/model/speech/tokenizer";

const [dir, notePath, part = "both"] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
const TOKENS = 32;

function js(): number {
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** Stands in for the speech-decoder Worker: keeps the hidden states, decodes nothing. */
class HiddenStatesSink implements WindowDecoder {
  hidden: Float32Array[] = [];
  async decode(hidden: Float32Array, request: DecodeRequest) {
    this.hidden.push(hidden.slice());
    const tokenIds = [request.ids.endOfText];
    return { tokenIds, logprobSum: 0, scored: 1, noSpeechProb: 0, language: "en" as const };
  }
  async warm() {}
}

const baseline = js();
const ortWasm = await nodeWasm("onnxruntime-web/ort-wasm-simd-threaded.wasm");
const store = directoryStore(dir);
const started = performance.now();
const sink = new HiddenStatesSink();
let work: () => Promise<unknown>;
if (part === "decoder") {
  const decoder = await WhisperDecoder.open(store, { ortWasm });
  await decoder.warm();
  const { ids } = new WhisperTokenizer(
    JSON.parse(await readFile(`${dir}/tokenizer.json`, "utf8")),
    JSON.parse(await readFile(`${dir}/tokenizer_config.json`, "utf8")),
  );
  const bytes = await readFile(`${notePath}.hidden`);
  const hidden = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  work = () => decoder.decode(hidden, { ids, language: "en", maxNewTokens: TOKENS });
} else {
  const engine = await SpeechEngine.open(store, { ortWasm, decoder: part === "encoder" ? sink : undefined });
  await engine.warm();
  const note = new Uint8Array(await readFile(notePath));
  work = () => engine.transcribeAudio(note, { language: "en", maxNewTokens: TOKENS, maxSeconds: 90 });
}
const coldMs = performance.now() - started;
const afterStart = { wasm: ortHeapBytes(), js: js() - baseline };
const t = performance.now();
await work();
const firstMs = performance.now() - t;
const afterNote = { wasm: ortHeapBytes(), js: js() - baseline };
if (part === "encoder") await writeFile(`${notePath}.hidden`, sink.hidden[0]);
console.log(
  JSON.stringify({
    part,
    coldMs,
    firstMs,
    afterStart,
    afterNote,
    peakHeld: memoryReport().peakHeldBytes,
    sessions: memoryReport().sessionWasmBytes,
  }),
);
