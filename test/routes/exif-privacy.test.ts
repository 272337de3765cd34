import { beforeAll, describe, expect, it } from "vitest";
import { base64, call, fixture, installModel, json, multipart } from "./support";

/** EXIF (camera, description, GPS) is read only for orientation: none of it may come back to anyone. */
const CANARIES = [
  "CANARY-DESCRIPTION",
  "CanaryMake",
  "CanaryModel",
  "GPS",
  "51/1",
  "1234/100",
  "3999/100",
  "Latitude",
];

describe("EXIF and GPS never appear in a response", () => {
  let photo: Uint8Array;
  beforeAll(async () => {
    await installModel();
    photo = await fixture("exifGps");
    // The fixture does carry them: the test would otherwise prove nothing.
    const raw = new TextDecoder("latin1").decode(photo);
    for (const canary of ["CANARY-DESCRIPTION", "CanaryMake"]) expect(raw).toContain(canary);
  });

  it.each([
    ["multipart", () => ({ method: "POST", body: multipart(photo, { text: "itchy spot" }) })],
    [
      "JSON",
      () => json({ image: base64(photo), labels: ["a photo of a skin rash", "a photo of normal skin"] }),
    ],
  ])("in an assessment sent as %s: not in the body, not in a header", async (_, init) => {
    const res = await call("/v1/assessments", init() as RequestInit);
    expect(res.status).toBe(200);
    const everything = `${[...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${await res.text()}`;
    for (const canary of CANARIES) expect(everything).not.toContain(canary);
  });
});
