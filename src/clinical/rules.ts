/**
 * The clinical rules as reviewable data: red flags that raise the level, and benign patterns that alone allow
 * self-care. A clinician reviews this file; docs/clinical-rules.md and docs/clinical-coverage.md are generated
 * from it (`npm run docs:clinical`), and a test fails when they are stale. rule-engine.ts evaluates it, and
 * schema.ts checks it (every atom known, every source cited, levels valid).
 *
 * A rule holds clauses; a clause holds when every item of `all` holds (an item that is a list holds when any of
 * its atoms does), at least `atLeast.n` of `atLeast.of` hold, and none of `none` holds. A rule fires at the most
 * urgent level among its clauses that hold. Rules only raise the level; the most urgent rule wins.
 *
 * Atoms (see facts.ts): a concept of the patient's words or answers (vocabulary.ts: `fever`, `blisters`, ...),
 * `group:<name>` (any concept of a group below), `finding:<catalogue id>` (among the photo's top findings),
 * `denied:<concept>` (the patient said it is absent: "no trouble breathing"), or a derived atom (DERIVED_ATOMS
 * in facts.ts: `child`, `newborn`, `age_70_plus`, `temp_39`, ...).
 */

import type { Localised, TriageLevel } from "./base";
import type { SourceKey } from "./sources";

export type Condition = string | readonly string[];

export interface Clause {
  readonly level: TriageLevel;
  readonly all: readonly Condition[];
  readonly atLeast?: { readonly n: number; readonly of: readonly string[] };
  readonly none?: readonly string[];
  /** What the clause means, in plain English, for docs/clinical-rules.md. */
  readonly when: string;
}

export interface RuleData {
  readonly id: string;
  readonly sources: readonly SourceKey[];
  /** Why it matters, shown to the patient when the rule fires (no time frame: the action line gives it). */
  readonly message: Localised;
  readonly clauses: readonly Clause[];
}

export interface BenignPattern {
  readonly id: string;
  readonly sources: readonly SourceKey[];
  /** The pattern's name, as the answer says it ("a few insect bites"). */
  readonly name: Localised;
  readonly all: readonly Condition[];
  /** Anything here makes it more than the benign pattern. */
  readonly none: readonly string[];
  /** Alarm signs (GROUPS.alarm) that belong to the pattern itself: a cold sore is a sore on the lip. */
  readonly allow?: readonly string[];
}

/** Named groups of concepts, used as `group:<name>`. */
export const GROUPS = {
  rash: [
    "rash",
    "blisters",
    "purpura",
    "non_blanching",
    "wheals",
    "redness",
    "pimples",
    "skin_peeling",
    "scaling",
  ],
  airway: [
    "airway_swelling",
    "throat_tightness",
    "hoarse_voice",
    "swallowing_difficulty",
    "breathing_difficulty",
  ],
  allergy_context: [
    "wheals",
    "itch",
    "new_food",
    "new_medicine",
    "bite",
    "finding:urticaria",
    "finding:angioedema",
  ],
  infection_signs: ["redness", "swelling", "warmth", "pain", "severe_pain"],
  mole_change: [
    "bleeding",
    "rapid_growth",
    "size_change",
    "colour_change",
    "shape_change",
    "changing",
    "large_lesion",
  ],
  mole_like: [
    "mole",
    "finding:naevus",
    "finding:melanoma",
    "finding:seborrhoeic_keratosis",
    "finding:dermatofibroma",
  ],
  sores: ["blisters", "sore", "crusting", "pus", "punched_out"],
  eczema: ["eczema_word", "finding:eczema", "finding:eczema_herpeticum"],
  burned: ["burn_injury", "finding:burn"],
  hfmd: ["hfmd_word", "finding:hand_foot_mouth"],
  shingles: ["shingles_word", "finding:herpes_zoster", "shingles_band"],
  diabetic_foot_site: ["foot", "finding:diabetic_foot_ulcer"],
  wound: ["sore", "non_healing", "chronic_wound"],
  /** Signs that make any benign pattern more than benign. */
  alarm: [
    "unwell",
    "drowsy",
    "faint",
    "mottled",
    "rapid_spread",
    "red_streak",
    "severe_pain",
    "pain_out_of_proportion",
    "black_tissue",
    "non_blanching",
    "purpura",
    "mucosal",
    "skin_peeling",
    "airway_swelling",
    "lip_swelling",
    "face_swelling",
    "throat_tightness",
    "hoarse_voice",
    "swallowing_difficulty",
    "breathing_difficulty",
    "immunosuppressed",
    "under_3_months",
    "newborn",
    "lasting_4_weeks",
  ],
} as const satisfies Readonly<Record<string, readonly string[]>>;

const FEVERISH = ["fever", "unwell", "drowsy", "meningism", "mottled", "faint"];

export const RULES = [
  {
    id: "anaphylaxis",
    sources: ["NICE CKS Angio-oedema and anaphylaxis", "NHS Anaphylaxis"],
    message: {
      en: "Swelling of the tongue or throat, a tight throat, a changed voice, or trouble breathing or swallowing can be a severe allergic reaction (anaphylaxis or angio-oedema) that can block the airway.",
      zh: "舌头或喉咙肿胀、喉咙发紧、声音改变，或者呼吸、吞咽困难，可能是严重过敏反应（过敏性休克或血管性水肿），可能堵塞气道。",
    },
    clauses: [
      {
        level: "emergency",
        all: [
          [
            "airway_swelling",
            "throat_tightness",
            "hoarse_voice",
            "swallowing_difficulty",
            "breathing_difficulty",
          ],
        ],
        when: "swelling of the tongue or throat; a tight or closing throat; a hoarse or changed voice; trouble swallowing or breathing, wheeze",
      },
      {
        level: "emergency",
        all: ["lip_swelling"],
        none: ["improving", "denied:breathing_difficulty"],
        when: "swelling of the lips or mouth, unless it is going down or breathing is said to be normal",
      },
      {
        level: "emergency",
        all: ["face_swelling", ["group:allergy_context", "faint"]],
        none: ["improving", "denied:breathing_difficulty"],
        when: "swelling of the face with hives, itch, a food, a medicine, a sting or faintness, unless it is going down or breathing is said to be normal",
      },
      {
        level: "emergency",
        all: [
          ["faint", "mottled"],
          ["wheals", "new_food", "bite"],
          ["swelling", "group:allergy_context"],
        ],
        when: "faintness or mottled skin with hives, a food or a sting",
      },
      {
        level: "same_day",
        all: ["eye_swelling", ["group:allergy_context", "new_product"]],
        none: ["improving"],
        when: "swollen eyelids after a food, a medicine, a sting or a product such as hair dye",
      },
      {
        level: "same_day",
        all: [["lip_swelling", "face_swelling"]],
        when: "swelling of the lips or face otherwise (also when it is going down after an antihistamine)",
      },
    ],
  },
  {
    id: "non_blanching_rash",
    sources: ["NICE NG143", "NICE CKS Meningitis", "NHS Meningitis"],
    message: {
      en: "Spots that do not fade when a glass is pressed on them can be bleeding under the skin; with a fever or feeling very unwell they can be a sign of meningitis or sepsis.",
      zh: "用玻璃杯按压不褪色的皮疹可能是皮下出血；如果同时发烧或精神很差，可能是脑膜炎或败血症的信号。",
    },
    clauses: [
      {
        level: "emergency",
        all: [["non_blanching", "purpura", "finding:purpura"], FEVERISH],
        when: "spots that do not fade under a glass, petechiae or purpura, with fever, unwell, drowsy, stiff neck, mottled skin or faint",
      },
      {
        level: "same_day",
        all: [["non_blanching", "purpura", "finding:purpura"]],
        when: "the same spots without those",
      },
    ],
  },
  {
    id: "severe_skin_reaction",
    sources: ["NHS Stevens-Johnson syndrome", "AAD Stevens-Johnson syndrome/toxic epidermal necrolysis"],
    message: {
      en: "Blistering or peeling skin, or sores in the mouth, eyes or genitals, especially after a new medicine, can be a severe skin reaction (Stevens-Johnson syndrome or toxic epidermal necrolysis).",
      zh: "皮肤起疱或成片脱落，或者口腔、眼睛、生殖器溃烂，尤其是用了新药之后，可能是严重的药物皮肤反应（史蒂文斯-约翰逊综合征或中毒性表皮坏死松解症）。",
    },
    clauses: [
      {
        level: "emergency",
        all: [
          "skin_peeling",
          ["fever", "unwell", "widespread", "mucosal", "new_medicine", "pain", "severe_pain"],
        ],
        when: 'skin peeling off in sheets or "like a burn" with fever, pain, mouth/eye/genital sores, a new medicine or a widespread rash',
      },
      {
        level: "emergency",
        all: [
          "mucosal",
          ["blisters", "skin_peeling"],
          ["new_medicine", "high_risk_drug", "fever", "unwell", "widespread"],
        ],
        when: "mouth/eye/genital sores with blisters or peeling and a new medicine or fever",
      },
      {
        level: "emergency",
        all: [["new_medicine", "high_risk_drug"], "blisters", ["mucosal", "fever", "unwell", "widespread"]],
        when: "a new medicine with blisters and sores, fever or a widespread rash",
      },
      {
        level: "emergency",
        all: [
          ["new_medicine", "high_risk_drug"],
          "mucosal",
          "rash_or_finding",
          ["fever", "unwell", "widespread"],
        ],
        when: "a new medicine with sores, a rash and fever (SJS/TEN)",
      },
      {
        level: "emergency",
        all: ["finding:sjs_ten", ["new_medicine", "mucosal", "blisters"]],
        when: "a photo that may show SJS/TEN with a new medicine, sores or blisters",
      },
      { level: "same_day", all: ["skin_peeling"], when: "peeling in sheets alone" },
      {
        level: "same_day",
        all: ["mucosal", "new_medicine"],
        when: "mouth/eye/genital sores after a new medicine",
      },
    ],
  },
  {
    id: "drug_reaction",
    sources: ["NICE CG183 Drug allergy", "DermNet DRESS"],
    message: {
      en: "A rash after starting a new medicine can be a reaction to it; with a fever, swelling or swollen glands it can be a serious drug reaction (DRESS). Do not stop a prescribed medicine on your own: tell the doctor who prescribed it.",
      zh: "开始用新药后出现皮疹，可能是药物反应；如果伴有发烧、肿胀或淋巴结肿大，可能是严重的药物反应（DRESS）。请不要自行停用处方药，请告诉开药的医生。",
    },
    clauses: [
      {
        level: "same_day",
        all: [
          "new_medicine",
          "rash_or_finding",
          ["fever", "face_swelling", "neck_lump", "unwell", "blisters", "finding:drug_eruption"],
        ],
        when: "a rash after a new medicine with fever, face swelling, swollen glands, blisters or feeling unwell (DRESS)",
      },
      {
        level: "same_day",
        all: ["high_risk_drug", "rash_or_finding"],
        when: "a rash on lamotrigine, carbamazepine, phenytoin, allopurinol, co-trimoxazole or nevirapine (the commonest causes of SJS/TEN)",
      },
      { level: "doctor_soon", all: ["new_medicine", "rash_or_finding"], when: "a rash after a new medicine" },
    ],
  },
  {
    id: "necrotising_fasciitis",
    sources: ["NICE CKS Cellulitis (acute)", "NHS Necrotising fasciitis"],
    message: {
      en: "Pain much worse than the skin looks, very fast spread, or skin turning dark or black can be a deep, fast-moving infection (necrotising fasciitis).",
      zh: "疼痛远比皮肤看起来严重、扩散非常快，或者皮肤变暗发黑，可能是深部快速进展的感染（坏死性筋膜炎）。",
    },
    clauses: [
      { level: "emergency", all: ["pain_out_of_proportion"], when: "pain far worse than it looks" },
      { level: "emergency", all: ["severe_pain", "rapid_spread"], when: "severe pain with very fast spread" },
      {
        level: "emergency",
        all: ["black_tissue", ["fever", "unwell", "severe_pain", "rapid_spread"]],
        none: ["mole"],
        when: "skin turning black or dusky with fever, feeling unwell, severe pain or fast spread",
      },
      {
        level: "emergency",
        all: ["rapid_spread", "group:infection_signs", ["fever", "unwell"]],
        when: "fast spread of a red, swollen or painful area with fever or feeling unwell",
      },
      {
        level: "emergency",
        all: ["finding:necrotising_fasciitis", ["severe_pain", "rapid_spread", "fever"]],
        when: "a photo that may show necrotising fasciitis with severe pain, fast spread or fever",
      },
      {
        level: "same_day",
        all: ["black_tissue"],
        none: ["mole", "chronic_wound", "pressure_area"],
        when: "skin turning black (not a mole, not the edge of a long-standing ulcer or pressure sore)",
      },
      {
        level: "same_day",
        all: ["rapid_spread", "group:infection_signs"],
        when: "fast spread of a red, swollen or painful area",
      },
    ],
  },
  {
    id: "reduced_consciousness",
    sources: ["NICE NG143", "NHS Stroke"],
    message: {
      en: "Unusual drowsiness, confusion, being hard to wake, a fit, or a drooping face or slurred speech needs emergency care whatever the skin looks like.",
      zh: "异常嗜睡、意识不清、很难叫醒、抽搐，或者口角歪斜、说话不清，无论皮肤看起来怎样，都需要紧急救治。",
    },
    clauses: [
      {
        level: "emergency",
        all: [["drowsy", "stroke_signs"]],
        when: "drowsy, hard to wake, confused, floppy, unresponsive, a fit; a drooping face, slurred speech, weakness on one side",
      },
    ],
  },
  {
    id: "sepsis",
    sources: ["NICE NG51 Sepsis", "NICE NG143"],
    message: {
      en: "Fever with mottled or blue-grey skin, a stiff neck, fainting or feeling very unwell can be a sign of sepsis or meningitis.",
      zh: "发烧伴皮肤花斑或发青发灰、脖子发硬、晕厥或精神很差，可能是败血症或脑膜炎的信号。",
    },
    clauses: [
      { level: "emergency", all: ["blue_skin"], when: "blue or grey skin or lips" },
      {
        level: "emergency",
        all: ["mottled", ["fever", "unwell", "drowsy", "faint", "group:rash"]],
        when: "mottled skin with fever, a rash or feeling unwell",
      },
      {
        level: "emergency",
        all: ["fever", ["meningism", "faint"]],
        when: "fever with a stiff neck or fainting",
      },
      { level: "same_day", all: ["mottled"], when: "mottled skin alone" },
      { level: "same_day", all: ["fever", "unwell"], when: "fever and feeling very unwell" },
    ],
  },
  {
    id: "lymphangitis",
    sources: ["NICE CKS Cellulitis (acute)", "NHS Cellulitis"],
    message: {
      en: "A red streak spreading from a wound or a red area can mean the infection is spreading along the lymph vessels.",
      zh: "从伤口或红肿处向外延伸的红线，可能说明感染正沿着淋巴管扩散。",
    },
    clauses: [
      {
        level: "same_day",
        all: ["red_streak"],
        when: "a red streak or line spreading from a wound or red area",
      },
    ],
  },
  {
    id: "orbital_cellulitis",
    sources: ["NICE CKS Cellulitis (acute)"],
    message: {
      en: "A red, swollen, painful eyelid can be an infection around the eye; pain on moving the eye, a bulging eye or changes in vision can mean it has spread behind the eye.",
      zh: "眼皮红肿疼痛可能是眼周感染；如果转动眼球时疼痛、眼球突出或视力改变，可能感染已扩散到眼眶内。",
    },
    clauses: [
      {
        level: "emergency",
        all: ["orbital_signs", ["eye_area", "fever", "redness", "pain", "swelling"]],
        when: "pain moving the eye, a bulging eye or an eye swollen shut, with redness, swelling, pain or fever",
      },
      {
        level: "emergency",
        all: ["eye_area", "vision_change"],
        when: "a swollen eyelid with a change in vision",
      },
      { level: "same_day", all: ["orbital_signs"], when: "pain moving the eye alone" },
      {
        level: "same_day",
        all: ["eye_area", ["fever", "warmth"]],
        when: "a swollen or red eyelid with fever or warmth",
      },
      {
        level: "same_day",
        all: ["eye_area", "redness", "pain"],
        when: "a swollen eyelid that is red and painful",
      },
      { level: "same_day", all: ["eye_area", "child", "redness"], when: "a red, swollen eyelid in a child" },
    ],
  },
  {
    id: "zoster_eye",
    sources: ["NICE CKS Shingles"],
    message: {
      en: "Shingles or blisters near the eye, on the forehead or on the tip or side of the nose can affect the eye itself and needs an eye check.",
      zh: "眼睛附近、额头或鼻尖、鼻翼的带状疱疹或水疱可能累及眼睛本身，需要检查眼睛。",
    },
    clauses: [
      {
        level: "same_day",
        all: ["group:shingles", ["near_eye", "nose_tip", "forehead"]],
        when: "shingles (word, band of blisters, or a possible match) near the eye, on the forehead, or on the tip or side of the nose (Hutchinson's sign)",
      },
      {
        level: "same_day",
        all: [["blisters", "cold_sore"], "near_eye"],
        when: "blisters or cold sores near the eye",
      },
      {
        level: "same_day",
        all: ["blisters", ["tingling", "one_side_band"], ["nose_tip", "forehead"]],
        when: "tingling or one-sided blisters on the forehead or the tip or side of the nose",
      },
    ],
  },
  {
    id: "shingles",
    sources: ["NICE CKS Shingles", "NHS Shingles"],
    message: {
      en: "Blisters in a band on one side of the body, with pain, burning or tingling, can be shingles; antiviral medicine works best when started within 3 days of the rash appearing.",
      zh: "身体一侧带状分布的水疱，伴疼痛、烧灼感或刺麻感，可能是带状疱疹；抗病毒药在出疹3天内开始效果最好。",
    },
    clauses: [
      { level: "same_day", all: ["shingles_word"], when: "shingles (带状疱疹, 缠腰龙, 蛇盘疮, 生蛇, ...)" },
      {
        level: "same_day",
        all: ["shingles_band"],
        when: "blisters or a rash in a band on one side or round the waist, with pain, burning or tingling",
      },
    ],
  },
  {
    id: "infant_fever",
    sources: ["NICE NG143"],
    message: {
      en: "A fever in a baby under 3 months (38 °C or more) is an emergency; a high fever (39 °C or more) in a baby under 6 months needs a doctor today.",
      zh: "3个月以下的婴儿发烧（38°C或以上）属于急症；6个月以下的婴儿高烧（39°C或以上）需要今天就医。",
    },
    clauses: [
      {
        level: "emergency",
        all: ["under_3_months", "fever"],
        when: "fever in a baby under 3 months (stated age, newborn / 新生儿 / 满月 words, or answered yes)",
      },
      { level: "same_day", all: ["age_3_to_6_months", "temp_39"], when: "39 °C or more at 3 to 6 months" },
      { level: "same_day", all: ["under_3_months", "unwell"], when: "a baby under 3 months who is unwell" },
      { level: "same_day", all: ["infant_age_unknown", "fever"], when: "a baby of unknown age with fever" },
    ],
  },
  {
    id: "newborn_skin",
    sources: ["NHS Rashes in babies and children", "NICE NG143"],
    message: {
      en: "Blisters or pus spots in a baby under 3 months can be an infection (such as herpes or impetigo) that is more serious at this age; any new rash in a baby under 4 weeks should be checked.",
      zh: "3个月以下的婴儿出现水疱或脓疱，可能是这个年龄更危险的感染（如疱疹病毒或脓疱疮）；不满4周的新生儿出现新的皮疹都应该让医生看看。",
    },
    clauses: [
      {
        level: "emergency",
        all: ["under_3_months", ["blisters", "pus", "crusting"], ["unwell", "drowsy", "fever"]],
        when: "blisters or pus spots in a baby under 3 months who is unwell, not feeding, drowsy or feverish (neonatal herpes)",
      },
      {
        level: "same_day",
        all: ["under_3_months", ["blisters", "pus", "crusting"]],
        when: "blisters, pus spots or crusts in a baby under 3 months",
      },
      {
        level: "doctor",
        all: ["newborn", ["group:rash", "finding:impetigo"]],
        when: "a rash or spots in a well baby under 4 weeks (most are harmless; a health visitor or doctor checks)",
      },
    ],
  },
  {
    id: "child_fever_rash",
    sources: ["NICE NG143", "NHS Rashes in babies and children"],
    message: {
      en: "A child with a fever and a rash should be checked by a doctor; a child who is unwell, not drinking or not themselves needs to be seen today.",
      zh: "孩子发烧又出疹子，应该让医生看看；如果孩子精神差、不喝水或跟平时不一样，需要今天就医。",
    },
    clauses: [
      {
        level: "same_day",
        all: ["child", "fever", "rash_or_finding", "unwell"],
        when: "a child with fever and a rash who is unwell",
      },
      {
        level: "same_day",
        all: ["under_1_year", "fever", "rash_or_finding"],
        when: "a baby under 1 year with fever and a rash",
      },
      {
        level: "doctor_soon",
        all: ["child", "fever", "rash_or_finding"],
        none: ["group:hfmd", "chickenpox_word"],
        when: "a child with fever and a rash (not chickenpox or hand, foot and mouth, which have their own rules)",
      },
    ],
  },
  {
    id: "hand_foot_mouth_severe",
    sources: ["NHC 手足口病诊疗指南（2018年版）", "NHS Hand, foot and mouth disease"],
    message: {
      en: "Hand, foot and mouth disease with jerking or startling, drowsiness, vomiting, fast breathing or cold, mottled hands and feet can be the severe form that affects the brain, heart or lungs.",
      zh: "手足口病如果出现肢体抖动或易惊、精神差或嗜睡、呕吐、呼吸加快、手脚冰凉或皮肤花斑，可能是累及脑、心、肺的重症。",
    },
    clauses: [
      {
        level: "emergency",
        all: ["group:hfmd", ["jerking", "drowsy", "breathing_difficulty", "mottled", "cold_limbs"]],
        when: "hand, foot and mouth disease with jerking or startling, drowsiness, fast or hard breathing, or cold or mottled limbs",
      },
      {
        level: "same_day",
        all: ["group:hfmd", ["vomiting", "unwell", "temp_39", "fever_days_3"]],
        when: "hand, foot and mouth disease with vomiting, feeling very unwell, 39 °C or more, or fever for 3 days",
      },
      {
        level: "doctor_soon",
        all: ["group:hfmd", "under_1_year"],
        when: "hand, foot and mouth disease in a baby under 1 year",
      },
    ],
  },
  {
    id: "kawasaki",
    sources: ["NHS Kawasaki disease", "NICE NG143"],
    message: {
      en: "A child with a fever for 5 days or more, especially with red eyes, red cracked lips, a rash, or swollen hands, feet or neck glands, should be checked for Kawasaki disease.",
      zh: "孩子发烧5天或以上，尤其伴有眼睛发红、嘴唇红裂、皮疹，或手脚、颈部淋巴结肿大，应检查是否为川崎病。",
    },
    clauses: [
      { level: "same_day", all: ["child", "fever", "days_5"], when: "a child with fever for 5 days or more" },
      {
        level: "same_day",
        all: ["child", "fever"],
        atLeast: {
          n: 3,
          of: ["red_eyes", "red_lips_tongue", "hands_feet_changes", "neck_lump", "rash_or_finding"],
        },
        when: "a child with fever and 3 of: red eyes, red cracked lips or strawberry tongue, rash, swollen red hands or feet or peeling fingertips, a swollen neck gland",
      },
    ],
  },
  {
    id: "immunosuppressed_infection",
    sources: ["NICE CG151 Neutropenic sepsis", "NICE CKS Shingles"],
    message: {
      en: "With a weak immune system (for example chemotherapy or a transplant), a fever or a spreading or blistering rash can be a serious infection.",
      zh: "免疫力低下时（例如化疗或器官移植后），发烧或扩散、起疱的皮疹可能是严重感染。",
    },
    clauses: [
      {
        level: "emergency",
        all: ["immunosuppressed", "fever"],
        when: "chemotherapy, a transplant, immunosuppressants, long-term steroids, HIV, leukaemia or lymphoma, with fever",
      },
      {
        level: "same_day",
        all: [
          "immunosuppressed",
          ["blisters", "spreading", "shingles_word", "pus", "cold_sore", "finding:herpes_zoster"],
        ],
        when: "the same with blisters, shingles, cold sores, pus or a spreading rash",
      },
      { level: "doctor_soon", all: ["immunosuppressed", "rash_or_finding"], when: "the same with a rash" },
    ],
  },
  {
    id: "pregnancy_varicella",
    sources: [
      "RCOG Green-top Guideline 13",
      "RCOG Green-top Guideline 43",
      "NICE CKS Chickenpox",
      "NHS Rashes in pregnancy",
    ],
    message: {
      en: "Chickenpox, shingles or a rash with fever during pregnancy can affect the pregnancy, and antiviral treatment works best when started early; itching in pregnancy can be a liver condition of pregnancy (obstetric cholestasis) that needs a blood test.",
      zh: "孕期出水痘、带状疱疹或发烧出疹可能影响胎儿，抗病毒治疗越早越好；孕期皮肤瘙痒可能是妊娠期肝内胆汁淤积症，需要验血。",
    },
    clauses: [
      {
        level: "same_day",
        all: [
          "pregnant",
          ["chickenpox_word", "shingles_word", "finding:chickenpox", "finding:herpes_zoster"],
        ],
        when: "pregnant with chickenpox or shingles (words or a possible match)",
      },
      {
        level: "same_day",
        all: ["pregnant", ["blisters", "rash_or_finding"], "fever"],
        when: "pregnant with blisters or a rash and fever",
      },
      {
        level: "doctor_soon",
        all: ["pregnant", ["rash_or_finding", "itch"]],
        when: "pregnant with a rash or itching (obstetric cholestasis, RCOG Green-top Guideline 43)",
      },
    ],
  },
  {
    id: "diabetic_foot",
    sources: ["NICE NG19 Diabetic foot problems"],
    message: {
      en: "With diabetes, a sore, blister, swelling or redness on the foot can become a serious infection; a smell, black skin or fever is more serious still.",
      zh: "糖尿病患者脚上的伤口、水疱、肿胀或发红可能发展为严重感染；如果有臭味、皮肤发黑或发烧，情况更严重。",
    },
    clauses: [
      {
        level: "emergency",
        all: ["diabetes", "group:diabetic_foot_site", ["black_tissue", "rapid_spread"]],
        when: "diabetes and a foot problem with black skin or fast spread",
      },
      {
        level: "emergency",
        all: [
          "diabetes",
          "group:diabetic_foot_site",
          ["fever", "unwell"],
          ["group:infection_signs", "pus", "sore", "smell"],
        ],
        when: "diabetes and a foot problem with fever or feeling unwell and infection signs, pus, a sore or a smell",
      },
      {
        level: "same_day",
        all: [
          "diabetes",
          "group:diabetic_foot_site",
          [
            "sore",
            "non_healing",
            "blisters",
            "pus",
            "smell",
            "bleeding",
            "group:infection_signs",
            "finding:diabetic_foot_ulcer",
          ],
        ],
        when: "diabetes and a sore, blister, ulcer, redness, swelling, pus, smell or bleeding on the foot",
      },
    ],
  },
  {
    id: "burn",
    sources: [
      "NICE CKS Burns and scalds",
      "NHS Burns and scalds",
      "中国红十字会 烧烫伤急救（冲、脱、泡、盖、送）",
    ],
    message: {
      en: "This burn needs to be seen: burns larger than the palm, deep burns (white, waxy, charred or numb), blistering burns on the face, hands, feet, genitals or a joint, and burns in babies, children, older or vulnerable people need medical care. Cool it under cool running water for 20 minutes and cover it loosely with cling film.",
      zh: "这种烧烫伤需要就医：比手掌大、较深（发白、蜡样、焦黑或没有痛感）、在面部、手、脚、生殖器或关节上起疱的，以及婴幼儿、老人或体弱者的烧烫伤都需要医疗处理。请先用流动的凉水冲20分钟，再用保鲜膜松松地盖上。",
    },
    clauses: [
      {
        level: "emergency",
        all: ["group:burned", ["burn_large", "burn_deep"]],
        none: ["sunburn_only"],
        when: "a burn or scald (hot water, a kettle, steam, oil, fire) larger than the palm or deep (white, waxy, charred, leathery, numb)",
      },
      {
        level: "emergency",
        all: ["group:burned", "sensitive_site", "blisters"],
        none: ["sunburn_only"],
        when: "a blistering burn on the face, hands, arms, legs, feet, genitals or a joint",
      },
      {
        level: "emergency",
        all: ["group:burned", ["under_3_months", "newborn"]],
        none: ["sunburn_only"],
        when: "any burn or scald in a baby under 3 months",
      },
      {
        level: "same_day",
        all: [
          "group:burned",
          "blisters",
          ["child", "pregnant", "diabetes", "immunosuppressed", "age_70_plus"],
        ],
        none: ["sunburn_only"],
        when: "a blistering burn in a child, a pregnant woman, someone aged 70 or over, or with diabetes or a weak immune system",
      },
      {
        level: "same_day",
        all: ["group:burned", ["pus", "smell", "fever"]],
        none: ["sunburn_only"],
        when: "an infected burn (pus, a smell, fever)",
      },
      {
        level: "doctor_soon",
        all: ["group:burned", ["blisters", "child"]],
        none: ["sunburn_only"],
        when: "a small blistering burn, or any burn in a child",
      },
      {
        level: "same_day",
        all: [
          "sunburn_only",
          "blisters",
          ["widespread", "burn_large", "fever", "faint", "unwell", "under_1_year"],
        ],
        when: "sunburn with widespread blisters, fever or faintness, or blistering sunburn in a baby",
      },
    ],
  },
  {
    id: "chemical_injury",
    sources: ["NICE CKS Burns and scalds", "NHS Burns and scalds"],
    message: {
      en: "A chemical on the skin (acid, alkali, drain cleaner, bleach, cement or lime) keeps burning after the splash: rinse it with running water for at least 20 minutes and get emergency care.",
      zh: "化学品（强酸、强碱、管道疏通剂、漂白剂、水泥或石灰）溅到皮肤后会持续灼伤：请先用流动的清水冲洗至少20分钟，再去医院急诊。",
    },
    clauses: [
      {
        level: "doctor",
        all: ["burn_chemical", "diluted"],
        none: ["blisters", "burn_deep", "severe_pain", "near_eye", "burn_large"],
        when: "a diluted household chemical washed off, with no blisters, deep burn or severe pain",
      },
      {
        level: "emergency",
        all: ["burn_chemical"],
        none: ["diluted"],
        when: "a chemical burn: acid, alkali, drain cleaner or unblocker, oven cleaner, bleach, cement, lime (硫酸, 火碱, 84消毒液, 石灰, 通渠水, ...)",
      },
      {
        level: "emergency",
        all: ["burn_chemical", ["blisters", "burn_deep", "severe_pain", "near_eye", "burn_large"]],
        when: "any chemical on the skin with blisters, a deep burn, severe pain, the eyes or a large area",
      },
    ],
  },
  {
    id: "electrical_injury",
    sources: ["NHS Electric shock", "NICE CKS Burns and scalds"],
    message: {
      en: "An electric shock can burn deep inside while the skin shows only a small mark, and can upset the heart rhythm: it needs emergency care.",
      zh: "触电时皮肤上可能只有很小的伤口，但内部可能已被深度烧伤，还可能影响心律，需要紧急就医。",
    },
    clauses: [
      {
        level: "emergency",
        all: [
          "burn_electrical",
          [
            "burn_mark",
            "black_tissue",
            "burn_deep",
            "blisters",
            "burn_injury",
            "palpitations",
            "faint",
            "drowsy",
            "breathing_difficulty",
            "chest_pain",
            "child",
            "pregnant",
          ],
        ],
        when: "an electric shock or lightning (触电, 被电打, 电亲, ...) with a mark or burn, a racing or irregular heart, fainting, breathlessness or chest pain, or in a child or a pregnant woman",
      },
      { level: "emergency", all: ["lightning"], when: "a lightning strike, near or direct" },
      {
        level: "same_day",
        all: ["burn_electrical"],
        when: "any other electric shock (a doctor checks the heart and what the skin does not show)",
      },
    ],
  },
  {
    id: "animal_bite",
    sources: [
      "NICE NG184 Human and animal bites",
      "NICE CKS Bites (human and animal)",
      "NHS Animal and human bites",
      "NHS Snake bites",
      "NHC 狂犬病暴露预防处置工作规范（2023年版）",
    ],
    message: {
      en: "A bite or scratch from an animal or a person can carry infection and, from mammals (dogs, cats, bats, monkeys) in many countries, rabies: wash it with soap and running water for 15 minutes; it needs to be seen for antibiotics and, where rabies is a risk, a course of vaccination. A snakebite is an emergency.",
      zh: "被动物或人咬伤、抓伤可能引起感染；被狗、猫、蝙蝠、猴子等哺乳动物咬伤或抓伤还有狂犬病风险：请先用肥皂水和流动清水交替冲洗伤口约15分钟，再去狂犬病暴露处置门诊（犬伤门诊）或医院急诊，评估是否需要打疫苗和用药。被蛇咬伤属于急症。",
    },
    clauses: [
      {
        level: "emergency",
        all: ["snake_bite"],
        when: "a snakebite",
      },
      {
        level: "emergency",
        all: ["animal_bite", ["rapid_spread", "fever", "unwell", "group:airway", "heavy_bleeding"]],
        when: "a bite with bleeding that will not stop or a gaping wound, fast-spreading redness, fever, feeling unwell, or trouble breathing",
      },
      {
        level: "same_day",
        all: [["animal_bite", "bat_contact"]],
        when: "a bite or scratch from a dog, cat, bat, monkey, rodent or another mammal, or a person (rabies exposure, antibiotics), or any contact with a bat",
      },
    ],
  },
  {
    id: "deep_vein_thrombosis",
    sources: ["NICE CKS Deep vein thrombosis", "NHS DVT"],
    message: {
      en: "One leg (usually the calf) that is swollen, warm and painful can be a blood clot in a vein (deep vein thrombosis); with breathlessness or chest pain the clot may have moved to the lungs.",
      zh: "一条腿（通常是小腿）肿胀、发烫、疼痛，可能是深静脉血栓；如果同时气短或胸痛，血栓可能已经到了肺部。",
    },
    clauses: [
      {
        level: "emergency",
        all: ["one_leg_swelling", ["breathing_difficulty", "chest_pain", "coughing_blood"]],
        when: "one swollen, painful leg with breathlessness, chest pain or coughing blood",
      },
      {
        level: "same_day",
        all: ["one_leg_swelling"],
        when: "one leg (calf or thigh) swollen, warm or painful, more than the other",
      },
    ],
  },
  {
    id: "erythroderma",
    sources: ["NICE CKS Psoriasis", "NICE CKS Eczema (atopic)"],
    message: {
      en: "Red, scaly or pus-spotted skin over most of the body, especially with shivering or a fever, can be erythroderma or pustular psoriasis: the skin stops controlling temperature and fluids, which needs a doctor today.",
      zh: "全身大部分皮肤发红、脱屑或布满脓疱，尤其伴有发冷或发烧，可能是红皮病或脓疱型银屑病：皮肤调节体温和水分的功能受损，需要今天就医。",
    },
    clauses: [
      {
        level: "same_day",
        all: [
          "widespread",
          ["redness", "scaling", "pus"],
          ["fever", "unwell", "psoriasis_word", "eczema_word"],
        ],
        none: ["wheals"],
        when: "red, scaly or pus-spotted skin all over with shivering, fever, feeling unwell, or known psoriasis or eczema",
      },
    ],
  },
  {
    id: "genital_sores",
    sources: ["NHS Genital herpes"],
    message: {
      en: "Painful blisters or sores on the genitals can be a sexually transmitted infection such as genital herpes; a sexual health clinic or doctor can test and treat it, and treatment works best early.",
      zh: "生殖器部位疼痛的水疱或溃疡，可能是生殖器疱疹等性传播感染；请到医院皮肤性病科或性病门诊检查和治疗，越早治疗效果越好。",
    },
    clauses: [
      {
        level: "doctor_soon",
        all: ["genital", ["blisters", "sore"]],
        when: "blisters or sores on the genitals",
      },
    ],
  },
  {
    id: "unexplained_bruising",
    sources: ["NICE NG12 Suspected cancer"],
    message: {
      en: "Bruises you cannot explain, or tiny red or purple dots, with tiredness can come from a problem with the blood: a doctor should arrange a blood test.",
      zh: "不明原因的淤青或针尖大小的红点、紫点，同时感到很累，可能是血液方面的问题，需要医生安排验血。",
    },
    clauses: [
      {
        level: "doctor_soon",
        all: ["bruising", ["unexplained", "tired", "purpura"]],
        when: "unexplained bruising, or bruising with tiredness or tiny red dots (a blood test within 48 hours)",
      },
    ],
  },
  {
    id: "adult_chickenpox",
    sources: ["NICE CKS Chickenpox", "NHS Chickenpox"],
    message: {
      en: "Chickenpox in an adult can be more serious than in a child; antiviral medicine helps most when it is started early, so a doctor should see it.",
      zh: "成人出水痘可能比儿童严重；抗病毒药越早用效果越好，所以需要让医生看看。",
    },
    clauses: [
      {
        level: "doctor_soon",
        all: ["chickenpox_word"],
        none: ["child"],
        when: "chickenpox in an adult (or at an unstated age)",
      },
    ],
  },
  {
    id: "scarlet_fever",
    sources: ["NHS Scarlet fever"],
    message: {
      en: 'A rough, sandpaper-like red rash with a sore throat, a fever or a bright red "strawberry" tongue can be scarlet fever, which is treated with antibiotics.',
      zh: "砂纸样的粗糙红疹，伴咽痛、发烧或鲜红的“草莓舌”，可能是猩红热，需要用抗生素治疗。",
    },
    clauses: [
      {
        level: "doctor_soon",
        all: ["scarlet_fever_signs"],
        when: "a sandpaper rash, a strawberry tongue, or scarlet fever named",
      },
    ],
  },
  {
    id: "pigmented_lesion",
    sources: ["NICE NG12 Suspected cancer", "NHS Melanoma skin cancer"],
    message: {
      en: "A mole or dark spot that is new, changing in size, shape or colour, larger than 6 mm, bleeding, or a dark streak under a nail should be checked to rule out melanoma.",
      zh: "新长出的、大小、形状或颜色在变化、直径超过6毫米、出血的痣或深色斑点，或者指甲下的黑线，都应该检查以排除黑色素瘤。",
    },
    clauses: [
      { level: "doctor_soon", all: ["nail_streak"], when: "a dark streak under a nail" },
      {
        level: "doctor_soon",
        all: ["group:mole_like", "group:mole_change"],
        when: "a mole or dark spot that bleeds, grows, changes colour or shape, is over 6 mm",
      },
      {
        level: "doctor_soon",
        all: ["group:mole_like", "new_lesion", "age_50_plus"],
        when: "a new pigmented spot at 50 or over",
      },
      {
        level: "doctor",
        all: ["mole", ["new_lesion", "itch", "oozing", "crusting"]],
        when: "a new, itching, oozing or crusting mole",
      },
    ],
  },
  {
    id: "non_healing_sore",
    sources: [
      "NICE NG12 Suspected cancer",
      "NHS Non-melanoma skin cancer",
      "NICE CKS Leg ulcer - venous",
      "NICE CKS Pressure ulcers",
    ],
    message: {
      en: "A sore, ulcer, scab or lump that has not healed in 4 weeks, or that bleeds or grows, should be checked to rule out skin cancer; a leg ulcer or pressure sore needs a nurse or doctor to look after it.",
      zh: "4周仍未愈合的溃疡、疮、痂或肿块，或者会出血、在长大的，应该检查以排除皮肤癌；腿部溃疡或压疮需要医生或护士处理。",
    },
    clauses: [
      {
        level: "doctor_soon",
        all: [["group:wound", "firm_bump", "soft_growth", "lump"], "rapid_growth"],
        when: "a sore, ulcer or lump that grows fast",
      },
      {
        level: "doctor_soon",
        all: ["group:wound", "lasting_4_weeks", ["bleeding", "size_change"]],
        when: "a sore that has not healed in 4 weeks and bleeds or grows",
      },
      {
        level: "doctor_soon",
        all: [
          ["chronic_wound", "pressure_area"],
          ["black_tissue", "group:infection_signs", "smell", "pus"],
        ],
        none: ["fever", "unwell", "rapid_spread"],
        when: "a leg ulcer or pressure sore with black edges, redness, swelling, pain, a smell or pus (without fever)",
      },
      {
        level: "doctor",
        all: ["group:wound", "lasting_4_weeks"],
        when: "a sore that has not healed in 4 weeks",
      },
      {
        level: "doctor",
        all: [["non_healing", "chronic_wound"]],
        when: "a sore that will not heal, a leg ulcer or a pressure sore",
      },
      {
        level: "doctor",
        all: ["lump", "age_70_plus"],
        when: "a new lump on the skin at 70 or over",
      },
    ],
  },
  {
    id: "erythema_migrans",
    sources: ["NICE NG95 Lyme disease"],
    message: {
      en: "A spreading red ring or bull's-eye rash, especially after a tick bite, can be Lyme disease, which is treated with antibiotics.",
      zh: "逐渐扩大的红圈或靶形红斑，尤其是被蜱虫叮咬后，可能是莱姆病，需要用抗生素治疗。",
    },
    clauses: [
      {
        level: "doctor_soon",
        all: [["bullseye", "finding:erythema_migrans"]],
        when: "a bull's-eye or expanding red ring",
      },
      {
        level: "doctor_soon",
        all: ["tick_bite", ["ring_shape", "spreading", "rash"]],
        when: "a tick bite with a spreading red rash or ring",
      },
    ],
  },
  {
    id: "eczema_herpeticum",
    sources: ["NICE CKS Eczema (atopic)", "NICE CG57 Atopic eczema in under 12s"],
    message: {
      en: "Eczema that suddenly becomes painful with clusters of blisters or punched-out sores, or with a fever, can be a herpes infection of the eczema (eczema herpeticum).",
      zh: "湿疹突然变得疼痛，出现成簇的水疱或“凿孔样”的小溃疡，或伴有发烧，可能是湿疹合并疱疹病毒感染（疱疹样湿疹）。",
    },
    clauses: [
      {
        level: "same_day",
        all: ["group:eczema", "cold_sore", ["group:sores", "pain", "spreading"]],
        when: "eczema with cold sores nearby and blisters, sores or pain",
      },
      {
        level: "same_day",
        all: [
          "group:eczema",
          "group:sores",
          ["fever", "unwell", "rapid_spread", "severe_pain", "punched_out"],
        ],
        when: "eczema with blisters, sores or crusts and fever, feeling unwell, fast spread, severe pain, or punched-out sores",
      },
      {
        level: "same_day",
        all: ["group:eczema", "group:sores", "pain", "spreading"],
        when: "eczema with painful, spreading blisters or sores",
      },
      {
        level: "same_day",
        all: ["finding:eczema_herpeticum"],
        when: "a photo that may show eczema herpeticum",
      },
      {
        level: "doctor_soon",
        all: ["eczema_word", ["pus", "oozing", "crusting"], ["pain", "spreading", "redness"]],
        when: "eczema that is weeping or crusted and painful, red or spreading (infected)",
      },
    ],
  },
  {
    id: "skin_infection",
    sources: ["NICE NG141 Cellulitis and erysipelas", "NICE CKS Cellulitis (acute)", "NHS Cellulitis"],
    message: {
      en: "A red, painful, warm or swollen area that is spreading, or comes with a fever, can be a skin infection (cellulitis or an abscess) that needs treatment.",
      zh: "红、肿、热、痛并在扩散的皮肤，或者伴有发烧，可能是需要治疗的皮肤感染（蜂窝织炎或脓肿）。",
    },
    clauses: [
      {
        level: "same_day",
        all: ["fever"],
        atLeast: { n: 2, of: ["redness", "swelling", "warmth", "pain", "severe_pain"] },
        when: "fever with a red, painful, warm or swollen area",
      },
      { level: "same_day", all: ["fever", "boil"], when: "fever with a boil" },
      {
        level: "same_day",
        all: ["cellulitis_word", ["spreading", "rapid_spread", "fever", "unwell"]],
        when: "cellulitis that is spreading or comes with fever or feeling unwell",
      },
      {
        level: "same_day",
        all: [
          ["chronic_wound", "pressure_area"],
          ["redness", "spreading"],
          ["pain", "warmth", "swelling", "severe_pain"],
        ],
        when: "a leg ulcer or pressure sore that is getting redder and painful, warm or swollen (infected)",
      },
      { level: "doctor_soon", all: ["cellulitis_word"], when: "cellulitis" },
      {
        level: "same_day",
        all: ["fever", "spreading", ["redness", "warmth", "swelling"]],
        when: "fever with a spreading red area",
      },
      {
        level: "same_day",
        all: ["spreading", ["redness", "swelling"], ["warmth", "pain", "severe_pain"]],
        when: "a spreading red or swollen area that is warm or painful (cellulitis)",
      },
      {
        level: "doctor_soon",
        all: ["warmth", "redness", ["swelling", "pain"]],
        when: "a warm, red, swollen or painful area",
      },
      {
        level: "doctor_soon",
        all: ["boil", ["pain", "swelling", "redness"]],
        when: "a painful, red or swollen boil",
      },
    ],
  },
] as const satisfies readonly RuleData[];

export type RedFlagRule = (typeof RULES)[number]["id"];
export const RED_FLAG_RULES = RULES.map((r) => r.id) as readonly RedFlagRule[] as readonly [
  RedFlagRule,
  ...RedFlagRule[],
];

/**
 * Benign, self-limiting patterns: the only way the words alone lead to self-care. Anything in `none` (and any
 * alarm sign, GROUPS.alarm) makes it more than the pattern; anything unrecognised is at least "see a doctor".
 */
export const BENIGN_PATTERNS = [
  {
    id: "insect_bites",
    sources: ["NICE CKS Insect bites and stings", "NHS Insect bites and stings"],
    name: { en: "an insect bite or sting", zh: "蚊虫叮咬" },
    all: ["bite"],
    none: [
      "fever",
      "animal_bite",
      "snake_bite",
      "bat_contact",
      "tick_bite",
      "spreading",
      "pus",
      "widespread",
      "near_eye",
    ],
  },
  {
    id: "mild_sunburn",
    sources: ["NHS Sunburn"],
    name: { en: "mild sunburn", zh: "轻度晒伤" },
    all: ["sunburn_only"],
    none: ["fever", "blisters", "widespread", "burn_large", "child", "infant", "pregnant"],
  },
  {
    id: "minor_burn",
    sources: ["NHS Burns and scalds", "NICE CKS Burns and scalds"],
    name: { en: "a small, minor burn", zh: "小面积的轻微烫伤" },
    all: ["burn_injury"],
    none: [
      "sunburn_only",
      "blisters",
      "burn_large",
      "burn_deep",
      "burn_chemical",
      "burn_electrical",
      "sensitive_site",
      "child",
      "infant",
      "pregnant",
      "diabetes",
      "age_70_plus",
      "pus",
      "smell",
      "fever",
    ],
  },
  {
    id: "hives",
    sources: ["NHS Hives"],
    name: { en: "hives (nettle rash)", zh: "荨麻疹（风团）" },
    all: ["hives_word"],
    none: ["fever", "new_medicine", "infant", "pregnant", "recurrent"],
  },
  {
    id: "heat_rash",
    sources: ["NHS Heat rash"],
    name: { en: "heat rash", zh: "痱子（热疹）" },
    all: ["sweat_heat", ["rash", "itch", "pimples", "redness"]],
    none: ["fever", "infant", "blisters", "pus"],
  },
  {
    id: "dry_skin",
    sources: ["NHS Dry skin"],
    name: { en: "dry skin", zh: "皮肤干燥" },
    all: ["dryness"],
    none: ["fever", "bleeding", "pus", "sore", "spreading", "infant"],
  },
  {
    id: "acne",
    sources: ["NHS Acne"],
    name: { en: "spots or mild acne", zh: "痘痘（轻度痤疮）" },
    all: ["pimples"],
    none: [
      "fever",
      "boil",
      "widespread",
      "infant",
      "new_medicine",
      "lump",
      "severe_pain",
      "punched_out",
      "scarring",
      "severe_word",
    ],
  },
  {
    id: "cold_sore",
    sources: ["NHS Cold sores"],
    name: { en: "a cold sore", zh: "唇疱疹（上火起的泡）" },
    all: ["cold_sore"],
    allow: ["mucosal"],
    none: ["fever", "near_eye", "group:eczema", "pregnant", "infant", "child", "widespread"],
  },
  {
    id: "nappy_rash",
    sources: ["NHS Nappy rash"],
    name: { en: "nappy rash", zh: "尿布疹（红屁股）" },
    all: ["nappy_area", ["rash", "redness", "itch"]],
    none: ["fever", "blisters", "pus", "bleeding", "spreading"],
  },
  {
    id: "chickenpox_child",
    sources: ["NHS Chickenpox", "NICE CKS Chickenpox"],
    name: { en: "chickenpox in a child", zh: "儿童水痘" },
    all: ["chickenpox_word", "child"],
    none: ["infant", "pregnant", "group:eczema", "pus", "near_eye", "temp_39"],
  },
  {
    id: "hand_foot_mouth",
    sources: ["NHS Hand, foot and mouth disease", "NHC 手足口病诊疗指南（2018年版）"],
    name: { en: "mild hand, foot and mouth disease", zh: "轻症手足口病" },
    all: ["hfmd_word"],
    allow: ["mucosal"],
    none: ["vomiting", "jerking", "cold_limbs", "temp_39", "fever_days_3", "under_1_year", "pregnant"],
  },
  {
    id: "head_lice",
    sources: ["NHS Head lice and nits"],
    name: { en: "head lice", zh: "头虱" },
    all: ["lice"],
    none: ["fever", "pus", "spreading"],
  },
  {
    id: "athletes_foot",
    sources: ["NHS Athlete's foot"],
    name: { en: "athlete's foot", zh: "脚气（足癣）" },
    all: ["athletes_foot"],
    none: ["fever", "diabetes", "spreading", "redness", "swelling", "pus", "smell"],
  },
  {
    id: "warts",
    sources: ["NHS Warts and verrucas"],
    name: { en: "a wart or verruca", zh: "疣（瘊子）" },
    all: ["wart"],
    none: ["fever", "bleeding", "rapid_growth", "genital", "immunosuppressed", "near_eye"],
  },
  {
    id: "dandruff",
    sources: ["NHS Dandruff"],
    name: { en: "dandruff", zh: "头皮屑" },
    all: ["dandruff"],
    none: ["fever", "pus", "bleeding", "hair_loss"],
  },
  {
    id: "chafing",
    sources: ["NHS Rashes in adults"],
    name: { en: "chafing", zh: "摩擦引起的皮肤擦伤" },
    all: ["chafing"],
    none: ["fever", "pus", "spreading", "blisters"],
  },
  {
    id: "nettle_rash",
    sources: ["NHS Rashes in adults", "NHS Hives"],
    name: { en: "a nettle sting", zh: "荨麻蜇伤" },
    all: ["nettles"],
    none: ["fever", "spreading", "pus"],
  },
] as const satisfies readonly BenignPattern[];

export type BenignPatternId = (typeof BENIGN_PATTERNS)[number]["id"];
