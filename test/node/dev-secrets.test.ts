import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { API_ASSETS_DIR } from "../../scripts/api-assets";
import { sessionApiKeys } from "../../scripts/dev-session";

/**
 * `npm run dev` runs every Worker in one `wrangler dev`, which gives each Worker the .dev.vars beside
 * its config (the auxiliary ones get neither --var nor --env-file). The internal Workers' configs declare
 * `[secrets] required = []`, so they get none of it: the bot token and API keys stay with the main Worker.
 * Checked with wrangler's own resolution of a config's local bindings, on copies beside a .dev.vars.
 */
const root = resolve(import.meta.dirname, "../..");
const CONFIGS = [
  "wrangler.toml",
  "wrangler.text.toml",
  "wrangler.vision-tail.toml",
  "wrangler.speech.toml",
  "wrangler.speech-decoder.toml",
];
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "dermedge-dev-vars-"));
  for (const config of CONFIGS) await copyFile(join(root, config), join(scratch, config));
  // wrangler.toml's [assets] directory, relative to the config: wrangler refuses a config without it.
  await mkdir(join(scratch, relative(root, API_ASSETS_DIR)), { recursive: true });
  await writeFile(join(scratch, ".dev.vars"), "API_KEYS=key-0123456789\nTELEGRAM_BOT_TOKEN=123:abc\n");
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

const bindingNames = (config: string) =>
  Object.keys(unstable_getMiniflareWorkerOptions(join(scratch, config)).workerOptions.bindings ?? {});

describe(".dev.vars under wrangler dev", () => {
  it("binds the secrets to the main Worker", () => {
    expect(bindingNames("wrangler.toml")).toEqual(expect.arrayContaining(["API_KEYS", "TELEGRAM_BOT_TOKEN"]));
  });

  it.each([
    ["wrangler.text.toml", "MODEL_PREFIX"],
    ["wrangler.vision-tail.toml", "MODEL_PREFIX"],
    ["wrangler.speech.toml", "SPEECH_MODEL_PREFIX"],
    ["wrangler.speech-decoder.toml", "SPEECH_MODEL_PREFIX"],
  ])("binds no secret to %s", (config, prefixVar) => {
    const names = bindingNames(config);
    expect(names).toContain(prefixVar);
    expect(names).not.toContain("API_KEYS");
    expect(names).not.toContain("TELEGRAM_BOT_TOKEN");
  });
});

describe("the dev banner's view of access (scripts/dev-session.ts)", () => {
  it("sees the keys of the env file wrangler will read, trimmed as the Worker reads them", async () => {
    const file = join(scratch, "keys.env");
    await writeFile(file, 'API_KEYS=" key-a, key-b "\n');
    expect(sessionApiKeys(["--env-file", file])).toEqual(["key-a", "key-b"]);
    // A later --var wins over the file, as it does in wrangler.
    expect(sessionApiKeys(["--env-file", file, "--var", "API_KEYS:key-c"])).toEqual(["key-c"]);
  });

  it("sees none (open access) when the env file has no API_KEYS or an empty one", async () => {
    const file = join(scratch, "none.env");
    await writeFile(file, "API_KEYS=\nTELEGRAM_BOT_TOKEN=123:abc\n");
    expect(sessionApiKeys(["--env-file", file])).toEqual([]);
    expect(sessionApiKeys(["--env-file", join(scratch, "absent.env")])).toEqual([]);
  });
});
