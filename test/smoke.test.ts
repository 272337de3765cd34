import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readHostFile } from "./support/host-files";

describe("worker", () => {
  it("answers /healthz", async () => {
    const res = await exports.default.fetch("http://x/healthz");
    expect(await res.json()).toEqual({ status: "ok" });
  });
  it("reads what the global setup generated through HOST_FILES", async () => {
    const bytes = await readHostFile("cache", "clip-tokenizer/tokenizer_config.json");
    expect(JSON.parse(new TextDecoder().decode(bytes!))).toMatchObject({ model_max_length: 77 });
  });
  it("HOST_FILES answers null for a missing file and refuses a path outside its roots", async () => {
    expect(await readHostFile("cache", "no/such/file")).toBeNull();
    await expect(readHostFile("cache", "../package.json")).rejects.toThrow(/400/);
  });
});
