import { AudioError } from "../audio";
import { ImageError } from "../image/types";
import { ModelUnavailableError } from "../model/package/load";
import { adapt } from "./commands/adapt";
import { audioFeatures } from "./commands/audio-features";
import { classify } from "./commands/classify";
import { evalCommand } from "./commands/eval";
import { model } from "./commands/model";
import { preprocess } from "./commands/preprocess";
import { syntheticPhotos } from "./commands/synthetic-photos";
import { tokenize } from "./commands/tokenize";
import { transcribe } from "./commands/transcribe";
import { triageEvalCommand } from "./commands/triage-eval";
import { CliError, UsageError } from "./errors";

const USAGE = `usage: dermedge <command> [options]
  tokenize --model DIR TEXT                 print CLIP token ids as JSON
  preprocess IMAGE --out FILE.png [--exact]   write the 224x224 crop the model sees
  classify IMAGE --model DIR [--labels L...] [--text T] [--lang en|zh] [--exact]
                                            probabilities and the full assessment as JSON
  eval FOLDER --model DIR [--map M.json] [--out R.json] [--exact]   accuracy, sensitivity, calibration
    (--exact: decode photos at full size, as HF's CLIPImageProcessor does; by default a large JPEG or
     WebP, or an interlaced PNG, is decoded at 1/2, 1/4 or 1/8 scale first, as Pillow's draft() does for JPEG)
  adapt DATA --model DIR --out DIR2 [--backend native|wasm] [--head-share S] [--cache FILE]
                                            train a linear head on class folders of photos; DIR2 = DIR + head
  synthetic-photos OUT --classes A,B --per-class N [--size PX] [--first I] [--seed S]
                                            class folders of generated photos, separable by construction
  triage-eval CORPUS [--out R.json]         triage a JSON Lines corpus of patient messages from the words:
                                            level confusion table, under/over-triage, duration and age accuracy
  transcribe FILE --model DIR [--lang en|zh] [--max-new-tokens N] [--no-cache]
                                            what a voice note says, as JSON (text, language, token ids, confidence)
  model synthetic --size tiny|base --tokenizer DIR --out DIR [--external-data] [--seed N]
  model synthetic --kind whisper --size test|tiny|base --out DIR [--seed N]   a Whisper-shaped speech package
  model fetch [--variant int8|q4] [--revision SHA] --out DIR   download and verify Xenova/clip-vit-base-patch32
  model fetch --model whisper-tiny|whisper-base [--revision SHA] --out DIR   the same for Xenova's Whisper (speech)
  model install DIR [--local|--remote] [--persist-to DIR] [--force]   make a package the Worker's active model
  audio-features FILE [--window I]          Whisper's log-mel features (80 rows x 3000 frames, JSON) of a
                                            16 kHz WAV, or of any WAV, Ogg/Opus or MP3 resampled to 16 kHz`;

const commands: Record<string, (args: string[]) => Promise<void>> = {
  tokenize,
  preprocess,
  classify,
  eval: evalCommand,
  adapt,
  "synthetic-photos": syntheticPhotos,
  "triage-eval": triageEvalCommand,
  model,
  "audio-features": audioFeatures,
  transcribe,
};

/** Runs one command; returns the exit code. Problems print as one line on stderr, never a stack. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  try {
    if (name === "--help" || name === "-h") {
      console.log(USAGE);
      return 0;
    }
    const command = name ? commands[name] : undefined;
    if (!command)
      throw new UsageError(
        name ? `unknown command "${name}" (see dermedge --help)` : "no command (see dermedge --help)",
      );
    await command(args);
    return 0;
  } catch (error) {
    const { message, code } = describe(error);
    process.stderr.write(`dermedge: ${message}\n`);
    return code;
  }
}

function describe(error: unknown): { message: string; code: number } {
  if (error instanceof CliError) return { message: error.message, code: error.exitCode };
  if (error instanceof ImageError || error instanceof ModelUnavailableError || error instanceof AudioError)
    return { message: error.message, code: 1 };
  // node:util parseArgs reports unknown or malformed options with this code.
  if ((error as { code?: string })?.code?.startsWith("ERR_PARSE_ARGS")) {
    return { message: (error as Error).message, code: 2 };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `unexpected error: ${message.split("\n")[0]}`, code: 1 };
}
