/**
 * The HTTP contract of an assessment: zod schemas that validate requests and generate /openapi.json.
 * The response schemas mirror the clinical module's types; the checks at the bottom fail to compile when
 * the two drift apart.
 */
import { z } from "@hono/zod-openapi";
import {
  ANSWERS,
  type Assessment,
  type AssessmentStatus,
  FINDING_RULES,
  type Lang,
  QUESTION_IDS,
  QUESTION_KINDS,
  type QualityProblemCode,
  RED_FLAG_RULES,
  TRIAGE_LEVELS,
  type TriageRule,
  vocabulary,
} from "../../clinical";
import type { ModelInfo } from "../../model/engine";

/** Limits on what a client may send besides the photo (the body and pixel limits are configurable). */
export const LIMITS = { labels: 32, labelLength: 200, textLength: 1000 } as const;

const LANGS = ["en", "zh"] as const satisfies readonly Lang[];

const LangParam = z
  .enum(LANGS)
  .openapi({ description: "Language of the answer; by default from the text, then Accept-Language." });
/**
 * Words a person typed: valid UTF-8 (a decoder's U+FFFD or a lone surrogate means it was not) and no
 * bidirectional controls, which can make logs, the demo or a clinician's screen show other words.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const REPLACEMENT_OR_BIDI = /[\uFFFD\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const readable = (value: string) => !LONE_SURROGATE.test(value) && !REPLACEMENT_OR_BIDI.test(value);
const READABLE = "must be valid UTF-8 text without bidirectional control characters";

const Text = z
  .string()
  .max(LIMITS.textLength, `at most ${LIMITS.textLength} characters`)
  .refine(readable, `text ${READABLE}`)
  .openapi({ description: "The patient's own words: symptoms, how long, age. Never stored or logged." });
const Label = z
  .string()
  .trim()
  .min(1, "a label cannot be empty")
  .max(LIMITS.labelLength, `each label at most ${LIMITS.labelLength} characters`)
  .refine(readable, `each label ${READABLE}`);
const Labels = z
  .array(Label)
  .max(LIMITS.labels, `at most ${LIMITS.labels} labels`)
  .refine((labels) => new Set(labels).size === labels.length, "labels must be distinct");

const answersDescription =
  "Answers to the questions an earlier assessment listed in `questions`: question id -> yes, no or unknown " +
  "(not sure). Answers only raise: a yes adds the sign; a no or unknown adds nothing and never lowers what the " +
  "patient's own words said. An answered question is not asked again; unanswered questions may be skipped.";
const Answers = z.partialRecord(z.enum(QUESTION_IDS), z.enum(ANSWERS)).openapi("Answers", {
  description: answersDescription,
  example: { glass_test: "yes", airway: "no" },
});
/** multipart carries the answers as one JSON text field. */
const AnswersField = z
  .preprocess((v, ctx) => {
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v);
    } catch {
      ctx.addIssue({ code: "custom", message: "answers must be a JSON object" });
      return z.NEVER;
    }
  }, Answers.optional())
  .openapi({
    type: "string",
    description: `${answersDescription} In multipart/form-data, one field holding the JSON object, e.g. {"glass_test":"yes"}.`,
  });

const labelsDescription =
  "Your own labels (CLIP prompts such as 'a photo of a skin rash') to rank instead of the catalogue; " +
  `at most ${LIMITS.labels}, each at most ${LIMITS.labelLength} characters. Their text embeddings are ` +
  "cached for your API key alone, for at most 7 days.";

const exactDescription =
  "Decode the photo at full size before resizing, exactly as Hugging Face's CLIPImageProcessor with " +
  "Pillow does (for parity checks). By default (false) a JPEG larger than twice the model's input is " +
  "decoded at 1/2, 1/4 or 1/8 scale in the DCT domain first, as Pillow's draft() and thumbnail() do, " +
  "a WebP at the same scale by libwebp's rescaler and an interlaced PNG by averaging boxes of pixels: " +
  "much faster for phone photos and far less memory, with crops a few levels apart on average.";
const audioDescription =
  "A voice note with the patient's words, beside or instead of `text` (both are read): Ogg/Opus (a " +
  "Telegram voice note), WAV or MP3, at most 90 s by default. It is transcribed inside the service " +
  "(Whisper) and neither the audio nor the transcript is stored or logged; the answer's `transcript` says " +
  "what was heard. A doubtful transcript may raise the triage level, never lower it.";

/** multipart/form-data: the photo as a file part; `labels` repeated once per label. */
export const AssessmentForm = z
  .object({
    image: z
      .custom<Blob>((v) => v instanceof Blob, "image must be one file part: one image per request")
      .optional()
      .openapi({
        type: "string",
        format: "binary",
        description: "The photo: JPEG, PNG or WebP. Optional: words alone (`text`) are triaged too.",
      }),
    text: Text.optional(),
    audio: z
      .custom<Blob>((v) => v instanceof Blob, "audio must be one file part: one voice note per request")
      .optional()
      .openapi({ type: "string", format: "binary", description: audioDescription }),
    lang: LangParam.optional(),
    // A single field arrives as a string, a repeated one as an array.
    labels: z
      .preprocess((v) => (typeof v === "string" ? [v] : v), Labels.optional())
      .openapi({ description: `${labelsDescription} Repeat the field once per label.` }),
    answers: AnswersField.optional(),
    exact: z
      .enum(["true", "false"], { message: "exact must be true or false" })
      .transform((v) => v === "true")
      .optional()
      .openapi({
        type: "string",
        enum: ["true", "false"],
        description: `${exactDescription} As a text field: true or false.`,
      }),
  })
  .openapi("AssessmentForm");

/** application/json: the photo as base64 (a `data:` URL is accepted too). */
export const AssessmentJson = z
  .object({
    image: z.string().min(1, "image is empty").optional().openapi({
      description:
        "The photo (JPEG, PNG or WebP) as base64, or a data: URL. Optional: words alone (`text`) are triaged too.",
      format: "byte",
    }),
    text: Text.optional(),
    audio: z
      .string()
      .min(1, "audio is empty")
      .optional()
      .openapi({ format: "byte", description: `${audioDescription} In JSON: base64, or a data: URL.` }),
    lang: LangParam.optional(),
    labels: Labels.optional().openapi({ description: labelsDescription }),
    answers: Answers.optional(),
    exact: z.boolean().optional().openapi({ description: exactDescription }),
  })
  .openapi("AssessmentJson");

const Localised = z.object({ en: z.string(), zh: z.string() });
export const TriageLevel = z.enum(TRIAGE_LEVELS).openapi("TriageLevel", {
  description:
    "self_care: look after it at home; doctor: a routine appointment in the next few weeks; doctor_soon: " +
    "within 2 to 3 days; same_day: today; emergency: call the local emergency number now.",
});
const SYMPTOM_IDS = vocabulary.map((v) => v.id) as [SymptomIdOf, ...SymptomIdOf[]];
type SymptomIdOf = (typeof vocabulary)[number]["id"];
const SymptomId = z.enum(SYMPTOM_IDS).openapi("SymptomId");
const QUALITY_PROBLEMS = ["too_dark", "overexposed", "blurry", "too_small"] as const;
const STATUSES = ["ok", "uncertain", "poor_photo", "not_skin", "no_photo"] as const;
const RULES = [...RED_FLAG_RULES, ...FINDING_RULES] as const;
const KINDS = ["symptom", "site", "history", "risk"] as const;

const Probability = z.number().min(0).max(1);

const Finding = z
  .object({
    id: z.string().openapi({ description: "Catalogue id, or your own label." }),
    name: z
      .string()
      .openapi({ description: "Localised catalogue name; the label itself for a custom label." }),
    inCatalogue: z.boolean(),
    probability: Probability.openapi({
      description: "Image and words combined; sums to 1 over all findings.",
    }),
    imageProbability: Probability.openapi({ description: "What the image alone says." }),
    rank: z.number().int().min(1),
    imageRank: z.number().int().min(1),
    matchedSymptoms: z.array(SymptomId).readonly(),
    // Inline (not the TriageLevel component): zod-to-openapi renders a nullable $ref as allOf, refusing null.
    urgency: z
      .enum(TRIAGE_LEVELS)
      .nullable()
      .openapi({ description: "The catalogue's urgency; null for your own labels." }),
  })
  .openapi("Finding");

const Triage = z
  .object({
    level: TriageLevel,
    label: z.string(),
    action: z
      .string()
      .openapi({ description: "What to do, with the level's time frame: the first advice line." }),
    wordsLevel: TriageLevel.openapi({
      description: "The level the patient's words and answers alone ask for, whatever the photo.",
    }),
    reasons: z
      .array(
        z.object({
          rule: z.enum(RULES),
          level: TriageLevel,
          message: z.string(),
          triggers: z.array(z.string()).readonly(),
          source: z.string().nullable().openapi({
            description: "The guidance the rule follows; null for rules on the model's findings.",
          }),
        }),
      )
      .readonly(),
  })
  .openapi({
    description:
      "Always present: the words are triaged whatever the photo, also when status is poor_photo or not_skin.",
  });

const Question = z
  .object({
    id: z.enum(QUESTION_IDS),
    kind: z.enum(QUESTION_KINDS).openapi({
      description:
        "core: the intake checklist (who it is, an injury, fever, airway, pain, mouth/eye/genital sores), asked " +
        "while the words leave it open; follow_up: opened by an answer or the words; red_flag: relevant here " +
        "and a yes would raise the level.",
    }),
    text: z.string().openapi({ description: "The question, in the answer's language." }),
    raisesTo: TriageLevel.openapi({ description: "The level a yes would lead to." }),
  })
  .openapi("Question");

export const AssessmentBody = z
  .object({
    catalogueVersion: z.string(),
    lang: z.enum(LANGS),
    status: z.enum(STATUSES).openapi({
      description:
        "ok; uncertain (ranked, no single finding stated); poor_photo and not_skin rank nothing (see gates); " +
        "no_photo: words only (not returned by this endpoint, which needs a photo).",
    }),
    gates: z
      .object({
        quality: z.object({
          ok: z.boolean(),
          problems: z.array(z.object({ code: z.enum(QUALITY_PROBLEMS), tip: Localised })).readonly(),
          measurements: z.object({
            meanLuminance: z.number(),
            clippedFraction: z.number(),
            laplacianVariance: z.number(),
            shortEdge: z.number(),
          }),
        }),
        skin: z.object({
          passed: z.boolean(),
          skinProbability: Probability,
          bestOther: z.object({ label: z.string(), probability: Probability }).nullable(),
        }),
        certainty: z
          .object({ passed: z.boolean(), topProbability: Probability, margin: z.number() })
          .nullable(),
      })
      .nullable()
      .openapi({ description: "Null only without a photo (status no_photo)." }),
    findings: z.array(Finding).readonly(),
    symptoms: z.object({
      recognised: z
        .array(
          z.object({
            id: SymptomId,
            name: z.string(),
            kind: z.enum(KINDS),
            negated: z.boolean(),
            words: z.array(z.string()).readonly(),
          }),
        )
        .readonly(),
      durationDays: z.number().nullable(),
      ageYears: z.number().nullable(),
      temperatureC: z.number().nullable(),
    }),
    triage: Triage,
    questions: z
      .array(Question)
      .readonly()
      .openapi({
        description:
          "Questions not yet answered: the core intake checklist first, then follow-ups, then red-flag questions " +
          "whose yes would raise the level, most urgent first. Ask them (yes / no / not sure) and send the " +
          "answers back in `answers`; when skipped, show the patient the unchecked warning signs.",
      }),
    summary: z.string(),
    advice: z.array(z.string()).readonly(),
    disclaimer: z.string(),
  })
  .openapi("Assessment");

export const ModelInfoBody = z
  .object({
    id: z.string(),
    revision: z.string(),
    synthetic: z
      .boolean()
      .openapi({ description: "True for a synthetic test model: its answers mean nothing." }),
    variant: z.string(),
    head: z
      .object({
        combine: z.object({
          headShare: Probability.openapi({
            description:
              "The share of probability the head's classes get; the catalogue entries it does not know share " +
              "the rest by their zero-shot scores (1: the head's classes only).",
          }),
        }),
        classes: z.array(z.string()).openapi({ description: "The classes the head was trained on." }),
        photos: z.number().int().openapi({ description: "Photos it was trained and calibrated on." }),
        heldOutAccuracy: Probability.openapi({ description: "Top-1 accuracy on its held-out split." }),
      })
      .optional()
      .openapi({
        description:
          "Present when the package has a clinic's linear head (`dermedge adapt`): for the catalogue, its " +
          "calibrated probabilities replace the zero-shot scores. Gates, red flags and the words are unchanged.",
      }),
  })
  .openapi("ModelInfo");

/** What the image alone says about one label scored: the zero-shot score, before any gate or the words. */
export const Score = z
  .object({
    id: z.string().openapi({ description: "Catalogue id, or your own label's text." }),
    probability: Probability,
  })
  .openapi("Score");

const Transcript = z
  .object({
    text: z.string().openapi({ description: "What was heard in `audio`." }),
    language: z.enum(["en", "zh"]).openapi({
      description: "The language transcribed: `lang` when given, else detected between English and Chinese.",
    }),
    confidence: z
      .object({
        avgLogprob: z
          .number()
          .openapi({ description: "Mean log-probability of the transcript's tokens (0 is certain)." }),
        noSpeechProb: Probability.openapi({ description: "Probability that the note holds no speech." }),
        low: z.boolean().openapi({
          description:
            "True when avgLogprob < -1 or noSpeechProb > 0.6 (Whisper's own thresholds) or nothing was heard: " +
            "the transcript was read, but it was not allowed to lower the triage level.",
        }),
      })
      .openapi({ description: "How sure the speech model is." }),
  })
  .openapi("Transcript", { description: "Present when `audio` was sent." });

export const AssessmentResponse = z
  .object({
    requestId: z.string(),
    assessment: AssessmentBody,
    scores: z.array(Score).openapi({
      description:
        "The image-only scores (zero-shot, or the package's head: see `model.head`) of every label scored (the catalogue's, or your own `labels`), " +
        "summing to 1, in every answer whatever the gates decide: `assessment.findings` is empty for a " +
        "poor or not-skin photo, these are not.",
    }),
    // A union, not .nullable(): zod-to-openapi renders a nullable $ref as allOf, which refuses null.
    model: z.union([ModelInfoBody, z.null()]).openapi({
      description: "The model that scored the photo; null when only words were sent (status no_photo).",
    }),
    transcript: Transcript.optional(),
    timings: z
      .object({
        speechMs: z.number().optional().openapi({ description: "Transcribing `audio`; absent without it." }),
        decodeMs: z
          .number()
          .optional()
          .openapi({ description: "Decoding and resizing, one streamed pass; absent without a photo." }),
        encodeMs: z
          .number()
          .optional()
          .openapi({ description: "The image encoder; absent without a photo." }),
        textMs: z
          .number()
          .optional()
          .openapi({
            description:
              "Text embeddings (cached per isolate after the first); absent with your own labels, whose timing " +
              "would tell whether another client used them before.",
          }),
        totalMs: z.number(),
      })
      .openapi({ description: "Milliseconds; also in the Server-Timing header." }),
  })
  .openapi("AssessmentResponse");

// Compile-time checks that the contract matches the clinical module's types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const checks: [
  Same<z.infer<typeof AssessmentBody>, Assessment>,
  Same<z.infer<typeof ModelInfoBody>, ModelInfo>,
  Same<(typeof STATUSES)[number], AssessmentStatus>,
  Same<(typeof RULES)[number], TriageRule>,
  Same<(typeof QUALITY_PROBLEMS)[number], QualityProblemCode>,
] = [true, true, true, true, true];
void checks;
