import { readdir, rename, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { HEAD_FILE, HEAD_FORMAT, type HeadFile } from "../../model/head";
import { encodeEmbedding } from "../../model/label-embeddings";
import { directoryStore } from "../../model/package/directory-store.node";
import { readManifest, readVerified } from "../../model/package/load";
import type { HeadSpec } from "../../model/package/manifest";
import { PackageWriter } from "../../model/package/writer.node";
import { readNewClasses } from "../adapt/classes-file";
import { embedPhotos } from "../adapt/embedding-cache";
import { trainHead } from "../adapt/train";
import { parse, required } from "../args";
import { readClassFolders, refuseEmpty } from "../class-folders";
import { CliError, UsageError } from "../errors";
import { openEmbeddingEngine } from "../files";

/** Fewer than this per class leaves nothing to hold out and cross-validate on; the README asks for 50+. */
export const MIN_PHOTOS_PER_CLASS = 5;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function requireAbsent(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => null);
  if (entries !== null) throw new CliError(`${dir} exists already; choose another --out`);
}

function parseShare(value: string | undefined): number {
  const share = value === undefined ? 1 : Number(value);
  if (!(share > 0 && share <= 1)) throw new UsageError(`--head-share must be in (0, 1], not "${value}"`);
  return share;
}

/**
 * `dermedge adapt DATA --model DIR --out DIR2 [--backend native|wasm] [--head-share S] [--cache FILE]`:
 * trains a linear head on a clinic's own photos (DATA/<class id>/*.jpg) and writes DIR2, the package DIR
 * with the head added (head.json, listed in the manifest). Photos are read here and never leave the machine;
 * only the head's weights (and the embedding cache, beside DATA) are written.
 */
export async function adapt(args: string[]): Promise<void> {
  const { values, positionals } = parse(
    args,
    {
      model: { type: "string" },
      out: { type: "string" },
      backend: { type: "string" },
      "head-share": { type: "string" },
      cache: { type: "string" },
    },
    ["DATA"],
  );
  const data = positionals[0];
  const modelDir = required(values.model, "model");
  const out = required(values.out, "out");
  const headShare = parseShare(values["head-share"]);
  if (resolve(out) === resolve(modelDir)) throw new UsageError("--out must be a new folder, not --model");
  await requireAbsent(out);

  const folders = await readClassFolders(data);
  if (folders.length < 2) throw new CliError(`a head needs at least two class folders; ${data} has one`);
  const newClasses = await readNewClasses(
    data,
    folders.map((f) => f.name),
  );
  refuseEmpty(folders);
  const tooFew = folders.filter((f) => f.photos.length < MIN_PHOTOS_PER_CLASS);
  if (tooFew.length > 0) {
    throw new CliError(
      `too few photos (at least ${MIN_PHOTOS_PER_CLASS} per class, 50 or more recommended): ` +
        tooFew.map((f) => `${f.name} has ${f.photos.length}`).join(", "),
    );
  }

  const { engine, backend } = await openEmbeddingEngine(modelDir, values.backend);
  const { revision } = engine.info;
  const cachePath = values.cache ?? join(data, ".dermedge-cache", `embeddings-${revision}.jsonl`);
  const paths = folders.flatMap((f) => f.photos);
  process.stderr.write(`embedding ${paths.length} photos (${backend} onnxruntime), cache ${cachePath}\n`);
  const started = Date.now();
  const embedded = await embedPhotos(engine, paths, cachePath);
  const embedSeconds = (Date.now() - started) / 1000;
  for (const u of embedded.unreadable)
    process.stderr.write(`  skipped (unreadable): ${u.path}: ${u.error}\n`);

  const classes = folders.map((f) => f.name);
  const x: Float32Array[] = [];
  const y: number[] = [];
  const perClass: Record<string, number> = {};
  folders.forEach((f, k) => {
    const usable = f.photos.filter((p) => embedded.embeddings.has(p));
    perClass[f.name] = usable.length;
    for (const p of usable) {
      x.push(embedded.embeddings.get(p)!);
      y.push(k);
    }
  });
  const short = classes.filter((c) => perClass[c] < MIN_PHOTOS_PER_CLASS);
  if (short.length > 0) {
    throw new CliError(
      `too few readable photos (at least ${MIN_PHOTOS_PER_CLASS} per class): ` +
        short.map((c) => `${c} has ${perClass[c]}`).join(", "),
    );
  }

  const trainStarted = Date.now();
  const trained = trainHead({ x, y, classes: classes.length });
  const trainSeconds = (Date.now() - trainStarted) / 1000;
  const head: HeadFile = {
    format: HEAD_FORMAT,
    classes,
    embeddingWidth: x[0].length,
    weights: trained.model.weights.map(encodeEmbedding),
    bias: trained.model.bias,
    temperature: trained.temperature,
    newClasses,
    training: {
      photos: x.length,
      perClass,
      heldOut: trained.heldOut,
      heldOutAccuracy: trained.heldOutAccuracy,
      heldOutBalancedAccuracy: trained.heldOutBalancedAccuracy,
      l2: trained.l2,
      eceBefore: trained.eceBefore,
      eceAfter: trained.eceAfter,
      revision,
    },
  };
  const spec: HeadSpec = {
    file: HEAD_FILE,
    combine: { headShare },
    classes,
    photos: x.length,
    heldOutAccuracy: trained.heldOutAccuracy,
  };
  const headBytes = await writePackageWithHead(modelDir, out, head, spec);

  console.log(
    [
      `classes: ${classes.map((c) => `${c} (${perClass[c]})`).join(", ")}`,
      `photos: ${x.length} (${embedded.cached} from the cache, ${embedded.unreadable.length} unreadable skipped)`,
      `held out: ${trained.heldOut}   accuracy: ${pct(trained.heldOutAccuracy)}   balanced accuracy: ${pct(trained.heldOutBalancedAccuracy)}`,
      `L2 (cross-validated): ${trained.l2}   temperature: ${trained.temperature.toFixed(3)}   ` +
        `held-out ECE: ${trained.eceBefore.toFixed(3)} -> ${trained.eceAfter.toFixed(3)}`,
      `embedding: ${embedSeconds.toFixed(1)} s   training: ${trainSeconds.toFixed(1)} s   head: ${headBytes} bytes`,
      `wrote ${out} (install it with: dermedge model install ${out})`,
    ].join("\n"),
  );
  if (engine.info.synthetic)
    console.log("note: SYNTHETIC model: these numbers say the mechanics work, nothing more");
}

/**
 * DIR's files, each checked against its manifest, plus the head, into OUT (built aside, renamed at the end,
 * so OUT is complete or absent). A head already in DIR is replaced. Returns the head's size.
 */
async function writePackageWithHead(
  from: string,
  out: string,
  head: HeadFile,
  spec: HeadSpec,
): Promise<number> {
  const store = directoryStore(from);
  const manifest = await readManifest(store);
  const building = `${out}.partial`;
  await rm(building, { recursive: true, force: true });
  const writer = new PackageWriter(building);
  for (const file of manifest.files) {
    if (file.path === manifest.head?.file) continue;
    await writer.write(file.path, await readVerified(store, manifest, file.path));
  }
  const entry = await writer.writeJson(HEAD_FILE, head);
  const { files: _, ...rest } = manifest;
  await writer.finish({ ...rest, head: spec });
  await rename(building, out);
  return entry.size;
}
