import { parse, required } from "../args";
import { openEngine } from "../files";

/** `dermedge tokenize --model DIR TEXT`: the token ids, start..end, cut to 77, no padding. */
export async function tokenize(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { model: { type: "string" } }, ["TEXT"]);
  const engine = await openEngine(required(values.model, "model"));
  console.log(JSON.stringify(await engine.tokenize(positionals[0])));
}
