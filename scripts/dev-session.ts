/**
 * What `npm run dev` and `npm run bot:local` share: make sure local R2 has an active model, then run every
 * Worker of the service in one `wrangler dev` session (local R2 and KV), with one banner of what is unusual
 * about it and the demo's address once wrangler is ready. Without a model it fetches, packs and installs the
 * real one; offline it installs the tiny synthetic package and says so in the banner.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseEnv, stripVTControlCharacters } from "node:util";
import { SPEECH_PREFIX } from "../src/cli/commands/model-install";
import { main as dermedge } from "../src/cli/main";
import { parseApiKeys } from "../src/config/api-keys";
import { CLIP_ASSETS_DIR } from "../src/synthetic";
import { writeApiAssets } from "./api-assets";
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

/**
 * The speech package for voice notes: no download is wired yet, so a session without one installs the
 * synthetic whisper-tiny (packed: ORT format, as the speech Worker loads it best) and says so.
 */
async function ensureSpeechModel(): Promise<string[]> {
  const active = await activeManifest("--local", SPEECH_PREFIX);
  if (!active) {
    process.stderr.write("dev: no speech model in local R2; installing the synthetic whisper-tiny\n");
    const out = resolve(models, "dev-whisper-tiny");
    const made =
      (await dermedge(["model", "synthetic", "--kind", "whisper", "--size", "tiny", "--out", out])) === 0 &&
      (await dermedge(["model", "pack", out, "--out", `${out}-packed`])) === 0 &&
      (await dermedge(["model", "install", `${out}-packed`, "--local"])) === 0;
    if (!made) process.stderr.write("dev: no speech model could be installed; voice notes will answer 503\n");
    return made ? ["The speech model is SYNTHETIC: voice notes are transcribed as gibberish."] : [];
  }
  return active.synthetic ? ["The speech model is SYNTHETIC: voice notes are transcribed as gibberish."] : [];
}

/** The banner's lines about the model: none for a real one. */
async function ensureModel(): Promise<string[]> {
  let active = await activeManifest("--local");
  let fallback: string[] = [];
  if (!active) {
    process.stderr.write("dev: no model in local R2; fetching the real one\n");
    if (!(await installReal())) {
      process.stderr.write("dev: could not fetch the real model; installing the tiny synthetic one\n");
      fallback = ["Could not fetch the real model (offline?): the TINY SYNTHETIC model is installed."];
      if (!(await installSynthetic())) {
        process.stderr.write(
          "dev: no model could be installed; starting anyway (requests will answer 503)\n",
        );
      }
    }
    active = await activeManifest("--local");
  }
  if (active?.synthetic) return [...fallback, ...SYNTHETIC_WARNING];
  if (active) process.stderr.write(`dev: active model ${active.id} ${active.revision}\n`);
  return [];
}

/**
 * Rewrites wrangler's output: the auxiliary Workers run in this very session, which wrangler's dev
 * registry does not know, so it calls their service bindings "[not connected]" while they work; and the
 * demo's address follows wrangler's "Ready on" line, at whatever port it took.
 */
function devOutput(auxiliaryNames: string[]): (line: string) => string | undefined {
  return (line) => {
    const text = stripVTControlCharacters(line);
    if (auxiliaryNames.some((name) => text.includes(`(${name})`))) {
      return text.replace("[not connected]", "[this session]");
    }
    // Its explanation of [connected] / [not connected], which then names nothing on the screen.
    if (text.startsWith("Service bindings, Durable Object bindings, and Tail consumers connect"))
      return undefined;
    const ready = /Ready on (https?:\/\/\S+?)\/?$/.exec(text);
    if (ready) return `${line}\n\n  Demo page: ${ready[1]}/    API docs: ${ready[1]}/docs\n`;
    return line;
  };
}

export interface DevOptions {
  /** `--var` bindings for the main Worker (KEY -> value). */
  vars?: Record<string, string>;
  /** More banner lines (what this session adds). */
  notes?: string[];
  /** Further wrangler dev arguments. */
  args?: string[];
}

/**
 * The API keys the main Worker will hold in this session: API_KEYS from `--var API_KEYS:...` (which wins),
 * else from the env files wrangler reads for it (`--env-file`, or else .dev.vars), parsed as
 * src/config/env.ts parses them.
 */
export function sessionApiKeys(args: string[], vars: Record<string, string> = {}): string[] {
  const fromArgs = args.flatMap((a, i) => (args[i - 1] === "--var" && a.startsWith("API_KEYS:") ? [a] : []));
  const envFiles = args.flatMap((a, i) => (args[i - 1] === "--env-file" ? [resolve(root, a)] : []));
  const files = envFiles.length > 0 ? envFiles : [resolve(root, ".dev.vars")];
  // As wrangler merges them: a later file's value overrides an earlier one's.
  const fromFiles = Object.assign(
    {},
    ...files.filter((f) => existsSync(f)).map((f) => parseEnv(readFileSync(f, "utf8"))),
  ) as Record<string, string | undefined>;
  return parseApiKeys(vars.API_KEYS ?? fromArgs.at(-1)?.slice("API_KEYS:".length) ?? fromFiles.API_KEYS);
}

/** Runs the dev session until wrangler exits; resolves with its exit code. */
export async function runDev(options: DevOptions = {}): Promise<number> {
  const lines = [...(await ensureModel()), ...(await ensureSpeechModel())];
  const args = options.args ?? [];
  // Open on purpose when no keys are configured: wrangler.toml keeps /v1 closed without API_KEYS; here
  // anyone on this machine may call it. With keys (.dev.vars), they are required and the banner says so.
  const keys = sessionApiKeys(args, options.vars);
  const open = keys.length === 0;
  const vars = { ...(open ? { OPEN_ACCESS: "true" } : {}), ...options.vars };
  if (lines.length > 0) lines.push("");
  if (open) {
    lines.push(
      "OPEN ACCESS: /v1 needs no API key in this dev session (--var OPEN_ACCESS:true).",
      "Set API_KEYS in .dev.vars to try it with keys; a deployment without keys is refused.",
    );
  } else {
    lines.push(`API KEYS REQUIRED: /v1 accepts only the ${keys.length} key(s) of API_KEYS (.dev.vars).`);
  }
  if (options.notes?.length) lines.push(...(lines.length > 0 ? [""] : []), ...options.notes);
  if (lines.length > 0) banner(lines);

  // The main Worker's config first: its port (8787) serves; the others answer its service bindings.
  const auxiliary = auxiliaryConfigs();
  const configs = ["wrangler.toml", ...auxiliary].flatMap((c) => ["-c", c]);
  const names = auxiliary.flatMap(
    (c) => /^name\s*=\s*"([^"]+)"/m.exec(readFileSync(resolve(root, c), "utf8"))?.[1] ?? [],
  );
  // No Worker reads request.cf: wrangler need not fetch it from workers.cloudflare.com (offline, that
  // fetch fails with a stack trace before every start).
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";
  await writeApiAssets();
  const varArgs = Object.entries(vars).flatMap(([key, value]) => ["--var", `${key}:${value}`]);
  const { code } = await wrangler(["dev", ...configs, ...varArgs, ...args], {
    privateLog: true,
    rewrite: devOutput(names),
  });
  return code;
}
