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

export interface Pins {
  repo: string;
  revision: string;
  variants: Record<string, { vision: string; text: string }>;
  commonFiles: string[];
  files: Record<string, { size: number; sha256: string } | null>;
}

export async function readPins(): Promise<Pins> {
  return JSON.parse(await readFile(new URL("./pins.json", import.meta.url), "utf8"));
}
