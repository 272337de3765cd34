// Reads a workerd config (binary Cap'n Proto, as miniflare writes it to workerd's stdin) and writes it
// back with `Config.v8Flags` (pointer 2 of the root struct, workerd.capnp) set to the flags given as
// arguments. miniflare has no option for V8 flags; this lets the repro try them (see README.md here).
import { readFileSync, writeSync } from "node:fs";

const flags = process.argv.slice(2);
const input = readFileSync(0);
const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
const segments = view.getUint32(0, true) + 1;
const sizes = Array.from({ length: segments }, (_, i) => view.getUint32(4 + 4 * i, true));
const headerBytes = Math.ceil((4 + 4 * segments) / 8) * 8;
const seg0 = new BigUint64Array(
  input.buffer.slice(input.byteOffset + headerBytes, input.byteOffset + headerBytes + sizes[0] * 8),
);
const rest = input.subarray(headerBytes + sizes[0] * 8);

// The root struct pointer: offset (bits 2..31, signed), data words (32..47), pointer words (48..63).
const root = seg0[0];
if ((root & 3n) !== 0n) throw new Error("root pointer is not a struct");
const offset = Number(BigInt.asIntN(30, (root >> 2n) & 0x3fffffffn));
const dataWords = Number((root >> 32n) & 0xffffn);
const pointerWords = Number((root >> 48n) & 0xffffn);
if (pointerWords < 3) throw new Error("root struct has no v8Flags pointer");
const slot = 1 + offset + dataWords + 2;
if (seg0[slot] !== 0n) throw new Error("v8Flags already set");

// Appended to segment 0: a list of N pointers, then each flag as a NUL-terminated byte list.
const words = [...seg0];
const listAt = words.length;
const texts = flags.map((f) => new TextEncoder().encode(`${f}\0`));
words.push(...texts.map(() => 0n));
const listPointer = (from, to, elementSize, count) =>
  1n | (BigInt((to - from - 1) & 0x3fffffff) << 2n) | (BigInt(elementSize) << 32n) | (BigInt(count) << 35n);
words[slot] = listPointer(slot, listAt, 6, texts.length);
for (const [i, bytes] of texts.entries()) {
  const at = words.length;
  const padded = new Uint8Array(Math.ceil(bytes.length / 8) * 8);
  padded.set(bytes);
  words.push(...new BigUint64Array(padded.buffer));
  words[listAt + i] = listPointer(listAt + i, at, 2, bytes.length);
}

const header = new DataView(new ArrayBuffer(headerBytes));
header.setUint32(0, segments - 1, true);
for (const [i, size] of sizes.entries()) header.setUint32(4 + 4 * i, i === 0 ? words.length : size, true);
writeSync(1, new Uint8Array(header.buffer));
writeSync(1, new Uint8Array(BigUint64Array.from(words).buffer));
writeSync(1, rest);
