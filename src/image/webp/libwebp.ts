/**
 * libwebp's decoder (scripts/build-libwebp.sh builds libwebp/webp-decode.wasm from its pinned release):
 * a standalone module whose only import is a growth notice, driven here through its exports.
 */
interface WebpExports {
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  dermedge_webp_features(data: number, size: number, out: number): number;
  dermedge_webp_decode_rgb(
    data: number,
    size: number,
    width: number,
    height: number,
    out: number,
    outSize: number,
  ): number;
  dermedge_webp_version(): number;
}

export interface WebpFeatures {
  width: number;
  height: number;
  hasAlpha: boolean;
  hasAnimation: boolean;
  format: "mixed" | "lossy" | "lossless";
}

/** libwebp's VP8StatusCode, as a patient-readable detail. */
const STATUS: Record<number, string> = {
  1: "libwebp ran out of memory",
  2: "libwebp was given an invalid parameter",
  3: "libwebp found a bitstream error",
  4: "libwebp does not support a feature it uses",
  5: "libwebp's decoding was suspended",
  6: "libwebp's decoding was aborted",
  7: "libwebp needs more data than the file has",
};

/** A failure libwebp reported about the data (never about our use of it): the file is damaged. */
export class LibwebpError extends Error {
  constructor(readonly status: number) {
    super(STATUS[status] ?? `libwebp failed with status ${status}`);
    this.name = "LibwebpError";
  }
}

const PAGE = 64 * 1024;
/** The memory the module declares (scripts/build-libwebp.sh, INITIAL_MEMORY): its data, stack and a first heap. */
export const MIN_MEMORY = 1024 * 1024;

/**
 * A fresh instance of `module` with `bytes` copied into a fresh memory that may grow to `maxBytes` (whole
 * pages), no further: an allocation past it fails in libwebp, which reports VP8_STATUS_OUT_OF_MEMORY. WASM memory never shrinks, so a
 * long-lived instance would keep its peak (several bytes a pixel of the largest photo) for the isolate's
 * life; instantiating a compiled module is cheap, and nothing here outlives the call that made it.
 */
function instantiate(module: WebAssembly.Module, bytes: Uint8Array, maxBytes = MIN_MEMORY) {
  const memory = new WebAssembly.Memory({
    initial: MIN_MEMORY / PAGE,
    maximum: Math.floor(Math.max(MIN_MEMORY, maxBytes) / PAGE),
  });
  const env = { memory, emscripten_notify_memory_growth() {} };
  const wasm = new WebAssembly.Instance(module, { env }).exports as unknown as WebpExports;
  wasm._initialize();
  const data = alloc(wasm, bytes.length);
  new Uint8Array(memory.buffer, data, bytes.length).set(bytes);
  return { wasm, memory, data };
}

function alloc(wasm: WebpExports, size: number): number {
  const pointer = wasm.malloc(size);
  if (pointer === 0) throw new LibwebpError(1);
  return pointer;
}

/** WebPGetFeatures: what libwebp reads from the headers. */
export function webpFeatures(module: WebAssembly.Module, bytes: Uint8Array): WebpFeatures {
  const { wasm, memory, data } = instantiate(module, bytes, MIN_MEMORY + bytes.length);
  const out = alloc(wasm, 5 * 4);
  const status = wasm.dermedge_webp_features(data, bytes.length, out);
  if (status !== 0) throw new LibwebpError(status);
  const [width, height, alpha, animation, format] = new Int32Array(memory.buffer, out, 5);
  const formats = ["mixed", "lossy", "lossless"] as const;
  return { width, height, hasAlpha: alpha !== 0, hasAnimation: animation !== 0, format: formats[format] };
}

/**
 * Decodes `bytes` to RGB rows of `width` x `height` (alpha dropped, as Pillow's convert("RGB") does),
 * passing each row to `row` as a view into WASM memory. A size smaller than the stored one is made by
 * libwebp's rescaler while it decodes (area averaging), so a lossy picture is never held at full size;
 * a lossless one is (VP8L's back-references reach any earlier pixel). WASM memory never exceeds
 * `maxBytes`; returns the size it reached.
 */
export function decodeRgbRows(
  module: WebAssembly.Module,
  bytes: Uint8Array,
  width: number,
  height: number,
  row: (y: number, rgb: Uint8Array) => void,
  maxBytes: number,
): { wasmBytes: number } {
  const { wasm, memory, data } = instantiate(module, bytes, maxBytes);
  const size = width * height * 3;
  const out = alloc(wasm, size);
  const status = wasm.dermedge_webp_decode_rgb(data, bytes.length, width, height, out, size);
  if (status !== 0) throw new LibwebpError(status);
  // Read the buffer once libwebp is done: growth during the decode replaced it.
  const { buffer } = memory;
  for (let y = 0; y < height; y++) row(y, new Uint8Array(buffer, out + y * width * 3, width * 3));
  return { wasmBytes: buffer.byteLength };
}

/** libwebp's version as "major.minor.patch". */
export function libwebpVersion(module: WebAssembly.Module): string {
  const { wasm } = instantiate(module, new Uint8Array(0));
  const v = wasm.dermedge_webp_version();
  return `${v >> 16}.${(v >> 8) & 0xff}.${v & 0xff}`;
}
