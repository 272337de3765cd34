import { writeFile } from "node:fs/promises";
import { CLIP_PREPROCESSOR, prepareImage } from "../../image";
import { parse, required } from "../args";
import { readInput } from "../files";
import { encodePng } from "../png";
import { nodeRuntime } from "../runtime";

/**
 * `dermedge preprocess IMAGE --out FILE.png [--exact]`: the 224x224 RGB crop before normalisation
 * (`--exact`: from the full-size decode, as HF's CLIPImageProcessor makes it).
 */
export async function preprocess(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { out: { type: "string" }, exact: { type: "boolean" } }, [
    "IMAGE",
  ]);
  const out = required(values.out, "out");
  const bytes = await readInput(positionals[0]);
  const { webpWasm } = await nodeRuntime();
  const { crop, cropSize } = await prepareImage(bytes, CLIP_PREPROCESSOR, {
    webpModule: webpWasm,
    exact: values.exact,
  });
  await writeFile(out, encodePng(crop, cropSize, cropSize));
}
