import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The layer rules in biome.json, exercised on probe files in a scratch folder with the same config: a
 * back-edge import fails `biome lint` (and so `npm run lint`), an import in the allowed direction passes.
 */
const root = resolve(import.meta.dirname, "../..");
const biome = join(root, "node_modules/.bin/biome");
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "dermedge-layers-"));
  await copyFile(join(root, "biome.json"), join(scratch, "biome.json"));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function lint(path: string, importPath: string): Promise<{ ok: boolean; output: string }> {
  const file = join(scratch, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `import { x } from "${importPath}";\nexport const y = x;\n`);
  try {
    const { stdout, stderr } = await promisify(execFile)(biome, ["lint", "--vcs-enabled=false", file], {
      cwd: scratch,
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { ok: false, output: stdout + stderr };
  } finally {
    await rm(file);
  }
}

describe("layer rules (biome.json)", () => {
  it.each([
    ["src/model/probe.ts", "../routes/app-env"],
    ["src/model/probe.ts", "../config/env"],
    ["src/service/probe.ts", "../config/env"],
    ["src/config/probe.ts", "../routes/app-env"],
    ["src/config/probe.ts", "../model/engine"],
    ["src/model/remote/probe.ts", "../../workers/api/engine"],
    ["src/clinical/probe.ts", "../model/engine"],
    ["src/image/probe.ts", "../model/engine"],
    ["src/service/probe.ts", "../routes/problems"],
    ["src/bot/probe.ts", "../routes/app-env"],
    ["src/routes/probe.ts", "../bot"],
    ["src/packing/probe.ts", "../synthetic/package"],
    ["src/workers/text/probe.ts", "../../service/assess-photo"],
    ["src/audio/probe.ts", "../model/engine"],
    ["src/audio/probe.ts", "../service/assess-photo"],
    ["src/lib/probe.ts", "../audio"],
  ])("refuses %s importing %s", async (path, importPath) => {
    const { ok, output } = await lint(path, importPath);
    expect(ok).toBe(false);
    expect(output).toContain("noRestrictedImports");
    expect(output).toContain("Layers (biome.json)");
  });

  it.each([
    ["src/model/probe.ts", "../image"],
    ["src/service/probe.ts", "../clinical"],
    ["src/routes/probe.ts", "../service/assess-photo"],
    ["src/bot/probe.ts", "../service/assess-photo"],
    ["src/workers/api/probe.ts", "../../routes/app-env"],
    ["src/routes/probe.ts", "../config/env"],
    ["src/bot/probe.ts", "../config/env"],
    ["src/workers/text/probe.ts", "../../config/env"],
    ["src/clinical/probe.ts", "./config"],
    ["src/audio/probe.ts", "../lib/promise-cache"],
    ["src/service/probe.ts", "../audio"],
  ])("allows %s importing %s", async (path, importPath) => {
    const { ok, output } = await lint(path, importPath);
    expect(output).not.toContain("noRestrictedImports");
    expect(ok).toBe(true);
  });
});

describe("import cycles (biome.json: nursery/noImportCycles)", () => {
  it("refuses two modules that import each other, type-only imports included", async () => {
    const dir = join(scratch, "src/clinical");
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, "cycle-a.ts"),
      'import type { B } from "./cycle-b";\nexport type A = { b?: B };\n',
    );
    await writeFile(
      join(dir, "cycle-b.ts"),
      'import type { A } from "./cycle-a";\nexport type B = { a?: A };\n',
    );
    const run = promisify(execFile)(biome, ["lint", "--vcs-enabled=false", dir], { cwd: scratch });
    const output = await run.then(
      ({ stdout, stderr }) => stdout + stderr,
      (error: { stdout: string; stderr: string }) => `failed\n${error.stdout}${error.stderr}`,
    );
    expect(output).toMatch(/^failed/);
    expect(output).toContain("noImportCycles");
  });
});
