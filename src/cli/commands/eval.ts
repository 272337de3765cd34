import { readFile, writeFile } from "node:fs/promises";
import { catalogueEntry, type EvalSample, evaluate } from "../../clinical";
import { ImageError } from "../../image/types";
import { assessPhoto } from "../../service/assess-photo";
import { parse, required } from "../args";
import { readClassFolders, refuseEmpty } from "../class-folders";
import { CliError } from "../errors";
import { compareWithHead, type HeadComparison, headTable } from "../eval-head";
import { openEngine, readInput } from "../files";
import { progressBar } from "../progress";

interface LabelledImage {
  path: string;
  truth: string;
}

async function readMap(path: string | undefined): Promise<Record<string, string>> {
  if (!path) return {};
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new CliError(`cannot read --map ${path}: ${(error as Error).message.split("\n")[0]}`);
  }
}

/** Class folders -> labelled images; every folder must be a catalogue id, a head's class, or mapped to one. */
async function listImages(
  folder: string,
  map: Record<string, string>,
  headClasses: readonly string[],
): Promise<LabelledImage[]> {
  const images: LabelledImage[] = [];
  const folders = await readClassFolders(folder);
  for (const { name, photos } of folders) {
    const truth = map[name] ?? name;
    if (!catalogueEntry(truth) && !headClasses.includes(truth)) {
      throw new CliError(
        `folder "${name}" is not a catalogue id; map it with --map (e.g. {"${name}": "naevus"})`,
      );
    }
    images.push(...photos.map((path) => ({ path, truth })));
  }
  refuseEmpty(folders);
  return images;
}

const pct = (x: number | null) => (x === null ? "   n/a" : `${(100 * x).toFixed(1).padStart(5)}%`);

function table(report: ReturnType<typeof evaluate>, rejected: number): string {
  const lines = [
    `images: ${report.samples}   top-1: ${pct(report.top1)}   top-3: ${pct(report.top3)}   ` +
      `ECE: ${report.expectedCalibrationError.toFixed(3)}   not-skin false rejections: ${pct(rejected / report.samples)}`,
    "",
    `${"class".padEnd(24)} support  sensitivity  specificity`,
    ...report.perClass
      .filter((c) => c.support > 0 || c.falsePositives > 0)
      .map(
        (c) =>
          `${c.label.padEnd(24)} ${String(c.support).padStart(7)}  ${pct(c.sensitivity).padStart(11)}  ${pct(c.specificity).padStart(11)}`,
      ),
    "",
    "confusion matrix (rows: truth, columns: top-1 prediction; classes never seen nor predicted omitted)",
  ];
  const used = report.confusion.classes
    .map((label, i) => ({ label, i }))
    .filter(
      ({ i }) =>
        report.confusion.counts[i].some((n) => n > 0) || report.confusion.counts.some((row) => row[i] > 0),
    );
  lines.push(`${"".padEnd(24)} ${used.map(({ i }) => String(i).padStart(4)).join("")}`);
  for (const { label, i } of used) {
    lines.push(
      `${`${i} ${label}`.padEnd(24)} ${used.map(({ i: j }) => String(report.confusion.counts[i][j]).padStart(4)).join("")}`,
    );
  }
  return lines.join("\n");
}

/**
 * `dermedge eval FOLDER --model DIR [--map map.json] [--out report.json] [--exact]`: scores a folder of class folders
 * with the catalogue: top-1/top-3 accuracy, per-class sensitivity and specificity, confusion matrix,
 * the not-skin gate's false-rejection rate and expected calibration error. Image-only probabilities are
 * evaluated (the patient's words are not part of an image data set).
 */
export async function evalCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(
    args,
    {
      model: { type: "string" },
      map: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
      exact: { type: "boolean" },
    },
    ["FOLDER"],
  );
  const engine = await openEngine(required(values.model, "model"));
  const head = await engine.head();
  const images = await listImages(positionals[0], await readMap(values.map), head?.classes ?? []);
  const samples: (EvalSample & { path: string; skinGatePassed: boolean })[] = [];
  const zeroShot: EvalSample[] = [];
  const unreadable: { path: string; error: string }[] = [];
  const progress = progressBar(images.length);
  for (const image of images) {
    try {
      const { scores, zeroShotScores, assessment } = await assessPhoto(
        engine,
        { image: await readInput(image.path) },
        { exact: values.exact },
      );
      zeroShot.push({
        truth: image.truth,
        probabilities: Object.fromEntries(zeroShotScores.map((s) => [s.id, s.probability])),
      });
      samples.push({
        path: image.path,
        truth: image.truth,
        probabilities: Object.fromEntries(scores.map((s) => [s.id, s.probability])),
        skinGatePassed: assessment.gates?.skin.passed ?? false,
      });
    } catch (error) {
      if (!(error instanceof ImageError)) throw error;
      unreadable.push({ path: image.path, error: error.message });
    }
    progress.tick(image.path);
  }
  progress.done();
  if (samples.length === 0) throw new CliError("no image could be read");
  const report = evaluate(samples, Object.keys(samples[0].probabilities));
  const rejected = samples.filter((s) => !s.skinGatePassed).length;
  const out = values.out ?? "eval-report.json";
  // With a head, `report` is the package as deployed (the head); `head` compares it with zero-shot.
  const comparison: HeadComparison | undefined = head ? compareWithHead(head, zeroShot, samples) : undefined;
  const json = {
    model: engine.info,
    ...report,
    notSkinFalseRejectionRate: rejected / samples.length,
    head: comparison,
    unreadable,
    samples,
  };
  await writeFile(out, `${JSON.stringify(json, null, 2)}\n`);
  if (values.json) {
    const { samples: _, ...summary } = json;
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  console.log(table(report, rejected));
  if (comparison) console.log(`\n${headTable(comparison)}`);
  if (unreadable.length) console.log(`\n${unreadable.length} unreadable image(s), listed in the report`);
  console.log(
    `\nreport written to ${out}${engine.info.synthetic ? " (synthetic model: these numbers mean nothing)" : ""}`,
  );
}
