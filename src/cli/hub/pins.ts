import { readFile } from "node:fs/promises";

/** What a downloaded file must be: its size and one content hash. */
export interface Expected {
  size: number;
  /** sha256 of the bytes (pinned, or an LFS file's oid from the Hub). */
  sha256?: string;
  /** The git blob id (sha1 of "blob <size>\0" + bytes): what the Hub gives for a file not in LFS. */
  gitBlobId?: string;
  /** Where the values came from, for the printed report. */
  source: "pinned" | "hub";
}

/** A file's pinned size and sha256, or null: checked against the Hub's hashes for the pinned commit. */
export type Pin = { size: number; sha256: string } | null;

export interface Pins {
  repo: string;
  revision: string;
  variants: Record<string, { vision: string; text: string }>;
  commonFiles: string[];
  files: Record<string, Pin>;
  speech: Record<SpeechModel, SpeechPins>;
}

/** The Whisper exports `model fetch --model` knows. */
export const SPEECH_MODELS = ["whisper-tiny", "whisper-base"] as const;
export type SpeechModel = (typeof SPEECH_MODELS)[number];

/** One Whisper export at one commit: every file of a speech package, with where its figures came from. */
export interface SpeechPins {
  repo: string;
  revision: string;
  sources: string[];
  encoder: string;
  decoder: string;
  files: Record<string, Pin>;
}

export async function readPins(): Promise<Pins> {
  return JSON.parse(await readFile(new URL("./pins.json", import.meta.url), "utf8"));
}
