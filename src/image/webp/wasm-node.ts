import { nodeWasm } from "../../lib/node-wasm.node";

/** libwebp's decoder for Node (the CLI, Node tests), compiled from node_modules once per process. */
export const nodeWebpModule = () => nodeWasm("@jsquash/webp/codec/dec/webp_dec.wasm");
