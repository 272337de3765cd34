import { describe, expect, it } from "vitest";
import { freeNow } from "../../src/lib/bytes";

describe("freeNow: an array's memory given back at once (workerd has ArrayBuffer.prototype.transfer)", () => {
  it("detaches an array that is its whole buffer", () => {
    const array = new Float32Array(1024);
    freeNow(array);
    expect([array.length, array.buffer.byteLength]).toEqual([0, 0]);
  });

  it("leaves a view into a larger buffer, and a WebAssembly memory, as they are, without throwing", () => {
    const whole = new Uint8Array(64);
    const view = whole.subarray(8, 16);
    freeNow(view);
    expect([view.length, whole.length]).toEqual([8, 64]);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const heap = new Uint8Array(memory.buffer);
    freeNow(heap);
    expect(heap.length).toBe(65536);
  });
});
