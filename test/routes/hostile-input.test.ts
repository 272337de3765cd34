import { beforeAll, describe, expect, it } from "vitest";
import { jpegClaiming, pngBomb } from "../fuzz/hostile";
import { base64, call, expectProblem, fixture, installModel, json, multipart } from "./support";

/**
 * A corpus of hostile requests, made by the test itself: each gets the clear 4xx it deserves, never a
 * 5xx, and the service answers a valid request afterwards.
 */
const post = (init: RequestInit) => call("/v1/assessments", { method: "POST", ...init });

/** A multipart body written by hand, for what FormData cannot express (raw bytes, odd boundaries). */
function rawMultipart(boundary: string, parts: { headers: string; body: Uint8Array }[]): RequestInit {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    chunks.push(enc.encode(`--${boundary}\r\n${part.headers}\r\n\r\n`), part.body, enc.encode("\r\n"));
  }
  chunks.push(enc.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.length;
  }
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

const imagePart = (bytes: Uint8Array, name = "photo.jpg") => ({
  headers: `Content-Disposition: form-data; name="image"; filename="${name}"\r\nContent-Type: image/jpeg`,
  body: bytes,
});
const textPart = (bytes: Uint8Array) => ({
  headers: 'Content-Disposition: form-data; name="text"',
  body: bytes,
});

describe("hostile input to POST /v1/assessments", () => {
  let photo: Uint8Array;
  let bomb: Uint8Array;
  beforeAll(async () => {
    await installModel();
    photo = await fixture("photo");
    bomb = pngBomb(20000, 20000);
    expect(bomb.length).toBeLessThan(600_000); // a few hundred KB that would decode to 400 MB
  });

  it("a zero-byte image is 400 empty-image; a one-byte body is 400", async () => {
    await expectProblem(await post({ body: multipart(new Uint8Array(0)) }), 400, "empty-image");
    await expectProblem(
      await post({ body: "x", headers: { "content-type": "multipart/form-data; boundary=b" } }),
      400,
      "invalid-request",
    );
  });

  it("wrong content types are 415; multipart without a boundary, or an empty one, is 400", async () => {
    await expectProblem(
      await post({ body: "hello", headers: { "content-type": "text/plain" } }),
      415,
      "unsupported-media-type",
    );
    for (const type of [
      "multipart/form-data",
      "multipart/form-data; boundary=",
      'multipart/form-data; boundary=""',
    ]) {
      const res = await post({ body: "--\r\n", headers: { "content-type": type } });
      await expectProblem(res, 400, "invalid-request");
    }
  });

  it("multipart with other parameters (charset first, a quoted boundary, upper case) is read, not 415", async () => {
    const form = rawMultipart("b0undary", [
      imagePart(photo),
      textPart(new TextEncoder().encode("itchy rash")),
    ]);
    for (const type of [
      "multipart/form-data; charset=utf-8; boundary=b0undary",
      'Multipart/Form-Data; boundary="b0undary"; charset=UTF-8',
    ]) {
      const res = await post({ ...form, headers: { "content-type": type } });
      expect(res.status, `${type}: ${await res.clone().text()}`).toBe(200);
      expect(((await res.json()) as { scores: unknown[] }).scores.length).toBeGreaterThan(0);
    }
  });

  it("multipart with neither an image nor words, or with two images, is 400", async () => {
    await expectProblem(await post({ body: multipart(null, { lang: "en" }) }), 400, "invalid-request");
    const two = rawMultipart("b0undary", [imagePart(photo), imagePart(photo, "second.jpg")]);
    const problem = await expectProblem(await post(two), 400, "invalid-request");
    expect(problem.detail).toMatch(/one image/i);
  });

  it("text that is not valid UTF-8 is 400, never guessed at", async () => {
    const invalid = Uint8Array.from([0x69, 0x74, 0x63, 0x68, 0xff, 0xfe, 0xc3, 0x28]);
    const res = await post(rawMultipart("b0undary", [imagePart(photo), textPart(invalid)]));
    const problem = await expectProblem(res, 400, "invalid-request");
    expect(problem.detail).toMatch(/UTF-8/);
  });

  it("lone surrogates and bidi controls in text or labels are refused", async () => {
    for (const text of ["itchy \uD800 rash", "rash \u202Egnidaerps"]) {
      const res = await post(json({ image: base64(photo), text }));
      await expectProblem(res, 400, "invalid-request");
    }
    const res = await post(json({ image: base64(photo), labels: ["a photo of a \u202Erash"] }));
    await expectProblem(res, 400, "invalid-request");
  });

  it("JSON of the wrong types, base64 that is not base64, and labels over the limits are 400", async () => {
    const cases: unknown[] = [
      { image: 123 },
      { image: base64(photo), text: ["itchy"] },
      { image: base64(photo), labels: "a photo" },
      { image: base64(photo), lang: 7 },
      { image: "this is not base64!!" },
      { image: base64(photo), labels: Array.from({ length: 33 }, (_, i) => `a photo of label ${i}`) },
      { image: base64(photo), labels: ["x".repeat(201)] },
      { image: base64(photo), text: "x".repeat(1001) },
      [],
      null,
    ];
    for (const body of cases) await expectProblem(await post(json(body)), 400, "invalid-request");
    await expectProblem(
      await post({ body: "{not json", headers: { "content-type": "application/json" } }),
      400,
      "invalid-request",
    );
  });

  it("a header claiming 65000x65000 and a PNG decompression bomb are 413 image-too-large, unread", async () => {
    const claiming = jpegClaiming(photo, 65000, 65000);
    await expectProblem(await post({ body: multipart(claiming) }), 413, "image-too-large");
    // Refused from its header: decoding it would need 1.2 GB, past any budget, and fail differently.
    await expectProblem(await post({ body: multipart(bomb, {}, "bomb.png") }), 413, "image-too-large");
  });

  it("truncated and corrupted photos are 422 image-not-decodable", async () => {
    await expectProblem(
      await post({ body: multipart(photo.subarray(0, photo.length >> 1)) }),
      422,
      "image-not-decodable",
    );
    const scrambled = photo.slice();
    scrambled.fill(0xff, 200, 400); // inside the Huffman tables
    const res = await post({ body: multipart(scrambled) });
    expect([200, 422]).toContain(res.status);
  });

  it("after all of that, a valid photo is assessed", async () => {
    const res = await post({ body: multipart(photo, { text: "itchy for 3 days" }) });
    expect(res.status).toBe(200);
  });
});
