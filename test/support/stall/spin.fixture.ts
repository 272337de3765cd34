import { expect, it } from "vitest";

it("finishes", () => {
  expect(1 + 1).toBe(2);
});

// Busy forever, as workerd is when V8's sweeper spins: no timer (vitest's 5 s timeout among them) can fire.
it("spins", () => {
  for (;;) {
    /* never yields */
  }
});
