import type { BitReader } from "./bit-reader";
import { corrupt } from "./errors";
import type { BlockDecoder, Scan, ScanComponent } from "./scan";
import { ZIGZAG } from "./zigzag";

/** Validates a progressive scan's parameters (libjpeg's start_pass_phuff_decoder) and picks its decoder. */
export function progressiveDecoder(scan: Scan): BlockDecoder {
  const { ss, se, ah, al } = scan;
  const dcBand = ss === 0;
  const bad =
    (dcBand ? se !== 0 : ss > se || se > 63 || scan.components.length !== 1) ||
    (ah !== 0 && al !== ah - 1) ||
    al > 13;
  if (bad) throw corrupt(`invalid progressive scan parameters Ss=${ss} Se=${se} Ah=${ah} Al=${al}`);
  for (const sc of scan.components) {
    const needed = dcBand ? (ah === 0 ? sc.dc : true) : sc.ac;
    if (!needed) throw corrupt("scan uses a Huffman table that was never defined");
  }
  if (dcBand) return ah === 0 ? decodeDcFirst : decodeDcRefine;
  return ah === 0 ? decodeAcFirst : decodeAcRefine;
}

function decodeDcFirst(
  reader: BitReader,
  coefs: Int16Array,
  at: number,
  sc: ScanComponent,
  scan: Scan,
): void {
  const s = reader.decode(sc.dc!);
  const dc = sc.pred + (s === 0 ? 0 : reader.extend(s));
  if (dc > 0x7fffffff || dc < -0x80000000) throw corrupt("DC coefficient overflows");
  sc.pred = dc;
  coefs[at] = dc << scan.al;
}

function decodeDcRefine(
  reader: BitReader,
  coefs: Int16Array,
  at: number,
  _sc: ScanComponent,
  scan: Scan,
): void {
  if (reader.bit()) coefs[at] |= 1 << scan.al;
}

function decodeAcFirst(
  reader: BitReader,
  coefs: Int16Array,
  at: number,
  sc: ScanComponent,
  scan: Scan,
): void {
  if (scan.eobrun > 0) {
    scan.eobrun--;
    return;
  }
  const table = sc.ac!;
  const { se, al } = scan;
  for (let k = scan.ss; k <= se; k++) {
    const rs = reader.decode(table);
    const run = rs >> 4;
    const size = rs & 15;
    if (size !== 0) {
      k += run;
      coefs[at + ZIGZAG[k]] = reader.extend(size) << al;
    } else if (run === 15) {
      k += 15;
    } else {
      // EOBr: this block and 2^r - 1 + (r appended bits) more end here.
      scan.eobrun = (1 << run) + reader.bitsValue(run) - 1;
      break;
    }
  }
}

function decodeAcRefine(
  reader: BitReader,
  coefs: Int16Array,
  at: number,
  sc: ScanComponent,
  scan: Scan,
): void {
  const { se } = scan;
  const p1 = 1 << scan.al;
  const m1 = -1 << scan.al;
  let k = scan.ss;
  if (scan.eobrun === 0) {
    const table = sc.ac!;
    for (; k <= se; k++) {
      const rs = reader.decode(table);
      let run = rs >> 4;
      let value = 0;
      if ((rs & 15) !== 0) {
        // A newly non-zero coefficient is always ±1 at this bit position.
        value = reader.bit() ? p1 : m1;
      } else if (run !== 15) {
        scan.eobrun = (1 << run) + reader.bitsValue(run);
        break;
      }
      // Skip `run` zero coefficients, refining the non-zero ones met on the way.
      do {
        const pos = at + ZIGZAG[k];
        const coef = coefs[pos];
        if (coef !== 0) {
          if (reader.bit() && (coef & p1) === 0) coefs[pos] = coef >= 0 ? coef + p1 : coef + m1;
        } else if (--run < 0) {
          break;
        }
        k++;
      } while (k <= se);
      if (value !== 0) coefs[at + ZIGZAG[k]] = value;
    }
  }
  if (scan.eobrun > 0) {
    // Inside an end-of-band run: only the already non-zero coefficients get a correction bit.
    for (; k <= se; k++) {
      const pos = at + ZIGZAG[k];
      const coef = coefs[pos];
      if (coef !== 0 && reader.bit() && (coef & p1) === 0) coefs[pos] = coef >= 0 ? coef + p1 : coef + m1;
    }
    scan.eobrun--;
  }
}
