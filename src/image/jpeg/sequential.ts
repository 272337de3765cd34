import type { BitReader } from "./bit-reader";
import { corrupt } from "./errors";
import type { Scan, ScanComponent } from "./scan";
import { ZIGZAG } from "./zigzag";

/** One block of a sequential (baseline / extended) scan: DC difference, then run-length coded AC. */
export function decodeSequentialBlock(
  reader: BitReader,
  coefs: Int16Array,
  at: number,
  sc: ScanComponent,
  _scan: Scan,
): void {
  const dcTable = sc.dc;
  const acTable = sc.ac;
  if (!dcTable || !acTable) throw corrupt("scan uses a Huffman table that was never defined");
  const s = reader.decode(dcTable);
  // libjpeg wraps the predictor as an int and stores the coefficient as a 16-bit JCOEF.
  sc.pred = (sc.pred + (s === 0 ? 0 : reader.extend(s))) | 0;
  coefs[at] = sc.pred;
  for (let k = 1; k < 64; k++) {
    const rs = reader.decode(acTable);
    const size = rs & 15;
    if (size !== 0) {
      k += rs >> 4;
      coefs[at + ZIGZAG[k]] = reader.extend(size);
    } else if (rs >> 4 === 15) {
      k += 15;
    } else {
      break;
    }
  }
}
