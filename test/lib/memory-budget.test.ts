import { describe, expect, it } from "vitest";
import { MemoryBudget, MemoryBusyError, MemoryTooLargeError } from "../../src/lib/memory-budget";

const MB = 2 ** 20;
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("MemoryBudget", () => {
  it("grants what fits at once and counts it until released (release is idempotent)", async () => {
    const budget = new MemoryBudget(10 * MB);
    const a = await budget.reserve(4 * MB);
    const b = await budget.reserve(6 * MB);
    expect(budget.usage).toEqual({ used: 10 * MB, peak: 10 * MB, waiting: 0, waited: 0, refused: 0 });
    a();
    a();
    b();
    expect(budget.usage).toEqual({ used: 0, peak: 10 * MB, waiting: 0, waited: 0, refused: 0 });
  });

  it("makes a request that does not fit wait until memory is released, first come first served", async () => {
    const budget = new MemoryBudget(10 * MB);
    const first = await budget.reserve(8 * MB);
    const order: string[] = [];
    const granted = (name: string) => (release: () => void) => {
      order.push(name);
      return release;
    };
    const big = budget.reserve(7 * MB).then(granted("big"));
    const small = budget.reserve(1 * MB).then(granted("small"));
    await settled();
    // 1 MB would fit beside the 8, but the 7 MB request came first: it is not starved by later small ones.
    expect(order).toEqual([]);
    expect(budget.usage.waiting).toBe(2);
    first();
    (await big)();
    (await small)();
    expect(order).toEqual(["big", "small"]);
    expect(budget.usage.peak).toBeLessThanOrEqual(10 * MB);
    expect(budget.usage).toMatchObject({ waited: 2, refused: 0 });
  });

  it("refuses with MemoryBusyError when the queue is full, and when the wait is too long", async () => {
    const budget = new MemoryBudget(10 * MB, { maxWaiting: 1, maxWaitMs: 50 });
    const held = await budget.reserve(10 * MB);
    const queued = budget.reserve(5 * MB);
    await expect(budget.reserve(5 * MB)).rejects.toBeInstanceOf(MemoryBusyError);
    const error = await queued.catch((e) => e);
    expect(error).toBeInstanceOf(MemoryBusyError);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    // One refused with the queue full, one after waiting too long.
    expect(budget.usage).toMatchObject({ used: 10 * MB, waiting: 0, waited: 1, refused: 2 });
    held();
    (await budget.reserve(10 * MB))(); // nothing was lost: the whole budget is free again
  });

  it("lets smaller requests in when a large one ahead of them times out", async () => {
    const budget = new MemoryBudget(10 * MB, { maxWaitMs: 30 });
    const held = await budget.reserve(6 * MB);
    const large = budget.reserve(8 * MB).catch((e) => e);
    const small = budget.reserve(3 * MB);
    expect(await large).toBeInstanceOf(MemoryBusyError);
    (await small)();
    held();
  });

  it("refuses at once what could never fit, even alone", async () => {
    const budget = new MemoryBudget(10 * MB);
    await expect(budget.reserve(11 * MB)).rejects.toBeInstanceOf(MemoryTooLargeError);
    expect(budget.usage).toEqual({ used: 0, peak: 0, waiting: 0, waited: 0, refused: 0 });
  });
});
