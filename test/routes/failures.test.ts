import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ImageNotAssessableError } from "../../src/clinical";
import { ModelUnavailableError } from "../../src/model/package/load";
import { assessPhoto } from "../../src/service/assess-photo";
import { callWith, expectProblem, multipart } from "./support";

// What the real model and photos cannot be made to do on demand: the service failing in each way.
vi.mock("../../src/workers/api/engine", () => ({ getEngine: vi.fn(async () => ({})) }));
vi.mock("../../src/service/assess-photo", () => ({ assessPhoto: vi.fn() }));

const SECRET = "QZXJ private words";
const send = () =>
  callWith({}, "/v1/assessments", {
    method: "POST",
    body: multipart(new Uint8Array([1, 2, 3]), { text: SECRET }),
  });

describe("when the assessment fails", () => {
  let lines: string[];
  beforeEach(() => {
    lines = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  });
  afterEach(() => vi.restoreAllMocks());

  it("422 for an image that decodes but cannot be assessed (the quality check's own error)", async () => {
    vi.mocked(assessPhoto).mockRejectedValueOnce(
      new ImageNotAssessableError("image must be at least 3x3 pixels, got 1x1"),
    );
    await expectProblem(await send(), 422, "image-not-assessable");
  });

  it("500 with the request id for any other RangeError (NaN from the model is not the photo's fault)", async () => {
    vi.mocked(assessPhoto).mockRejectedValueOnce(new RangeError("imageProbabilities.nv = NaN is not >= 0"));
    const res = await callWith({}, "/v1/assessments", {
      method: "POST",
      headers: { "X-Request-Id": "trace-nan-1" },
      body: multipart(new Uint8Array([1, 2, 3])),
    });
    const problem = await expectProblem(res, 500, "internal-error");
    expect(problem.requestId).toBe("trace-nan-1");
    expect(problem.detail).not.toMatch(/NaN|image/i);
    const record = JSON.parse(lines.at(-1)!) as { requestId: string; level: string; error: { name: string } };
    expect(record).toMatchObject({ requestId: "trace-nan-1", level: "error", error: { name: "RangeError" } });
  });

  it("503 with Retry-After and the reason when the model fails its integrity check", async () => {
    vi.mocked(assessPhoto).mockRejectedValueOnce(
      new ModelUnavailableError("model_integrity", "sha256 mismatch"),
    );
    const res = await send();
    const problem = await expectProblem(res, 503, "model-unavailable");
    expect(problem.reason).toBe("model_integrity");
    expect(res.headers.get("retry-after")).toBe("30");
  });

  it("500 for our own bugs, logged with the patient's words redacted", async () => {
    vi.mocked(assessPhoto).mockRejectedValueOnce(new TypeError(`cannot read "${SECRET}"`));
    const problem = await expectProblem(await send(), 500, "internal-error");
    expect(problem.detail).not.toContain("QZXJ");
    const record = JSON.parse(lines.at(-1)!) as { level: string; error: { name: string; message: string } };
    expect(record.level).toBe("error");
    expect(record.error).toMatchObject({ name: "TypeError", message: 'cannot read "[redacted]"' });
    expect(lines.join("\n")).not.toContain("QZXJ");
  });
});
