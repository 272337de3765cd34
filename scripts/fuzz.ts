/**
 * `npm run test:fuzz -- --n 10000 [--seed 1]`: the big run of the API fuzz (test/routes/fuzz.test.ts is
 * the CI-sized one). Starts `wrangler dev` as a user would, with the tiny synthetic model, sends N seeded
 * fuzzed requests to POST /v1/assessments from loopback, and prints the counts by status code, the
 * maximum latency and the maximum memory (RSS of wrangler's workerd). Exits 1 on any 5xx, on a request
 * over the time bound, or when a valid request fails afterwards.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeSyntheticPackage } from "../src/synthetic";
import { fuzzRequests } from "../test/fuzz/requests";
import { startWranglerDev } from "../test/node/e2e/wrangler-dev";
import { TEST_IMAGES } from "../test/support/test-images";
import { writeTestImages } from "../test/support/test-images.node";

const LIMIT_MS = 15_000;
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
      vars: { API_KEYS: KEYS.join(",") },
    });
  })();
  const failures: string[] = [];
  const statuses: Record<number, number> = {};
  let maxLatency = 0;
  let maxRss = await workerdRss(server.processGroup);
  const startRss = maxRss;
  const sampler = setInterval(async () => {
    maxRss = Math.max(maxRss, await workerdRss(server.processGroup));
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
      maxLatency = Math.max(maxLatency, ms);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status >= 500 || res.status === 0)
        failures.push(`#${i} ${request.kind}: ${res.status} ${body.slice(0, 200)}`);
      if (ms > LIMIT_MS) failures.push(`#${i} ${request.kind}: ${ms.toFixed(0)} ms`);
      if (++i % 500 === 0) console.log(`  ${i}/${count}: ${JSON.stringify(statuses)}`);
    }
    const form = new FormData();
    form.append("image", new File([photos[0] as Uint8Array<ArrayBuffer>], "photo.jpg"));
    const after = await fetch(`${server.url}/v1/assessments`, {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${KEYS[0]}` },
    });
    if (after.status !== 200) failures.push(`a valid request afterwards: ${after.status}`);
  } finally {
    clearInterval(sampler);
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(`\nstatus codes: ${JSON.stringify(statuses)}`);
  console.log(`max latency: ${maxLatency.toFixed(0)} ms (bound ${LIMIT_MS} ms)`);
  console.log(
    `workerd RSS: ${mb(startRss)} MB at start, ${mb(maxRss)} MB at most (all three Workers, one process)`,
  );
  if (failures.length > 0) {
    console.log(`\n${failures.length} failures:\n${failures.slice(0, 20).join("\n")}`);
    process.exit(1);
  }
  console.log("no 5xx, every request within the bound, and a valid request succeeded afterwards");
}

await main();
