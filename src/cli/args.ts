import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./errors";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * parseArgs with strict options and a fixed number of positionals; a last positional named "NAME..." takes
 * any number (none included).
 */
export function parse<O extends Options>(args: string[], options: O, positionals: string[]) {
  const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  const variadic = positionals.at(-1)?.endsWith("...") ?? false;
  const fixed = variadic ? positionals.length - 1 : positionals.length;
  if (variadic ? parsed.positionals.length < fixed : parsed.positionals.length !== fixed) {
    throw new UsageError(`expected ${positionals.join(" ")}; got ${parsed.positionals.length} argument(s)`);
  }
  return parsed;
}

export function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`missing --${flag}`);
  return value;
}
