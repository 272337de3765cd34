// workerd may not compile WASM from bytes; wrangler's CompiledWasm rule hands these over compiled.
// They are the WASM opus-decoder and mpg123-decoder embed, written out by scripts/audio-wasm.ts.

import type { AudioWasm } from "./decode";
import mpg123 from "./wasm/mpg123-decoder.wasm";
import opus from "./wasm/opus-decoder.wasm";

/** The audio decoders' compiled WASM, for a Worker: `decodeAudio(bytes, { wasm: audioWasm })`. */
export const audioWasm: AudioWasm = { opus, mpg123 };
