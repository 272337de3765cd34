import { readFile } from "node:fs/promises";
import { ClipEngine } from "../model/engine";
import { directoryStore } from "../model/package/directory-store.node";
import { CliError } from "./errors";
import { loadNativeOrt, nativeImageTower } from "./native-tower";
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

/**
 * An engine for embedding many photos: `--backend native` (the default) runs the vision tower with
 * onnxruntime-node where it is installed, else with the Worker's WASM build; `wasm` always the latter.
 * Decoding and preprocessing are the Worker's either way.
 */
export async function openEmbeddingEngine(
  dir: string,
  backend: string | undefined,
): Promise<{ engine: ClipEngine; backend: "native" | "wasm" }> {
  if (backend !== undefined && backend !== "native" && backend !== "wasm") {
    throw new CliError(`--backend must be native or wasm, not "${backend}"`, 2);
  }
  const ort = backend === "wasm" ? null : await loadNativeOrt();
  const engine = await ClipEngine.open(
    directoryStore(dir),
    await nodeRuntime(),
    ort ? { image: nativeImageTower(ort) } : {},
  );
  return { engine, backend: ort ? "native" : "wasm" };
}
