/** One pass of a PNG image: a sub-image of `width` x `rows` pixels placed at (x0 + i*dx, y0 + j*dy). */
export interface Pass {
  x0: number;
  y0: number;
  dx: number;
  dy: number;
  width: number;
  rows: number;
}

const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** The passes stored in the data stream: one for a plain image, the non-empty Adam7 passes otherwise. */
export function imagePasses(width: number, height: number, interlaced: boolean): Pass[] {
  if (!interlaced) return [{ x0: 0, y0: 0, dx: 1, dy: 1, width, rows: height }];
  return ADAM7.map(([x0, y0, dx, dy]) => ({
    x0,
    y0,
    dx,
    dy,
    width: Math.ceil(Math.max(0, width - x0) / dx),
    rows: Math.ceil(Math.max(0, height - y0) / dy),
  })).filter((p) => p.width > 0 && p.rows > 0);
}
