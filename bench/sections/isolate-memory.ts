import type { Row } from "../lib/report";
import type { BenchContext } from "../run";
export async function memorySection(_context: BenchContext): Promise<Row[]> {
  return [];
}
