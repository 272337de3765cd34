import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { syntheticPhoto } from "../../synthetic";
import { parse, required } from "../args";
import { UsageError } from "../errors";
import { encodePng } from "../png";

export interface PhotoSetOptions {
  classes: readonly string[];
  perClass: number;
  size?: number;
  /** Photos are numbered from here: two sets with different starts share no photo. */
  first?: number;
  seed?: number;
}

/** `OUT/<class>/<n>.png` for each class: a data set in `dermedge adapt`'s layout. */
export async function writeSyntheticPhotoSet(out: string, options: PhotoSetOptions): Promise<void> {
  const { size = 224, first = 0, seed = 1 } = options;
  for (const [k, name] of options.classes.entries()) {
    await mkdir(join(out, name), { recursive: true });
    for (let i = first; i < first + options.perClass; i++) {
      const png = encodePng(syntheticPhoto(k, i, size, seed), size, size);
      await writeFile(join(out, name, `${String(i).padStart(5, "0")}.png`), png);
    }
  }
}

/**
 * `dermedge synthetic-photos OUT --classes a,b,c --per-class N [--size PX] [--first I] [--seed S]`:
 * class folders of generated photos whose classes differ by construction (see synthetic/photos.ts), to try
 * `adapt` and `eval` without patients' photos. They mean nothing clinically.
 */
export async function syntheticPhotos(args: string[]): Promise<void> {
  const { values, positionals } = parse(
    args,
    {
      classes: { type: "string" },
      "per-class": { type: "string" },
      size: { type: "string" },
      first: { type: "string" },
      seed: { type: "string" },
    },
    ["OUT"],
  );
  const count = (flag: string, value: string | undefined, fallback: number) => {
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${flag} must be a whole number`);
    return n;
  };
  const classes = required(values.classes, "classes").split(",").filter(Boolean);
  const perClass = count("per-class", values["per-class"], 0);
  if (perClass < 1) throw new UsageError("missing --per-class N");
  await writeSyntheticPhotoSet(positionals[0], {
    classes,
    perClass,
    size: count("size", values.size, 224),
    first: count("first", values.first, 0),
    seed: count("seed", values.seed, 1),
  });
  console.log(`wrote ${classes.length * perClass} photos to ${positionals[0]}`);
}
