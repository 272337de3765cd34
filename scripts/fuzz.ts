/**
 * `npm run test:fuzz -- --n 10000 [--seed 1]`: the big run of the API fuzz (test/routes/fuzz.test.ts is
 * the CI-sized one). Starts `wrangler dev` as a user would, with the tiny synthetic model, sends N seeded
 * fuzzed requests to POST /v1/assessments from loopback, and prints the counts by status code, the
 * latencies (median, 99th percentile, maximum, the slowest requests with the load average when they
 * ran) and the memory: the RSS of wrangler's workerd (all three Workers in one process), and the API
 * isolate's own: its JS heap (from the inspector) and its accounting (GET /debug/memory: ORT's WASM heap
 * plus the buffers it holds). Exits 1 on any 5xx, on a request over the time bound, when a valid request
 * fails afterwards, when the isolate still holds a photo's buffers once every request has been answered,
 * or when the isolate's JS heap in use and its accounted peak together exceed Workers' 128 MB.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { MemoryReport } from "../src/model/memory";
import { writeSyntheticPackage } from "../src/synthetic";
import { fuzzRequests } from "../test/fuzz/requests";
import { startWranglerDev } from "../test/node/e2e/wrangler-dev";
import { TEST_IMAGES } from "../test/support/test-images";
import { writeTestImages } from "../test/support/test-images.node";
import { connectHeapProbe } from "./isolate-heap";

const LIMIT_MS = 15_000;
const ISOLATE_LIMIT_BYTES = 128 * 2 ** 20;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
// wrangler dev enforces RATE_LIMITER (60 a minute per key): the requests rotate over enough keys.
const KEYS = Array.from({ length: 400 }, (_, i) => `fuzz-key-${i}`);

/** Resident memory of every workerd in the process group (wrangler dev runs one for all the Workers). */
async function workerdRss(group: number): Promise<number> {
  let total = 0;
  for (const pid of await readdir("/proc").catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== group || !stat.includes("(workerd)")) continue;
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  }
  return total;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { n: { type: "string" }, seed: { type: "string" } } });
  const count = Number(values.n ?? 1000);
  const seed = Number(values.seed ?? 1);
  const work = await mkdtemp(join(tmpdir(), "dermedge-fuzz-"));
  const server = await (async () => {
    console.log(`fuzz: ${count} requests, seed ${seed}; starting wrangler dev with the tiny synthetic model`);
    await writeSyntheticPackage({ size: "tiny", outDir: join(work, "model") });
    await writeTestImages(join(work, "images"));
    return startWranglerDev({
      modelDir: join(work, "model"),
      logPath: join(work, "wrangler-dev.log"),
      vars: { API_KEYS: KEYS.join(","), DEBUG_MEMORY: "1" },
    });
  })();
  const failures: string[] = [];
  const statuses: Record<number, number> = {};
  const latencies: { ms: number; index: number; kind: string; status: number; load: number }[] = [];
  const isolateMemory = async () =>
    (await (await fetch(`${server.url}/debug/memory`)).json()) as MemoryReport;
  let isolate = await isolateMemory();
  const heap = await connectHeapProbe(server.inspectorUrl);
  let maxHeap = await heap.usage();
  const sampleHeap = async () => {
    const now = await heap.usage();
    maxHeap = {
      usedBytes: Math.max(maxHeap.usedBytes, now.usedBytes),
      totalBytes: Math.max(maxHeap.totalBytes, now.totalBytes),
      backingStoreBytes: Math.max(maxHeap.backingStoreBytes, now.backingStoreBytes),
    };
    return now;
  };
  let maxRss = await workerdRss(server.processGroup);
  const startRss = maxRss;
  const sampler = setInterval(async () => {
    maxRss = Math.max(maxRss, await workerdRss(server.processGroup));
    await sampleHeap().catch(() => {}); // the inspector may be busy while a request runs
  }, 250);
  try {
    const photos = await Promise.all(
      (["photo", "photoPng", "photoWebp", "portrait"] as const).map(
        async (name) => new Uint8Array(await readFile(join(work, "images", TEST_IMAGES[name]))),
      ),
    );
    let i = 0;
    for (const request of fuzzRequests(photos, count, seed)) {
      const started = performance.now();
      const res = await fetch(`${server.url}/v1/assessments`, {
        method: "POST",
        body: request.body as Uint8Array<ArrayBuffer>,
        headers: { "content-type": request.contentType, authorization: `Bearer ${KEYS[i % KEYS.length]}` },
        signal: AbortSignal.timeout(LIMIT_MS * 2),
      }).catch((error: Error) => ({ status: 0, text: async () => error.message }));
      const body = await res.text();
      const ms = performance.now() - started;
      latencies.push({ ms, index: i, kind: request.kind, status: res.status, load: loadavg()[0] });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status >= 500 || res.status === 0)
        failures.push(`#${i} ${request.kind}: ${res.status} ${body.slice(0, 200)}`);
      if (ms > LIMIT_MS) failures.push(`#${i} ${request.kind}: ${ms.toFixed(0)} ms`);
      if (++i % 500 === 0) {
        isolate = await isolateMemory();
        const rss = await workerdRss(server.processGroup);
        const js = await sampleHeap();
        console.log(
          `  ${i}/${count}: ${JSON.stringify(statuses)}; RSS ${mb(rss)} MB; API isolate: JS heap ${mb(js.usedBytes)} of ${mb(js.totalBytes)} MB, ORT + held ${mb(isolate.totalBytes)} MB (peak ${mb(isolate.peakBytes)})`,
        );
      }
    }
    const form = new FormData();
    form.append("image", new File([photos[0] as Uint8Array<ArrayBuffer>], "photo.jpg"));
    const after = await fetch(`${server.url}/v1/assessments`, {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${KEYS[0]}` },
    });
    if (after.status !== 200) failures.push(`a valid request afterwards: ${after.status}`);
    isolate = await isolateMemory();
    // Every request has been answered: a buffer still held is a reservation some path never released.
    if (Object.keys(isolate.heldBytes).length > 0)
      failures.push(`still held after the run: ${JSON.stringify(isolate.heldBytes)}`);
    await sampleHeap();
    // Both maxima together bound the isolate's true peak from above. `used` counts garbage not yet
    // collected too; `total` is what V8 reserved, which grows freely where no limit is set (as here).
    if (maxHeap.usedBytes + isolate.peakBytes > ISOLATE_LIMIT_BYTES)
      failures.push(
        `the API isolate may exceed 128 MB: JS heap ${mb(maxHeap.usedBytes)} MB + ORT and buffers ${mb(isolate.peakBytes)} MB`,
      );
  } finally {
    clearInterval(sampler);
    heap.close();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
  const sorted = [...latencies].sort((a, b) => a.ms - b.ms);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.ms ?? 0;
  console.log(`\nstatus codes: ${JSON.stringify(statuses)}`);
  console.log(
    `latency: median ${at(0.5).toFixed(0)} ms, p99 ${at(0.99).toFixed(0)} ms, max ${at(1).toFixed(0)} ms (bound ${LIMIT_MS} ms)`,
  );
  for (const slow of sorted.slice(-5).reverse()) {
    console.log(
      `  #${slow.index} ${slow.kind} -> ${slow.status}: ${slow.ms.toFixed(0)} ms (load average ${slow.load.toFixed(1)})`,
    );
  }
  console.log(
    `workerd RSS: ${mb(startRss)} MB at start, ${mb(maxRss)} MB at most (all three Workers, one process)`,
  );
  console.log(
    `API isolate: JS heap at most ${mb(maxHeap.usedBytes)} MB used of ${mb(maxHeap.totalBytes)} MB; ORT heap + held buffers ${mb(isolate.totalBytes)} MB after the run, ${mb(isolate.peakBytes)} MB at most (peak held ${mb(isolate.peakHeldBytes)} MB)`,
  );
  if (failures.length > 0) {
    console.log(`\n${failures.length} failures:\n${failures.slice(0, 20).join("\n")}`);
    process.exit(1);
  }
  console.log("no 5xx, every request within the bound, and a valid request succeeded afterwards");
}

await main();
