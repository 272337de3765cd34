import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { MANIFEST_FILE, type ManifestFile, type ModelManifest } from "./manifest";

/**
 * Writes a model package into a folder: every file is listed with its size and sha256 as it is written,
 * and the manifest comes last, so a folder with a manifest is complete. The one writer behind
 * `model synthetic`, `model pack`, `model install` (label embeddings) and `model fetch`; the reading
 * side, with its integrity errors, is load.ts.
 */
export class PackageWriter {
  private readonly files = new Map<string, ManifestFile>();

  /** `existing`: the files of a package being extended (e.g. install adding its label embeddings). */
  constructor(
    readonly dir: string,
    existing: readonly ManifestFile[] = [],
  ) {
    for (const f of existing) this.files.set(f.path, f);
  }

  async write(path: string, bytes: Uint8Array): Promise<ManifestFile> {
    const full = join(this.dir, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, bytes);
    return this.record(fileEntry(path, bytes));
  }

  writeJson(path: string, value: unknown): Promise<ManifestFile> {
    return this.write(path, jsonBytes(value));
  }

  async copy(from: string, path: string): Promise<ManifestFile> {
    const full = join(this.dir, path);
    await mkdir(dirname(full), { recursive: true });
    await copyFile(from, full);
    return this.add(path);
  }

  /** Lists a file already in the folder (written by another program, e.g. the ORT converter). */
  async add(path: string): Promise<ManifestFile> {
    return this.record(fileEntry(path, await readFile(join(this.dir, path))));
  }

  /** Lists a file whose size and sha256 were checked while it was written (a verified download). */
  record(entry: ManifestFile): ManifestFile {
    this.files.set(entry.path, entry);
    return entry;
  }

  /** Deletes a file left by an earlier run and drops it from the list. */
  async remove(path: string): Promise<void> {
    this.files.delete(path);
    await rm(join(this.dir, path), { force: true });
  }

  /** The files so far, sorted by path (the manifest's order). */
  entries(): ManifestFile[] {
    return [...this.files.values()].sort(byPath);
  }

  /** Writes the manifest, with every file written so far. */
  finish(manifest: Omit<ModelManifest, "files">): Promise<ModelManifest> {
    return this.finishManifest(manifest);
  }

  /** `finish` for any manifest format (a speech package's too). */
  async finishManifest<M extends object>(manifest: M): Promise<M & { files: ManifestFile[] }> {
    const complete = { ...manifest, files: this.entries() };
    await writeFile(join(this.dir, MANIFEST_FILE), jsonBytes(complete));
    return complete;
  }
}

export function fileEntry(path: string, bytes: Uint8Array): ManifestFile {
  return { path, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** First 16 hex digits of the sha256 of `sha256sum`-style lines ("<hash>  <path>\n"), sorted by path. */
export function revisionHash(files: readonly ManifestFile[]): string {
  const lines = [...files].sort(byPath).map((f) => `${f.sha256}  ${f.path}\n`);
  return createHash("sha256").update(lines.join("")).digest("hex").slice(0, 16);
}

export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}

function byPath(a: ManifestFile, b: ManifestFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
