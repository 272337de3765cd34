import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openEngine } from "../../src/cli/files";
import { addLabelEmbeddings } from "../../src/cli/label-embeddings";
import { LABEL_EMBEDDINGS_FILE, readLabelEmbeddings } from "../../src/model/label-embeddings";
import { directoryStore } from "../../src/model/package/directory-store.node";
import { readManifest } from "../../src/model/package/load";
import { defaultPrompts } from "../../src/service/default-prompts";

const root = resolve(import.meta.dirname, "../..");
const tiny = resolve(root, ".cache/models/tiny");

async function copyOfTiny(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), "dermedge-labels-")), "tiny");
  await cp(tiny, dir, { recursive: true });
  return dir;
}

describe("precomputed label embeddings (model install)", () => {
  it("embeds every default prompt into the package, listed and verified by the manifest", async () => {
    const dir = await copyOfTiny();
    const manifest = await addLabelEmbeddings(dir);
    expect(manifest.files.map((f) => f.path)).toContain(LABEL_EMBEDDINGS_FILE);
    expect(await readManifest(directoryStore(dir))).toEqual(manifest);

    const table = await readLabelEmbeddings(directoryStore(dir), manifest); // checks size and sha256
    const prompts = defaultPrompts();
    expect([...table.keys()].sort()).toEqual([...prompts].sort());
    const engine = await openEngine(dir);
    const [first] = await engine.embedTexts([prompts[0]]);
    expect(Array.from(table.get(prompts[0])!)).toEqual(Array.from(first));

    // Installing twice rewrites the table rather than listing it twice.
    expect((await addLabelEmbeddings(dir)).files).toHaveLength(manifest.files.length);
  });

  it("model install refuses to put a synthetic package into the remote bucket without --force", async () => {
    const dir = await copyOfTiny();
    const before = await readFile(join(dir, "manifest.json"), "utf8");
    const run = promisify(execFile)("node", [
      resolve(root, "bin/dermedge.mjs"),
      "model",
      "install",
      dir,
      "--remote",
    ]);
    const error = (await run.catch((e) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(error.stderr.trim().split("\n")).toEqual([
      "dermedge: synthetic/clip-tiny is a SYNTHETIC model (its answers mean nothing): refusing to install it remotely without --force",
    ]);
    expect(await readFile(join(dir, "manifest.json"), "utf8")).toBe(before); // refused before any change
  });
});
