/** A WAV file of `channels` (each a Float32Array in [-1, 1]) at `rate`, in the encoding given. */
export function wavFile(
  channels: Float32Array[],
  rate: number,
  encoding: { format: "int" | "float"; bits: number; extensible?: boolean } = { format: "int", bits: 16 },
  extraChunk?: [string, Uint8Array],
): Uint8Array {
  const bytes = encoding.bits / 8;
  const frames = channels[0].length;
  const data = new Uint8Array(frames * channels.length * bytes);
  const view = new DataView(data.buffer);
  for (let f = 0; f < frames; f++) {
    for (let c = 0; c < channels.length; c++) {
      const x = channels[c][f];
      const at = (f * channels.length + c) * bytes;
      if (encoding.format === "float") {
        if (bytes === 4) view.setFloat32(at, x, true);
        else view.setFloat64(at, x, true);
      } else if (bytes === 1) {
        view.setUint8(at, Math.max(0, Math.min(255, Math.round(x * 128 + 128))));
      } else {
        const scale = 2 ** (encoding.bits - 1);
        const v = Math.max(-scale, Math.min(scale - 1, Math.round(x * scale)));
        if (bytes === 2) view.setInt16(at, v, true);
        else if (bytes === 4) view.setInt32(at, v, true);
        else data.set([v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff], at);
      }
    }
  }
  const tag = encoding.format === "float" ? 3 : 1;
  const fmt = new Uint8Array(encoding.extensible ? 40 : 16);
  const fv = new DataView(fmt.buffer);
  fv.setUint16(0, encoding.extensible ? 0xfffe : tag, true);
  fv.setUint16(2, channels.length, true);
  fv.setUint32(4, rate, true);
  fv.setUint32(8, rate * channels.length * bytes, true);
  fv.setUint16(12, channels.length * bytes, true);
  fv.setUint16(14, encoding.bits, true);
  if (encoding.extensible) {
    fv.setUint16(16, 22, true);
    fv.setUint16(18, encoding.bits, true);
    fv.setUint16(24, tag, true); // the sub-format GUID starts with the format tag
  }
  const chunks: [string, Uint8Array][] = [["fmt ", fmt], ...(extraChunk ? [extraChunk] : []), ["data", data]];
  const size = 12 + chunks.reduce((n, [, b]) => n + 8 + b.length + (b.length & 1), 0);
  const out = new Uint8Array(size);
  const ov = new DataView(out.buffer);
  const ascii = (s: string, at: number) =>
    out.set(
      [...s].map((ch) => ch.charCodeAt(0)),
      at,
    );
  ascii("RIFF", 0);
  ov.setUint32(4, size - 8, true);
  ascii("WAVE", 8);
  let at = 12;
  for (const [id, body] of chunks) {
    ascii(id, at);
    ov.setUint32(at + 4, body.length, true);
    out.set(body, at + 8);
    at += 8 + body.length + (body.length & 1);
  }
  return out;
}

export const tone = (hz: number, rate: number, seconds: number, amplitude = 0.5) =>
  Float32Array.from(
    { length: Math.round(rate * seconds) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate),
  );
