import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";

const root = resolve(import.meta.dirname, "../..");
// Imported by path, not statically: the module's types name the Workers' generated Env, which this
// (Node) project does not load; at run time it is plain zod.
const configModule = resolve(root, "src/config/env.ts");
const { CONFIG_VARS } = (await import(configModule)) as {
  CONFIG_VARS: { api: string[]; speech: string[]; speechDecoder: string[] };
};
const varsOf = (file: string) =>
  Object.keys(unstable_readConfig({ config: resolve(root, file) }).vars).sort();

// `wrangler types` over several configs types only the first one's vars, so the speech Workers' vars are
// named in the config module by hand: this keeps every Worker's [vars] and the module's schemas in step.
describe("every var a wrangler config declares is parsed by the config module (src/config/env.ts)", () => {
  it.each(["wrangler.toml", "wrangler.text.toml", "wrangler.vision-tail.toml"])("%s", (file) => {
    const unknown = varsOf(file).filter((name) => !CONFIG_VARS.api.includes(name));
    expect(unknown).toEqual([]);
  });

  it("wrangler.speech.toml: exactly the speech schema's vars", () => {
    expect(varsOf("wrangler.speech.toml")).toEqual([...CONFIG_VARS.speech].sort());
  });

  it("wrangler.speech-decoder.toml: exactly the speech-decoder schema's vars", () => {
    expect(varsOf("wrangler.speech-decoder.toml")).toEqual([...CONFIG_VARS.speechDecoder].sort());
  });
});
