/**
 * One speech package's memory and cold start, alone in this process (ORT-web's WASM memory is per
 * process, as it is per isolate): `tsx bench/speech-memory.ts DIR NOTE.wav` prints JSON. The figures are
 * the speech Worker's budget terms: ORT's WASM linear memory plus the JS heap (V8's used heap and the
 * ArrayBuffers outside it), after a collection, once the sessions exist (cold start) and after one note.
 */
import { readFile } from "node:fs/promises";
import { nodeWasm } from "../src/lib/node-wasm.node";
import { ortHeapBytes } from "../src/model/backends/onnx";
import { memoryReport } from "../src/model/memory";
import { directoryStore } from "../src/model/package/directory-store.node";
import { SpeechEngine } from "../src/model/speech/engine";

const [dir, notePath] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;

function js(): number {
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

const baseline = js();
const ortWasm = await nodeWasm("onnxruntime-web/ort-wasm-simd-threaded.wasm");
const started = performance.now();
const engine = await SpeechEngine.open(directoryStore(dir), { ortWasm });
await engine.warm();
const coldMs = performance.now() - started;
const afterStart = { wasm: ortHeapBytes(), js: js() - baseline };
const note = new Uint8Array(await readFile(notePath));
const t = performance.now();
await engine.transcribeAudio(note, { language: "en", maxNewTokens: 32, maxSeconds: 90 });
const firstMs = performance.now() - t;
const afterNote = { wasm: ortHeapBytes(), js: js() - baseline };
console.log(
  JSON.stringify({
    coldMs,
    firstMs,
    afterStart,
    afterNote,
    peakHeld: memoryReport().peakHeldBytes,
    sessions: memoryReport().sessionWasmBytes,
  }),
);
