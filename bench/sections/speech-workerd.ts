/**
 * Section 8, in workerd: the speech Worker (bundled as deployed, its own isolate) with the packed
 * whisper-tiny package in local R2, called by RPC as the API Worker calls it. Its memory as Cloudflare's
 * limit counts it (the V8 heap in use and ArrayBuffers outside it, sampled over workerd's inspector while
 * the work runs, plus ORT's WASM memory from GET /debug/memory: it never shrinks, so its size after a phase
 * is its peak in it), and a 10 s note end to end (WAV decoding, log-mel, encoder, greedy decoding up to
 * the Worker's 224 tokens) against Transformers.js's pipeline and ours on onnxruntime-node in this Node
 * process, on the same files (the pipeline and onnxruntime-node read the package's .onnx graphs, the
 * Worker its packed .ort ones), alternating rounds.
 */
import { Miniflare } from "miniflare";
import type { MemoryReport } from "../../src/model/memory";
import type { SpeechAnswer, SpeechRequestOptions } from "../../src/model/remote/speech-protocol";
import { type HeapPeak, sampleHeap } from "../lib/heap-sampler";
import { alternate, compare, goal, type Row, spread, step } from "../lib/report";
import { bundles, installPackage, R2_PERSIST, worker } from "../lib/workerd";

const SECTION = "8 speech";
const MB = 1e6;
const GOAL_MB = 100;
const PREFIX = "models/speech/active";

// Calls the speech Worker by RPC through a service binding, as the API Worker does, for requests from
// Node: Miniflare's own RPC proxy from Node dropped its connection on notes of several seconds.
const CALLER = `export default {
  async fetch(request, env) {
    const path = new URL(request.url).pathname;
    if (path === "/warm") return Response.json(await env.SPEECH.warm());
    if (path === "/transcribe") {
      const audio = new Uint8Array(await request.arrayBuffer());
      return Response.json(await env.SPEECH.transcribe(audio, JSON.parse(request.headers.get("x-options"))));
    }
    return env.SPEECH.fetch(request);
  },
};`;

/** The same note in this Node process, up to `maxNewTokens` (the Worker's count, so the same work). */
export interface NodePeers {
  /** Transformers.js's automatic-speech-recognition pipeline (onnxruntime-node). */
  pipeline(maxNewTokens: number): Promise<unknown>;
  /** Ours on onnxruntime-node. */
  native(maxNewTokens: number): Promise<unknown>;
}

const mb = (n: number) => (n / MB).toFixed(1);

export async function speechInWorkerd(
  packed: string,
  note: Uint8Array,
  rounds: number,
  peers: NodePeers,
): Promise<Row[]> {
  await installPackage(packed, PREFIX);
  step(
    "section 8: the speech Worker in workerd (packed whisper-tiny), its isolate sampled over the inspector",
  );
  const b = await bundles();
  const mf = new Miniflare({
    workers: [
      {
        name: "caller",
        modules: true,
        script: CALLER,
        compatibilityDate: "2026-04-20",
        serviceBindings: { SPEECH: "speech" },
      },
      await worker("speech", b.speech, {
        bindings: { SPEECH_MODEL_PREFIX: PREFIX, MAX_VOICE_SECONDS: "90", DEBUG_MEMORY: "1" },
      }),
    ],
    r2Persist: R2_PERSIST,
    kvPersist: false,
    inspectorPort: 0,
  });
  try {
    await mf.ready;
    const inspector = await mf.getInspectorURL();
    const sampler = await sampleHeap(`ws://127.0.0.1:${inspector.port}/core:user:speech`);
    const call = async (path: string, init?: RequestInit) => {
      const res = (await mf.dispatchFetch(`http://caller${path}`, init as never)) as unknown as Response;
      if (!res.ok)
        throw new Error(`the speech Worker answered ${path} with ${res.status}: ${await res.text()}`);
      return res.json();
    };
    const options: SpeechRequestOptions = { language: "en" };
    const phases: { name: string; js: HeapPeak; wasmBytes: number }[] = [];
    const phase = async (name: string, work: () => Promise<unknown>) => {
      step(`section 8: speech Worker, ${name}`);
      await sampler.take(); // a new peak from here
      await work();
      const js = await sampler.take();
      const { wasmBytes } = (await call("/debug/memory")) as MemoryReport;
      phases.push({ name, js, wasmBytes });
    };
    let tokens = 0;
    const transcribe = async () => {
      const started = performance.now();
      const answer = (await call("/transcribe", {
        method: "POST",
        body: note.slice(),
        headers: { "x-options": JSON.stringify(options) },
      })) as SpeechAnswer;
      if (!answer.ok) throw new Error(`the speech Worker answered ${JSON.stringify(answer)}`);
      tokens = answer.transcript.tokenIds.length;
      return performance.now() - started;
    };
    await phase("start", async () => {});
    await phase("warm (both sessions)", () => call("/warm"));
    await phase("first note", transcribe);

    let ms: [number[], number[], number[], number[]] = [[], [], [], []];
    await phase(`${rounds * 4} more notes`, async () => {
      const timedPeer = (run: (n: number) => Promise<unknown>) => async () => {
        const started = performance.now();
        await run(tokens);
        return performance.now() - started;
      };
      const [a, tjs] = await alternate(rounds, transcribe, timedPeer(peers.pipeline));
      const [c, native] = await alternate(rounds, transcribe, timedPeer(peers.native));
      ms = [a, tjs, c, native];
    });
    sampler.close();

    const sums = phases.map((p) => p.js.jsBytes + p.wasmBytes);
    const peak = Math.max(...sums);
    const parts = phases
      .map(
        (p, i) =>
          `${p.name} ${mb(sums[i])} (JS heap ${mb(p.js.usedBytes)} + buffers ${mb(p.js.backingStoreBytes)} + WASM ${mb(p.wasmBytes)})`,
      )
      .join("; ");
    const what = `a 10 s voice note end to end in workerd (speech Worker, packed whisper-tiny, ${tokens} tokens)`;
    return [
      goal(
        {
          section: SECTION,
          what: "memory as counted: speech",
          unit: "MB",
          ours: spread([peak / MB]),
          note: `peak at ${phases[sums.indexOf(peak)].name}: ${parts}; MB`,
        },
        `<= ${GOAL_MB} MB`,
        GOAL_MB,
        "ours",
      ),
      compare(
        { section: SECTION, what, unit: "ms", peerName: "TJS ASR pipeline (Node, native)" },
        ms[0],
        ms[1],
      ),
      compare({ section: SECTION, what, unit: "ms", peerName: "ours on onnxruntime-node" }, ms[2], ms[3]),
    ];
  } finally {
    await mf.dispose();
  }
}
