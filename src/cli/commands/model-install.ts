import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { directoryStore } from "../../model/package/directory-store.node";
import { readManifest, readVerified } from "../../model/package/load";
import { MANIFEST_FILE } from "../../model/package/manifest";
import { readSpeechManifest, SPEECH_MANIFEST_FORMAT } from "../../model/package/speech-manifest";
import { defaultPrompts } from "../../service/default-prompts";
import { parse } from "../args";
import { CliError, UsageError } from "../errors";
import { addLabelEmbeddings } from "../label-embeddings";

/** Must match wrangler.toml: the MODELS bucket and the MODEL_PREFIX the Worker reads. */
export const MODEL_BUCKET = "dermedge-models";
export const ACTIVE_PREFIX = "models/active";
/** Must match wrangler.speech.toml's SPEECH_MODEL_PREFIX: the speech package's own prefix, beside CLIP's. */
export const SPEECH_PREFIX = "models/speech/active";

/** Whether DIR holds a speech (Whisper) package rather than a CLIP one. */
export async function isSpeechPackage(dir: string): Promise<boolean> {
  const bytes = await directoryStore(dir).read(MANIFEST_FILE);
  if (!bytes) return false;
  try {
    return JSON.parse(new TextDecoder().decode(bytes)).format === SPEECH_MANIFEST_FORMAT;
  } catch {
    return false;
  }
}

function wrangler(args: string[]): Promise<void> {
  const bin = resolve(createRequire(import.meta.url).resolve("wrangler/package.json"), "../bin/wrangler.js");
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", fail);
    child.on("exit", (code) => {
      if (code === 0) done();
      else
        fail(
          new CliError(`wrangler ${args.slice(0, 3).join(" ")} failed: ${stderr.trim().split("\n").pop()}`),
        );
    });
  });
}

/**
 * `dermedge model install DIR [--local|--remote] [--persist-to DIR] [--force]`: verifies the package
 * against its manifest, embeds the default prompts into it (label-embeddings.json, so the Worker's
 * common path needs no text encoder), then puts every file into the MODELS bucket under the active
 * prefix, the manifest last, so a Worker never sees a half-installed package as complete (its sha256
 * checks catch a mix of two). The manifest at the active prefix is the record of which model is active.
 * A synthetic package goes to the remote (production) bucket only with --force.
 */
export async function install(args: string[]): Promise<void> {
  const { values, positionals } = parse(
    args,
    {
      local: { type: "boolean" },
      remote: { type: "boolean" },
      "persist-to": { type: "string" },
      force: { type: "boolean" },
    },
    ["DIR"],
  );
  if (values.local && values.remote) throw new UsageError("choose --local or --remote, not both");
  const dir = positionals[0];
  const store = directoryStore(dir);
  const target = values.remote
    ? ["--remote"]
    : ["--local", ...(values["persist-to"] ? ["--persist-to", values["persist-to"]] : [])];
  if (await isSpeechPackage(dir)) return installSpeech(dir, target, values.remote === true && !values.force);
  const verified = await readManifest(store);
  for (const file of verified.files) await readVerified(store, verified, file.path);
  if (verified.synthetic && values.remote && !values.force) {
    throw new CliError(
      `${verified.id} is a SYNTHETIC model (its answers mean nothing): refusing to install it remotely without --force`,
    );
  }
  const started = Date.now();
  const manifest = await addLabelEmbeddings(dir);
  process.stderr.write(
    `  embedded ${defaultPrompts().length} default prompts in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  for (const path of [...manifest.files.map((f) => f.path), MANIFEST_FILE]) {
    process.stderr.write(`  ${path}\n`);
    const key = `${MODEL_BUCKET}/${ACTIVE_PREFIX}/${path}`;
    await wrangler(["r2", "object", "put", key, "--file", resolve(dir, path), ...target]);
  }
  const where = values.remote ? "remote" : "local";
  console.log(`installed ${manifest.id} ${manifest.revision} as the active model (${where} R2)`);
  if (manifest.synthetic) console.log("note: this is a SYNTHETIC model: its answers mean nothing");
}

/** A speech package goes under its own prefix (the speech Worker's), beside the CLIP package; manifest last. */
async function installSpeech(dir: string, target: string[], refuseSynthetic: boolean): Promise<void> {
  const store = directoryStore(dir);
  const manifest = await readSpeechManifest(store);
  for (const file of manifest.files) await readVerified(store, manifest, file.path);
  if (manifest.synthetic && refuseSynthetic) {
    throw new CliError(
      `${manifest.id} is a SYNTHETIC model (its transcripts mean nothing): refusing to install it remotely without --force`,
    );
  }
  for (const path of [...manifest.files.map((f) => f.path), MANIFEST_FILE]) {
    process.stderr.write(`  ${path}\n`);
    const key = `${MODEL_BUCKET}/${SPEECH_PREFIX}/${path}`;
    await wrangler(["r2", "object", "put", key, "--file", resolve(dir, path), ...target]);
  }
  const where = target[0] === "--remote" ? "remote" : "local";
  console.log(`installed ${manifest.id} ${manifest.revision} as the active speech model (${where} R2)`);
  if (manifest.synthetic) console.log("note: this is a SYNTHETIC model: its transcripts mean nothing");
  if (!manifest.decoder.file.endsWith(".ort")) {
    // Unpacked, a real export's decoder makes its 80 MB vocabulary table float every step (README).
    console.log("note: not packed: run `dermedge model pack` first to fit the speech Workers' 128 MB");
  }
}
