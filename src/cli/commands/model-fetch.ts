import { readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { MANIFEST_FORMAT, type ManifestFile } from "../../model/package/manifest";
import { PackageWriter } from "../../model/package/writer.node";
import { parse, required } from "../args";
import { CliError, UsageError } from "../errors";
import { hubRevision, resolveUrl } from "../hub/client";
import { downloadVerified, verify } from "../hub/download";
import { type Expected, readPins } from "../hub/pins";
import { byteProgress } from "../progress";

/**
 * `dermedge model fetch [--variant int8|q4] [--revision SHA] --out DIR`: downloads Xenova's CLIP files
 * at a pinned commit into DIR.partial/, verifies every file (see hub/pins.json), writes the manifest and
 * only then renames the folder to DIR, so DIR is either a complete package or absent. DIR.partial keeps
 * verified files and the .part of an interrupted download, and a second run resumes from them.
 */
export async function fetchModel(args: string[]): Promise<void> {
  const { values } = parse(
    args,
    { variant: { type: "string" }, revision: { type: "string" }, out: { type: "string" } },
    [],
  );
  const pins = await readPins();
  const variant = values.variant ?? "int8";
  const towers = pins.variants[variant];
  if (!towers) throw new UsageError(`--variant must be ${Object.keys(pins.variants).join(" or ")}`);
  const out = required(values.out, "out");
  if (await exists(out)) throw new UsageError(`${out} already exists`);
  const staging = `${out}.partial`;
  const revision = values.revision ?? pins.revision;
  const paths = [...pins.commonFiles, towers.vision, towers.text];

  const { commit, expected } = await expectations(pins.repo, revision, paths, revision === pins.revision);
  const progress = byteProgress(paths.reduce((sum, p) => sum + expected.get(p)!.size, 0));
  const writer = new PackageWriter(staging);
  const unpinned: ManifestFile[] = [];
  try {
    for (const path of paths) {
      const want = expected.get(path)!;
      const target = join(staging, path);
      progress.file(path);
      // A file verified by an earlier, interrupted run is checked again, not downloaded again.
      const done = await exists(target);
      const hashes = done
        ? await verify(target, path, want)
        : await downloadVerified(resolveUrl(pins.repo, commit, path), target, path, want, progress.add);
      if (done) progress.add(want.size);
      const entry = writer.record({ path, size: want.size, sha256: hashes.sha256 });
      if (want.source === "hub") unpinned.push(entry);
    }
  } finally {
    progress.done();
    if (!(await hasFiles(staging))) await rm(staging, { recursive: true, force: true });
  }

  const config = JSON.parse(await readFile(join(staging, "config.json"), "utf8"));
  await writer.finish({
    format: MANIFEST_FORMAT,
    id: pins.repo,
    revision: commit,
    synthetic: false,
    variant,
    // OpenAI's trained scale (exp of the learned 4.6052); config.json only has the initial value.
    logitScale: 100,
    // The names of optimum's CLIP export (clip-vision/text-with-projection), which made Xenova's files.
    vision: { file: towers.vision, externalData: [], input: "pixel_values", output: "image_embeds" },
    text: {
      file: towers.text,
      externalData: [],
      input: "input_ids",
      output: "text_embeds",
      contextLength: config.text_config?.max_position_embeddings ?? 77,
    },
  });
  await rename(staging, out);
  console.log(`fetched ${pins.repo} ${commit} (${variant}) into ${out}`);
  if (unpinned.length > 0) {
    // Verified against the Hub's content hashes for this commit; pin them so later runs need no API.
    console.log(`not yet pinned in src/cli/hub/pins.json (verified against the Hub for ${commit}):`);
    console.log(
      JSON.stringify(
        Object.fromEntries(unpinned.map((f) => [f.path, { size: f.size, sha256: f.sha256 }])),
        null,
        2,
      ),
    );
  }
}

/**
 * What each file must be. Pinned values when the revision is the pinned one and every file is pinned
 * (no network needed before the first download); otherwise the Hub's hashes for the commit, with any
 * pinned value checked against them. Never unverified.
 */
async function expectations(repo: string, revision: string, paths: string[], pinnedRevision: boolean) {
  const pins = await readPins();
  const pinned = new Map<string, Expected>();
  if (pinnedRevision) {
    for (const path of paths) {
      const pin = pins.files[path];
      if (pin) pinned.set(path, { ...pin, source: "pinned" });
    }
    if (pinned.size === paths.length && /^[0-9a-f]{40}$/.test(revision))
      return { commit: revision, expected: pinned };
  }
  const hub = await hubRevision(repo, revision);
  const expected = new Map<string, Expected>();
  for (const path of paths) {
    const fromHub = hub.files.get(path);
    if (!fromHub) throw new CliError(`${repo}@${hub.commit} has no ${path}`);
    const pin = pinned.get(path);
    if (pin && (pin.size !== fromHub.size || (fromHub.sha256 && fromHub.sha256 !== pin.sha256))) {
      throw new CliError(`${path}: the Hub's size/hash for ${hub.commit} disagrees with pins.json`);
    }
    expected.set(path, pin ?? fromHub);
  }
  return { commit: hub.commit, expected };
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

async function hasFiles(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.some((e) => e.isFile());
}
