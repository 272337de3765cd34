import { readFile } from "node:fs/promises";
import { resolve, sep } from "node:path";
import type { ModelStore } from "./store";

/** A package in a local directory (the command-line tool's store). */
export function directoryStore(dir: string): ModelStore {
  const root = resolve(dir);
  return {
    location: root,
    async read(path) {
      const full = resolve(root, path);
      if (!full.startsWith(root + sep)) throw new Error(`path escapes the package: ${path}`);
      try {
        return new Uint8Array(await readFile(full));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}
