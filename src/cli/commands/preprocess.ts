import { writeFile } from "node:fs/promises";
import { CLIP_PREPROCESSOR, prepareImage } from "../../image";
import { parse, required } from "../args";
import { readInput } from "../files";
import { encodePng } from "../png";
import { nodeRuntime } from "../runtime";

/** `dermedge preprocess IMAGE --out FILE.png`: the 224x224 RGB crop before normalisation. */
export async function preprocess(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { out: { type: "string" } }, ["IMAGE"]);
  const out = required(values.out, "out");
  const bytes = await readInput(positionals[0]);
  const { webpWasm } = await nodeRuntime();
  const { crop, cropSize } = await prepareImage(bytes, CLIP_PREPROCESSOR, { webpModule: webpWasm });
  await writeFile(out, encodePng(crop, cropSize, cropSize));
}
