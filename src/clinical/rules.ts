/**
 * Red-flag rules on the patient's words and answers, each following published guidance (docs/clinical-rules.md
 * has the table: rule, trigger, level, source). A rule returns the level it asks for, and the facts (and
 * findings) that triggered it; the most urgent rule wins (triage.ts). A rule may only raise the level.
 *
 * Shorthand below: fever = the word, or a temperature of 38 °C / 100.4 °F or more; rash = any rash word.
 */
import type { FactId, Facts } from "./facts";
import type { RedFlagRule, TriageLevel } from "./types";

export interface Fired {
  readonly level: TriageLevel;
  /** The facts that triggered the rule, quoted back to the patient. */
  readonly ids: readonly FactId[];
  /** Catalogue ids of top findings that completed the rule. */
  readonly findings?: readonly string[];
}

export interface RedFlagRuleDef {
  readonly id: RedFlagRule;
  /** The guidance followed, short form (the table in docs/clinical-rules.md has the links). */
  readonly source: string;
  evaluate(f: Facts): Fired | null;
}

const AIRWAY: readonly FactId[] = [
  "airway_swelling",
  "throat_tightness",
  "hoarse_voice",
  "swallowing_difficulty",
  "breathing_difficulty",
];
const ALLERGY_CONTEXT: readonly FactId[] = ["wheals", "itch", "new_food", "new_medicine", "bite"];
const RASH: readonly FactId[] = [
  "rash",
  "blisters",
  "purpura",
  "non_blanching",
  "wheals",
  "redness",
  "pimples",
  "skin_peeling",
  "scaling",
];
const INFECTION_SIGNS: readonly FactId[] = ["redness", "swelling", "warmth", "pain", "severe_pain"];
const MOLE_CHANGE: readonly FactId[] = [
  "bleeding",
  "rapid_growth",
  "size_change",
  "colour_change",
  "shape_change",
  "changing",
  "large_lesion",
];
const MOLE_LIKE_FINDINGS = ["naevus", "melanoma", "seborrhoeic_keratosis", "dermatofibroma"];

const fever = (f: Facts) => f.has("fever");
const rash = (f: Facts) => f.has(...RASH) || [...f.findings].some((id) => id !== "normal_skin");
const present = (f: Facts, ids: readonly FactId[]) => ids.filter((id) => f.has(id));
const fire = (level: TriageLevel, f: Facts, ids: readonly FactId[], findings: readonly string[] = []) => ({
  level,
  ids: present(f, ids),
  findings: findings.filter((id) => f.findings.has(id)),
});

export const RED_FLAG_RULE_DEFS: readonly RedFlagRuleDef[] = [
  {
    id: "anaphylaxis",
    source: "NICE CKS Angio-oedema and anaphylaxis; NHS Anaphylaxis",
    evaluate(f) {
      if (f.has(...AIRWAY)) return fire("emergency", f, AIRWAY);
      const allergy =
        f.has(...ALLERGY_CONTEXT) || f.findings.has("urticaria") || f.findings.has("angioedema");
      if (f.has("face_swelling") && (allergy || f.has("faint")))
        return fire("emergency", f, ["face_swelling", "faint", ...ALLERGY_CONTEXT]);
      if (f.has("faint", "mottled") && f.has("wheals", "new_food", "bite") && (f.has("swelling") || allergy))
        return fire("emergency", f, ["faint", "mottled", "wheals", "new_food", "bite", "swelling"]);
      if (f.has("face_swelling")) return fire("same_day", f, ["face_swelling"]);
      return null;
    },
  },
  {
    id: "non_blanching_rash",
    source: "NICE NG143; NICE CKS Meningitis; NHS Meningitis (glass test)",
    evaluate(f) {
      const spots: FactId[] = ["non_blanching", "purpura"];
      if (!f.has(...spots) && !f.findings.has("purpura")) return null;
      const ill: FactId[] = ["fever", "unwell", "drowsy", "meningism", "mottled", "faint"];
      if (f.has(...ill)) return fire("emergency", f, [...spots, ...ill], ["purpura"]);
      return fire("same_day", f, spots, ["purpura"]);
    },
  },
  {
    id: "severe_skin_reaction",
    source: "NHS Stevens-Johnson syndrome; AAD Stevens-Johnson syndrome/toxic epidermal necrolysis",
    evaluate(f) {
      const peel = f.has("skin_peeling");
      const mucosal = f.has("mucosal");
      const blisters = f.has("blisters");
      const drug = f.has("new_medicine");
      const systemic = fever(f) || f.has("unwell", "widespread");
      const ids: FactId[] = [
        "skin_peeling",
        "mucosal",
        "blisters",
        "new_medicine",
        "fever",
        "unwell",
        "widespread",
      ];
      if (peel && (systemic || mucosal || drug || f.has("pain", "severe_pain")))
        return fire("emergency", f, ids);
      if (mucosal && (blisters || peel) && (drug || systemic)) return fire("emergency", f, ids);
      if (drug && blisters && (mucosal || systemic)) return fire("emergency", f, ids);
      if (drug && mucosal && rash(f) && systemic) return fire("emergency", f, [...ids, ...RASH]);
      if (f.findings.has("sjs_ten") && (drug || mucosal || blisters))
        return fire("emergency", f, ids, ["sjs_ten"]);
      if (peel) return fire("same_day", f, ["skin_peeling"]);
      if (mucosal && drug) return fire("same_day", f, ["mucosal", "new_medicine"]);
      return null;
    },
  },
  {
    id: "drug_reaction",
    source: "NICE CG183 Drug allergy; DermNet DRESS",
    evaluate(f) {
      if (!f.has("new_medicine") || !rash(f)) return null;
      const dress: FactId[] = ["fever", "face_swelling", "neck_lump", "unwell", "blisters"];
      if (f.has(...dress)) return fire("same_day", f, ["new_medicine", ...dress, ...RASH], ["drug_eruption"]);
      return fire("doctor_soon", f, ["new_medicine", ...RASH], ["drug_eruption"]);
    },
  },
  {
    id: "necrotising_fasciitis",
    source: "NICE CKS Cellulitis (acute); NHS Necrotising fasciitis",
    evaluate(f) {
      const ids: FactId[] = [
        "pain_out_of_proportion",
        "severe_pain",
        "rapid_spread",
        "black_tissue",
        "fever",
        "unwell",
        "sore",
        ...INFECTION_SIGNS,
      ];
      if (f.has("pain_out_of_proportion")) return fire("emergency", f, ids);
      if (f.has("severe_pain") && f.has("rapid_spread")) return fire("emergency", f, ids);
      const black = f.has("black_tissue") && !f.has("mole");
      if (black && f.has("fever", "unwell", "severe_pain", "rapid_spread", "sore"))
        return fire("emergency", f, ids);
      const inflamed = f.has(...INFECTION_SIGNS);
      if (f.has("rapid_spread") && inflamed && f.has("fever", "unwell")) return fire("emergency", f, ids);
      if (f.findings.has("necrotising_fasciitis") && (f.has("severe_pain", "rapid_spread") || fever(f)))
        return fire("emergency", f, ids, ["necrotising_fasciitis"]);
      if (black || (f.has("rapid_spread") && inflamed)) return fire("same_day", f, ids);
      return null;
    },
  },
  {
    id: "reduced_consciousness",
    source: "NICE NG143 (red features); NHS Stroke (FAST)",
    evaluate(f) {
      if (f.has("drowsy", "stroke_signs")) return fire("emergency", f, ["drowsy", "stroke_signs"]);
      return null;
    },
  },
  {
    id: "sepsis",
    source: "NICE NG51 Sepsis; NICE NG143",
    evaluate(f) {
      const ids: FactId[] = ["mottled", "fever", "meningism", "faint", "unwell"];
      // Blue or grey lips or skin is an emergency alone; mottling alone (a cold baby's skin) asks for today.
      const blue = f.words(["mottled"]).some((w) => /blue|grey|gray|ashen|紫|青|绀|灰/i.test(w));
      if (blue || (f.has("mottled") && (fever(f) || f.has("unwell", "drowsy", "faint", ...RASH))))
        return fire("emergency", f, ids);
      if (f.has("mottled")) return fire("same_day", f, ids);
      if (fever(f) && f.has("meningism", "faint")) return fire("emergency", f, ids);
      if (fever(f) && f.has("unwell")) return fire("same_day", f, ids);
      return null;
    },
  },
  {
    id: "lymphangitis",
    source: "NICE CKS Cellulitis (acute); NHS Cellulitis",
    evaluate(f) {
      return f.has("red_streak") ? fire("same_day", f, ["red_streak", "fever", "spreading"]) : null;
    },
  },
  {
    id: "orbital_cellulitis",
    source: "NICE CKS Cellulitis (acute): periorbital and orbital cellulitis",
    evaluate(f) {
      const eyeArea = f.has("eye_swelling") || (f.has("near_eye") && f.has("swelling", "redness"));
      const ids: FactId[] = [
        "eye_swelling",
        "near_eye",
        "orbital_signs",
        "vision_change",
        "fever",
        "redness",
        "pain",
      ];
      if (f.has("orbital_signs") && (eyeArea || f.has("fever", "redness", "pain", "swelling")))
        return fire("emergency", f, ids);
      if (eyeArea && f.has("vision_change")) return fire("emergency", f, ids);
      if (f.has("orbital_signs")) return fire("same_day", f, ids);
      if (
        eyeArea &&
        (fever(f) || f.has("warmth") || (f.has("redness") && f.has("pain")) || (f.child && f.has("redness")))
      )
        return fire("same_day", f, ids);
      return null;
    },
  },
  {
    id: "zoster_eye",
    source: "NICE CKS Shingles (herpes zoster ophthalmicus, Hutchinson's sign)",
    evaluate(f) {
      const shingles =
        f.has("shingles_word") ||
        f.findings.has("herpes_zoster") ||
        (f.has("blisters") && f.has("one_side_band", "tingling"));
      const site: FactId[] = ["near_eye", "nose_tip", "forehead"];
      const ids: FactId[] = ["shingles_word", "blisters", ...site, "vision_change", "red_eyes"];
      if (shingles && f.has(...site)) return fire("same_day", f, ids, ["herpes_zoster"]);
      if (f.has("blisters", "cold_sore") && f.has("near_eye")) return fire("same_day", f, ids);
      return null;
    },
  },
  {
    id: "shingles",
    source: "NICE CKS Shingles; NHS Shingles (antivirals within 3 days of the rash)",
    evaluate(f) {
      const band =
        f.has("blisters") && f.has("one_side_band") && f.has("pain", "burning", "tingling", "severe_pain");
      if (f.has("shingles_word") || band)
        return fire("same_day", f, [
          "shingles_word",
          "blisters",
          "one_side_band",
          "pain",
          "burning",
          "tingling",
        ]);
      return null;
    },
  },
  {
    id: "infant_fever",
    source: "NICE NG143 Fever in under 5s",
    evaluate(f) {
      const ids: FactId[] = ["under_3_months", "infant", "fever", "unwell"];
      if (f.under3Months && fever(f)) return fire("emergency", f, ids);
      const age = f.ageYears;
      if (age !== null && age >= 0.25 && age < 0.5 && (f.temperatureC ?? 0) >= 39)
        return fire("same_day", f, ids);
      if (f.under3Months && f.has("unwell")) return fire("same_day", f, ids);
      if (f.has("infant") && age === null && fever(f)) return fire("same_day", f, ids);
      return null;
    },
  },
  {
    id: "child_fever_rash",
    source: "NICE NG143 Fever in under 5s; NHS Rashes in babies and children",
    evaluate(f) {
      if (!f.child || !fever(f) || !rash(f)) return null;
      const ids: FactId[] = ["child", "infant", "fever", "unwell", ...RASH];
      return f.has("unwell") ? fire("same_day", f, ids) : fire("doctor_soon", f, ids);
    },
  },
  {
    id: "kawasaki",
    source: "NHS Kawasaki disease; NICE NG143 (fever for 5 days or more)",
    evaluate(f) {
      if (!f.child || !fever(f)) return null;
      const signs: FactId[] = ["red_eyes", "red_lips_tongue", "hands_feet_changes", "neck_lump", "rash"];
      const count = f.count(...signs) + (f.has("rash") ? 0 : rash(f) ? 1 : 0);
      const days = f.durationDays ?? 0;
      if (count >= 3 || (days >= 5 && count >= 1) || days >= 5)
        return fire("same_day", f, ["fever", ...signs]);
      return null;
    },
  },
  {
    id: "immunosuppressed_infection",
    source: "NICE CG151 Neutropenic sepsis; NICE CKS Shingles",
    evaluate(f) {
      if (!f.has("immunosuppressed")) return null;
      const ids: FactId[] = [
        "immunosuppressed",
        "fever",
        "blisters",
        "spreading",
        "shingles_word",
        "pus",
        ...INFECTION_SIGNS,
      ];
      if (fever(f)) return fire("emergency", f, ids);
      if (
        f.has("blisters", "spreading", "shingles_word", "pus", "cold_sore") ||
        f.findings.has("herpes_zoster")
      )
        return fire("same_day", f, ids, ["herpes_zoster"]);
      if (rash(f)) return fire("doctor_soon", f, ids);
      return null;
    },
  },
  {
    id: "pregnancy_varicella",
    source:
      "RCOG Green-top Guidelines 13 (chickenpox in pregnancy) and 43 (obstetric cholestasis); NICE CKS Chickenpox; NHS Rashes in pregnancy",
    evaluate(f) {
      if (!f.has("pregnant")) return null;
      const ids: FactId[] = ["pregnant", "chickenpox_word", "shingles_word", "blisters", "fever"];
      const pox =
        f.has("chickenpox_word", "shingles_word") ||
        f.findings.has("chickenpox") ||
        f.findings.has("herpes_zoster");
      if (pox || (f.has("blisters") && fever(f)))
        return fire("same_day", f, ids, ["chickenpox", "herpes_zoster"]);
      if (rash(f) && fever(f)) return fire("same_day", f, [...ids, ...RASH]);
      // Itching in pregnancy can be obstetric cholestasis (RCOG Green-top Guideline 43).
      if (rash(f) || f.has("itch")) return fire("doctor_soon", f, ["pregnant", "itch", ...RASH]);
      return null;
    },
  },
  {
    id: "diabetic_foot",
    source: "NICE NG19 Diabetic foot problems",
    evaluate(f) {
      const ulcerFinding = f.findings.has("diabetic_foot_ulcer");
      if (!f.has("diabetes") || !(f.has("foot") || ulcerFinding)) return null;
      const ids: FactId[] = [
        "diabetes",
        "foot",
        "black_tissue",
        "smell",
        "fever",
        "unwell",
        "sore",
        "non_healing",
        "blisters",
        "pus",
        "rapid_spread",
        ...INFECTION_SIGNS,
      ];
      if (
        f.has("black_tissue", "rapid_spread") ||
        (f.has("fever", "unwell") && f.has(...INFECTION_SIGNS, "pus", "sore", "smell"))
      )
        return fire("emergency", f, ids);
      if (
        f.has("sore", "non_healing", "blisters", "pus", "smell", "bleeding", ...INFECTION_SIGNS) ||
        ulcerFinding
      )
        return fire("same_day", f, ids, ["diabetic_foot_ulcer"]);
      return null;
    },
  },
  {
    id: "burn",
    source: "NICE CKS Burns and scalds; NHS Burns and scalds",
    evaluate(f) {
      const special: FactId[] = ["burn_chemical", "burn_electrical"];
      if (f.has(...special)) return fire("emergency", f, [...special, "burn_injury", "blisters"]);
      const burned = f.has("burn_injury") || f.findings.has("burn");
      const sunburnOnly = f.has("sunburn") && f.words(["burn_injury"]).every((w) => /sun|晒/.test(w));
      if (!burned) return null;
      const ids: FactId[] = [
        "burn_injury",
        "burn_large",
        "burn_deep",
        "sensitive_site",
        "blisters",
        "child",
        "infant",
        "pregnant",
      ];
      if (sunburnOnly) {
        if (f.has("blisters") && (f.has("widespread", "burn_large") || fever(f) || f.has("faint", "unwell")))
          return fire("same_day", f, ["sunburn", "blisters", "widespread", "fever", "faint", "unwell"]);
        return null;
      }
      if (f.has("burn_large", "burn_deep")) return fire("emergency", f, ids, ["burn"]);
      if (f.has("sensitive_site") && f.has("blisters")) return fire("emergency", f, ids, ["burn"]);
      const vulnerable =
        f.child || f.has("pregnant", "diabetes", "immunosuppressed") || (f.ageYears ?? 0) >= 70;
      if (vulnerable && f.has("blisters"))
        return fire("same_day", f, [...ids, "diabetes", "immunosuppressed"], ["burn"]);
      if (f.has("pus", "smell") || (fever(f) && f.has("redness", "spreading")))
        return fire("same_day", f, [...ids, "pus", "smell", "fever", "spreading"], ["burn"]);
      return null;
    },
  },
  {
    id: "pigmented_lesion",
    source: "NICE NG12 Suspected cancer (weighted 7-point checklist); ABCDE",
    evaluate(f) {
      const moleFindings = MOLE_LIKE_FINDINGS.filter((id) => f.findings.has(id));
      const mole = f.has("mole") || moleFindings.length > 0;
      const ids: FactId[] = ["mole", "nail_streak", "new_lesion", ...MOLE_CHANGE];
      const found = f.has("mole") ? [] : moleFindings;
      if (f.has("nail_streak")) return fire("doctor_soon", f, ids);
      if (mole && f.has(...MOLE_CHANGE)) return fire("doctor_soon", f, ids, found);
      if (mole && f.has("new_lesion") && (f.ageYears ?? 0) >= 50) return fire("doctor_soon", f, ids, found);
      if (f.has("mole") && f.has("new_lesion", "itch", "oozing", "crusting"))
        return fire("doctor", f, [...ids, "itch", "oozing", "crusting"]);
      return null;
    },
  },
  {
    id: "non_healing_sore",
    source: "NICE NG12 Suspected cancer (squamous cell carcinoma); NHS Non-melanoma skin cancer",
    evaluate(f) {
      const sore = f.has("non_healing") || (f.has("sore") && f.has("lasting_4_weeks"));
      if (!sore) return null;
      const ids: FactId[] = [
        "non_healing",
        "sore",
        "lasting_4_weeks",
        "bleeding",
        "rapid_growth",
        "size_change",
      ];
      if (f.has("rapid_growth") || (f.has("lasting_4_weeks") && f.has("bleeding", "size_change")))
        return fire("doctor_soon", f, ids);
      if (f.has("lasting_4_weeks")) return fire("doctor", f, ids);
      return null;
    },
  },
  {
    id: "erythema_migrans",
    source: "NICE NG95 Lyme disease",
    evaluate(f) {
      const ring = f.has("bullseye") || f.findings.has("erythema_migrans");
      if (ring || (f.has("tick_bite") && f.has("ring_shape", "spreading", "redness", "rash")))
        return fire(
          "doctor_soon",
          f,
          ["tick_bite", "bullseye", "ring_shape", "spreading", "redness", "rash"],
          ["erythema_migrans"],
        );
      return null;
    },
  },
  {
    id: "eczema_herpeticum",
    source: "NICE CKS Eczema (atopic); NICE CG57 Atopic eczema in under 12s",
    evaluate(f) {
      if (!f.has("eczema_word") && !f.findings.has("eczema") && !f.findings.has("eczema_herpeticum"))
        return null;
      const sores: FactId[] = ["blisters", "sore", "crusting", "pus"];
      const ids: FactId[] = [
        "eczema_word",
        "cold_sore",
        ...sores,
        "fever",
        "unwell",
        "rapid_spread",
        "spreading",
        "pain",
        "severe_pain",
      ];
      if (f.has("cold_sore") && f.has(...sores, "pain", "spreading"))
        return fire("same_day", f, ids, ["eczema_herpeticum"]);
      if (
        f.has(...sores) &&
        (f.has("fever", "unwell", "rapid_spread", "severe_pain") || (f.has("pain") && f.has("spreading")))
      )
        return fire("same_day", f, ids, ["eczema_herpeticum"]);
      if (f.findings.has("eczema_herpeticum")) return fire("same_day", f, ids, ["eczema_herpeticum"]);
      if (f.has("eczema_word") && f.has("pus", "oozing", "crusting") && f.has("pain", "spreading", "redness"))
        return fire("doctor_soon", f, [...ids, "oozing"]);
      return null;
    },
  },
  {
    id: "skin_infection",
    source: "NICE NG141 Cellulitis and erysipelas; NICE CKS Cellulitis (acute); NHS Cellulitis",
    evaluate(f) {
      const signs = f.count("redness", "swelling", "warmth", "pain", "severe_pain");
      const ids: FactId[] = ["fever", "spreading", "boil", "pus", ...INFECTION_SIGNS];
      const infected =
        signs >= 2 || f.has("boil") || (f.has("spreading") && f.has("redness", "warmth", "swelling"));
      if (fever(f) && infected) return fire("same_day", f, ids, ["cellulitis", "abscess"]);
      if (f.has("spreading") && f.has("redness", "swelling") && f.has("warmth", "pain", "severe_pain"))
        return fire("same_day", f, ids, ["cellulitis"]);
      if (f.has("warmth") && f.has("redness") && f.has("swelling", "pain"))
        return fire("doctor_soon", f, ids);
      if (f.has("boil") && f.has("pain", "swelling", "redness"))
        return fire("doctor_soon", f, ids, ["abscess"]);
      return null;
    },
  },
];
