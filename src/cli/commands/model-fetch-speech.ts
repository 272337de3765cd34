import { readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { SPEECH_MANIFEST_FORMAT, type SpeechManifest } from "../../model/package/speech-manifest";
import { CliError, UsageError } from "../errors";
import { exists, fetchVerifiedFiles, printUnpinned } from "../hub/fetch-files";
import { readPins, type SpeechModel } from "../hub/pins";

/**
 * `dermedge model fetch --model whisper-tiny|whisper-base [--revision SHA] --out DIR`: a speech package
 * from Xenova's Whisper export at the commit pins.json pins (its int8 encoder, merged int8 decoder,
 * tokenizer and configs), every file verified as CLIP's are, then the manifest written from config.json.
 */
export async function fetchSpeech(
  model: SpeechModel,
  revision: string | undefined,
  out: string,
): Promise<void> {
  const pins = (await readPins()).speech[model];
  if (await exists(out)) throw new UsageError(`${out} already exists`);
  const staging = `${out}.partial`;
  const { commit, writer, unpinned } = await fetchVerifiedFiles({
    repo: pins.repo,
    revision: revision ?? pins.revision,
    pinnedRevision: pins.revision,
    pins: pins.files,
    paths: Object.keys(pins.files),
    staging,
  });
  const decoder = decoderShape(JSON.parse(await readFile(join(staging, "config.json"), "utf8")));
  await writer.finishManifest({
    format: SPEECH_MANIFEST_FORMAT,
    id: pins.repo,
    revision: commit,
    synthetic: false,
    variant: "int8",
    // The names of optimum's Whisper export (encoder, and the merged decoder), which made Xenova's files.
    encoder: { file: pins.encoder, input: "input_features", output: "last_hidden_state" },
    decoder: { file: pins.decoder, ...decoder },
  } satisfies Omit<SpeechManifest, "files">);
  await rename(staging, out);
  console.log(`fetched ${pins.repo} ${commit} (int8) into ${out}`);
  printUnpinned(commit, unpinned);
}

/** The decoder's layers and attention heads (for its past key values), from a Whisper config.json. */
function decoderShape(config: Record<string, unknown>): Omit<SpeechManifest["decoder"], "file"> {
  const { decoder_layers: layers, decoder_attention_heads: heads, d_model: width } = config;
  const positive = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) > 0;
  if (!positive(layers) || !positive(heads) || !positive(width) || width % heads !== 0) {
    throw new CliError(
      "config.json: not a Whisper config (decoder_layers, decoder_attention_heads and d_model must be positive integers, d_model a multiple of the heads)",
    );
  }
  return { layers, heads, headDim: width / heads };
}
