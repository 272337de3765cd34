import createWebpCodec from "@jsquash/webp/codec/dec/webp_dec.js";

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** The part of @jsquash/webp's emscripten factory we use: `instantiateWasm` lets us bring the module. */
type CodecFactory = (options: {
  noInitialRun: boolean;
  instantiateWasm(
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance) => void,
  ): WebAssembly.Exports;
}) => Promise<{ decode(data: Uint8Array): RgbaImage | null }>;

/**
 * The codec returns a global `ImageData`. Where there is none (workerd, Node) its glue defines one
 * inside the first instance's closure, which would keep that instance and its memory alive for good;
 * this one, defined here, holds nothing.
 */
class PlainImageData implements RgbaImage {
  constructor(
    readonly data: Uint8ClampedArray,
    readonly width: number,
    readonly height: number,
  ) {}
}

/**
 * Decodes with libwebp (WebPDecodeRGBA; Pillow also uses libwebp) in a fresh instance of `module`.
 * WASM memory never shrinks, so a long-lived instance would keep its peak (several bytes per pixel of
 * the largest photo) for the isolate's life, out of 128 MB. Instantiating a compiled module is cheap,
 * and nothing here outlives the call: the instance and its memory are garbage once this returns.
 * The pixels come back copied out of WASM memory, with the size that memory reached; null means libwebp
 * refused the data.
 */
export async function decodeRgba(
  module: WebAssembly.Module,
  bytes: Uint8Array,
): Promise<(RgbaImage & { wasmBytes: number }) | null> {
  (globalThis as { ImageData?: unknown }).ImageData ??= PlainImageData;
  let memory: WebAssembly.Memory | undefined;
  const codec = await (createWebpCodec as unknown as CodecFactory)({
    noInitialRun: true,
    instantiateWasm(imports, receive) {
      const instance = new WebAssembly.Instance(module, imports);
      memory = Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory);
      receive(instance);
      return instance.exports;
    },
  });
  const image = codec.decode(bytes);
  // The instance's memory at its peak (it never shrinks): what decodeBytes must not underestimate.
  return (
    image && {
      width: image.width,
      height: image.height,
      data: image.data,
      wasmBytes: memory?.buffer.byteLength ?? 0,
    }
  );
}
