import type { PreprocessorConfig } from "../../image";
import { concatBytes, freeNow } from "../../lib/bytes";
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
const NON_ASCII = /[\u0080-\uffff]/;
const HEX = "0123456789abcdef";

/**
 * UTF-8 JSON text decoded with every non-ASCII character written as a \u escape. JSON allows such
 * characters only inside strings, where the escape means the same, and V8 keeps an all-ASCII string in
 * one byte a character, where text with any character above U+00FF takes two: CLIP's tokenizer.json
 * (1.66M characters, 9,918 of them above U+00FF) is 1.7 MB instead of 3.3 MB of garbage once parsed
 * (the text isolate's peak as counted 100.2 -> 98.8 MB). Decoded a chunk at a time, so the two-byte
 * text never exists whole; an ASCII chunk (all of label-embeddings.json) is used as it is.
 */
export function decodeJsonAscii(bytes: Uint8Array): string {
  const decoder = new TextDecoder();
  const parts: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const end = Math.min(at + CHUNK, bytes.length);
    const text = decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
    // Every byte a character and none above ASCII: the bytes are already the text.
    const ascii = text.length === end - at && !NON_ASCII.test(text);
    parts.push(ascii ? bytes.subarray(at, end) : escapedBytes(text));
  }
  const joined = concatBytes(parts);
  const text = new TextDecoder().decode(joined);
  freeNow(joined);
  for (const part of parts) if (part.buffer !== bytes.buffer) freeNow(part); // the caller's bytes are theirs
  return text;
}

/** `text` as ASCII bytes, each non-ASCII UTF-16 unit written \uXXXX. */
function escapedBytes(text: string): Uint8Array {
  let length = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) length += 5;
  const out = new Uint8Array(length);
  let n = 0;
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
  return out;
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
