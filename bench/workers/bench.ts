import { Hono } from "hono";
import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { CLIP_PREPROCESSOR, prepareImage } from "../../src/image";
import { loadIntoHeap } from "../../src/model/backends/heap-loader";
import { startOrt, useOrtWasm } from "../../src/model/backends/onnx";
import { readLabelEmbeddings } from "../../src/model/label-embeddings";
import { runVisionStages, visionStages } from "../../src/model/onnx-towers";
import { readManifest } from "../../src/model/package/load";
import { r2Store } from "../../src/model/package/store";
import { readTokenizer } from "../../src/model/tokenizer";

/**
 * What `npm run bench` times inside workerd, one request per measurement so that Node drives the
 * alternation: the packed vision stages on given pixels, decode + preprocess of a photo, and the
 * steps of a cold start one by one.
 */
interface BenchEnv {
  MODELS: R2Bucket;
  MODEL_PREFIX: string;
}

const app = new Hono<{ Bindings: BenchEnv }>();
const store = (env: BenchEnv) => r2Store(env.MODELS, env.MODEL_PREFIX);
const timedMs = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};
const runsOf = (url: string) => Number(new URL(url).searchParams.get("runs") ?? "1");

/** Every packed vision stage in this isolate, `runs` times on the posted float32 pixels [1,3,224,224]. */
app.post("/vision", async (c) => {
  const pixels = new Float32Array(await c.req.arrayBuffer());
  const s = store(c.env);
  const manifest = await readManifest(s);
  const context = { store: s, manifest, ortWasm };
  const ms: number[] = [];
  let embedding: Float32Array | undefined;
  for (let i = 0; i < runsOf(c.req.url); i++) {
    const started = performance.now();
    const out = await runVisionStages(context, visionStages(manifest), {
      data: pixels,
      dims: [1, 3, 224, 224],
    });
    ms.push(performance.now() - started);
    embedding = out.data;
  }
  return c.json({ ms, embedding: Array.from(embedding ?? []) });
});

/** Decode + preprocess (CLIP's crop, normalised) of the posted photo, `runs` times; `exact=1`: full decode. */
app.post("/prepare", async (c) => {
  const photo = new Uint8Array(await c.req.arrayBuffer());
  const exact = new URL(c.req.url).searchParams.get("exact") === "1";
  const ms: number[] = [];
  let bytesHeld = 0;
  for (let i = 0; i < runsOf(c.req.url); i++) {
    const started = performance.now();
    const prepared = await prepareImage(photo, CLIP_PREPROCESSOR, { exact });
    ms.push(performance.now() - started);
    bytesHeld = prepared.bytesHeld;
  }
  return c.json({ ms, bytesHeld });
});

/**
 * A cold start's steps, each timed alone, as the Workers' heapSession runs them: ORT's WASM start,
 * the graph streamed from R2 into the heap (hashed on the way), session creation, first and second run.
 * `stage` picks a vision stage; `text` the text tower (with its tokenizer). Call once per new isolate.
 */
app.post("/cold", async (c) => {
  const t0 = performance.now();
  const s = store(c.env);
  const manifest = await readManifest(s);
  const tower = c.req.query("tower") ?? "0";
  const spec = tower === "text" ? manifest.text : visionStages(manifest)[Number(tower)];
  const t1 = performance.now();
  await startOrt(ortWasm);
  const t2 = performance.now();
  const model = await loadIntoHeap(s, manifest, spec.file);
  const t3 = performance.now();
  const ort = useOrtWasm(ortWasm);
  const session = await ort.InferenceSession.create(model.bytes, {
    executionProviders: ["wasm"],
    extra: { session: { use_ort_model_bytes_directly: "1", use_ort_model_bytes_for_initializers: "1" } },
  });
  const t4 = performance.now();
  let feeds: Record<string, InstanceType<typeof ort.Tensor>>;
  let tokenizerMs = 0;
  if (tower === "text") {
    const tokenizer = await readTokenizer(s, manifest);
    tokenizerMs = performance.now() - t4;
    const { ids, dims } = tokenizer.encodeTensor("a photo of a skin rash");
    feeds = { [spec.input]: new ort.Tensor("int64", ids, dims) };
  } else {
    const dims = tower === "0" ? [1, 3, 224, 224] : [1, 50, 768];
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1)).fill(0.1);
    feeds = { [spec.input]: new ort.Tensor("float32", data, dims) };
  }
  const t5 = performance.now();
  await session.run(feeds);
  const t6 = performance.now();
  await session.run(feeds);
  const t7 = performance.now();
  // The main Worker also reads the package's label table before its first answer.
  const labelsMs = tower === "0" ? await timedMs(() => readLabelEmbeddings(s, manifest)) : 0;
  return c.json({
    labelsMs,
    manifestMs: t1 - t0,
    wasmMs: t2 - t1,
    r2Ms: t3 - t2,
    sessionMs: t4 - t3,
    tokenizerMs,
    firstRunMs: t6 - t5,
    warmRunMs: t7 - t6,
  });
});

/** ORT's WASM started and nothing else: what compiled code and ORT's runtime add to the process. */
app.post("/ort-start", async (c) => {
  await startOrt(ortWasm);
  return c.text("ok");
});

/** A tower's file streamed from local R2 and dropped: what the local R2 simulator adds to the process. */
app.post("/r2-read", async (c) => {
  const s = store(c.env);
  const manifest = await readManifest(s);
  const tower = c.req.query("tower") ?? "0";
  const spec = tower === "text" ? manifest.text : visionStages(manifest)[Number(tower)];
  const object = await s.stream!(spec.file);
  const reader = object!.body.getReader();
  let bytes = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) bytes += next.value.byteLength;
  return c.json({ bytes });
});

app.get("/", (c) => c.text("ok"));

export default app;
