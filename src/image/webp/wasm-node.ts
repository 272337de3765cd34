import { fileURLToPath } from "node:url";
import { nodeWasm } from "../../lib/node-wasm.node";

/** libwebp's decoder for Node (the CLI, Node tests), compiled once per process. */
export const nodeWebpModule = () =>
  nodeWasm(fileURLToPath(new URL("./libwebp/webp-decode.wasm", import.meta.url)));
