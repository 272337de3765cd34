import { connectHeapProbe, type HeapProbe, type HeapUsage } from "../../scripts/isolate-heap";

/** The highest figures seen by a sampler since it started or was last reset. */
export interface HeapPeak {
  /** JS heap in use + ArrayBuffers outside it, at the sample where their sum was highest. */
  jsBytes: number;
  usedBytes: number;
  backingStoreBytes: number;
  /** The heap V8 had reserved at that sample (used + free pages). */
  totalBytes: number;
  samples: number;
}

export interface HeapSampler {
  /** The peak since the last reset, and starts a new one from the next sample. */
  take(): Promise<HeapPeak>;
  /**
   * The heap after a full collection: what is live, not what the limit counts (V8 counts garbage until it
   * collects it). Shows how much of a peak was garbage; a sampler's later peaks are lower for it.
   */
  live(): Promise<HeapUsage>;
  close(): void;
}

const EMPTY: HeapPeak = { jsBytes: 0, usedBytes: 0, backingStoreBytes: 0, totalBytes: 0, samples: 0 };

/**
 * Polls one isolate's `Runtime.getHeapUsage` over workerd's inspector back to back (an answer waits
 * while the isolate runs JS or WASM, so samples fall between its tasks), keeping the highest sum.
 */
export async function sampleHeap(inspectorUrl: string): Promise<HeapSampler> {
  // An isolate busy creating a session or encoding answers only when it is done: wait as long.
  const probe: HeapProbe = await connectHeapProbe(inspectorUrl, 300_000);
  let peak = { ...EMPTY };
  const record = (u: HeapUsage) => {
    const js = u.usedBytes + u.backingStoreBytes;
    peak.samples++;
    if (js >= peak.jsBytes) {
      peak = { ...peak, jsBytes: js, usedBytes: u.usedBytes, backingStoreBytes: u.backingStoreBytes };
      peak.totalBytes = u.totalBytes;
    }
  };
  let running = true;
  const loop = (async () => {
    while (running) {
      record(await probe.usage());
      await new Promise((done) => setTimeout(done, 5));
    }
  })();
  return {
    async take() {
      record(await probe.usage()); // one sample after the work, so a phase always has one
      const result = peak;
      peak = { ...EMPTY };
      return result;
    },
    async live() {
      await probe.collectGarbage();
      return probe.usage();
    },
    close() {
      running = false;
      void loop.catch(() => {}).finally(() => probe.close());
    },
  };
}
