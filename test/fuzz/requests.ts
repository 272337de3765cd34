import { mutations, prng } from "./mutate";

/**
 * Fuzzed requests to POST /v1/assessments, built from valid photos: mutated images sent as multipart or
 * base64 JSON, and mutated bytes of whole request bodies. Used by the CI-sized test
 * (test/routes/fuzz.test.ts) and by `npm run test:fuzz` (scripts/fuzz.ts) against `wrangler dev`.
 */
export interface FuzzRequest {
  kind: string;
  body: Uint8Array;
  contentType: string;
}

const TEXTS = [
  "",
  "itchy for 3 days",
  "这个痣最近变大了",
  "no pain, swelling or fever",
  "\u0000\u0007",
  "x".repeat(999),
];

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function multipartBody(image: Uint8Array, text: string, boundary: string): Uint8Array {
  const enc = new TextEncoder();
  const head = enc.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="p"\r\n` +
      "Content-Type: application/octet-stream\r\n\r\n",
  );
  const tail = enc.encode(
    `\r\n--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n${text}\r\n--${boundary}--\r\n`,
  );
  const body = new Uint8Array(head.length + image.length + tail.length);
  body.set(head);
  body.set(image, head.length);
  body.set(tail, head.length + image.length);
  return body;
}

export function* fuzzRequests(
  photos: readonly Uint8Array[],
  count: number,
  seed: number,
): Generator<FuzzRequest> {
  const random = prng(seed ^ 0x5eed);
  const boundary = "fuzzb0undary";
  const multipart = `multipart/form-data; boundary=${boundary}`;
  let i = 0;
  for (const { name, bytes } of mutations(photos, count, seed)) {
    const text = TEXTS[i++ % TEXTS.length];
    const roll = random();
    if (roll < 0.55) {
      yield {
        kind: `multipart, image: ${name}`,
        body: multipartBody(bytes, text, boundary),
        contentType: multipart,
      };
    } else if (roll < 0.8) {
      const fields = [
        { image: base64(bytes), text },
        { image: base64(bytes), lang: random() < 0.5 ? "zh" : 7, labels: ["a photo of a skin rash"] },
        { image: base64(bytes).slice(0, Math.floor(random() * 200)), labels: random() < 0.5 ? [] : [1, 2] },
      ];
      const json = JSON.stringify(fields[Math.floor(random() * fields.length)]);
      yield {
        kind: `json, image: ${name}`,
        body: new TextEncoder().encode(json),
        contentType: "application/json",
      };
    } else {
      // The whole body mutated: boundaries, part headers and JSON syntax break too.
      const whole = multipartBody(photos[i % photos.length], text, boundary);
      const [mutated] = mutations([whole], 1, seed + i);
      yield { kind: `multipart body: ${mutated.name}`, body: mutated.bytes, contentType: multipart };
    }
  }
}
