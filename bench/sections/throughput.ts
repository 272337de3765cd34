import type { Row } from "../lib/report";
import type { BenchContext } from "../run";
export async function throughputSection(_context: BenchContext): Promise<Row[]> {
  return [];
}
