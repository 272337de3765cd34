// The WASM decoders, imported between ./no-worker-begin and ./no-worker-end (see there why). The order of
// these three imports matters: modules are evaluated in import order.
import "./no-worker-begin";
import { MPEGDecoder } from "mpg123-decoder";
import { OpusDecoder } from "opus-decoder";
import "./no-worker-end";

export { MPEGDecoder, OpusDecoder };
