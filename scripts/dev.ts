/**
 * `npm run dev`: makes sure local R2 has an active model, then runs every Worker of the service in one
 * `wrangler dev` session (local R2 and KV). Without a model it fetches, packs and installs the real one;
 * offline it installs the tiny synthetic package and says so loudly.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { main as dermedge } from "../src/cli/main";
import { CLIP_ASSETS_DIR } from "../src/synthetic";
import { activeManifest, auxiliaryConfigs, banner, root, wrangler } from "./wrangler";

const models = resolve(root, ".cache/models");
const SYNTHETIC_WARNING = [
  "The active model is SYNTHETIC: random weights, every answer is meaningless.",
  'Answers say "synthetic": true in their model info. Do not show them to anyone.',
];

/** Real model: fetch (unless already fetched), pack when the pack command can, install. */
async function installReal(): Promise<boolean> {
  const fetched = resolve(models, "clip-int8");
  if (!existsSync(fetched) && (await dermedge(["model", "fetch", "--out", fetched])) !== 0) return false;
  const packed = resolve(models, "clip-int8-packed");
  const packable = existsSync(resolve(root, "src/cli/commands/model-pack.ts"));
  const usePacked =
    existsSync(packed) || (packable && (await dermedge(["model", "pack", fetched, "--out", packed])) === 0);
  if (packable && !usePacked) process.stderr.write("dev: packing failed; installing the unpacked package\n");
  return (await dermedge(["model", "install", usePacked ? packed : fetched, "--local"])) === 0;
}

/** Offline: the tiny synthetic package, with the CLIP tokenizer kept in the repository. */
async function installSynthetic(): Promise<boolean> {
  const out = resolve(models, "dev-tiny");
  const args = ["model", "synthetic", "--size", "tiny", "--tokenizer", CLIP_ASSETS_DIR, "--out", out];
  if ((await dermedge(args)) !== 0) return false;
  return (await dermedge(["model", "install", out, "--local"])) === 0;
}

let active = await activeManifest("--local");
if (!active) {
  process.stderr.write("dev: no model in local R2; fetching the real one\n");
  if (!(await installReal())) {
    banner([
      "Could not fetch the real model (offline?): installing the TINY SYNTHETIC model.",
      ...SYNTHETIC_WARNING,
    ]);
    if (!(await installSynthetic())) {
      process.stderr.write("dev: no model could be installed; starting anyway (requests will answer 503)\n");
    }
  }
  active = await activeManifest("--local");
}
if (active?.synthetic) banner(SYNTHETIC_WARNING);
else if (active) process.stderr.write(`dev: active model ${active.id} ${active.revision}\n`);

// The main Worker's config first: its port (8787) serves; the others answer its service bindings.
const configs = ["wrangler.toml", ...auxiliaryConfigs()].flatMap((c) => ["-c", c]);
// Open on purpose: wrangler.toml keeps /v1 closed without API_KEYS; here anyone on this machine may call it.
const openArgs = process.argv.some((a) => a.startsWith("API_KEYS")) ? [] : ["--var", "OPEN_ACCESS:true"];
if (openArgs.length > 0) {
  banner([
    "OPEN ACCESS: /v1 needs no API key in this dev session (--var OPEN_ACCESS:true).",
    "Set API_KEYS in .dev.vars to try it with keys; a deployment without keys is refused.",
  ]);
}
const { code } = await wrangler(["dev", ...configs, ...openArgs, ...process.argv.slice(2)], {
  inherit: true,
  privateLog: true,
});
process.exitCode = code;
