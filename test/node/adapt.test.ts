import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbeddingEngine } from "../../src/cli/files";
import type { ModelManifest } from "../../src/model/package/manifest";
import { fileEntry } from "../../src/model/package/writer.node";
import { runDermedge } from "../support/dermedge-cli.node";

const cache = resolve(import.meta.dirname, "../../.cache");
const models = join(cache, "models");
const train = join(cache, "photos/adapt-train");
const heldOut = join(cache, "photos/adapt-eval");
const readJson = async (path: string) => JSON.parse(await readFile(path, "utf8"));

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "dermedge-adapt-"));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("dermedge adapt", () => {
  it("native onnxruntime-node and the Worker's WASM give the same embedding within 1e-4", async () => {
    for (const name of ["tiny", "tiny-packed", "tiny-external"]) {
      const native = await openEmbeddingEngine(join(models, name), "native");
      const wasm = await openEmbeddingEngine(join(models, name), "wasm");
      expect(native.backend).toBe("native");
      expect(wasm.backend).toBe("wasm");
      const photo = new Uint8Array(await readFile(join(train, "eczema/00000.png")));
      const a = (await native.engine.embedImage(photo)).embedding;
      const b = (await wasm.engine.embedImage(photo)).embedding;
      expect(a.length).toBe(512);
      const worst = Math.max(...a.map((v, i) => Math.abs(v - b[i])));
      expect(worst, name).toBeLessThan(1e-4);
    }
  });

  it("writes the package with head.json listed by its sha256, every other file unchanged", async () => {
    const source: ModelManifest = await readJson(join(models, "tiny-labelled/manifest.json"));
    const adapted: ModelManifest = await readJson(join(models, "tiny-head/manifest.json"));
    const headBytes = new Uint8Array(await readFile(join(models, "tiny-head/head.json")));
    expect(adapted.files.find((f) => f.path === "head.json")).toEqual(fileEntry("head.json", headBytes));
    expect(adapted.files.filter((f) => f.path !== "head.json")).toEqual(source.files);
    expect(adapted.revision).toBe(source.revision);
    const head = JSON.parse(new TextDecoder().decode(headBytes));
    expect(adapted.head).toEqual({
      file: "head.json",
      combine: { headShare: 1 },
      classes: ["acne", "eczema", "psoriasis"],
      photos: 36,
      heldOutAccuracy: head.training.heldOutAccuracy,
    });
    // Classes separable by construction are learned.
    expect(head.training.heldOutAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(head.training.perClass).toEqual({ acne: 12, eczema: 12, psoriasis: 12 });
  });

  it("eval: the head beats zero-shot on photos it never saw; --json", async () => {
    const { code, stdout } = await runDermedge([
      "eval",
      heldOut,
      "--model",
      join(models, "tiny-head"),
      "--out",
      join(tmp, "report.json"),
      "--json",
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.head.head.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.head.head.balancedAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.head.zeroShot.accuracy).toBeLessThan(report.head.head.accuracy);
    expect(Object.keys(report.head.head.recall).sort()).toEqual(["acne", "eczema", "psoriasis"]);
    expect(report.head.head.confusion.counts.flat().reduce((a: number, b: number) => a + b)).toBe(18);
    expect(report.head.headUncalibrated.accuracy).toBe(report.head.head.accuracy);
  });

  it("resumes from its embedding cache, lists unreadable photos and skips them", async () => {
    const data = join(tmp, "data");
    await cp(train, data, { recursive: true });
    await rm(join(data, ".dermedge-cache"), { recursive: true, force: true }); // the global setup's
    await writeFile(join(data, "acne/broken.jpg"), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2]));
    const args = ["adapt", data, "--model", join(models, "tiny-labelled"), "--backend", "wasm"];
    const first = await runDermedge([...args, "--out", join(tmp, "out1")]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/skipped \(unreadable\): .*acne\/broken\.jpg/);
    expect(first.stdout).toMatch(/photos: 36 \(0 from the cache, 1 unreadable skipped\)/);
    const second = await runDermedge([...args, "--out", join(tmp, "out2")]);
    expect(second.stdout).toMatch(/photos: 36 \(36 from the cache, 1 unreadable skipped\)/);
    const [a, b] = await Promise.all([
      readFile(join(tmp, "out1/head.json"), "utf8"),
      readFile(join(tmp, "out2/head.json"), "utf8"),
    ]);
    expect(b).toBe(a);
  });

  it("refuses empty classes, too few photos, undescribed folders and a bad classes.json", async () => {
    const run = (data: string, out: string) =>
      runDermedge(["adapt", data, "--model", join(models, "tiny-labelled"), "--out", join(tmp, out)]);
    const data = join(tmp, "bad");
    await mkdir(join(data, "acne"), { recursive: true });
    await mkdir(join(data, "eczema"), { recursive: true });
    await cp(join(train, "acne/00000.png"), join(data, "acne/a.png"));
    expect((await run(data, "o1")).stderr).toMatch(/^dermedge: no photos .* in class folder\(s\): eczema/);
    for (let i = 0; i < 3; i++) await cp(join(train, `eczema/0000${i}.png`), join(data, `eczema/${i}.png`));
    expect((await run(data, "o2")).stderr).toMatch(/too few photos .*acne has 1, eczema has 3/);
    await mkdir(join(data, "clinic_rash"));
    await cp(join(train, "psoriasis/00000.png"), join(data, "clinic_rash/a.png"));
    expect((await run(data, "o3")).stderr).toMatch(
      /folder "clinic_rash" is not a catalogue id .* classes\.json/,
    );
    const described = { name: { en: "Rash", zh: "皮疹" }, urgency: "soon", advice: { en: "a", zh: "b" } };
    await writeFile(join(data, "classes.json"), JSON.stringify({ clinic_rash: described }));
    expect((await run(data, "o4")).stderr).toMatch(/classes\.json: clinic_rash\.urgency: /);
    const refused = await run(data, "o4");
    expect(refused.code).toBe(1);
  });

  it("classify names what is wrong with a mismatched or unknown-class head", async () => {
    const edit = async (name: string, change: (head: Record<string, unknown>) => void) => {
      const dir = join(tmp, name);
      await cp(join(models, "tiny-head"), dir, { recursive: true });
      const head = await readJson(join(dir, "head.json"));
      change(head);
      const bytes = new TextEncoder().encode(JSON.stringify(head));
      await writeFile(join(dir, "head.json"), bytes);
      const manifest: ModelManifest = await readJson(join(dir, "manifest.json"));
      manifest.files = manifest.files.map((f) =>
        f.path === "head.json" ? fileEntry("head.json", bytes) : f,
      );
      await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest));
      return runDermedge(["classify", join(train, "acne/00000.png"), "--model", dir]);
    };
    const width = await edit("narrow", (head) => {
      head.embeddingWidth = 32;
      head.weights = (head.weights as string[]).map(() =>
        Buffer.from(new Float32Array(32).buffer).toString("base64"),
      );
    });
    expect(width.stderr).toMatch(/head\.json expects 32-wide embeddings; this vision tower gives 512/);
    const unknown = await edit("unknown", (head) => {
      head.classes = ["acne", "eczema", "lupus_like"];
    });
    expect(unknown.stderr).toMatch(/head\.json: class "lupus_like" is neither a catalogue id nor described/);
    const rows = await edit("rows", (head) => {
      head.weights = (head.weights as string[]).slice(1);
    });
    expect(rows.stderr).toMatch(/head\.json: 2 weight rows for 3 classes/);
  });
});
