import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { catalogueEntry, TRIAGE_LEVELS } from "../../clinical";
import type { HeadClassDescription } from "../../model/head";
import { CliError } from "../errors";

export const CLASSES_FILE = "classes.json";

const text = z.string().trim().min(1);
const Localised = z.object({ en: text, zh: text }).strict();

/** A new class, with the fields of a catalogue entry that an answer needs (see clinical/types.ts). */
const NewClass = z.object({ name: Localised, urgency: z.enum(TRIAGE_LEVELS), advice: Localised }).strict();
const ClassesFile = z.record(
  z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "ids are lower-case letters, digits and _"),
  NewClass,
);

/**
 * `DATA/classes.json` (optional): the classes that are not catalogue ids, described as catalogue entries
 * are. A folder must be a catalogue id or described here; a description may not redefine a catalogue id.
 */
export async function readNewClasses(
  dataDir: string,
  folders: readonly string[],
): Promise<Record<string, HeadClassDescription>> {
  const path = join(dataDir, CLASSES_FILE);
  let raw: unknown = {};
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new CliError(`cannot read ${path}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  const parsed = ClassesFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`${path}: ${issue.path.join(".") || "(top level)"}: ${issue.message}`);
  }
  const described = parsed.data;
  for (const id of Object.keys(described)) {
    if (catalogueEntry(id)) throw new CliError(`${path}: "${id}" is a catalogue id already; remove it there`);
  }
  for (const folder of folders) {
    if (!catalogueEntry(folder) && !Object.hasOwn(described, folder)) {
      throw new CliError(
        `folder "${folder}" is not a catalogue id (see GET /v1/conditions) and ${CLASSES_FILE} does not describe it`,
      );
    }
  }
  return Object.fromEntries(Object.entries(described).filter(([id]) => folders.includes(id)));
}
