import { describe, expect, it } from "vitest";
import { limitOvergrowth } from "../../src/model/backends/onnx";

const PAGE = 65536;

/** Emscripten's heap growth (ORT 1.30's glue): 20%, then 10%, then 5% over the current size, at least the request. */
function emscriptenGrow(memory: WebAssembly.Memory, requested: number): boolean {
  const current = memory.buffer.byteLength;
  for (const share of [0.2, 0.1, 0.05]) {
    const target = Math.ceil(Math.max(requested, current * (1 + share)) / PAGE) * PAGE;
    try {
      memory.grow((target - current) / PAGE);
      return true;
    } catch {}
  }
  return false;
}

describe("ORT's heap grows by at most 5% more than it needs", () => {
  it("refuses emscripten's 20% and 10% overshoot: a small request costs 5%, not 20%", () => {
    const memory = new WebAssembly.Memory({ initial: 1000, maximum: 4000 });
    limitOvergrowth(memory);
    expect(emscriptenGrow(memory, 1000 * PAGE + 100)).toBe(true);
    expect(memory.buffer.byteLength).toBe(Math.ceil(1000 * 1.05) * PAGE);
  });

  it("grants a request between 5% and 20% exactly, and a larger one whole", () => {
    const memory = new WebAssembly.Memory({ initial: 1000, maximum: 4000 });
    limitOvergrowth(memory);
    expect(emscriptenGrow(memory, 1150 * PAGE)).toBe(true);
    expect(memory.buffer.byteLength).toBe(1150 * PAGE);
    expect(emscriptenGrow(memory, 2000 * PAGE)).toBe(true);
    expect(memory.buffer.byteLength).toBe(2000 * PAGE);
  });

  it("grants a request that needs exactly the 10% or the 20% target (once a bad_alloc in the speech decoder)", () => {
    for (const pages of [1100, 1200]) {
      const memory = new WebAssembly.Memory({ initial: 1000, maximum: 4000 });
      limitOvergrowth(memory);
      expect(emscriptenGrow(memory, pages * PAGE)).toBe(true);
      expect(memory.buffer.byteLength).toBe(pages * PAGE);
      // and the next small request still costs 5%, not 20%
      expect(emscriptenGrow(memory, pages * PAGE + 100)).toBe(true);
      expect(memory.buffer.byteLength).toBe(Math.ceil(pages * 1.05) * PAGE);
    }
  });
});
