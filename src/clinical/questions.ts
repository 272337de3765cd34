/**
 * Red-flag questions: yes/no questions whose answer can change the triage. An assessment lists the ones the
 * patient has not answered (in `answers` or in the words) whose "yes" would raise its level, most urgent first;
 * a client asks them (checkboxes, buttons) and sends the answers back. A "yes" adds the sign and can only raise
 * the level; a "no" beats the words; "unknown" changes nothing and the question is not asked again.
 */
import type { AnswerEffect, FactId, Facts } from "./facts";
import type { Lang, Localised, QuestionId } from "./types";

export interface QuestionDef {
  readonly id: QuestionId;
  readonly text: Localised;
  /** Short form quoted in the triggers when answered yes. */
  readonly label: Localised;
  readonly yes: FactId;
  readonly no: readonly FactId[];
  /** Worth asking here: the question fits what the patient described or what the photo may show. */
  relevant(f: Facts): boolean;
}

const RASH: readonly FactId[] = [
  "rash",
  "blisters",
  "purpura",
  "wheals",
  "redness",
  "skin_peeling",
  "pimples",
];
const rashLike = (f: Facts) => f.has(...RASH) || [...f.findings].some((id) => id !== "normal_skin");
const anyFinding = (f: Facts, ids: readonly string[]) => ids.some((id) => f.findings.has(id));
const infection = (f: Facts) =>
  f.count("redness", "swelling", "warmth", "pain") >= 2 ||
  f.has("spreading", "boil", "pus", "red_streak", "eye_swelling") ||
  anyFinding(f, ["cellulitis", "abscess", "impetigo"]);
const shingles = (f: Facts) =>
  f.has("shingles_word") || anyFinding(f, ["herpes_zoster"]) || (f.has("blisters") && f.has("one_side_band"));

export const QUESTIONS: readonly QuestionDef[] = [
  {
    id: "airway",
    text: {
      en: "Is there any swelling of the lips, tongue or mouth, a tight throat or hoarse voice, or trouble breathing or swallowing?",
      zh: "是否有嘴唇、舌头或口腔肿胀，喉咙发紧、声音嘶哑，或者呼吸、吞咽困难？",
    },
    label: {
      en: "swelling of the lips or throat, or trouble breathing (answered yes)",
      zh: "口唇或喉咙肿胀、呼吸困难（回答：是）",
    },
    yes: "breathing_difficulty",
    no: [
      "breathing_difficulty",
      "airway_swelling",
      "throat_tightness",
      "hoarse_voice",
      "swallowing_difficulty",
    ],
    relevant: (f) =>
      f.has("wheals", "face_swelling", "eye_swelling", "new_food", "new_medicine", "bite", "swelling") ||
      (f.has("itch") && f.has("widespread")) ||
      anyFinding(f, ["urticaria", "angioedema", "insect_bites", "drug_eruption", "contact_dermatitis"]),
  },
  {
    id: "glass_test",
    text: {
      en: "Press a clear glass firmly on the spots: do they stay visible through the glass (do not fade)?",
      zh: "用透明玻璃杯用力压在皮疹上：隔着杯子看，皮疹是否仍然清楚可见（不褪色）？",
    },
    label: { en: "spots that do not fade under a glass (answered yes)", zh: "玻璃杯按压不褪色（回答：是）" },
    yes: "non_blanching",
    no: ["non_blanching", "purpura"],
    relevant: (f) =>
      (rashLike(f) && (f.has("fever", "unwell", "drowsy") || f.child)) ||
      f.has("bruising", "purpura") ||
      anyFinding(f, ["purpura", "measles", "scarlet_fever"]),
  },
  {
    id: "drowsy",
    text: {
      en: "Is the person unusually drowsy, confused, floppy or hard to wake?",
      zh: "患者是否异常嗜睡、意识不清、全身瘫软或很难叫醒？",
    },
    label: { en: "drowsy or hard to wake (answered yes)", zh: "嗜睡或叫不醒（回答：是）" },
    yes: "drowsy",
    no: ["drowsy"],
    relevant: (f) => f.has("fever", "unwell", "non_blanching", "purpura") || (f.child && rashLike(f)),
  },
  {
    id: "fever",
    text: {
      en: "Is there a fever (a temperature of 38 °C / 100.4 °F or more), or shivering?",
      zh: "是否发烧（体温38°C或以上）或寒战？",
    },
    label: { en: "fever (answered yes)", zh: "发烧（回答：是）" },
    yes: "fever",
    no: ["fever"],
    relevant: (f) =>
      infection(f) ||
      f.has(
        "purpura",
        "non_blanching",
        "skin_peeling",
        "mucosal",
        "immunosuppressed",
        "pregnant",
        "black_tissue",
      ) ||
      (f.child && rashLike(f)) ||
      (f.has("new_medicine") && rashLike(f)) ||
      (f.has("diabetes") && f.has("foot")) ||
      anyFinding(f, [
        "chickenpox",
        "measles",
        "scarlet_fever",
        "kawasaki",
        "eczema_herpeticum",
        "hand_foot_mouth",
      ]),
  },
  {
    id: "mouth_eyes_genitals",
    text: {
      en: "Are there sores, blisters or raw areas in the mouth, on the lips, in the eyes or on the genitals, or is skin peeling off?",
      zh: "口腔、嘴唇、眼睛或生殖器是否有溃烂、水疱或破损，或者皮肤是否成片脱落？",
    },
    label: {
      en: "sores in the mouth, eyes or genitals (answered yes)",
      zh: "口腔、眼睛或生殖器溃烂（回答：是）",
    },
    yes: "mucosal",
    no: ["mucosal", "skin_peeling"],
    relevant: (f) =>
      (f.has("new_medicine") && rashLike(f)) ||
      (f.has("blisters") && f.has("widespread", "fever")) ||
      f.has("skin_peeling") ||
      anyFinding(f, ["sjs_ten", "drug_eruption"]),
  },
  {
    id: "new_medicine",
    text: {
      en: "Was a new medicine started in the last 8 weeks (including antibiotics or painkillers)?",
      zh: "最近8周内是否开始服用新药（包括抗生素或止痛药）？",
    },
    label: { en: "a new medicine (answered yes)", zh: "新用药（回答：是）" },
    yes: "new_medicine",
    no: ["new_medicine"],
    relevant: (f) =>
      (f.has("blisters", "skin_peeling", "mucosal") && f.has("widespread", "fever", "mucosal")) ||
      (f.has("widespread") && rashLike(f)) ||
      anyFinding(f, ["drug_eruption", "sjs_ten", "urticaria"]),
  },
  {
    id: "baby_under_3_months",
    text: { en: "Is the baby under 3 months old?", zh: "宝宝是否不满3个月？" },
    label: { en: "a baby under 3 months (answered yes)", zh: "不满3个月的婴儿（回答：是）" },
    yes: "under_3_months",
    no: ["under_3_months"],
    relevant: (f) => f.has("infant") && f.ageYears === null,
  },
  {
    id: "pain_out_of_proportion",
    text: {
      en: "Is the pain much worse than the skin looks, or is it spreading within hours?",
      zh: "疼痛是否远比皮肤看起来严重，或者在几个小时内迅速扩散？",
    },
    label: { en: "pain far worse than it looks (answered yes)", zh: "疼痛远比外观严重（回答：是）" },
    yes: "pain_out_of_proportion",
    no: ["pain_out_of_proportion", "rapid_spread"],
    relevant: (f) =>
      (f.has("pain", "severe_pain", "swelling") &&
        f.has("redness", "swelling", "spreading", "sore", "black_tissue", "warmth")) ||
      anyFinding(f, ["cellulitis", "necrotising_fasciitis", "abscess"]),
  },
  {
    id: "near_eye",
    text: {
      en: "Is the rash near the eye, on the forehead, or on the tip or side of the nose, or is your vision affected?",
      zh: "皮疹是否在眼睛附近、额头、鼻尖或鼻翼，或者视力是否受影响？",
    },
    label: { en: "near the eye or on the nose (answered yes)", zh: "在眼周或鼻部（回答：是）" },
    yes: "near_eye",
    no: ["near_eye", "nose_tip", "forehead"],
    relevant: (f) => shingles(f) || (f.has("cold_sore") && f.has("blisters")),
  },
  {
    id: "immunosuppressed",
    text: {
      en: "Do you have a weak immune system (for example chemotherapy, a transplant, or medicines that suppress immunity)?",
      zh: "您的免疫力是否低下（例如正在化疗、做过器官移植，或在用抑制免疫的药物）？",
    },
    label: { en: "a weak immune system (answered yes)", zh: "免疫力低下（回答：是）" },
    yes: "immunosuppressed",
    no: ["immunosuppressed"],
    relevant: (f) =>
      shingles(f) ||
      (f.has("fever") && rashLike(f)) ||
      (f.has("blisters") && f.has("widespread")) ||
      infection(f),
  },
  {
    id: "pregnant",
    text: { en: "Are you pregnant?", zh: "您是否怀孕了？" },
    label: { en: "pregnant (answered yes)", zh: "怀孕（回答：是）" },
    yes: "pregnant",
    no: ["pregnant"],
    relevant: (f) =>
      !f.child &&
      (f.ageYears === null || (f.ageYears >= 12 && f.ageYears <= 55)) &&
      (f.has("chickenpox_word", "shingles_word") ||
        anyFinding(f, ["chickenpox", "herpes_zoster"]) ||
        (f.has("fever") && rashLike(f))),
  },
  {
    id: "diabetes",
    text: { en: "Do you have diabetes?", zh: "您有糖尿病吗？" },
    label: { en: "diabetes (answered yes)", zh: "糖尿病（回答：是）" },
    yes: "diabetes",
    no: ["diabetes"],
    relevant: (f) =>
      (f.has("foot") &&
        f.has("sore", "non_healing", "blisters", "redness", "swelling", "pus", "smell", "black_tissue")) ||
      anyFinding(f, ["diabetic_foot_ulcer"]),
  },
  {
    id: "tick_bite",
    text: {
      en: "Were you bitten by a tick in the last month?",
      zh: "最近一个月内是否被蜱虫（草爬子）叮咬过？",
    },
    label: { en: "a tick bite (answered yes)", zh: "蜱虫叮咬（回答：是）" },
    yes: "tick_bite",
    no: ["tick_bite"],
    relevant: (f) => f.has("ring_shape", "bullseye") || anyFinding(f, ["erythema_migrans"]),
  },
  {
    id: "mole_changing",
    text: {
      en: "Has the spot changed in size, shape or colour, or has it bled?",
      zh: "这个斑点的大小、形状或颜色是否有变化，或者出过血？",
    },
    label: { en: "a changing or bleeding spot (answered yes)", zh: "斑点有变化或出血（回答：是）" },
    yes: "changing",
    no: ["changing", "size_change", "colour_change", "shape_change", "rapid_growth", "bleeding"],
    relevant: (f) =>
      f.has("mole", "new_lesion") || anyFinding(f, ["naevus", "melanoma", "seborrhoeic_keratosis"]),
  },
  {
    id: "four_weeks",
    text: {
      en: "Has the sore been there for 4 weeks or more without healing?",
      zh: "这个溃疡或伤口是否已经4周或更久仍未愈合？",
    },
    label: { en: "not healed in 4 weeks (answered yes)", zh: "4周以上未愈合（回答：是）" },
    yes: "lasting_4_weeks",
    no: ["lasting_4_weeks"],
    relevant: (f) => f.has("non_healing", "sore") && f.durationDays === null,
  },
];

export function answerEffects(lang: Lang): Record<string, AnswerEffect> {
  return Object.fromEntries(QUESTIONS.map((q) => [q.id, { yes: q.yes, no: q.no, label: q.label[lang] }]));
}
