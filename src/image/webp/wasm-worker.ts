// workerd may not compile WASM from bytes; wrangler's CompiledWasm rule hands this over compiled.
import webpWasm from "@jsquash/webp/codec/dec/webp_dec.wasm";

/** libwebp's decoder for the Worker, to pass as `webpModule: async () => webpWasm`. */
export default webpWasm;
