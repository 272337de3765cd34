import { readdir } from "node:fs/promises";
import { extname, join } from "node:path";
import { CliError } from "./errors";

const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".webp"]);

export interface ClassFolder {
  /** The folder's name: the class id (or a name --map turns into one). */
  name: string;
  /** Its photos (JPEG, PNG or WebP by extension), sorted. */
  photos: string[];
}

/** The class folders of a data set (hidden ones skipped), each with its photos (see refuseEmpty). */
export async function readClassFolders(folder: string): Promise<ClassFolder[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => {
    throw new CliError(`cannot read folder ${folder}`);
  });
  const classes: ClassFolder[] = [];
  for (const dir of entries.filter((e) => e.isDirectory() && !e.name.startsWith("."))) {
    const files = (await readdir(join(folder, dir.name))).filter((f) =>
      IMAGE_EXTENSIONS.has(extname(f).toLowerCase()),
    );
    classes.push({ name: dir.name, photos: files.sort().map((f) => join(folder, dir.name, f)) });
  }
  if (classes.length === 0) throw new CliError(`no class folders under ${folder}`);
  return classes.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** A class folder without photos is a mistake in the data set: say which, once the names are checked. */
export function refuseEmpty(classes: readonly ClassFolder[]): void {
  const empty = classes.filter((c) => c.photos.length === 0).map((c) => c.name);
  if (empty.length > 0) {
    throw new CliError(`no photos (.jpg, .jpeg, .png, .webp) in class folder(s): ${empty.join(", ")}`);
  }
}
