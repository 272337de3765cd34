/**
 * Section 4: cold start. New workerd processes (new isolates) -> first answer for a 1280x960 photo, the
 * three Workers as deployed (main, vision tail, text; model from local R2), then warm; against
 * Transformers.js in a new Node process -> its first answer. And each isolate's cold start broken down
 * (ORT's WASM start, R2 read into the heap, session creation, first run), one new workerd per isolate.
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import type { Miniflare, WorkerOptions } from "miniflare";
import { catalogue } from "../../src/clinical";
import type { BenchContext } from "../lib/context";
import { root } from "../lib/packages";
import { compare, goal, type Row, spread, step, timed } from "../lib/report";
import { assess, rpcBinding, rpcServed, serviceWorkers } from "../lib/service";
import { bundles, fetcher, installPackage, startWorkerd, worker } from "../lib/workerd";

const SECTION = "4 cold start";
const run = promisify(execFile);

interface Breakdown {
  manifestMs: number;
  labelsMs: number;
  wasmMs: number;
  r2Ms: number;
  sessionMs: number;
  tokenizerMs: number;
  firstRunMs: number;
  warmRunMs: number;
}

/** Transformers.js: a new Node process -> first answer (the catalogue's names as labels). */
async function transformersCold(base: string, photo: string): Promise<number> {
  const names = JSON.stringify(catalogue.map((c) => c.name.en));
  return timed(() =>
    run(process.execPath, [resolve(root, "bench/peers/transformers-cold.mjs"), base, photo, names], {
      cwd: root,
    }),
  );
}

interface Running {
  /** The main Worker's. */
  mf: Miniflare;
  all: Miniflare[];
}

/** The three Workers each in a workerd of its own, the main Worker calling the others by RPC over sockets. */
async function startApart(): Promise<Running> {
  // One after another: startWorkerd finds its process among this one's children.
  const tail = (await startWorkerd(rpcServed(await serviceWorkers("tail")))).mf;
  const text = (await startWorkerd(rpcServed(await serviceWorkers("text")))).mf;
  const bindings = {
    VISION_TAIL: await rpcBinding(tail, "tail"),
    TEXT_ENCODER: await rpcBinding(text, "text"),
  };
  const { mf } = await startWorkerd(await serviceWorkers("api", bindings));
  return { mf, all: [mf, tail, text] };
}

export async function coldStartSection({ packages, photos, rounds, notes }: BenchContext): Promise<Row[]> {
  await installPackage(packages.packed);
  const n = Math.min(rounds, 3); // each round starts new processes: seconds each
  const base = { section: SECTION, unit: "ms" };
  const rows: Row[] = [];

  step("section 4: new workerd (main, vision tail, text) -> first answer, vs Transformers.js in a new Node");
  interface Cold {
    spawnToAnswer: number[];
    readyToAnswer: number[];
    warm: number[];
    timings: Record<string, number>[];
  }
  const measure = async (start: () => Promise<Running>, into: Cold) => {
    const started = performance.now();
    const { mf, all } = await start();
    const ready = performance.now();
    try {
      const first = await assess(mf, photos.telegram);
      into.spawnToAnswer.push(performance.now() - started);
      into.readyToAnswer.push(performance.now() - ready);
      into.timings.push(first.timings);
      into.warm.push((await assess(mf, photos.telegram)).ms);
    } finally {
      for (const m of all) await m.dispose();
    }
  };
  const cold = (workers: WorkerOptions[], into: Cold) =>
    measure(async () => {
      const { mf } = await startWorkerd(workers);
      return { mf, all: [mf] };
    }, into);
  const empty = (): Cold => ({ spawnToAnswer: [], readyToAnswer: [], warm: [], timings: [] });
  const shipped = empty();
  const noWarm = empty();
  const apart = empty();
  const peer: number[] = [];
  const [withWake, withoutWake] = [await serviceWorkers(), await serviceWorkers(undefined, {}, "apiNoWarm")];
  // Four sides per round, in a rotating order: as shipped, without the warm-up, as shipped with a workerd
  // per Worker, Transformers.js.
  const sides = [
    () => cold(withWake, shipped),
    () => cold(withoutWake, noWarm),
    () => measure(startApart, apart),
    async () => {
      peer.push(await transformersCold(packages.base, photos.telegramPath));
    },
  ];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < sides.length; k++) await sides[(i + k) % sides.length]();
  }
  const firstAnswer = compare(
    {
      ...base,
      what: "new isolates -> first answer, 1280x960 (workerd start incl.)",
      peerName: "TJS: new Node process -> first answer",
    },
    shipped.spawnToAnswer,
    peer,
  );
  rows.push(goal(firstAnswer, "ours <= 2000 ms", 2000, "ours"));
  rows.push(
    goal(
      compare(
        {
          ...base,
          what: "workerd ready -> first answer (tail woken on arrival)",
          peerName: "the same without any warm-up",
        },
        shipped.readyToAnswer,
        noWarm.readyToAnswer,
      ),
      "ours <= 2000 ms",
      2000,
      "ours",
    ),
  );
  rows.push({ ...base, what: "warm answer, same workerd", ours: spread(shipped.warm) });
  // What production pays for a new isolate (workerd's own start is not part of it), against the warm
  // answer of the same round.
  rows.push(
    goal(
      compare(
        {
          ...base,
          what: "cold: first answer from ready isolates",
          peerName: "the warm answer, same workerd",
        },
        shipped.readyToAnswer,
        shipped.warm,
      ),
      "<= 2.5x",
      2.5,
    ),
  );
  // The same with each Worker in a workerd process of its own: one workerd runs all its isolates on one
  // thread, so there the isolates' cold starts cannot overlap; production gives each isolate its own.
  rows.push(
    goal(
      compare(
        {
          ...base,
          what: "cold: first answer from ready isolates, a workerd per Worker",
          peerName: "the warm answer, same workerds",
        },
        apart.readyToAnswer,
        apart.warm,
      ),
      "<= 2.5x",
      2.5,
    ),
  );
  for (const [name, c] of [
    ["with the warm-up", shipped],
    ["without it", noWarm],
    ["a workerd per Worker", apart],
  ] as const) {
    const t = (k: string) => spread(c.timings.map((s) => s[k] ?? Number.NaN)).median.toFixed(0);
    notes.push(
      `Section 4, first answer's own timings ${name} (median): decode ${t("decodeMs")} ms, encode (stage 1 here + vision tail, sessions created on the way) ${t("encodeMs")} ms, text ${t("textMs")} ms, total ${t("totalMs")} ms.`,
    );
  }

  step("section 4: each isolate's cold start, step by step (a new workerd each)");
  const b = await bundles();
  for (const [tower, name] of [
    ["0", "main (vision stage 1)"],
    ["1", "vision tail (stage 2)"],
    ["text", "text"],
  ] as const) {
    const samples: (Breakdown & { startMs: number; totalMs: number })[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      const { mf } = await startWorkerd([await worker("bench", b.bench)]);
      const startMs = performance.now() - started;
      try {
        const requested = performance.now();
        const res = await (await fetcher(mf, "bench")).fetch(`http://x/cold?tower=${tower}`, {
          method: "POST",
        });
        if (!res.ok) throw new Error(`bench /cold answered ${res.status}: ${await res.text()}`);
        const breakdown = (await res.json()) as Breakdown;
        samples.push({ ...breakdown, startMs, totalMs: performance.now() - requested });
      } finally {
        await mf.dispose();
      }
    }
    const m = (k: keyof (typeof samples)[0]) => spread(samples.map((s) => s[k])).median;
    rows.push({
      ...base,
      what: `${name}: cold start in a new isolate (request -> 2 runs done)`,
      ours: spread(samples.map((s) => s.totalMs)),
      note: `workerd start ${m("startMs").toFixed(0)}, manifest ${m("manifestMs").toFixed(0)}, ORT WASM start ${m("wasmMs").toFixed(0)}, R2 read into heap ${m("r2Ms").toFixed(0)}, session creation ${m("sessionMs").toFixed(0)}${tower === "text" ? `, tokenizer ${m("tokenizerMs").toFixed(0)}` : ""}, first run ${m("firstRunMs").toFixed(0)}, warm run ${m("warmRunMs").toFixed(0)} ms${tower === "0" ? `, label table ${m("labelsMs").toFixed(0)} ms` : ""}`,
    });
  }
  return rows;
}
