import { Rng } from "./prng";

/**
 * Photos whose classes differ by construction, for testing `dermedge adapt`: class k has its own skin-like
 * base colour, stripe orientation and frequency, and blotch contrast; each photo jitters the colour and the
 * stripes' phase and adds pixel noise. Any working embedding + linear head separates them; zero-shot
 * prompts know nothing of them.
 */
const BASE_COLOURS: readonly [number, number, number][] = [
  [224, 172, 150],
  [170, 90, 80],
  [120, 80, 60],
  [230, 200, 180],
  [200, 120, 130],
  [150, 110, 90],
];

/** An RGB photo (width = height = size, 3 bytes a pixel) of class `k`, the `index`-th of its class. */
export function syntheticPhoto(k: number, index: number, size: number, seed = 1): Uint8Array {
  const rng = new Rng(seed, k * 100_003 + index);
  const base = BASE_COLOURS[k % BASE_COLOURS.length].map((c) => c + (rng.next() - 0.5) * 20);
  const angle = (k * Math.PI) / 5 + (rng.next() - 0.5) * 0.2;
  const frequency = (2 + 3 * k) * ((2 * Math.PI) / size);
  const phase = rng.next() * 2 * Math.PI;
  const contrast = 15 + 10 * (k % 3);
  const rgb = new Uint8Array(size * size * 3);
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const stripe = Math.sin((x * dx + y * dy) * frequency + phase) * contrast;
      for (let c = 0; c < 3; c++) {
        const value = base[c] + stripe * (c === 0 ? 1 : 0.6) + (rng.next() - 0.5) * 16;
        rgb[(y * size + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(value)));
      }
    }
  }
  return rgb;
}
