/**
 * What the guidance calls a red flag, for the skin presentations we cover, and what covers each one here: a rule
 * (rules.ts), an intake question (questions.ts), a benign pattern, a catalogue entry, or "out of scope" with why.
 * docs/clinical-coverage.md is generated from this table; schema.ts checks every reference resolves.
 */
import type { SourceKey } from "./sources";
import type { QuestionId, TriageLevel } from "./types";

export interface CoverageRow {
  readonly source: SourceKey;
  /** The red flag, as the guidance puts it (paraphrased). */
  readonly redFlag: string;
  /** The level the guidance asks for. */
  readonly level: TriageLevel;
  readonly rules?: readonly string[];
  readonly questions?: readonly QuestionId[];
  readonly catalogue?: readonly string[];
  /** How else it is covered (the safe default, the persistent rule). */
  readonly note?: string;
  /** Why it is not covered here, when nothing covers it. */
  readonly outOfScope?: string;
}

export const COVERAGE: readonly CoverageRow[] = [
  // ---- NICE CKS Burns and scalds; NHS Burns and scalds; 烧烫伤急救 ---------------------------------
  {
    source: "NICE CKS Burns and scalds",
    redFlag: "burn or scald larger than the patient's palm (about 1% of body surface)",
    level: "emergency",
    rules: ["burn"],
    questions: ["burn", "burn_large"],
  },
  {
    source: "NICE CKS Burns and scalds",
    redFlag: "deep burn: white, waxy, leathery, charred or painless",
    level: "emergency",
    rules: ["burn"],
    questions: ["burn_deep"],
  },
  {
    source: "NICE CKS Burns and scalds",
    redFlag: "blistering burn of the face, hands, feet, perineum, genitals or a major joint",
    level: "emergency",
    rules: ["burn"],
    questions: ["burn_site"],
  },
  {
    source: "NICE CKS Burns and scalds",
    redFlag: "chemical burn",
    level: "emergency",
    rules: ["chemical_injury"],
    questions: ["chemical"],
  },
  {
    source: "NICE CKS Burns and scalds",
    redFlag: "electrical burn, or any high-voltage or lightning injury",
    level: "emergency",
    rules: ["electrical_injury"],
    questions: ["electric_shock"],
  },
  {
    source: "NICE CKS Burns and scalds",
    redFlag: "burn in a child, an older person, in pregnancy, or with diabetes or immunosuppression",
    level: "same_day",
    rules: ["burn"],
    questions: ["child", "over_70", "pregnant", "baby_under_3_months"],
  },
  {
    source: "NICE CKS Burns and scalds",
    redFlag: "signs of an infected burn (pus, smell, fever, spreading redness)",
    level: "same_day",
    rules: ["burn"],
  },
  {
    source: "NICE CKS Burns and scalds",
    redFlag: "burn where non-accidental injury is suspected",
    level: "same_day",
    outOfScope:
      "safeguarding needs a clinician who sees the child; the words cannot tell it, and any burn in a child is at least doctor_soon here",
  },
  {
    source: "NHS Burns and scalds",
    redFlag: "burn with inhaled smoke or fumes, a hoarse voice or trouble breathing",
    level: "emergency",
    rules: ["anaphylaxis"],
    questions: ["airway"],
  },
  {
    source: "中国红十字会 烧烫伤急救（冲、脱、泡、盖、送）",
    redFlag: "烫伤面积大、起大水疱、皮肤发白或焦黑、婴幼儿烫伤：冲脱泡盖后送医",
    level: "emergency",
    rules: ["burn"],
    questions: ["burn", "burn_large", "burn_deep"],
  },
  {
    source: "NHS Sunburn",
    redFlag: "sunburn with blisters over a large area, fever, faintness, or in a baby",
    level: "same_day",
    rules: ["burn"],
  },
  // ---- Bites and stings ----------------------------------------------------------------------------
  {
    source: "NICE NG184 Human and animal bites",
    redFlag: "human or animal bite that has broken the skin (antibiotic prophylaxis, tetanus)",
    level: "same_day",
    rules: ["animal_bite"],
    questions: ["bite", "bite_broke_skin"],
  },
  {
    source: "NICE CKS Bites (human and animal)",
    redFlag: "bite with severe bleeding, a deep or gaping wound, or systemic illness",
    level: "emergency",
    rules: ["animal_bite"],
  },
  {
    source: "NICE CKS Bites (human and animal)",
    redFlag: "infected bite: spreading redness, fever",
    level: "same_day",
    rules: ["animal_bite", "skin_infection"],
  },
  {
    source: "NHC 狂犬病暴露预防处置工作规范（2023年版）",
    redFlag: "II级暴露（裸露皮肤被轻咬、无出血的轻微抓伤）：立即处理伤口并接种狂犬病疫苗",
    level: "same_day",
    rules: ["animal_bite"],
    questions: ["bite"],
  },
  {
    source: "NHC 狂犬病暴露预防处置工作规范（2023年版）",
    redFlag: "III级暴露（咬伤或抓伤破皮出血、破损皮肤或黏膜被舔、接触蝙蝠）：疫苗加被动免疫制剂",
    level: "same_day",
    rules: ["animal_bite"],
    questions: ["bite", "bite_broke_skin"],
  },
  {
    source: "NHC 狂犬病暴露预防处置工作规范（2023年版）",
    redFlag: "I级暴露（接触或喂养动物、完好皮肤被舔）：无需处置",
    level: "self_care",
    outOfScope:
      "no rule lowers it: words we do not recognise as benign get a routine doctor, which is over-triage we accept here",
  },
  {
    source: "NHS Snake bites",
    redFlag: "any snakebite",
    level: "emergency",
    rules: ["animal_bite"],
    questions: ["bite"],
  },
  {
    source: "NICE CKS Insect bites and stings",
    redFlag: "sting with swelling of the mouth or throat, wheeze, faintness (anaphylaxis)",
    level: "emergency",
    rules: ["anaphylaxis"],
    questions: ["sting", "airway"],
  },
  {
    source: "NICE CKS Insect bites and stings",
    redFlag: "bite with spreading redness, pus or fever (secondary infection)",
    level: "same_day",
    rules: ["skin_infection", "lymphangitis"],
    questions: ["spreading_fast", "fever"],
  },
  {
    source: "NICE CKS Insect bites and stings",
    redFlag: "a simple bite or sting with local itch and swelling",
    level: "self_care",
    catalogue: ["insect_bites"],
  },
  {
    source: "NICE NG95 Lyme disease",
    redFlag: "erythema migrans after a tick bite",
    level: "doctor_soon",
    rules: ["erythema_migrans"],
    questions: ["tick_bite"],
  },
  // ---- Infections --------------------------------------------------------------------------------
  {
    source: "NICE NG141 Cellulitis and erysipelas",
    redFlag: "cellulitis with systemic illness (fever, feeling very unwell) or fast spread",
    level: "same_day",
    rules: ["skin_infection"],
    questions: ["fever", "unwell", "spreading_fast"],
  },
  {
    source: "NICE CKS Cellulitis (acute)",
    redFlag: "pain out of proportion, fast spread, dusky or black skin (necrotising fasciitis)",
    level: "emergency",
    rules: ["necrotising_fasciitis"],
    questions: ["pain_out_of_proportion"],
  },
  {
    source: "NICE CKS Cellulitis (acute)",
    redFlag: "periorbital or orbital cellulitis; pain moving the eye, reduced vision",
    level: "emergency",
    rules: ["orbital_cellulitis"],
  },
  {
    source: "NICE CKS Cellulitis (acute)",
    redFlag: "lymphangitis: a red streak tracking from the wound",
    level: "same_day",
    rules: ["lymphangitis"],
  },
  {
    source: "NICE NG51 Sepsis",
    redFlag: "high-risk sepsis criteria: confusion, mottled or ashen skin, fast breathing, no urine",
    level: "emergency",
    rules: ["sepsis", "reduced_consciousness"],
    questions: ["drowsy", "unwell"],
  },
  {
    source: "NICE CG151 Neutropenic sepsis",
    redFlag: "fever during chemotherapy or with immunosuppression",
    level: "emergency",
    rules: ["immunosuppressed_infection"],
    questions: ["immunosuppressed", "fever"],
  },
  {
    source: "NICE CKS Shingles",
    redFlag: "shingles near the eye or on the tip of the nose (Hutchinson's sign)",
    level: "same_day",
    rules: ["zoster_eye"],
    questions: ["near_eye"],
  },
  {
    source: "NICE CKS Shingles",
    redFlag: "shingles within 72 hours (antivirals), over 50, or immunosuppressed",
    level: "same_day",
    rules: ["shingles", "immunosuppressed_infection"],
  },
  {
    source: "NICE CKS Eczema (atopic)",
    redFlag: "eczema herpeticum: painful punched-out erosions, fever",
    level: "same_day",
    rules: ["eczema_herpeticum"],
  },
  {
    source: "NICE CKS Chickenpox",
    redFlag: "chickenpox in pregnancy, a newborn, the immunosuppressed, or an adult",
    level: "same_day",
    rules: ["pregnancy_varicella", "adult_chickenpox", "immunosuppressed_infection", "newborn_skin"],
    questions: ["pregnant", "immunosuppressed", "baby_under_3_months"],
  },
  {
    source: "NHS Chickenpox",
    redFlag: "chickenpox in a well child",
    level: "self_care",
    catalogue: ["chickenpox"],
  },
  {
    source: "NHS Scarlet fever",
    redFlag: "sandpaper rash with sore throat, fever or strawberry tongue",
    level: "doctor_soon",
    rules: ["scarlet_fever"],
    catalogue: ["scarlet_fever"],
  },
  {
    source: "NHS Impetigo",
    redFlag: "impetigo (antibiotic cream), or widespread impetigo",
    level: "doctor_soon",
    catalogue: ["impetigo"],
  },
  {
    source: "NHS Genital herpes",
    redFlag: "genital blisters or sores",
    level: "doctor_soon",
    rules: ["genital_sores"],
    catalogue: ["genital_herpes"],
  },
  // ---- Hand, foot and mouth disease (China NHC 2018) ----------------------------------------------
  {
    source: "NHC 手足口病诊疗指南（2018年版）",
    redFlag: "重症早期表现：精神差、嗜睡、易惊、肢体抖动、呕吐、呼吸心率增快、四肢冰凉",
    level: "emergency",
    rules: ["hand_foot_mouth_severe"],
    questions: ["drowsy", "unwell"],
  },
  {
    source: "NHC 手足口病诊疗指南（2018年版）",
    redFlag: "持续高热（体温39°C以上）或发热超过3天",
    level: "same_day",
    rules: ["hand_foot_mouth_severe"],
  },
  {
    source: "NHS Hand, foot and mouth disease",
    redFlag: "mild hand, foot and mouth disease in a child who is drinking",
    level: "self_care",
    catalogue: ["hand_foot_mouth"],
  },
  // ---- Babies and children -----------------------------------------------------------------------
  {
    source: "NICE NG143",
    redFlag: "fever of 38 °C or more under 3 months",
    level: "emergency",
    rules: ["infant_fever"],
    questions: ["baby_under_3_months", "fever"],
  },
  {
    source: "NICE NG143",
    redFlag: "non-blanching rash with fever or unwell",
    level: "emergency",
    rules: ["non_blanching_rash"],
    questions: ["glass_test"],
  },
  {
    source: "NICE NG143",
    redFlag: "fever for 5 days or more (Kawasaki disease)",
    level: "same_day",
    rules: ["kawasaki"],
  },
  {
    source: "NHS Rashes in babies and children",
    redFlag: "blisters or pus spots in a baby under 3 months (neonatal herpes, impetigo)",
    level: "same_day",
    rules: ["newborn_skin"],
    questions: ["baby_under_3_months"],
  },
  {
    source: "NHS Rashes in babies and children",
    redFlag: "a child with a rash and a fever, or who is unwell",
    level: "doctor_soon",
    rules: ["child_fever_rash"],
    questions: ["child", "fever", "unwell"],
  },
  // ---- Allergy and drugs -------------------------------------------------------------------------
  {
    source: "NICE CKS Angio-oedema and anaphylaxis",
    redFlag: "swelling of the tongue or throat, stridor, wheeze, hoarse voice",
    level: "emergency",
    rules: ["anaphylaxis"],
    questions: ["airway"],
  },
  {
    source: "NICE CKS Angio-oedema and anaphylaxis",
    redFlag: "lip or face swelling without airway signs (angio-oedema)",
    level: "same_day",
    rules: ["anaphylaxis"],
  },
  {
    source: "NHS Hives",
    redFlag: "hives that last more than 6 weeks or keep coming back",
    level: "doctor",
    catalogue: ["urticaria"],
    note: "recurrent hives are not a benign pattern, so the safe default asks for a routine doctor",
  },
  {
    source: "NHS Stevens-Johnson syndrome",
    redFlag: "blisters, peeling skin, or mouth/eye/genital sores after a new medicine",
    level: "emergency",
    rules: ["severe_skin_reaction"],
    questions: ["mouth_eyes_genitals", "skin_peeling", "new_medicine"],
  },
  {
    source: "NICE CG183 Drug allergy",
    redFlag: "a rash after a new medicine; with fever, swollen glands or face (DRESS)",
    level: "same_day",
    rules: ["drug_reaction"],
    questions: ["new_medicine"],
  },
  // ---- Clots, ulcers, lumps ------------------------------------------------------------------------
  {
    source: "NICE CKS Deep vein thrombosis",
    redFlag: "one swollen, warm, painful calf or leg (after a flight, surgery, pregnancy, the pill)",
    level: "same_day",
    rules: ["deep_vein_thrombosis"],
    questions: ["one_leg_swollen"],
  },
  {
    source: "NHS DVT",
    redFlag: "leg swelling with breathlessness or chest pain (pulmonary embolism)",
    level: "emergency",
    rules: ["deep_vein_thrombosis"],
  },
  {
    source: "NICE CKS Leg ulcer - venous",
    redFlag: "infected leg ulcer (redness, pain, warmth) or a non-healing ulcer",
    level: "same_day",
    rules: ["skin_infection", "non_healing_sore"],
    questions: ["four_weeks"],
  },
  {
    source: "NICE CKS Pressure ulcers",
    redFlag: "pressure ulcer with black (necrotic) tissue, or infection",
    level: "doctor_soon",
    rules: ["non_healing_sore", "skin_infection"],
    catalogue: ["pressure_ulcer"],
  },
  {
    source: "NICE NG19 Diabetic foot problems",
    redFlag: "diabetic foot ulcer, infection or ischaemia",
    level: "same_day",
    rules: ["diabetic_foot"],
    questions: ["diabetes"],
  },
  {
    source: "NICE NG12 Suspected cancer",
    redFlag: "suspicious pigmented lesion (weighted 7-point checklist)",
    level: "doctor_soon",
    rules: ["pigmented_lesion"],
    questions: ["mole_changing"],
  },
  {
    source: "NICE NG12 Suspected cancer",
    redFlag: "a lesion suspected to be squamous cell carcinoma (non-healing, growing)",
    level: "doctor_soon",
    rules: ["non_healing_sore"],
    questions: ["four_weeks"],
  },
  {
    source: "NICE NG12 Suspected cancer",
    redFlag: "unexplained bruising or petechiae (leukaemia: blood count within 48 hours)",
    level: "doctor_soon",
    rules: ["unexplained_bruising", "non_blanching_rash"],
  },
  {
    source: "NICE CKS Psoriasis",
    redFlag: "erythrodermic or generalised pustular psoriasis",
    level: "same_day",
    rules: ["erythroderma"],
  },
  {
    source: "NICE CKS Meningitis",
    redFlag: "stiff neck, dislike of light with fever",
    level: "emergency",
    rules: ["sepsis"],
  },
  {
    source: "NHS Stroke",
    redFlag: "face drooping, arm weakness, speech problems",
    level: "emergency",
    rules: ["reduced_consciousness"],
  },
  {
    source: "NHS Rashes in adults",
    redFlag: "a rash that has not gone after a few weeks",
    level: "doctor",
    questions: ["four_weeks"],
    note: "the `persistent` rule: a skin problem lasting 4 weeks or more asks for a routine doctor",
  },
];
