import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { base64, call, fixture, installModel, json, multipart } from "./support";

const TEXT = "my secret rash QZXJ-PATIENT-WORDS has been bleeding for 2 weeks";
const LABEL = "a photo of QZXJ-CUSTOM-LABEL";

describe("request logs", () => {
  let photo: Uint8Array;
  let lines: string[];

  beforeAll(async () => {
    await installModel();
    photo = await fixture("photo");
  });

  beforeEach(() => {
    lines = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
      });
    }
  });
  afterEach(() => vi.restoreAllMocks());

  /** Windows of the photo as a log could hold them: base64, latin1 and hex. */
  function photoTraces(): string[] {
    const middle = photo.subarray(photo.length >> 1, (photo.length >> 1) + 24);
    return [
      base64(photo).slice(4000, 4032),
      base64(middle).slice(0, 24),
      String.fromCharCode(...middle),
      Array.from(middle, (b) => b.toString(16).padStart(2, "0")).join(""),
    ];
  }

  it("are one JSON line per request, with its id and timings, and never the photo, the text or the labels", async () => {
    const responses = [
      await call("/v1/assessments", {
        method: "POST",
        body: multipart(photo, { text: TEXT, labels: [LABEL, "x"] }),
      }),
      await call("/v1/assessments", json({ image: base64(photo), text: TEXT })),
      await call("/v1/assessments", {
        method: "POST",
        body: multipart(await fixture("truncated"), { text: TEXT }),
      }),
      await call("/v1/assessments", json({ image: base64(photo), text: "x".repeat(1001) + TEXT })),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 422, 400]);
    for (const res of responses) await res.arrayBuffer();

    // The request lines; other events (a cache's first degradation, say) may be logged beside them.
    const records = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((r) => r.msg === "request");
    expect(records.map((r) => r.requestId)).toEqual(responses.map((r) => r.headers.get("x-request-id")));
    expect(records.map((r) => r.status)).toEqual([200, 200, 422, 400]);
    expect(records[0]).toMatchObject({
      level: "info",
      msg: "request",
      method: "POST",
      path: "/v1/assessments",
    });
    // The first request has custom labels: no text timing (it would tell whether another client used them).
    expect(Object.keys(records[0].timings as object)).toEqual(
      expect.arrayContaining(["decode", "encode", "total"]),
    );
    expect(Object.keys(records[0].timings as object)).not.toContain("text");
    expect(Object.keys(records[1].timings as object)).toEqual(
      expect.arrayContaining(["decode", "encode", "text", "total"]),
    );
    expect(records[2]).toMatchObject({ level: "warn", problem: "image-not-decodable" });

    const all = lines.join("\n");
    expect(all).not.toContain("QZXJ");
    expect(all).not.toContain("secret rash");
    for (const trace of photoTraces()) expect(all).not.toContain(trace);
  });
});
