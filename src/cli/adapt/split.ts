import { Rng } from "../../synthetic/prng";

/** Indices shuffled with a seeded generator (Fisher-Yates), so a split is reproducible. */
function shuffled(indices: number[], rng: Rng): number[] {
  const out = [...indices];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function byClass(y: readonly number[], classes: number, rng: Rng): number[][] {
  const groups: number[][] = Array.from({ length: classes }, () => []);
  y.forEach((c, i) => {
    groups[c].push(i);
  });
  return groups.map((g) => shuffled(g, rng));
}

/** A stratified hold-out: `fraction` of each class (at least one photo) is held out. */
export function stratifiedSplit(y: readonly number[], classes: number, fraction: number, seed: number) {
  const train: number[] = [];
  const test: number[] = [];
  for (const group of byClass(y, classes, new Rng(seed))) {
    const held = Math.max(1, Math.round(group.length * fraction));
    test.push(...group.slice(0, held));
    train.push(...group.slice(held));
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}

/** `folds` stratified folds: each class's photos dealt round-robin. */
export function stratifiedFolds(
  y: readonly number[],
  classes: number,
  folds: number,
  seed: number,
): number[][] {
  const out: number[][] = Array.from({ length: folds }, () => []);
  let next = 0;
  for (const group of byClass(y, classes, new Rng(seed, 1))) {
    for (const i of group) out[next++ % folds].push(i);
  }
  return out;
}
