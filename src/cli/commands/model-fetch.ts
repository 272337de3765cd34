import { readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { MANIFEST_FORMAT } from "../../model/package/manifest";
import { parse, required } from "../args";
import { UsageError } from "../errors";
import { exists, fetchVerifiedFiles, printUnpinned } from "../hub/fetch-files";
import { readPins, SPEECH_MODELS, type SpeechModel } from "../hub/pins";
import { fetchSpeech } from "./model-fetch-speech";

const MODELS = ["clip", ...SPEECH_MODELS] as const;

/**
 * `dermedge model fetch [--model clip|whisper-tiny|whisper-base] [--variant int8|q4] [--revision SHA] --out DIR`:
 * downloads Xenova's CLIP files (or a Whisper export's, see model-fetch-speech.ts) at a pinned commit into
 * DIR.partial/, verifies every file (see hub/pins.json), writes the manifest and only then renames the
 * folder to DIR, so DIR is either a complete package or absent. DIR.partial keeps verified files and the
 * .part of an interrupted download, and a second run resumes from them.
 */
export async function fetchModel(args: string[]): Promise<void> {
  const { values } = parse(
    args,
    {
      model: { type: "string" },
      variant: { type: "string" },
      revision: { type: "string" },
      out: { type: "string" },
    },
    [],
  );
  const model = values.model ?? "clip";
  if (!(MODELS as readonly string[]).includes(model)) {
    throw new UsageError(
      `--model must be ${MODELS.slice(0, -1).join(", ")} or ${MODELS.at(-1)}, not "${model}"`,
    );
  }
  if (model !== "clip") {
    if (values.variant !== undefined) throw new UsageError("--variant is for --model clip only");
    return fetchSpeech(model as SpeechModel, values.revision, required(values.out, "out"));
  }
  const pins = await readPins();
  const variant = values.variant ?? "int8";
  const towers = pins.variants[variant];
  if (!towers) throw new UsageError(`--variant must be ${Object.keys(pins.variants).join(" or ")}`);
  const out = required(values.out, "out");
  if (await exists(out)) throw new UsageError(`${out} already exists`);
  const staging = `${out}.partial`;

  const { commit, writer, unpinned } = await fetchVerifiedFiles({
    repo: pins.repo,
    revision: values.revision ?? pins.revision,
    pinnedRevision: pins.revision,
    pins: pins.files,
    paths: [...pins.commonFiles, towers.vision, towers.text],
    staging,
  });
  const config = JSON.parse(await readFile(join(staging, "config.json"), "utf8"));
  await writer.finish({
    format: MANIFEST_FORMAT,
    id: pins.repo,
    revision: commit,
    synthetic: false,
    variant,
    // OpenAI's trained scale (exp of the learned 4.6052); config.json only has the initial value.
    logitScale: 100,
    // The names of optimum's CLIP export (clip-vision/text-with-projection), which made Xenova's files.
    vision: { file: towers.vision, externalData: [], input: "pixel_values", output: "image_embeds" },
    text: {
      file: towers.text,
      externalData: [],
      input: "input_ids",
      output: "text_embeds",
      contextLength: config.text_config?.max_position_embeddings ?? 77,
    },
  });
  await rename(staging, out);
  console.log(`fetched ${pins.repo} ${commit} (${variant}) into ${out}`);
  printUnpinned(commit, unpinned);
}
