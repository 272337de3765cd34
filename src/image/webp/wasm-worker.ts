// workerd may not compile WASM from bytes; wrangler's CompiledWasm rule hands this over compiled.
import webpWasm from "./libwebp/webp-decode.wasm";

/** libwebp's decoder for the Worker, to pass as `webpModule: async () => webpWasm`. */
export default webpWasm;
