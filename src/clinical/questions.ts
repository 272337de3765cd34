/**
 * The structured intake: questions whose "yes" adds a sign. Consumer symptom checkers do not trust free text
 * for red flags, and neither do we:
 *   core       a short checklist (who it is, an injury, fever or feeling very unwell, airway, pain or fast
 *              spread, mouth/eye/genital sores) asked whenever the words leave it open;
 *   follow_up  opened by a core answer or the words (a burn: how big, where, how deep; a bite: broke the skin?);
 *   red_flag   asked when what was described makes it relevant and a "yes" would raise the level.
 * Answers only raise: "yes" adds the sign; "no" and "not sure" (unknown) add nothing and never lower what the
 * words said; an answered question is not asked again, and skipping is allowed.
 */
import type { AnswerEffect, FactId, Facts } from "./facts";
import type { Lang, Localised, QuestionId, QuestionKind } from "./types";

export interface QuestionDef {
  readonly id: QuestionId;
  readonly kind: QuestionKind;
  readonly text: Localised;
  /** The question when the patient is a child ("your child", 孩子); `text` addresses an adult ("you", 您). */
  readonly child?: Localised;
  /** The checklist's wording of a core question, short enough for a button. */
  readonly short?: Localised;
  /** Short form quoted in the triggers when answered yes. */
  readonly label: Localised;
  /** The sign a "yes" adds. */
  readonly yes: FactId;
  /** Worth asking here (follow-ups: their parent holds; red flags: what was described makes it relevant). */
  relevant(f: Facts): boolean;
}

const any = (f: Facts, atoms: readonly string[]) => atoms.some((a) => f.holds(a));
const rashLike = (f: Facts) => f.holds("rash_or_finding");
const infection = (f: Facts) =>
  ["redness", "swelling", "warmth", "pain"].filter((a) => f.holds(a)).length >= 2 ||
  any(f, ["spreading", "boil", "pus", "red_streak", "eye_swelling", "finding:cellulitis", "finding:abscess"]);
const ageStated = (f: Facts) => f.ageYears !== null;
const always = () => true;

export const QUESTIONS: readonly QuestionDef[] = [
  // ---- core: who it is ---------------------------------------------------------------------------
  {
    id: "baby_under_3_months",
    kind: "core",
    short: { en: "A baby under 3 months", zh: "不满3个月的婴儿" },
    text: { en: "Is it a baby under 3 months old?", zh: "是否是不满3个月的婴儿？" },
    label: { en: "a baby under 3 months (answered yes)", zh: "不满3个月的婴儿（回答：是）" },
    yes: "under_3_months",
    relevant: (f) => !ageStated(f) && !f.holds("elderly") && !f.holds("pregnant"),
  },
  {
    id: "child",
    kind: "core",
    short: { en: "A child (under 16)", zh: "孩子（16岁以下）" },
    text: { en: "Is it a child (under 16)?", zh: "是否是孩子（16岁以下）？" },
    label: { en: "a child (answered yes)", zh: "孩子（回答：是）" },
    yes: "child",
    relevant: (f) => !ageStated(f) && !any(f, ["infant", "under_3_months", "elderly", "pregnant"]),
  },
  {
    id: "over_70",
    kind: "core",
    short: { en: "Aged 70 or over", zh: "70岁或以上" },
    text: { en: "Are you 70 or older?", zh: "您是否70岁或以上？" },
    label: { en: "aged 70 or over (answered yes)", zh: "70岁或以上（回答：是）" },
    yes: "elderly",
    relevant: (f) => !ageStated(f) && !any(f, ["child", "infant", "under_3_months", "pregnant"]),
  },
  {
    id: "pregnant",
    kind: "core",
    short: { en: "Pregnant", zh: "怀孕" },
    text: { en: "Are you pregnant?", zh: "您是否怀孕了？" },
    label: { en: "pregnant (answered yes)", zh: "怀孕（回答：是）" },
    yes: "pregnant",
    relevant: (f) =>
      !f.holds("child") &&
      !f.holds("age_70_plus") &&
      (f.ageYears === null || (f.ageYears >= 12 && f.ageYears <= 55)),
  },
  // ---- core: an injury ---------------------------------------------------------------------------
  {
    id: "burn",
    kind: "core",
    short: { en: "A burn or scald", zh: "烧伤或烫伤" },
    text: {
      en: "Did it come from a burn or scald (fire, a hot drink, hot water, steam, oil)?",
      zh: "是否由烧伤或烫伤引起（火、热饮、开水、蒸汽、热油）？",
    },
    label: { en: "a burn or scald (answered yes)", zh: "烧烫伤（回答：是）" },
    yes: "burn_injury",
    relevant: always,
  },
  {
    id: "chemical",
    kind: "core",
    short: { en: "A chemical on the skin", zh: "化学品接触皮肤" },
    text: {
      en: "Did a chemical get on the skin (acid, alkali, drain cleaner, bleach, cement)?",
      zh: "皮肤是否接触了化学品（强酸、强碱、管道疏通剂、漂白剂、水泥）？",
    },
    label: { en: "a chemical on the skin (answered yes)", zh: "化学品灼伤（回答：是）" },
    yes: "burn_chemical",
    relevant: always,
  },
  {
    id: "electric_shock",
    kind: "core",
    short: { en: "An electric shock", zh: "触电" },
    text: { en: "Was there an electric shock or lightning?", zh: "是否触过电或遭过雷击？" },
    label: { en: "an electric shock (answered yes)", zh: "触电（回答：是）" },
    yes: "burn_electrical",
    relevant: always,
  },
  {
    id: "bite",
    kind: "core",
    short: { en: "An animal or human bite", zh: "被动物或人咬伤" },
    text: {
      en: "Was there a bite or scratch by an animal (dog, cat, bat, monkey, snake) or a person?",
      zh: "是否被动物（狗、猫、蝙蝠、猴子、蛇）或人咬伤、抓伤？",
    },
    label: { en: "an animal or human bite (answered yes)", zh: "被动物或人咬伤（回答：是）" },
    yes: "animal_bite",
    relevant: always,
  },
  {
    id: "sting",
    kind: "core",
    short: { en: "An insect bite or sting", zh: "蚊虫叮咬或蜇伤" },
    text: {
      en: "Was there an insect bite or sting (mosquito, bee, wasp, spider, jellyfish)?",
      zh: "是否被蚊虫叮咬或蜇伤（蚊子、蜜蜂、马蜂、蜘蛛、水母）？",
    },
    label: { en: "an insect bite or sting (answered yes)", zh: "蚊虫叮咬或蜇伤（回答：是）" },
    yes: "bite",
    relevant: always,
  },
  // ---- core: how ill ---------------------------------------------------------------------------
  {
    id: "fever",
    kind: "core",
    short: { en: "Fever or shivering", zh: "发烧或寒战" },
    text: {
      en: "Is there a fever (a temperature of 38 °C / 100.4 °F or more), or shivering?",
      zh: "是否发烧（体温38°C或以上）或寒战？",
    },
    label: { en: "fever (answered yes)", zh: "发烧（回答：是）" },
    yes: "fever",
    relevant: always,
  },
  {
    id: "unwell",
    kind: "core",
    short: { en: "Feeling very unwell", zh: "精神很差" },
    text: { en: "Do you feel very unwell?", zh: "您是否感觉很不舒服、精神很差？" },
    child: {
      en: "Is your child unusually quiet, floppy, not feeding or not drinking?",
      zh: "孩子是否异常安静、没精神、不吃奶或不喝水？",
    },
    label: { en: "feeling very unwell (answered yes)", zh: "精神很差（回答：是）" },
    yes: "unwell",
    relevant: always,
  },
  {
    id: "airway",
    kind: "core",
    short: { en: "Swollen tongue or throat, or trouble breathing", zh: "舌头或喉咙肿、呼吸困难" },
    text: {
      en: "Is the tongue or throat swollen, the throat tight or the voice hoarse, or is there trouble breathing or swallowing?",
      zh: "是否有舌头或喉咙肿胀、喉咙发紧、声音嘶哑，或者呼吸、吞咽困难？",
    },
    label: {
      en: "swelling of the tongue or throat, or trouble breathing (answered yes)",
      zh: "舌头或喉咙肿胀、呼吸困难（回答：是）",
    },
    // Always an emergency, whatever the words said before: the airway is asked on its own, apart from the lips.
    yes: "breathing_difficulty",
    relevant: always,
  },
  {
    id: "lips",
    kind: "core",
    short: { en: "Swollen lips or mouth", zh: "嘴唇或口腔肿" },
    text: { en: "Are the lips or mouth swollen?", zh: "嘴唇或口腔是否肿胀？" },
    label: { en: "swollen lips or mouth (answered yes)", zh: "嘴唇或口腔肿胀（回答：是）" },
    yes: "lip_swelling",
    relevant: always,
  },
  {
    id: "pain_out_of_proportion",
    kind: "core",
    short: { en: "Pain far worse than it looks, or fast spread", zh: "疼得远比看起来重，或扩散很快" },
    text: {
      en: "Is the pain much worse than the skin looks, or is it spreading within hours?",
      zh: "疼痛是否远比皮肤看起来严重，或者在几个小时内迅速扩散？",
    },
    label: { en: "pain far worse than it looks (answered yes)", zh: "疼痛远比外观严重（回答：是）" },
    yes: "pain_out_of_proportion",
    relevant: always,
  },
  {
    id: "mouth_eyes_genitals",
    kind: "core",
    short: {
      en: "Sores in the mouth, eyes or genitals, or peeling skin",
      zh: "口腔、眼睛或生殖器溃烂，或皮肤脱落",
    },
    text: {
      en: "Are there sores, blisters or raw areas in the mouth, on the lips, in the eyes or on the genitals, or is skin peeling off?",
      zh: "口腔、嘴唇、眼睛或生殖器是否有溃烂、水疱或破损，或者皮肤是否成片脱落？",
    },
    label: {
      en: "sores in the mouth, eyes or genitals (answered yes)",
      zh: "口腔、眼睛或生殖器溃烂（回答：是）",
    },
    yes: "mucosal",
    relevant: always,
  },
  // ---- follow-ups --------------------------------------------------------------------------------
  {
    id: "burn_large",
    kind: "follow_up",
    text: {
      en: "Is the burn bigger than the palm of the person's hand?",
      zh: "烧烫伤面积是否比患者自己的手掌大？",
    },
    label: { en: "a burn bigger than the palm (answered yes)", zh: "比手掌大的烧烫伤（回答：是）" },
    yes: "burn_large",
    relevant: (f) => f.holds("group:burned") && !f.holds("sunburn_only"),
  },
  {
    id: "burn_site",
    kind: "follow_up",
    text: {
      en: "Is the burn on the face, hands, feet, genitals or over a joint?",
      zh: "烧烫伤是否在面部、手、脚、生殖器或关节上？",
    },
    label: {
      en: "a burn on the face, hands, feet, genitals or a joint (answered yes)",
      zh: "面部、手、脚、生殖器或关节的烧烫伤（回答：是）",
    },
    yes: "sensitive_site",
    relevant: (f) => f.holds("group:burned") && !f.holds("sunburn_only"),
  },
  {
    id: "burn_deep",
    kind: "follow_up",
    text: {
      en: "Does the burn look white, waxy, leathery or charred, or does it not hurt at all?",
      zh: "烧烫伤处是否发白、呈蜡样、皮革样或焦黑，或者完全不痛？",
    },
    label: { en: "a deep burn (answered yes)", zh: "深度烧烫伤（回答：是）" },
    yes: "burn_deep",
    relevant: (f) => f.holds("group:burned") && !f.holds("sunburn_only"),
  },
  {
    id: "bite_broke_skin",
    kind: "follow_up",
    text: { en: "Did the bite or scratch break the skin or draw blood?", zh: "咬伤或抓伤是否破皮或出血？" },
    label: { en: "a bite that broke the skin (answered yes)", zh: "咬伤破皮（回答：是）" },
    yes: "broke_skin",
    relevant: (f) => f.holds("animal_bite"),
  },
  // ---- red flags, asked when relevant ------------------------------------------------------------
  {
    id: "glass_test",
    kind: "red_flag",
    text: {
      en: "Press a clear glass firmly on the spots: do they stay visible through the glass (do not fade)?",
      zh: "用透明玻璃杯用力压在皮疹上：隔着杯子看，皮疹是否仍然清楚可见（不褪色）？",
    },
    label: { en: "spots that do not fade under a glass (answered yes)", zh: "玻璃杯按压不褪色（回答：是）" },
    yes: "non_blanching",
    relevant: (f) =>
      (rashLike(f) && any(f, ["fever", "unwell", "drowsy", "child"])) ||
      any(f, ["bruising", "purpura", "finding:purpura", "finding:measles", "finding:scarlet_fever"]),
  },
  {
    id: "drowsy",
    kind: "red_flag",
    text: {
      en: "Are you unusually drowsy or confused, or hard to wake?",
      zh: "您是否异常嗜睡、意识不清或很难叫醒？",
    },
    child: {
      en: "Is your child unusually drowsy, floppy or hard to wake?",
      zh: "孩子是否异常嗜睡、全身瘫软或很难叫醒？",
    },
    label: { en: "drowsy or hard to wake (answered yes)", zh: "嗜睡或叫不醒（回答：是）" },
    yes: "drowsy",
    relevant: (f) =>
      any(f, ["fever", "unwell", "non_blanching", "purpura", "group:hfmd"]) ||
      (f.holds("child") && rashLike(f)),
  },
  {
    id: "spreading_fast",
    kind: "red_flag",
    text: {
      en: "Is the redness or swelling spreading quickly, over hours?",
      zh: "红肿是否在几个小时内迅速扩散？",
    },
    label: { en: "spreading fast (answered yes)", zh: "迅速扩散（回答：是）" },
    yes: "rapid_spread",
    relevant: (f) => infection(f) || any(f, ["animal_bite", "bite", "black_tissue"]),
  },
  {
    id: "skin_peeling",
    kind: "red_flag",
    text: {
      en: "Is skin peeling or coming off in sheets, or are there large blisters over wide areas?",
      zh: "皮肤是否成片脱落，或者大片起大疱？",
    },
    label: { en: "skin coming off in sheets (answered yes)", zh: "皮肤成片脱落（回答：是）" },
    yes: "skin_peeling",
    relevant: (f) => any(f, ["new_medicine", "blisters", "widespread"]) && rashLike(f),
  },
  {
    id: "new_medicine",
    kind: "red_flag",
    text: {
      en: "Was a new medicine started in the last 8 weeks (including antibiotics or painkillers)?",
      zh: "最近8周内是否开始服用新药（包括抗生素或止痛药）？",
    },
    label: { en: "a new medicine (answered yes)", zh: "新用药（回答：是）" },
    yes: "new_medicine",
    relevant: (f) =>
      (any(f, ["blisters", "skin_peeling", "mucosal"]) && any(f, ["widespread", "fever", "mucosal"])) ||
      (f.holds("widespread") && rashLike(f)) ||
      any(f, ["finding:drug_eruption", "finding:sjs_ten", "finding:urticaria"]),
  },
  {
    id: "one_leg_swollen",
    kind: "red_flag",
    text: {
      en: "Is one leg (calf or thigh) swollen, warm and painful, more than the other?",
      zh: "是否一条腿（小腿或大腿）比另一条肿、发烫、疼痛？",
    },
    label: { en: "one swollen, painful leg (answered yes)", zh: "单侧腿肿痛（回答：是）" },
    yes: "one_leg_swelling",
    relevant: (f) => f.holds("leg") && any(f, ["swelling", "pain", "redness", "warmth"]),
  },
  {
    id: "near_eye",
    kind: "red_flag",
    text: {
      en: "Is the rash near the eye, on the forehead, or on the tip or side of the nose, or is vision affected?",
      zh: "皮疹是否在眼睛附近、额头、鼻尖或鼻翼，或者视力是否受影响？",
    },
    label: { en: "near the eye or on the nose (answered yes)", zh: "在眼周或鼻部（回答：是）" },
    yes: "near_eye",
    relevant: (f) =>
      f.holds("group:shingles") || f.holds("shingles_band") || (f.holds("cold_sore") && f.holds("blisters")),
  },
  {
    id: "immunosuppressed",
    kind: "red_flag",
    text: {
      en: "Is your immune system weak (for example chemotherapy, a transplant, or medicines that suppress immunity)?",
      zh: "您的免疫力是否低下（例如正在化疗、做过器官移植，或在用抑制免疫的药物）？",
    },
    child: {
      en: "Is your child's immune system weak (for example chemotherapy or medicines that suppress immunity)?",
      zh: "孩子的免疫力是否低下（例如正在化疗，或在用抑制免疫的药物）？",
    },
    label: { en: "a weak immune system (answered yes)", zh: "免疫力低下（回答：是）" },
    yes: "immunosuppressed",
    relevant: (f) =>
      f.holds("group:shingles") ||
      (f.holds("fever") && rashLike(f)) ||
      (f.holds("blisters") && f.holds("widespread")) ||
      infection(f),
  },
  {
    id: "diabetes",
    kind: "red_flag",
    text: { en: "Do you have diabetes?", zh: "您有糖尿病吗？" },
    child: { en: "Does your child have diabetes?", zh: "孩子有糖尿病吗？" },
    label: { en: "diabetes (answered yes)", zh: "糖尿病（回答：是）" },
    yes: "diabetes",
    relevant: (f) =>
      (f.holds("foot") &&
        any(f, ["sore", "non_healing", "blisters", "redness", "swelling", "pus", "smell", "black_tissue"])) ||
      f.holds("finding:diabetic_foot_ulcer"),
  },
  {
    id: "tick_bite",
    kind: "red_flag",
    text: { en: "Was there a tick bite in the last month?", zh: "最近一个月内是否被蜱虫（草爬子）叮咬过？" },
    label: { en: "a tick bite (answered yes)", zh: "蜱虫叮咬（回答：是）" },
    yes: "tick_bite",
    relevant: (f) => any(f, ["ring_shape", "bullseye", "finding:erythema_migrans"]),
  },
  {
    id: "mole_changing",
    kind: "red_flag",
    text: {
      en: "Has the spot changed in size, shape or colour, or has it bled?",
      zh: "这个斑点的大小、形状或颜色是否有变化，或者出过血？",
    },
    label: { en: "a changing or bleeding spot (answered yes)", zh: "斑点有变化或出血（回答：是）" },
    yes: "changing",
    relevant: (f) =>
      any(f, ["mole", "new_lesion", "finding:naevus", "finding:melanoma", "finding:seborrhoeic_keratosis"]),
  },
  {
    id: "four_weeks",
    kind: "red_flag",
    text: {
      en: "Has the sore, ulcer or lump been there for 4 weeks or more without healing?",
      zh: "这个溃疡、伤口或肿块是否已经4周或更久仍未愈合？",
    },
    label: { en: "not healed in 4 weeks (answered yes)", zh: "4周以上未愈合（回答：是）" },
    yes: "lasting_4_weeks",
    relevant: (f) => any(f, ["non_healing", "sore", "chronic_wound", "lump"]) && f.durationDays === null,
  },
];

/** The checklist's short wording of a question (its full text when it has none). */
export function shortText(id: string, lang: Lang): string | undefined {
  const q = QUESTIONS.find((x) => x.id === id);
  return q ? (q.short ?? q.text)[lang] : undefined;
}

export function answerEffects(lang: Lang): Record<string, AnswerEffect> {
  return Object.fromEntries(QUESTIONS.map((q) => [q.id, { yes: q.yes, label: q.label[lang] }]));
}
