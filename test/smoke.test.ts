import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readHostFile } from "./support/host-files";

describe("worker", () => {
  it("answers /healthz", async () => {
    const res = await exports.default.fetch("http://x/healthz");
    expect(await res.json()).toEqual({ status: "ok" });
  });
  it("reads shared fixtures through HOST_FILES", async () => {
    const bytes = await readHostFile("shared", "fixtures/reference/tokens.json");
    expect(bytes?.length).toBeGreaterThan(100);
  });
});
