import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runDermedge } from "../support/dermedge-cli.node";

const REPO = "Xenova/clip-vit-base-patch32";
const COMMIT = "0123456789abcdef0123456789abcdef01234567";
/** The revision src/cli/hub/pins.json pins, and its config.json's pinned size. */
const PINNED = "d15189d7028b43f1d3e65039190477f6af591c2a";
const PINNED_CONFIG_SIZE = 4524;

// A stand-in for the Hub: small JSON files (git blobs) and two "LFS" towers of random bytes.
const files: Record<string, Buffer> = {
  "config.json": Buffer.from(JSON.stringify({ text_config: { max_position_embeddings: 77 } })),
  "preprocessor_config.json": Buffer.from("{}"),
  "tokenizer.json": Buffer.from("{}"),
  "tokenizer_config.json": Buffer.from("{}"),
  "onnx/vision_model_quantized.onnx": randomBytes(3_000_000),
  "onnx/text_model_quantized.onnx": randomBytes(2_000_000),
};
const sha = (algo: string, ...parts: (string | Buffer)[]) => {
  const h = createHash(algo);
  for (const p of parts) h.update(p);
  return h.digest("hex");
};
const siblings = Object.entries(files).map(([path, bytes]) =>
  path.endsWith(".onnx")
    ? { rfilename: path, size: 134, lfs: { sha256: sha("sha256", bytes), size: bytes.length } }
    : { rfilename: path, size: bytes.length, blobId: sha("sha1", `blob ${bytes.length}\0`, bytes) },
);

/** Per test: serve wrong bytes for a path, or cut the connection after some bytes of a path once. */
let corrupt: string | undefined;
let cutOnce: { path: string; after: number } | undefined;
let ranges: string[] = [];
let pinnedApiCalls = 0;

let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://x");
    if (url.pathname.startsWith(`/api/models/${REPO}/revision/${PINNED}`)) pinnedApiCalls++;
    if (url.pathname === `/${REPO}/resolve/${PINNED}/config.json`) {
      // A mirror's config.json of the pinned size whose bytes are not the pinned ones.
      const bytes = Buffer.alloc(PINNED_CONFIG_SIZE, "{");
      res.setHeader("content-length", bytes.length);
      return res.end(bytes);
    }
    if (url.pathname === `/api/models/${REPO}/revision/${COMMIT}`) {
      res.setHeader("content-type", "application/json");
      return res.end(JSON.stringify({ id: REPO, sha: COMMIT, siblings }));
    }
    const path = decodeURIComponent(url.pathname.slice(`/${REPO}/resolve/${COMMIT}/`.length));
    const original = files[path];
    if (!url.pathname.startsWith(`/${REPO}/resolve/${COMMIT}/`) || !original) {
      res.statusCode = 404;
      return res.end();
    }
    let bytes = Buffer.from(original);
    if (corrupt === path) bytes[bytes.length >> 1] ^= 0xff;
    const range = req.headers.range?.match(/^bytes=(\d+)-$/);
    if (range) {
      ranges.push(`${path} ${req.headers.range}`);
      bytes = bytes.subarray(Number(range[1]));
      res.statusCode = 206;
    }
    res.setHeader("content-length", bytes.length);
    if (cutOnce?.path === path) {
      const { after } = cutOnce;
      cutOnce = undefined;
      res.write(bytes.subarray(0, after), () => res.destroy());
      return;
    }
    res.end(bytes);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((done) => server.close(done)));

beforeEach(() => {
  corrupt = undefined;
  cutOnce = undefined;
  ranges = [];
});

function fetchModel(out: string, hub = endpoint) {
  return runDermedge(["model", "fetch", "--revision", COMMIT, "--out", out], {
    env: { ...process.env, DERMEDGE_HF_ENDPOINT: hub },
  });
}

const newOut = async () => join(await mkdtemp(join(tmpdir(), "dermedge-fetch-")), "clip");

describe("dermedge model fetch (against a local stand-in for the Hub)", () => {
  it("the pinned revision needs no Hub API call, and a mirror's file that differs from the pin is refused", async () => {
    const out = await newOut();
    const { code, stderr } = await runDermedge(["model", "fetch", "--out", out], {
      env: { ...process.env, DERMEDGE_HF_ENDPOINT: endpoint },
    });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n").pop()).toMatch(
      /^dermedge: config\.json: sha256 [0-9a-f]{64}, expected 493ef57ff783e42d1530c91b53469b7fdf8db8a9c1408e86998fcb7899a4f495 \(pinned\); the download was deleted$/,
    );
    expect(pinnedApiCalls).toBe(0);
    expect(existsSync(out)).toBe(false);
  });

  it("downloads with a progress bar, verifies every file, and writes a complete package at once", async () => {
    const out = await newOut();
    const { code, stdout, stderr } = await fetchModel(out);
    expect(code).toBe(0);
    expect(stderr).toMatch(/\[#{30}\] 5\.0\/5\.0 MB/);
    expect(stdout).toContain(`fetched ${REPO} ${COMMIT} (int8)`);
    expect(stdout).toContain("not yet pinned"); // the Hub's values, printed for pins.json
    const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ id: REPO, revision: COMMIT, synthetic: false, variant: "int8" });
    for (const [path, bytes] of Object.entries(files)) {
      expect(manifest.files).toContainEqual({ path, size: bytes.length, sha256: sha("sha256", bytes) });
    }
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it("resumes an interrupted download from its .part file with an HTTP Range request", async () => {
    const out = await newOut();
    cutOnce = { path: "onnx/vision_model_quantized.onnx", after: 1_000_000 };
    const first = await fetchModel(out);
    expect(first.code).toBe(1);
    expect(first.stderr.trim().split("\n").pop()).toMatch(/^dermedge: .*interrupted.*run again to resume$/);
    expect(existsSync(out)).toBe(false);
    const part = join(`${out}.partial`, "onnx/vision_model_quantized.onnx.part");
    const partial = (await stat(part)).size;
    expect(partial).toBeGreaterThan(0);

    const second = await fetchModel(out);
    expect(second.code).toBe(0);
    expect(ranges).toEqual([`onnx/vision_model_quantized.onnx bytes=${partial}-`]);
    const vision = await readFile(join(out, "onnx/vision_model_quantized.onnx"));
    expect(sha("sha256", vision)).toBe(sha("sha256", files["onnx/vision_model_quantized.onnx"]));
  });

  it("deletes a file whose sha256 does not match and fails, leaving no package", async () => {
    const out = await newOut();
    corrupt = "onnx/text_model_quantized.onnx";
    const { code, stderr } = await fetchModel(out);
    expect(code).toBe(1);
    expect(stderr.trim().split("\n").pop()).toMatch(
      /^dermedge: onnx\/text_model_quantized\.onnx: sha256 [0-9a-f]{64}, expected [0-9a-f]{64} \(hub\); the download was deleted$/,
    );
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(`${out}.partial`, "onnx/text_model_quantized.onnx.part"))).toBe(false);
    expect(existsSync(join(`${out}.partial`, "onnx/text_model_quantized.onnx"))).toBe(false);
  });

  it("without access to the Hub fails fast with one line and leaves nothing behind", async () => {
    const out = await newOut();
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, "127.0.0.1", done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    // Refused at once, with no retry loop: a retried refusal would print the retries or outlast the test.
    const { code, stderr } = await fetchModel(out, `http://127.0.0.1:${port}`);
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^dermedge: cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });
});
