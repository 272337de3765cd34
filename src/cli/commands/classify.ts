import { assessPhoto } from "../../service/assess-photo";
import { parse, required } from "../args";
import { UsageError } from "../errors";
import { openEngine, readInput } from "../files";

const LANGS = ["en", "zh"] as const;

/**
 * `dermedge classify IMAGE --model DIR [--labels L ...] [--text "..."] [--lang en|zh] [--exact]`: every label's
 * probability (softmax over the labels; the condition catalogue without --labels), the top label, the
 * full assessment (gates, ranked findings, triage, advice, disclaimer) and timings, as JSON.
 */
export async function classify(args: string[]): Promise<void> {
  const { values, positionals } = parse(
    args,
    {
      model: { type: "string" },
      labels: { type: "string", multiple: true },
      text: { type: "string" },
      lang: { type: "string" },
      exact: { type: "boolean" },
    },
    ["IMAGE"],
  );
  const labels = values.labels;
  if (labels && labels.length < 2) throw new UsageError("give at least two --labels to choose between");
  const lang = values.lang as (typeof LANGS)[number] | undefined;
  if (lang && !LANGS.includes(lang)) throw new UsageError(`--lang must be en or zh, not "${lang}"`);
  const bytes = await readInput(positionals[0]);
  const engine = await openEngine(required(values.model, "model"));
  const { assessment, scores, model, timings } = await assessPhoto(
    engine,
    { image: bytes, text: values.text, lang, labels },
    { exact: values.exact },
  );
  const top = scores.reduce((best, s) => (s.probability > best.probability ? s : best));
  const output = {
    model,
    labels: scores.map((s) => ({ label: s.id, probability: s.probability })),
    top: { label: top.id, probability: top.probability },
    assessment,
    timings,
  };
  console.log(JSON.stringify(output, null, 2));
}
