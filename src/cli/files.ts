import { readFile } from "node:fs/promises";
import { ClipEngine } from "../model/engine";
import { directoryStore } from "../model/package/directory-store.node";
import { CliError } from "./errors";
import { nodeRuntime } from "./runtime";

export async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${path}: ${code === "ENOENT" ? "no such file" : code}`);
  }
}

export async function openEngine(dir: string): Promise<ClipEngine> {
  return ClipEngine.open(directoryStore(dir), await nodeRuntime());
}
