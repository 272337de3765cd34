import { placedWorker } from "./no-worker-begin";

// Takes back the placeholder ./no-worker-begin put up for the decoders' import.
if (placedWorker) delete (globalThis as { Worker?: unknown }).Worker;
