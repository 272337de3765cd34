/** The one function the service calls: model probabilities + photo quality + the patient's words -> an answer. */
import { CATALOGUE_VERSION, catalogueEntry } from "./catalogue";
import { type ClinicalConfig, resolveConfig } from "./config";
import { checkCertainty, checkSkin } from "./gates";
import { chooseLanguage } from "./language";
import { formatPercent, messages } from "./messages";
import { rankFindings } from "./ranking";
import { parseText, presentSymptoms } from "./symptoms";
import { triage } from "./triage";
import type { Assessment, AssessmentStatus, Finding, Lang, QualityReport, SkinGate, Triage } from "./types";
import { symptomName } from "./vocabulary";

export interface AssessInput {
  /**
   * Zero-shot probabilities over the labels the photo was scored against: catalogue ids (prompts from
   * `cataloguePrompts`) and/or the caller's own labels. Renormalised here.
   */
  readonly imageProbabilities: Readonly<Record<string, number>>;
  /** Zero-shot probabilities over the `gatePrompts` labels; must include "skin". */
  readonly gateProbabilities: Readonly<Record<string, number>>;
  /** From `assessPhotoQuality`. */
  readonly quality: QualityReport;
  /** The patient's words, in English or Chinese. */
  readonly text?: string;
  /** Answer language; detected from `text`, then `locale`, when absent. */
  readonly lang?: Lang;
  /** The client's locale or Accept-Language, e.g. "zh-CN". */
  readonly locale?: string;
  readonly config?: Partial<ClinicalConfig>;
}

const UNCERTAIN_CANDIDATES = 3;

function statusOf(quality: QualityReport, skin: SkinGate, certain: boolean | null): AssessmentStatus {
  if (!quality.ok) return "poor_photo";
  if (!skin.passed) return "not_skin";
  return certain ? "ok" : "uncertain";
}

function summarise(
  status: AssessmentStatus,
  findings: readonly Finding[],
  skin: SkinGate,
  lang: Lang,
): string {
  const m = messages[lang];
  switch (status) {
    case "poor_photo":
      return m.summary.poorPhoto;
    case "not_skin": {
      const label = skin.bestOther?.label;
      const known = label !== undefined && Object.hasOwn(m.gateLabels, label);
      return m.summary.notSkin(known ? m.gateLabels[label as keyof typeof m.gateLabels] : null);
    }
    case "uncertain": {
      const candidates = findings
        .slice(0, UNCERTAIN_CANDIDATES)
        .map((f) => `${f.name} (${formatPercent(f.probability)})`);
      return m.summary.uncertain(m.alternatives(candidates));
    }
    case "ok":
      return m.summary.ok(findings[0].name, formatPercent(findings[0].probability));
  }
}

function adviseOn(
  status: AssessmentStatus,
  findings: readonly Finding[],
  quality: QualityReport,
  triaged: Triage | null,
  lang: Lang,
): string[] {
  const m = messages[lang];
  const specific: Record<AssessmentStatus, () => string[]> = {
    poor_photo: () => quality.problems.map((p) => p.tip[lang]),
    not_skin: () => [m.notSkinTip],
    uncertain: () => [m.uncertainAdvice],
    ok: () => [catalogueEntry(findings[0].id)?.advice[lang] ?? m.customAdvice],
  };
  return [...(triaged ? [m.actions[triaged.level]] : []), ...specific[status]()];
}

/**
 * Gates in order: photo quality, then skin, then certainty. A failed quality or skin gate ranks nothing;
 * red flags in the words are still triaged. Throws a RangeError on malformed probabilities or config.
 */
export function assess(input: AssessInput): Assessment {
  const config = resolveConfig(input.config);
  const text = input.text ?? "";
  const lang = chooseLanguage({ lang: input.lang, text, locale: input.locale });
  const parsed = parseText(text);
  const skin = checkSkin(input.gateProbabilities);
  const ranked = rankFindings(input.imageProbabilities, presentSymptoms(parsed), lang, config);
  const certainty = input.quality.ok && skin.passed ? checkCertainty(ranked, config) : null;
  const status = statusOf(input.quality, skin, certainty?.passed ?? null);
  const findings = certainty ? ranked : [];
  const triaged = triage({ status, findings, parsed, config, lang });
  return {
    catalogueVersion: CATALOGUE_VERSION,
    lang,
    status,
    gates: { quality: input.quality, skin, certainty },
    findings,
    symptoms: {
      recognised: parsed.mentions.map((s) => ({ ...s, name: symptomName(s.id)[lang] })),
      durationDays: parsed.durationDays,
      ageYears: parsed.ageYears,
    },
    triage: triaged,
    summary: summarise(status, findings, skin, lang),
    advice: adviseOn(status, findings, input.quality, triaged, lang),
    disclaimer: messages[lang].disclaimer,
  };
}
