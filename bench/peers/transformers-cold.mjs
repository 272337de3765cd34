// A new Node process -> Transformers.js's first zero-shot answer (bench section 4's peer): import,
// pipeline from a local path (no download), one photo against the labels. Prints {ms} from process start.
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { env, pipeline, RawImage } from "@huggingface/transformers";

const [dir, photo, labels] = process.argv.slice(2);
env.allowRemoteModels = false;
env.localModelPath = "/";
const pipe = await pipeline("zero-shot-image-classification", dir, {
  dtype: "q8",
  device: "cpu",
  session_options: { intraOpNumThreads: 1, interOpNumThreads: 1 },
});
const loaded = performance.now();
const image = await RawImage.fromBlob(new Blob([await readFile(photo)]));
await pipe(image, JSON.parse(labels));
console.log(JSON.stringify({ ms: performance.now(), loadMs: loaded }));
