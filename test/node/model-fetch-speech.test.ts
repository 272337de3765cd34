/**
 * `dermedge model fetch --model whisper-tiny|whisper-base` against a local stand-in for the Hub
 * (DERMEDGE_HF_ENDPOINT) serving the synthetic `test` speech package's files. As in model-fetch.test.ts,
 * `--revision` names a commit pins.json does not pin, so each file is checked against the stand-in's
 * content hashes (LFS sha256, git blob id); at the pinned commit a file that differs from its pin is refused.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchVerifiedFiles } from "../../src/cli/hub/fetch-files";
import { type Pin, readPins, SPEECH_MODELS } from "../../src/cli/hub/pins";
import { runDermedge } from "../support/dermedge-cli.node";

const root = resolve(import.meta.dirname, "../..");
/** Written by the global setup: `dermedge model synthetic --kind whisper --size test`. */
const synthetic = resolve(root, ".cache/models/whisper-test");
const COMMIT = "0123456789abcdef0123456789abcdef01234567";
const DECODER = "onnx/decoder_model_merged_quantized.onnx";

const sha = (algo: string, ...parts: (string | Buffer)[]) => {
  const h = createHash(algo);
  for (const p of parts) h.update(p);
  return h.digest("hex");
};

/** Per repository: the files of the speech package, as the stand-in serves them at COMMIT. */
const files: Record<string, Buffer> = {};
let pins: Awaited<ReturnType<typeof readPins>>["speech"];
/** Per test: a path served with one byte changed. */
let corrupt: string | undefined;
let apiCallsAtPinned = 0;
let server: Server;
let endpoint: string;

beforeAll(async () => {
  pins = (await readPins()).speech;
  for (const entry of await readdir(synthetic, { recursive: true, withFileTypes: true })) {
    const path = relative(synthetic, join(entry.parentPath, entry.name));
    if (entry.isFile() && path !== "manifest.json") files[path] = await readFile(join(synthetic, path));
  }
  const siblings = Object.entries(files).map(([path, bytes]) =>
    path.endsWith(".onnx")
      ? { rfilename: path, size: 134, lfs: { sha256: sha("sha256", bytes), size: bytes.length } }
      : { rfilename: path, size: bytes.length, blobId: sha("sha1", `blob ${bytes.length}\0`, bytes) },
  );
  server = createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url!, "http://x").pathname);
    const model = SPEECH_MODELS.map((m) => pins[m]).find((m) => url.includes(`/${m.repo}/`));
    if (!model) {
      res.statusCode = 404;
      return res.end();
    }
    if (url.startsWith(`/api/models/${model.repo}/revision/${model.revision}`)) apiCallsAtPinned++;
    if (url === `/${model.repo}/resolve/${model.revision}/config.json`) {
      // A mirror's config.json of the pinned size whose bytes are not the pinned ones.
      const bytes = Buffer.alloc(model.files["config.json"]!.size, " ");
      res.setHeader("content-length", bytes.length);
      return res.end(bytes);
    }
    if (url === `/api/models/${model.repo}/revision/${COMMIT}`) {
      res.setHeader("content-type", "application/json");
      return res.end(JSON.stringify({ id: model.repo, sha: COMMIT, siblings }));
    }
    const prefix = `/${model.repo}/resolve/${COMMIT}/`;
    const path = url.slice(prefix.length);
    if (!url.startsWith(prefix) || !files[path]) {
      res.statusCode = 404;
      return res.end();
    }
    const bytes = Buffer.from(files[path]);
    if (corrupt === path) bytes[bytes.length >> 1] ^= 0x01;
    res.setHeader("content-length", bytes.length);
    res.end(bytes);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((done) => server.close(done)));

beforeEach(() => {
  corrupt = undefined;
});

const newOut = async () => join(await mkdtemp(join(tmpdir(), "dermedge-fetch-speech-")), "whisper");
const dermedge = (args: string[]) =>
  runDermedge(args, { env: { ...process.env, DERMEDGE_HF_ENDPOINT: endpoint } });

describe("dermedge model fetch --model whisper-* (against a local stand-in for the Hub)", () => {
  it("fetches every file of a speech package, verified, into a package that installs and transcribes", async () => {
    const out = await newOut();
    const fetched = await dermedge([
      "model",
      "fetch",
      "--model",
      "whisper-tiny",
      "--revision",
      COMMIT,
      "--out",
      out,
    ]);
    expect(fetched.code).toBe(0);
    expect(fetched.stdout).toContain(`fetched Xenova/whisper-tiny ${COMMIT} (int8) into ${out}`);
    const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({
      format: "dermedge-speech/1",
      id: "Xenova/whisper-tiny",
      revision: COMMIT,
      synthetic: false,
      variant: "int8",
      encoder: {
        file: "onnx/encoder_model_quantized.onnx",
        input: "input_features",
        output: "last_hidden_state",
      },
      // The synthetic `test` size: 2 decoder layers, 4 heads of 16 (width 64), read from its config.json.
      decoder: { file: DECODER, layers: 2, heads: 4, headDim: 16 },
    });
    expect(manifest.files).toHaveLength(7);
    for (const [path, bytes] of Object.entries(files)) {
      expect(manifest.files).toContainEqual({ path, size: bytes.length, sha256: sha("sha256", bytes) });
    }
    expect(existsSync(`${out}.partial`)).toBe(false);

    // The speech engine loads it (its past key values follow the manifest's layers and heads) ...
    const heard = await dermedge([
      "transcribe",
      resolve(root, "test/fixtures/audio/en.opus"),
      "--model",
      out,
      "--lang",
      "en",
      "--max-new-tokens",
      "4",
    ]);
    expect(heard.code).toBe(0);
    expect(JSON.parse(heard.stdout).language).toBe("en");

    // ... and `model install` verifies it and puts it beside CLIP's, under the speech prefix.
    const persist = await mkdtemp(join(tmpdir(), "dermedge-r2-"));
    const installed = await dermedge(["model", "install", out, "--local", "--persist-to", persist]);
    expect(installed.code).toBe(0);
    expect(installed.stdout).toContain(
      `installed Xenova/whisper-tiny ${COMMIT} as the active speech model (local R2)`,
    );
    // As fetched, the graphs are .onnx: the Workers need them packed.
    expect(installed.stdout).toContain("note: not packed: run `dermedge model pack` first");
  });

  it.each([
    [DECODER, "sha256"],
    ["tokenizer.json", "git blob"],
  ])("refuses %s when one byte differs, naming the file, and leaves no package", async (path, hash) => {
    const out = await newOut();
    corrupt = path;
    const { code, stderr } = await dermedge([
      "model",
      "fetch",
      "--model",
      "whisper-base",
      "--revision",
      COMMIT,
      "--out",
      out,
    ]);
    expect(code).toBe(1);
    const escaped = path.replace(/[./]/g, "\\$&");
    expect(stderr.trim().split("\n").pop()).toMatch(
      new RegExp(
        `^dermedge: ${escaped}: ${hash} [0-9a-f]{40,64}, expected [0-9a-f]{40,64} \\(hub\\); the download was deleted$`,
      ),
    );
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(`${out}.partial`, path))).toBe(false);
  });

  it.each([
    [
      "whisper-tiny",
      "5332fcc35e32a33b86612b9a57a89be7906102b1",
      2248,
      "2b2e4e519084e0ea028b19b153f95202735a971870d6844aa26e559edd292e94",
    ],
    [
      "whisper-base",
      "64da57285918e20ea79ea5c88eed7197933abaa8",
      2248,
      "d1d347fdb422e6347c2f843a90d375aa67ea3f4b3e20d2c3075f9a9f6243685b",
    ],
  ])("%s at its pinned commit asks the Hub's API nothing and refuses a file that is not the pinned one", async (model, revision, size, configSha256) => {
    // The figures of the public sources pins.json cites, written out here so a changed pin is seen.
    expect(pins[model as keyof typeof pins].revision).toBe(revision);
    expect(pins[model as keyof typeof pins].files["config.json"]).toEqual({ size, sha256: configSha256 });
    const out = await newOut();
    apiCallsAtPinned = 0;
    const { code, stderr } = await dermedge(["model", "fetch", "--model", model, "--out", out]);
    expect(code).toBe(1);
    expect(stderr.trim().split("\n").pop()).toMatch(
      new RegExp(
        `^dermedge: config\\.json: sha256 [0-9a-f]{64}, expected ${configSha256} \\(pinned\\); the download was deleted$`,
      ),
    );
    expect(apiCallsAtPinned).toBe(0);
    expect(existsSync(out)).toBe(false);
  });

  it("pins every file of both models with a size and a sha256 (none left to the Hub's answer)", () => {
    for (const model of SPEECH_MODELS.map((m) => pins[m])) {
      expect(Object.keys(model.files).sort()).toEqual([
        "config.json",
        "generation_config.json",
        "onnx/decoder_model_merged_quantized.onnx",
        "onnx/encoder_model_quantized.onnx",
        "preprocessor_config.json",
        "tokenizer.json",
        "tokenizer_config.json",
      ]);
      for (const pin of Object.values(model.files)) {
        expect(pin).toEqual({ size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      }
      expect(model.sources.length).toBeGreaterThanOrEqual(2);
    }
  });

  it.each([
    [
      ["--model", "whisper-large"],
      'dermedge: --model must be clip, whisper-tiny or whisper-base, not "whisper-large"',
    ],
    [["--model", "whisper-tiny", "--variant", "q4"], "dermedge: --variant is for --model clip only"],
  ])("a bad %j is a usage error, before any download", async (args, message) => {
    const out = await newOut();
    const { code, stderr } = await dermedge(["model", "fetch", ...args, "--out", out]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([message]);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });
});

describe("a file pins.json leaves null at the pinned commit", () => {
  /** What fetch does for a model whose pins name COMMIT, pin every file but the decoder, and maybe one wrongly. */
  async function fetchWithPins(override: Record<string, Pin> = {}) {
    const pinned: Record<string, Pin> = {};
    for (const [path, bytes] of Object.entries(files)) {
      pinned[path] = path === DECODER ? null : { size: bytes.length, sha256: sha("sha256", bytes) };
    }
    const before = process.env.DERMEDGE_HF_ENDPOINT;
    process.env.DERMEDGE_HF_ENDPOINT = endpoint;
    try {
      return await fetchVerifiedFiles({
        repo: "Xenova/whisper-tiny",
        revision: COMMIT,
        pinnedRevision: COMMIT,
        pins: { ...pinned, ...override },
        paths: Object.keys(files),
        staging: `${await newOut()}.partial`,
      });
    } finally {
      process.env.DERMEDGE_HF_ENDPOINT = before;
    }
  }

  it("is checked against the Hub's LFS sha256 for that commit, and reported as not yet pinned", async () => {
    const { commit, unpinned } = await fetchWithPins();
    expect(commit).toBe(COMMIT);
    expect(unpinned).toEqual([
      { path: DECODER, size: files[DECODER].length, sha256: sha("sha256", files[DECODER]) },
    ]);
  });

  it("is refused when one byte differs from the Hub's hash", async () => {
    corrupt = DECODER;
    await expect(fetchWithPins()).rejects.toThrow(
      /^onnx\/decoder_model_merged_quantized\.onnx: sha256 [0-9a-f]{64}, expected [0-9a-f]{64} \(hub\); the download was deleted$/,
    );
  });

  it("a pin that is wrong stops the fetch: before any download where the Hub contradicts it, else at the file", async () => {
    // config.json is a git blob: the Hub gives no sha256 to compare the pin with, so the bytes are checked against it.
    const wrong = { size: files["config.json"].length, sha256: "0".repeat(64) };
    await expect(fetchWithPins({ "config.json": wrong })).rejects.toThrow(
      `config.json: sha256 ${sha("sha256", files["config.json"])}, expected ${"0".repeat(64)} (pinned); the download was deleted`,
    );
    // With the decoder unpinned the Hub is asked, and its LFS record contradicts the encoder's pin.
    const encoder = "onnx/encoder_model_quantized.onnx";
    const wrongSize = { size: files[encoder].length + 1, sha256: sha("sha256", files[encoder]) };
    await expect(fetchWithPins({ [encoder]: wrongSize })).rejects.toThrow(
      `${encoder}: the Hub's size/hash for ${COMMIT} disagrees with pins.json`,
    );
  });
});
