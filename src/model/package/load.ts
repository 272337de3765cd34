import type { PreprocessorConfig } from "../../image";
import { freeNow } from "../../lib/bytes";
import { ModelUnavailableError } from "./errors";
import { MANIFEST_FILE, MANIFEST_FORMAT, type ModelManifest } from "./manifest";
import type { ModelStore } from "./store";

export { type ModelErrorCode, ModelUnavailableError } from "./errors";

export function toHex(digest: ArrayBuffer): string {
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
}

/** Reads a package file and checks its size and sha256 against the manifest. */
export async function readVerified(
  store: ModelStore,
  manifest: Pick<ModelManifest, "files">,
  path: string,
): Promise<Uint8Array> {
  const entry = manifest.files.find((f) => f.path === path);
  if (!entry) throw new ModelUnavailableError("model_invalid", `${path} is not listed in the manifest`);
  const bytes = await store.read(path);
  if (!bytes) throw new ModelUnavailableError("model_missing", `${store.location}/${path} is missing`);
  if (bytes.length !== entry.size) {
    throw new ModelUnavailableError(
      "model_integrity",
      `${path}: ${bytes.length} bytes, the manifest says ${entry.size}`,
    );
  }
  const digest = await sha256Hex(bytes);
  if (digest !== entry.sha256) {
    throw new ModelUnavailableError(
      "model_integrity",
      `${path}: sha256 ${digest} does not match the manifest`,
    );
  }
  return bytes;
}

export async function readJson<T>(
  store: ModelStore,
  manifest: Pick<ModelManifest, "files">,
  path: string,
): Promise<T> {
  const bytes = await readVerified(store, manifest, path);
  const text = decodeJsonAscii(bytes);
  // Ours (a store's read is a new array) and dead once decoded: tokenizer.json is 1.7 MB of the text
  // isolate's ArrayBuffers until V8 collects it (bench section 7).
  freeNow(bytes);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ModelUnavailableError("model_invalid", `${path} is not valid JSON`);
  }
}

const CHUNK = 1 << 16;
const HEX = "0123456789abcdef";

/**
 * UTF-8 JSON text decoded with every non-ASCII character written as a \u escape. JSON allows such
 * characters only inside strings, where the escape means the same, and V8 keeps an all-ASCII string in
 * one byte a character, where text with any character above U+00FF takes two: CLIP's tokenizer.json
 * (1.66M characters, 9,918 of them above U+00FF) is 1.7 MB instead of 3.3 MB of garbage once parsed
 * (the text isolate's peak as counted 100.2 -> 98.8 MB). Decoded a chunk at a time, so the two-byte
 * text never exists whole.
 */
export function decodeJsonAscii(bytes: Uint8Array): string {
  // A byte over 0x7f gives at most one UTF-16 unit (a lone or invalid one, U+FFFD), six bytes escaped.
  let nonAscii = 0;
  for (let i = 0; i < bytes.length; i++) nonAscii += bytes[i] >> 7;
  const out = new Uint8Array(bytes.length + 5 * nonAscii);
  const decoder = new TextDecoder();
  let n = 0;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const end = Math.min(at + CHUNK, bytes.length);
    const text = decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) {
        out[n++] = unit;
        continue;
      }
      out[n++] = 0x5c; // "\u", then four hex digits
      out[n++] = 0x75;
      for (let shift = 12; shift >= 0; shift -= 4) out[n++] = HEX.charCodeAt((unit >> shift) & 15);
    }
  }
  const text = new TextDecoder().decode(out.subarray(0, n));
  freeNow(out);
  return text;
}

export async function readManifest(store: ModelStore): Promise<ModelManifest> {
  const bytes = await store.read(MANIFEST_FILE);
  if (!bytes) throw new ModelUnavailableError("model_missing", `no model package at ${store.location}`);
  let manifest: ModelManifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ModelUnavailableError("model_invalid", `${MANIFEST_FILE} is not valid JSON`);
  }
  if (
    manifest?.format !== MANIFEST_FORMAT ||
    !Array.isArray(manifest.files) ||
    !manifest.vision ||
    !manifest.text
  ) {
    throw new ModelUnavailableError("model_invalid", `${MANIFEST_FILE} is not a ${MANIFEST_FORMAT} manifest`);
  }
  return manifest;
}

interface RawPreprocessorConfig {
  size?: number | { shortest_edge?: number };
  crop_size?: number | { height?: number; width?: number };
  rescale_factor?: number;
  image_mean?: number[];
  image_std?: number[];
}

/** CLIP's preprocessing from preprocessor_config.json; refuses settings our pipeline does not implement. */
export function parsePreprocessorConfig(raw: RawPreprocessorConfig): PreprocessorConfig {
  const shortestEdge = typeof raw.size === "number" ? raw.size : raw.size?.shortest_edge;
  const crop = typeof raw.crop_size === "number" ? raw.crop_size : raw.crop_size?.height;
  const { image_mean: mean, image_std: std, rescale_factor: rescale = 1 / 255 } = raw;
  if (!shortestEdge || !crop || mean?.length !== 3 || std?.length !== 3) {
    throw new ModelUnavailableError(
      "model_invalid",
      "preprocessor_config.json lacks size, crop_size, mean or std",
    );
  }
  if (shortestEdge !== crop || Math.abs(rescale - 1 / 255) > 1e-9) {
    throw new ModelUnavailableError(
      "model_invalid",
      "preprocessor_config.json: only a square crop equal to the shortest edge and rescale 1/255 are supported",
    );
  }
  return { size: crop, mean: mean as [number, number, number], std: std as [number, number, number] };
}
