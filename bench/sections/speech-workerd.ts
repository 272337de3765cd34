/**
 * Section 8, in workerd: the two speech Workers (bundled as deployed, each its own isolate) with the packed
 * whisper-tiny package in local R2, called by RPC as the API Worker calls them: the speech Worker (audio,
 * log-mel, encoder) sends each window's hidden states to the speech-decoder Worker. Each isolate's memory
 * as Cloudflare's limit counts it (the V8 heap in use and ArrayBuffers outside it, sampled over workerd's
 * inspector while the work runs, plus ORT's WASM memory from GET /debug/memory: it never shrinks, so its
 * size after a phase is its peak in it). The samples fall between tasks, so they miss what a decoder
 * window holds while it runs; the Workers' own count of WASM plus the arrays they hold at each run (the
 * debug endpoint's peak) does not, and the higher of the two sums is the row's. Over a warm-up, the 10 s notes of the timing rounds and a 90 s
 * note (three windows); and a 10 s note end to end (WAV decoding, log-mel, encoder, greedy decoding up to
 * the Worker's 224 tokens) against Transformers.js's pipeline and ours on onnxruntime-node in this Node
 * process, on the same files (the pipeline and onnxruntime-node read the package's .onnx graphs, the
 * Workers their packed .ort ones), alternating rounds.
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
// /decoder/... reaches the speech-decoder Worker's fetch (its GET /debug/memory).
const CALLER = `export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/warm") return Response.json(await env.SPEECH.warm());
    if (url.pathname === "/transcribe") {
      const audio = new Uint8Array(await request.arrayBuffer());
      return Response.json(await env.SPEECH.transcribe(audio, JSON.parse(request.headers.get("x-options"))));
    }
    if (url.pathname.startsWith("/decoder/")) {
      return env.DECODER.fetch(new Request(new URL(url.pathname.slice("/decoder".length), url), request));
    }
    return env.SPEECH.fetch(request);
  },
};`;

/** The two isolates, as the rows name them, and the Miniflare Worker each runs in. */
const ISOLATES = [
  { row: "speech-encoder", worker: "speech", debug: "/debug/memory" },
  { row: "speech-decoder", worker: "speech-decoder", debug: "/decoder/debug/memory" },
] as const;

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
  notes: { tenSeconds: Uint8Array; ninetySeconds: Uint8Array },
  rounds: number,
  peers: NodePeers,
): Promise<Row[]> {
  const note = notes.tenSeconds;
  await installPackage(packed, PREFIX);
  step(
    "section 8: the speech Workers in workerd (packed whisper-tiny), each isolate sampled over the inspector",
  );
  const b = await bundles();
  const mf = new Miniflare({
    workers: [
      {
        name: "caller",
        modules: true,
        script: CALLER,
        compatibilityDate: "2026-04-20",
        serviceBindings: { SPEECH: "speech", DECODER: "speech-decoder" },
      },
      await worker("speech", b.speech, {
        bindings: { SPEECH_MODEL_PREFIX: PREFIX, MAX_VOICE_SECONDS: "90", DEBUG_MEMORY: "1" },
        serviceBindings: { SPEECH_DECODER: "speech-decoder" },
      }),
      await worker("speech-decoder", b.speechDecoder, {
        bindings: { SPEECH_MODEL_PREFIX: PREFIX, DEBUG_MEMORY: "1" },
      }),
    ],
    r2Persist: R2_PERSIST,
    kvPersist: false,
    inspectorPort: 0,
  });
  try {
    await mf.ready;
    const inspector = await mf.getInspectorURL();
    const samplers = await Promise.all(
      ISOLATES.map((i) => sampleHeap(`ws://127.0.0.1:${inspector.port}/core:user:${i.worker}`)),
    );
    const call = async (path: string, init?: RequestInit) => {
      const res = (await mf.dispatchFetch(`http://caller${path}`, init as never)) as unknown as Response;
      if (!res.ok)
        throw new Error(`the speech Worker answered ${path} with ${res.status}: ${await res.text()}`);
      return res.json();
    };
    const options: SpeechRequestOptions = { language: "en" };
    // Per isolate, in ISOLATES' order.
    const phases: { name: string; js: HeapPeak; wasmBytes: number; counted: number }[][] = ISOLATES.map(
      () => [],
    );
    const phase = async (name: string, work: () => Promise<unknown>) => {
      step(`section 8: speech Workers, ${name}`);
      // A new peak from here, sampled and counted.
      for (const sampler of samplers) await sampler.take();
      for (const isolate of ISOLATES) await call(`${isolate.debug}/reset-peak`, { method: "POST" });
      await work();
      for (const [i, isolate] of ISOLATES.entries()) {
        const js = await samplers[i].take();
        const { wasmBytes, peakBytes } = (await call(isolate.debug)) as MemoryReport;
        phases[i].push({ name, js, wasmBytes, counted: peakBytes });
      }
    };
    let tokens = 0;
    let notesHeard = 0;
    const transcribe = async (audio = note) => {
      const started = performance.now();
      const answer = (await call("/transcribe", {
        method: "POST",
        body: audio.slice(),
        headers: { "x-options": JSON.stringify(options) },
      })) as SpeechAnswer;
      if (!answer.ok) throw new Error(`the speech Worker answered ${JSON.stringify(answer)}`);
      if (audio === note) tokens = answer.transcript.tokenIds.length;
      notesHeard++;
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
      const [a, tjs] = await alternate(rounds, () => transcribe(), timedPeer(peers.pipeline));
      const [c, native] = await alternate(rounds, () => transcribe(), timedPeer(peers.native));
      ms = [a, tjs, c, native];
    });
    await phase("a 90 s note", () => transcribe(notes.ninetySeconds));
    for (const sampler of samplers) sampler.close();

    const memoryRows = ISOLATES.map((isolate, i) => {
      // Sampled: heap + buffers + WASM. Counted: heap + (WASM + the arrays held at a run).
      const sums = phases[i].map((p) => Math.max(p.js.jsBytes + p.wasmBytes, p.js.usedBytes + p.counted));
      const peak = Math.max(...sums);
      const parts = phases[i]
        .map(
          (p, j) =>
            `${p.name} ${mb(sums[j])} (JS heap ${mb(p.js.usedBytes)} + buffers ${mb(p.js.backingStoreBytes)} + WASM ${mb(p.wasmBytes)}; counted at a run: WASM + held arrays ${mb(p.counted)})`,
        )
        .join("; ");
      return goal(
        {
          section: SECTION,
          what: `memory as counted: ${isolate.row}`,
          unit: "MB",
          ours: spread([peak / MB]),
          note: `peak of ${notesHeard} notes at ${phases[i][sums.indexOf(peak)].name}: ${parts}; MB`,
        },
        `<= ${GOAL_MB} MB`,
        GOAL_MB,
        "ours",
      );
    });
    const what = `a 10 s voice note end to end in workerd (speech Worker, packed whisper-tiny, ${tokens} tokens)`;
    return [
      ...memoryRows,
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
