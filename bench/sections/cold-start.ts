import type { Row } from "../lib/report";
import type { BenchContext } from "../run";
export async function coldStartSection(_context: BenchContext): Promise<Row[]> {
  return [];
}
