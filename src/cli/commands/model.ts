import { type SyntheticSize, writeSyntheticPackage } from "../../synthetic";
import { writeSyntheticWhisper } from "../../synthetic/whisper/package";
import { WHISPER_SIZES, type WhisperSize } from "../../synthetic/whisper/sizes";
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
      kind: { type: "string" },
      size: { type: "string" },
      tokenizer: { type: "string" },
      out: { type: "string" },
      "external-data": { type: "boolean" },
      seed: { type: "string" },
    },
    [],
  );
  if (values.kind === "whisper") return syntheticWhisper(values);
  if (values.kind !== undefined && values.kind !== "clip") {
    throw new UsageError(`--kind must be clip or whisper, not "${values.kind}"`);
  }
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

/** `dermedge model synthetic --kind whisper --size test|tiny|base --out DIR [--seed N]`. */
async function syntheticWhisper(values: { size?: string; out?: string; seed?: string }): Promise<void> {
  const size = required(values.size, "size") as WhisperSize;
  if (!(size in WHISPER_SIZES)) throw new UsageError(`--size must be test, tiny or base, not "${size}"`);
  const seed = values.seed === undefined ? 0 : Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`--seed must be a non-negative integer`);
  const started = Date.now();
  const manifest = await writeSyntheticWhisper({ size, outDir: required(values.out, "out"), seed });
  const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
  console.log(
    `wrote ${manifest.id} revision ${manifest.revision}: ${manifest.files.length} files, ` +
      `${(bytes / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s (synthetic: its transcripts mean nothing)`,
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
