import { parse, required } from "../args";
import { UsageError } from "../errors";
import { openEngine, readInput } from "../files";

/**
 * `dermedge classify IMAGE --model DIR --labels "a photo of a skin rash" --labels ...`: every label's
 * probability (softmax over the labels), the top label and timings, as JSON.
 */
export async function classify(args: string[]): Promise<void> {
  const { values, positionals } = parse(
    args,
    { model: { type: "string" }, labels: { type: "string", multiple: true } },
    ["IMAGE"],
  );
  const labels = values.labels ?? [];
  if (labels.length < 2) throw new UsageError("give at least two --labels to choose between");
  const started = Date.now();
  const bytes = await readInput(positionals[0]);
  const engine = await openEngine(required(values.model, "model"));
  const image = await engine.embedImage(bytes);
  const result = await engine.classify(
    image.embedding,
    labels.map((label) => ({ id: label, prompts: [label] })),
  );
  const output = {
    model: engine.info,
    labels: result.scores.map((s) => ({ label: s.id, probability: s.probability })),
    top: { label: result.top.id, probability: result.top.probability },
    timings: { ...image.timings, ...result.timings, totalMs: Date.now() - started },
  };
  console.log(JSON.stringify(output, null, 2));
}
