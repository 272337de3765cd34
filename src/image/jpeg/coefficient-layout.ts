// What a multi-scan (progressive) image must keep of each block until its last scan, when it is decoded
// at a reduced scale: only the coefficients the reduced IDCT reads (libjpeg's 4x4 never reads row and
// column 4, the 2x2 only rows and columns 0, 1, 3, 5, 7, the 1x1 only DC) as 16-bit values, plus one bit
// per other coefficient saying whether it is non-zero, which is all a later refinement scan needs to
// be parsed (it reads a correction bit for every non-zero coefficient of its band).
import { ZIGZAG } from "./zigzag";

/** Natural positions kept for a block decoded to `size` x `size` samples. */
function keptRowsCols(size: number): number[] {
  if (size === 8) return [0, 1, 2, 3, 4, 5, 6, 7];
  if (size === 4) return [0, 1, 2, 3, 5, 6, 7];
  if (size === 2) return [0, 1, 3, 5, 7];
  return [0];
}

const readOrders = new Map<number, Uint8Array>();

/** Where readOrder sends a coefficient the IDCT never reads: a 65th slot after the block. */
export const UNREAD = 64;

/**
 * For decoding straight into the IDCT: zigzag index (ZIGZAG's guard entries included) -> natural
 * position when the IDCT for `size` reads it, else UNREAD. The block decoder keeps only those
 * (libjpeg-turbo's coef_limit idea): fewer zeroings, and more blocks found to be DC-only at 1/2 to
 * 1/8. The others go to slot 64, so that the decoder stores without a branch it would mispredict.
 */
export function readOrder(size: number): Uint8Array {
  let order = readOrders.get(size);
  if (!order) {
    const lines = keptRowsCols(size);
    order = Uint8Array.from(ZIGZAG, (pos) =>
      lines.includes(pos >> 3) && lines.includes(pos & 7) ? pos : UNREAD,
    );
    readOrders.set(size, order);
  }
  return order;
}

export interface CoefficientLayout {
  /** Values kept per block. */
  kept: number;
  /** Natural position -> slot among the kept values, or -1 (only its non-zero bit is kept). */
  slots: Int8Array;
  /** Bytes per block: the kept values, and 8 bytes of non-zero bits when some are not kept. */
  bytesPerBlock: number;
}

export function coefficientLayout(blockSize: number): CoefficientLayout {
  const lines = keptRowsCols(blockSize);
  const slots = new Int8Array(64).fill(-1);
  let kept = 0;
  for (const row of lines) for (const col of lines) slots[row * 8 + col] = kept++;
  // Slots follow the natural order, so with all 64 kept the layout is the plain 64-per-block one.
  return { kept, slots, bytesPerBlock: kept * 2 + (kept < 64 ? 8 : 0) };
}

/** One component's kept coefficients, with moves between them and a full 64-entry block. */
export class CompactBlocks {
  readonly values: Int16Array;
  private readonly nonzero: Uint32Array;

  constructor(
    readonly layout: CoefficientLayout,
    blocks: number,
  ) {
    this.values = new Int16Array(blocks * layout.kept);
    this.nonzero = new Uint32Array(layout.kept < 64 ? blocks * 2 : 0);
  }

  get byteLength(): number {
    return this.values.byteLength + this.nonzero.byteLength;
  }

  /** Zigzag band [ss, se] of `block` into `out` (natural order); a dropped non-zero coefficient reads as 1. */
  load(block: number, ss: number, se: number, out: Int16Array): void {
    const { kept, slots } = this.layout;
    const base = block * kept;
    for (let k = ss; k <= se; k++) {
      const pos = ZIGZAG[k];
      const slot = slots[pos];
      out[pos] =
        slot >= 0 ? this.values[base + slot] : (this.nonzero[block * 2 + (pos >> 5)] >>> (pos & 31)) & 1;
    }
  }

  /** Zigzag band [ss, se] of `block` back from `from`. */
  store(block: number, ss: number, se: number, from: Int16Array): void {
    const { kept, slots } = this.layout;
    const base = block * kept;
    for (let k = ss; k <= se; k++) {
      const pos = ZIGZAG[k];
      const slot = slots[pos];
      if (slot >= 0) this.values[base + slot] = from[pos];
      else if (from[pos] !== 0) this.nonzero[block * 2 + (pos >> 5)] |= 1 << (pos & 31);
    }
  }

  /** DC of `block`. */
  dc(block: number): number {
    return this.values[block * this.layout.kept];
  }

  /** Every kept value of `block` into `out` at its natural position, zero elsewhere: what the IDCT reads. */
  expand(block: number, out: Int16Array): void {
    const { kept, slots } = this.layout;
    const base = block * kept;
    for (let pos = 0; pos < 64; pos++) {
      const slot = slots[pos];
      out[pos] = slot >= 0 ? this.values[base + slot] : 0;
    }
  }
}
