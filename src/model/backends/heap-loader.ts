import { freeNow } from "../../lib/bytes";
import { hold } from "../memory";
import { streamingSha256 } from "../package/digest";
import { ModelUnavailableError, readVerified } from "../package/load";
import type { ModelManifest } from "../package/manifest";
import type { ModelStore } from "../package/store";
import { heapBytes, pinnedAlloc, pinnedFree } from "./onnx";

/** Model bytes inside ORT's heap: `bytes` is a view of the heap, so ORT uses them without a copy. */
export interface HeapModel {
  bytes: Uint8Array;
  /** Gives the memory back: only for a load whose session was never created. */
  discard(): void;
}

/**
 * Writes a package file into pinned memory of ORT's heap, chunk by chunk as it arrives from the store,
 * hashing it on the way, so that no full JS copy ever exists beside the heap. Size and sha256 are checked
 * against the manifest before the bytes are handed to ORT; on any failure the memory is freed and
 * ModelUnavailableError is thrown. ORT must have started (startOrt).
 */
export async function loadIntoHeap(
  store: ModelStore,
  manifest: Pick<ModelManifest, "files">,
  path: string,
): Promise<HeapModel> {
  const entry = manifest.files.find((f) => f.path === path);
  if (!entry) throw new ModelUnavailableError("model_invalid", `${path} is not listed in the manifest`);
  const hash = store.stream ? streamingSha256() : null;
  if (!store.stream || !hash) return copyIntoHeap(await readVerified(store, manifest, path));

  const object = await store.stream(path);
  if (!object) throw new ModelUnavailableError("model_missing", `${store.location}/${path} is missing`);
  const sizeError = (size: number) =>
    new ModelUnavailableError("model_integrity", `${path}: ${size} bytes, the manifest says ${entry.size}`);
  if (object.size !== entry.size) {
    await object.body.cancel();
    throw sizeError(object.size);
  }
  const pointer = pinnedAlloc(entry.size);
  const discard = () => pinnedFree(pointer);
  try {
    const reader = object.body.getReader();
    let offset = 0;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      const chunk = next.value;
      if (offset + chunk.byteLength > entry.size) {
        await reader.cancel();
        throw sizeError(offset + chunk.byteLength);
      }
      const release = hold("model chunk", chunk.byteLength);
      try {
        heapBytes(pointer + offset, chunk.byteLength).set(chunk); // a fresh view: the heap may have grown
        await hash.update(chunk);
      } finally {
        release();
      }
      offset += chunk.byteLength;
      freeNow(chunk);
    }
    if (offset !== entry.size) throw sizeError(offset);
    const digest = await hash.hex();
    if (digest !== entry.sha256) {
      throw new ModelUnavailableError(
        "model_integrity",
        `${path}: sha256 ${digest} does not match the manifest`,
      );
    }
    return { bytes: heapBytes(pointer, entry.size), discard };
  } catch (error) {
    discard();
    throw error;
  }
}

/** A store that can only be read whole (Node): verified as a whole, then copied in. */
function copyIntoHeap(bytes: Uint8Array): HeapModel {
  const release = hold("model file", bytes.byteLength);
  const pointer = pinnedAlloc(bytes.byteLength);
  heapBytes(pointer, bytes.byteLength).set(bytes);
  release();
  return { bytes: heapBytes(pointer, bytes.byteLength), discard: () => pinnedFree(pointer) };
}
