import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { ManifestFile } from "../../model/package/manifest";
import { PackageWriter } from "../../model/package/writer.node";
import { CliError } from "../errors";
import { byteProgress } from "../progress";
import { hubRevision, resolveUrl } from "./client";
import { downloadVerified, verify } from "./download";
import type { Expected, Pin } from "./pins";

export interface FetchRequest {
  repo: string;
  /** The revision to fetch: a commit, a branch or a tag. */
  revision: string;
  /** The commit pins.json pins; its pins apply only when `revision` is this commit. */
  pinnedRevision: string;
  pins: Record<string, Pin>;
  paths: string[];
  /** DIR.partial: verified files and the .part of an interrupted download stay here between runs. */
  staging: string;
}

export interface FetchedFiles {
  commit: string;
  /** Lists every fetched file (size and sha256, as verified); the caller writes the manifest. */
  writer: PackageWriter;
  /** The files checked against the Hub's hashes rather than a pin: printed, to pin them. */
  unpinned: ManifestFile[];
}

/**
 * Downloads every path into the staging folder with one progress bar, each file verified before it takes
 * its name (see download.ts); a file verified by an earlier, interrupted run is checked again, not fetched
 * again. Throws, naming the file, at the first one that is not what it must be.
 */
export async function fetchVerifiedFiles(request: FetchRequest): Promise<FetchedFiles> {
  const { repo, paths, staging } = request;
  const { commit, expected } = await expectations(request);
  const progress = byteProgress(paths.reduce((sum, p) => sum + expected.get(p)!.size, 0));
  const writer = new PackageWriter(staging);
  const unpinned: ManifestFile[] = [];
  try {
    for (const path of paths) {
      const want = expected.get(path)!;
      const target = join(staging, path);
      progress.file(path);
      const done = await exists(target);
      const hashes = done
        ? await verify(target, path, want)
        : await downloadVerified(resolveUrl(repo, commit, path), target, path, want, progress.add);
      if (done) progress.add(want.size);
      const entry = writer.record({ path, size: want.size, sha256: hashes.sha256 });
      if (want.source === "hub") unpinned.push(entry);
    }
  } finally {
    progress.done();
    if (!(await hasFiles(staging))) await rm(staging, { recursive: true, force: true });
  }
  return { commit, writer, unpinned };
}

/** Prints the Hub-verified files' sizes and hashes in pins.json's form, so later runs need no API call. */
export function printUnpinned(commit: string, unpinned: ManifestFile[]): void {
  if (unpinned.length === 0) return;
  console.log(`not yet pinned in src/cli/hub/pins.json (verified against the Hub for ${commit}):`);
  console.log(
    JSON.stringify(
      Object.fromEntries(unpinned.map((f) => [f.path, { size: f.size, sha256: f.sha256 }])),
      null,
      2,
    ),
  );
}

/**
 * What each file must be. Pinned values when the revision is the pinned one and every file is pinned
 * (no network needed before the first download); otherwise the Hub's hashes for the commit, with any
 * pinned value checked against them. Never unverified.
 */
async function expectations(request: FetchRequest) {
  const { repo, revision, paths } = request;
  const pinned = new Map<string, Expected>();
  if (revision === request.pinnedRevision) {
    for (const path of paths) {
      const pin = request.pins[path];
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

export const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

async function hasFiles(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.some((e) => e.isFile());
}
