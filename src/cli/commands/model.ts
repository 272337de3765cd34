import { type SyntheticSize, writeSyntheticPackage } from "../../synthetic";
import { parse, required } from "../args";
import { UsageError } from "../errors";
import { fetchModel } from "./model-fetch";
import { install } from "./model-install";
import { pack } from "./model-pack";

const SIZES: readonly SyntheticSize[] = ["tiny", "base"];

/** `dermedge model synthetic --size tiny|base --tokenizer DIR --out DIR [--external-data] [--seed N]`. */
async function synthetic(args: string[]): Promise<void> {
  const { values } = parse(
    args,
    {
      size: { type: "string" },
      tokenizer: { type: "string" },
      out: { type: "string" },
      "external-data": { type: "boolean" },
      seed: { type: "string" },
    },
    [],
  );
  const size = required(values.size, "size") as SyntheticSize;
  if (!SIZES.includes(size)) throw new UsageError(`--size must be tiny or base, not "${size}"`);
  const seed = values.seed === undefined ? 0 : Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`--seed must be a non-negative integer`);
  const started = Date.now();
  const manifest = await writeSyntheticPackage({
    size,
    tokenizerDir: required(values.tokenizer, "tokenizer"),
    outDir: required(values.out, "out"),
    externalData: values["external-data"] ?? false,
    seed,
  });
  const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
  console.log(
    `wrote ${manifest.id} revision ${manifest.revision}: ${manifest.files.length} files, ` +
      `${(bytes / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s (synthetic: its answers mean nothing)`,
  );
}

const subcommands: Record<string, (args: string[]) => Promise<void>> = {
  fetch: fetchModel,
  synthetic,
  install,
  pack,
};

/** `dermedge model <subcommand>`. */
export async function model(args: string[]): Promise<void> {
  const [name, ...rest] = args;
  const subcommand = name ? subcommands[name] : undefined;
  if (!subcommand) throw new UsageError(`usage: dermedge model ${Object.keys(subcommands).join("|")} ...`);
  await subcommand(rest);
}
