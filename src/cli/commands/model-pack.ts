import { packPackage } from "../../packing/pack";
import { packSpeechPackage } from "../../packing/pack-speech";
import { parse, required } from "../args";
import { UsageError } from "../errors";
import { isSpeechPackage } from "./model-install";

/** `dermedge model pack DIR --out DIR2 [--split-after-layer K | --no-split]`. */
export async function pack(args: string[]): Promise<void> {
  const { values, positionals } = parse(
    args,
    { out: { type: "string" }, "split-after-layer": { type: "string" }, "no-split": { type: "boolean" } },
    ["DIR"],
  );
  const layer = values["split-after-layer"];
  if (layer !== undefined && values["no-split"])
    throw new UsageError("choose --split-after-layer or --no-split");
  if (layer !== undefined && !/^\d+$/.test(layer))
    throw new UsageError("--split-after-layer must be a layer number");
  const started = Date.now();
  if (await isSpeechPackage(positionals[0])) {
    const speech = await packSpeechPackage(positionals[0], required(values.out, "out"));
    console.log(`packed ${speech.id} ${speech.revision}: encoder and decoder in ORT format`);
    return;
  }
  const manifest = await packPackage(positionals[0], required(values.out, "out"), {
    splitAfterLayer: values["no-split"] ? null : layer === undefined ? undefined : Number(layer),
  });
  const stages = manifest.vision.stages?.length ?? 1;
  console.log(
    `packed ${manifest.id} ${manifest.revision}: vision in ${stages} stage(s), ${manifest.files.length} files ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
