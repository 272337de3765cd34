// @wasm-audio-decoders/common (under opus-decoder and mpg123-decoder) defines its Web Worker variants at
// import time as `class extends Worker`, with Worker from @eshaz/web-worker, whose browser build (the
// one bundlers pick for workerd) is the global Worker: workerd has none, so the import throws. We never
// use those variants; a placeholder stands in while ./decoders imports the packages, removed right after
// by ./no-worker-end (only if it was ours), so no other code sees a Worker global.
const scope = globalThis as { Worker?: unknown };

export const placedWorker = scope.Worker === undefined;
if (placedWorker) {
  scope.Worker = class UnavailableWorker {
    constructor() {
      throw new Error("Web Workers are not used by the audio decoders here.");
    }
  };
}
