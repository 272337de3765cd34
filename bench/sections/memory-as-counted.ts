/**
 * Section 7: each isolate's memory the way Cloudflare's 128 MB limit counts it ("the JavaScript heap and
 * WebAssembly allocations"), not RSS: the V8 heap in use and the ArrayBuffers outside it, sampled over
 * workerd's inspector while the work runs, plus ORT's WASM memory from the isolate's own accounting
 * (GET /debug/memory; it never shrinks, so its size after a phase is its peak in it). The three Workers
 * run in one workerd as deployed, each in its own isolate; phases: start, the first answer (every
 * session created), a warm answer, and 4 concurrent 12 MP photos. Custom labels make every request reach
 * the text Worker too.
 */
import { Miniflare } from "miniflare";
import type { HeapUsage } from "../../scripts/isolate-heap";
import type { MemoryReport } from "../../src/model/memory";
import type { BenchContext } from "../lib/context";
import { type HeapPeak, type HeapSampler, sampleHeap } from "../lib/heap-sampler";
import { goal, type Row, spread, step } from "../lib/report";
import { assess, serviceWorkers } from "../lib/service";
import { fetcher, installPackage, R2_PERSIST } from "../lib/workerd";

const SECTION = "7 memory as counted";
const MB = 1e6;
const GOAL_MB = 100;
const WORKERS = ["api", "tail", "text"] as const;
type WorkerName = (typeof WORKERS)[number];

interface Phase {
  name: string;
  js: HeapPeak;
  wasmBytes: number;
}

const mb = (n: number) => (n / MB).toFixed(1);

export async function memoryAsCountedSection({ packages, photos }: BenchContext): Promise<Row[]> {
  await installPackage(packages.packed);
  step("section 7: the three Workers in one workerd, each isolate's heap sampled over the inspector");
  const mf = new Miniflare({
    workers: await serviceWorkers(),
    r2Persist: R2_PERSIST,
    kvPersist: false,
    inspectorPort: 0,
  });
  const samplers = new Map<WorkerName, HeapSampler>();
  try {
    await mf.ready;
    const inspector = await mf.getInspectorURL();
    for (const name of WORKERS) {
      samplers.set(name, await sampleHeap(`ws://127.0.0.1:${inspector.port}/core:user:${name}`));
    }
    const phases = new Map<WorkerName, Phase[]>(WORKERS.map((w) => [w, []]));
    const phase = async (name: string, work: () => Promise<unknown>) => {
      for (const s of samplers.values()) await s.take(); // a new peak from here
      await work();
      for (const worker of WORKERS) {
        const js = await samplers.get(worker)!.take();
        const res = await (await fetcher(mf, worker)).fetch("http://x/debug/memory");
        const { wasmBytes } = (await res.json()) as MemoryReport;
        phases.get(worker)!.push({ name, js, wasmBytes });
      }
    };
    let n = 0;
    const labelled = () => assess(mf, photos.phone, [`a photo of skin, case ${++n}`, `a rash, case ${n}`]);
    await phase("start", async () => {});
    await phase("first answer", labelled);
    await phase("warm", labelled);
    await phase("4 concurrent", () => Promise.all([1, 2, 3, 4].map(labelled)));
    // Last, as it lowers what follows: how much of each peak was garbage V8 had not yet collected.
    const live = new Map<WorkerName, HeapUsage>();
    for (const worker of WORKERS) live.set(worker, await samplers.get(worker)!.live());

    return WORKERS.map((worker) => {
      const list = phases.get(worker)!;
      const sums = list.map((p) => p.js.jsBytes + p.wasmBytes);
      const peak = Math.max(...sums);
      const top = list[sums.indexOf(peak)];
      const parts = list
        .map(
          (p, i) =>
            `${p.name} ${mb(sums[i])} (JS heap ${mb(p.js.usedBytes)} of ${mb(p.js.totalBytes)} reserved + buffers ${mb(p.js.backingStoreBytes)} + WASM ${mb(p.wasmBytes)})`,
        )
        .join("; ");
      const after = live.get(worker)!;
      const collected = `after a full collection: JS heap ${mb(after.usedBytes)} + buffers ${mb(after.backingStoreBytes)} + WASM ${mb(list.at(-1)!.wasmBytes)} = ${mb(after.usedBytes + after.backingStoreBytes + list.at(-1)!.wasmBytes)}`;
      return goal(
        {
          section: SECTION,
          what: `memory as counted: ${worker}`,
          unit: "MB",
          ours: spread([peak / MB]),
          note: `peak at ${top.name}: ${parts}; ${collected}; MB, JS heap in use and ArrayBuffers at the highest inspector sample of the phase, WASM (ORT) after it`,
        },
        `<= ${GOAL_MB} MB`,
        GOAL_MB,
        "ours",
      );
    });
  } finally {
    for (const s of samplers.values()) s.close();
    await mf.dispose();
  }
}
