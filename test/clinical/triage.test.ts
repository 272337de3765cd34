import { describe, expect, it } from "vitest";
import {
  type Answers,
  type Assessment,
  assess,
  assessWords,
  type TriageLevel,
  type TriageRule,
} from "../../src/clinical";
import { goodPhoto, skinPhoto } from "./fixtures";

/** A confident, harmless image result, so any escalation comes from the rule under test. */
const calmImage = { eczema: 0.8, psoriasis: 0.1, acne: 0.1 };
const run = (text: string, imageProbabilities: Record<string, number> = calmImage, answers?: Answers) =>
  assess({ imageProbabilities, gateProbabilities: skinPhoto, quality: goodPhoto, text, answers });
/** The words alone: a photo the skin gate rejects. */
const words = (text: string, answers?: Answers) =>
  assess({
    imageProbabilities: calmImage,
    gateProbabilities: { skin: 0.1, object: 0.9 },
    quality: goodPhoto,
    text,
    answers,
  });
const reason = (a: Assessment, rule: TriageRule) => a.triage.reasons.find((r) => r.rule === rule);

/**
 * One block per rule family: messages in English and Chinese that must reach the level, and the negated or
 * look-alike messages that must not fire the rule. Both with a calm photo and with a photo the gate rejects.
 */
const families: {
  rule: TriageRule;
  fires: [string, TriageLevel][];
  quiet: string[];
}[] = [
  {
    rule: "anaphylaxis",
    fires: [
      ["my throat feels like its closing and my lip is swolen", "emergency"],
      ["swollen face and tongue after a bee sting", "emergency"],
      ["hives everywhere and its hard to breath", "emergency"],
      ["嗓子眼发紧，说话声音都变了", "emergency"],
      ["眼睛和嘴巴都肿", "emergency"],
      ["吃了海鲜以后嘴唇肿了", "emergency"],
      ["my face is swollen", "same_day"],
    ],
    quiet: [
      "I dont have any difficulty swallowing, just a rash",
      "no swelling of the lips and no trouble breathing",
      "breathing is fine, lips are fine, just itchy hives",
      "嘴唇没有肿，没有呼吸困难",
      "嘴唇肿倒是不肿，就是有点痒",
    ],
  },
  {
    rule: "non_blanching_rash",
    fires: [
      ["the spots stay red when I roll a glass over them", "same_day"],
      ["a rash that doesn't fade when I press a glass on it, and a fever", "emergency"],
      ["purple spots on his legs and he is very unwell", "emergency"],
      ["皮疹用杯子压也不消退，还发烧", "emergency"],
      ["腿上有出血点", "same_day"],
    ],
    quiet: [
      "red rash that fades when I press a glass on it",
      "红疹压一下就褪色",
      "a purple bruise after I hit my leg",
    ],
  },
  {
    rule: "severe_skin_reaction",
    fires: [
      ["a week after starting a new medicine I have blisters and my lips are raw", "emergency"],
      ["skin is peeling off in sheets and I have a high fever", "emergency"],
      ["吃了新药后嘴唇溃烂、皮肤起大疱", "emergency"],
      ["皮肤大片脱皮，像烫伤一样，很疼", "emergency"],
      ["mouth sores since I started allopurinol", "same_day"],
    ],
    quiet: ["peeling skin on my fingers after washing up", "手上有点脱皮", "a mouth ulcer"],
  },
  {
    rule: "drug_reaction",
    fires: [
      ["itchy rash after starting amoxicillin", "doctor_soon"],
      ["rash since new tablets, with a fever and swollen glands", "same_day"],
      ["换了药以后身上起疹子", "doctor_soon"],
    ],
    quiet: ["I take my usual tablets, no rash", "平时吃的降压药，没有皮疹"],
  },
  {
    rule: "necrotising_fasciitis",
    fires: [
      ["the pain is way worse than it looks and its spreading fast", "emergency"],
      ["excruciating pain in my red swollen thigh, spreading by the hour", "emergency"],
      ["疼得比看起来厉害多了", "emergency"],
      ["没多久就蔓延开了，又红又肿又疼，发烧", "emergency"],
      ["没多久就蔓延开了，又红又肿又疼", "same_day"],
    ],
    quiet: ["a slowly spreading itchy ring", "扩散得很慢，有点痒"],
  },
  {
    rule: "reduced_consciousness",
    fires: [
      ["rash and she is very drowsy and hard to wake", "emergency"],
      ["baby with spots, floppy and not responding", "emergency"],
      ["孩子出疹子，叫不醒", "emergency"],
      ["老人意识不清，身上起疹子", "emergency"],
    ],
    quiet: ["I'm confused about whether this is eczema", "a floppy skin tag", "晚上睡不好，很痒"],
  },
  {
    rule: "sepsis",
    fires: [
      ["fever and mottled blue-ish skin", "emergency"],
      ["high temperature and a stiff neck", "emergency"],
      ["发烧，脖子发硬", "emergency"],
      ["高烧，精神很差", "same_day"],
      ["lips turning blue", "emergency"],
      ["my baby's skin looks mottled", "same_day"],
    ],
    quiet: ["no fever, neck is fine", "不发烧，精神很好"],
  },
  {
    rule: "lymphangitis",
    fires: [
      ["a red streak going up my arm from a cut", "same_day"],
      ["手上的伤口有一条红线往上走", "same_day"],
    ],
    quiet: ["a red patch on my arm", "手臂上一块红斑"],
  },
  {
    rule: "orbital_cellulitis",
    fires: [
      ["his eyelid is red and swollen and it hurts him to move his eye", "emergency"],
      ["swollen eye and blurry vision", "emergency"],
      ["孩子眼皮红肿，转动眼睛就疼", "emergency"],
      ["眼皮红肿发烫", "same_day"],
    ],
    quiet: ["my eyelids are puffy and itchy in the morning", "I'll keep an eye on it", "眼皮有点干"],
  },
  {
    rule: "zoster_eye",
    fires: [
      ["shingles on my forehead and around my eye", "same_day"],
      ["blisters on the tip of my nose and forehead, one side, tingling", "same_day"],
      ["带状疱疹长到眼睛周围了", "same_day"],
      ["眼睛旁边起了水泡", "same_day"],
    ],
    quiet: ["no blisters near my eye", "眼睛旁边没有水泡"],
  },
  {
    rule: "shingles",
    fires: [
      ["I think I have shingles", "same_day"],
      ["a band of painful blisters on one side of my chest", "same_day"],
      ["腰上一侧起了一串水泡，火辣辣地疼", "same_day"],
      ["老人得了蛇盘疮", "same_day"],
    ],
    quiet: ["had the shingles vaccine last year, now dry skin", "blisters on both feet from new shoes"],
  },
  {
    rule: "infant_fever",
    fires: [
      ["my 6 week old has a temperature of 38.2", "emergency"],
      ["newborn with a fever", "emergency"],
      ["两个月大的宝宝体温38.3", "emergency"],
      ["5 month old with a 39.4 fever", "same_day"],
      ["baby has a fever", "same_day"],
    ],
    quiet: ["my 6 week old has a rash, no fever", "宝宝两个月，不发烧，脸上有点红", "babies itchy hands"],
  },
  {
    rule: "child_fever_rash",
    fires: [
      ["my toddler has a fever and a rash and won't drink", "same_day"],
      ["she's 5, fever and spots on her tummy", "doctor_soon"],
      ["孩子发烧，全身起红疹，不吃不喝", "same_day"],
    ],
    quiet: ["my son has a rash, no fever", "孩子起疹子，不发烧", "I'm 40 with a fever and a rash"],
  },
  {
    rule: "kawasaki",
    fires: [
      ["my 3 year old has had a fever for 6 days, red eyes and cracked red lips", "same_day"],
      ["孩子高烧五天不退，手脚红肿，指尖脱皮", "same_day"],
    ],
    quiet: ["my son had red eyes last month, no fever now"],
  },
  {
    rule: "immunosuppressed_infection",
    fires: [
      ["I'm on chemo and have a temperature of 38 and a rash", "emergency"],
      ["kidney transplant, new blisters on my side", "same_day"],
      ["我在化疗，发烧38.5度", "emergency"],
    ],
    quiet: ["not on chemo, no transplant, a small spot", "没有化疗，也没做过移植，有个小斑点"],
  },
  {
    rule: "pregnancy_varicella",
    fires: [
      ["I'm 20 weeks pregnant and I think I have chickenpox", "same_day"],
      ["pregnant with a fever and a rash", "same_day"],
      ["怀孕20周，好像出水痘了", "same_day"],
      ["I'm 32 weeks pregnant and very itchy", "doctor_soon"],
    ],
    quiet: ["not pregnant, chickenpox as a child, now a dry patch"],
  },
  {
    rule: "diabetic_foot",
    fires: [
      ["diabetic, sore on my big toe that smells and is turning black", "emergency"],
      ["I have diabetes and a blister on my heel that won't heal", "same_day"],
      ["糖尿病十年了，脚趾上的伤口发黑，有臭味", "emergency"],
      ["有糖尿病，脚后跟磨了个水泡一直不好", "same_day"],
    ],
    quiet: ["diabetic, itchy back", "糖尿病，后背有点痒"],
  },
  {
    rule: "burn",
    fires: [
      ["burned my arm on the oven, bigger than my hand", "emergency"],
      ["scalded my hand with boiling water, it has blistered", "emergency"],
      ["孩子被热水烫到胸口，起了水泡", "same_day"],
      [
        "my toddler pulled the kettle over, his chest is bright red and blistering, bigger than my whole hand",
        "emergency",
      ],
      ["BB俾熱湯淥到隻手，起咗水泡", "emergency"],
    ],
    quiet: [
      "small burn from a curling iron, red, no blisters",
      "做饭时手指轻微烫了一下，没有起泡",
      "I used salicylic acid on my acne",
    ],
  },
  {
    rule: "chemical_injury",
    fires: [
      ["chemical burn from drain cleaner", "emergency"],
      ["被硫酸溅到手上了", "emergency"],
      ["splashed drain unblocker on my arm, the skin went white and waxy", "emergency"],
      ["84消毒液溅到手上，火辣辣的", "emergency"],
    ],
    quiet: ["I used salicylic acid on my acne", "my new cleanser stings a bit"],
  },
  {
    rule: "electrical_injury",
    fires: [
      ["got a shock from a socket at work, there's a small black mark on my finger", "emergency"],
      ["被电打了一下，手指有个黑点", "emergency"],
    ],
    quiet: ["static shock from the car door, nothing to see"],
  },
  {
    rule: "animal_bite",
    fires: [
      ["bitten by a snake on the hike, the ankle is swelling", "emergency"],
      ["被狗咬破皮了", "same_day"],
      ["our cat scratched my hand and it bled a bit", "same_day"],
      ["a bat flew into the bedroom last night", "same_day"],
    ],
    quiet: ["mosquito bites on my legs, itchy", "被蚊子咬了几个包"],
  },
  {
    rule: "deep_vein_thrombosis",
    fires: [
      ["after a long flight my left calf is swollen, hot and painful", "same_day"],
      ["right leg swollen and sore since the operation, now short of breath", "emergency"],
      ["坐了十几个小时飞机，左小腿肿痛发烫", "same_day"],
    ],
    quiet: ["both ankles a bit puffy in the evening after standing all day"],
  },
  {
    rule: "newborn_skin",
    fires: [
      ["my 10 day old has little blisters on her scalp", "same_day"],
      ["新生儿身上起了很多红点", "doctor"],
    ],
    quiet: ["my 2 year old has a few mosquito bites"],
  },
  {
    rule: "hand_foot_mouth_severe",
    fires: [
      ["he has hand foot and mouth, now very sleepy and his arms keep jerking", "emergency"],
      ["孩子手足口病，今天一直呕吐", "same_day"],
      ["手足口病，睡觉时老是惊跳，肢体抖动", "emergency"],
    ],
    quiet: ["hand foot and mouth, eating and drinking fine, playing"],
  },
  {
    rule: "pigmented_lesion",
    fires: [
      ["my mole has started bleeding", "doctor_soon"],
      ["I'm 62 and noticed a new dark spot on my cheek", "doctor_soon"],
      ["dark streak down my thumbnail", "doctor_soon"],
      ["这个痣最近变大了", "doctor_soon"],
      ["痣的颜色变深了", "doctor_soon"],
    ],
    quiet: ["the mole has not changed and does not bleed", "痣没有变大，也没有出血"],
  },
  {
    rule: "non_healing_sore",
    fires: [
      ["a sore on my nose that won't heal for 2 months", "doctor"],
      ["scab on my lip keeps bleeding and not healing for 6 wks", "doctor_soon"],
      ["鼻子上有个溃疡两个多月一直不好", "doctor"],
    ],
    quiet: ["a cut on my finger from yesterday, healing well"],
  },
  {
    rule: "erythema_migrans",
    fires: [
      ["a red ring getting bigger on my leg after a tick bite", "doctor_soon"],
      ["bullseye rash on my arm", "doctor_soon"],
      ["被蜱虫咬过，腿上有个红圈越来越大", "doctor_soon"],
    ],
    quiet: ["no tick bite, an itchy patch", "没被蜱虫咬过，有点痒"],
  },
  {
    rule: "eczema_herpeticum",
    fires: [
      ["his eczema suddenly got painful with lots of small blisters and a fever", "same_day"],
      ["孩子有湿疹，突然起了很多小水疱，还发烧", "same_day"],
    ],
    quiet: ["eczema flare, dry and itchy", "湿疹，有点痒"],
  },
  {
    rule: "skin_infection",
    fires: [
      ["red, hot, swollen leg that is spreading and I have a fever", "same_day"],
      ["painful boil on my thigh and I feel feverish", "same_day"],
      ["my arm is red and warm and swollen around a bite", "doctor_soon"],
      ["小腿红肿发烫，范围在扩大，还发烧", "same_day"],
    ],
    quiet: ["no fever, not red, not swollen, just dry", "不红不肿不发烧"],
  },
];

describe.each(families)("red flag: $rule", ({ rule, fires, quiet }) => {
  it.each(fires)("%s -> %s, whatever the photo", (text, level) => {
    for (const a of [run(text), words(text)]) {
      const r = reason(a, rule);
      expect(r?.level, `${rule}: ${text}`).toBe(level);
      expect(r?.source).toMatch(/NICE|NHS|RCOG|AAD|DermNet/);
      expect(
        a.triage.level === "emergency" ||
          a.triage.level === level ||
          a.triage.reasons[0].level === a.triage.level,
      ).toBe(true);
    }
    expect(words(text).triage.wordsLevel).not.toBe("self_care");
  });

  it.each(quiet.map((q) => [q]))("does not fire: %s", (text) => {
    expect(reason(run(text), rule)).toBeUndefined();
    expect(reason(words(text), rule)).toBeUndefined();
  });
});

describe("reasons quote the patient's words and cite the guidance", () => {
  it.each([
    ["my lips are swollen", ["my lips are swollen"]],
    ["I have trouble breathing", ["trouble breathing"]],
    ["嘴唇肿了", ["嘴唇肿"]],
    ["喘不过气", ["喘不过气"]],
  ])("%s", (text, triggers) => {
    const a = run(text);
    expect(a.status).toBe("ok");
    expect(a.triage.level).toBe("emergency");
    expect(a.triage.reasons[0]).toMatchObject({ rule: "anaphylaxis", level: "emergency" });
    expect(a.triage.reasons[0].triggers).toEqual(expect.arrayContaining(triggers));
    expect(a.triage.reasons[0].message).toMatch(/You mentioned: "|您提到：“/);
    for (const word of triggers) expect(a.triage.reasons[0].message).toContain(word);
    expect(a.advice[0]).toMatch(/emergency number now \(112, 911 or 999\)|立即拨打120/);
    expect(a.triage.action).toBe(a.advice[0]);
  });

  it("treats a mole-like finding in the top findings as the mole the words describe", () => {
    const r = reason(
      run("it has been bleeding", { naevus: 0.7, eczema: 0.2, acne: 0.1 }),
      "pigmented_lesion",
    );
    expect(r?.triggers).toEqual(["bleeding", "Mole (benign naevus)"]);
    expect(r?.level).toBe("doctor_soon");
  });

  it("treats shingles in the top findings near the eye as shingles near the eye", () => {
    const r = reason(run("it hurts around my eye", { herpes_zoster: 0.7, eczema: 0.3 }), "zoster_eye");
    expect(r?.triggers).toEqual(["eye", "Shingles (herpes zoster)"]);
    expect(r?.level).toBe("same_day");
  });

  it("lists the most urgent reason first", () => {
    const a = run("fever, spreading red painful skin, and now my lips are swollen");
    expect(a.triage.reasons.map((r) => r.rule).slice(0, 2)).toEqual(["anaphylaxis", "skin_infection"]);
  });
});

describe("the words are heard whatever the photo", () => {
  it("triages the words when the photo fails a gate, even without a red flag", () => {
    // Nothing recognised as benign: at least a routine doctor, never self-care on words we did not understand.
    const notSkin = words("itchy red patch for 3 days");
    expect(notSkin.status).toBe("not_skin");
    expect(notSkin.triage).toMatchObject({ level: "doctor" });
    expect(notSkin.triage.reasons.map((r) => r.rule)).toEqual(["unrecognised"]);
    expect(notSkin.triage.reasons[0].message).toMatch(/could not recognise.*fever/);
    // A benign pattern the words match: self-care, with what would make it urgent.
    const bites = words("a few mosquito bites on my legs, itchy");
    expect(bites.triage.level).toBe("self_care");
    expect(bites.triage.reasons.map((r) => r.rule)).toEqual(["benign_pattern"]);
    expect(bites.triage.reasons[0].message).toMatch(/insect bite.*spreads quickly/);
    expect(bites.triage.reasons[0].source).toMatch(/NHS Insect bites and stings/);
    // Nothing written and nothing usable in the photo: not self-care either.
    expect(words("").triage.level).toBe("doctor");
    const blurry = assess({
      imageProbabilities: calmImage,
      gateProbabilities: skinPhoto,
      quality: {
        ...goodPhoto,
        ok: false,
        problems: [{ code: "blurry", tip: { en: "sharper", zh: "清晰" } }],
      },
      text: "my face is swollen after a new medicine",
    });
    expect(blurry.status).toBe("poor_photo");
    expect(blurry.triage.level).toBe("emergency");
    expect(words("itchy for 6 weeks").triage).toMatchObject({ level: "doctor", wordsLevel: "doctor" });
  });

  it("gives the same level with no photo (assessWords) as with a photo the gate rejects", () => {
    for (const { fires, quiet } of families) {
      for (const text of [...fires.map(([t]) => t), ...quiet]) {
        expect(assessWords({ text }).triage.level, text).toBe(words(text).triage.level);
      }
    }
  });

  it("reports the words' own level beside the combined one", () => {
    const a = run("", { melanoma: 0.7, naevus: 0.3 });
    expect(a.triage.level).toBe("doctor_soon");
    expect(a.triage.wordsLevel).toBe("self_care");
  });
});

describe("structured answers", () => {
  it("a yes adds the sign and can only raise the level", () => {
    expect(words("my baby has a rash and a fever").triage.level).toBe("same_day");
    const yes = words("my baby has a rash and a fever", { baby_under_3_months: "yes" });
    expect(yes.triage.level).toBe("emergency");
    expect(reason(yes, "infant_fever")?.triggers).toContain("a baby under 3 months (answered yes)");
    expect(words("itchy rash", { glass_test: "yes" }).triage.level).toBe("same_day");
    expect(words("itchy rash", { glass_test: "yes", fever: "yes" }).triage.level).toBe("emergency");
  });

  it("only raises: a no or not sure never lowers what the words said", () => {
    const text = "rash and trouble breathing";
    expect(words(text).triage.level).toBe("emergency");
    expect(words(text, { airway: "no" }).triage.level).toBe("emergency");
    expect(words(text, { airway: "unknown" }).triage.level).toBe("emergency");
    expect(words("mosquito bites", { fever: "no", airway: "no", bite: "no" }).triage.level).toBe("self_care");
    expect(words("mosquito bites", { airway: "yes" }).triage.level).toBe("emergency");
    // The airway is asked apart from the lips: its yes is an emergency whatever the words said before.
    const lip = "my top lip swelled a bit, going down now, no trouble breathing";
    expect(words(lip).triage.level).toBe("same_day");
    expect(words(lip, { lips: "yes" }).triage.level).toBe("same_day");
    expect(words(lip, { airway: "yes" }).triage.level).toBe("emergency");
  });

  it("lists the open questions whose yes would raise the level, most urgent first, localised", () => {
    const a = words("my child has a fever and a rash");
    expect(a.triage.level).toBe("doctor_soon");
    const ids = a.questions.map((q) => q.id);
    expect(ids).toEqual(expect.arrayContaining(["glass_test", "drowsy"]));
    expect(ids).not.toContain("fever");
    // The core checklist comes first, without what the words already said (a child, a fever).
    const core = a.questions.filter((q) => q.kind === "core").map((q) => q.id);
    expect(core).toEqual(expect.arrayContaining(["burn", "bite", "airway", "mouth_eyes_genitals", "unwell"]));
    expect(core).not.toEqual(expect.arrayContaining(["child"]));
    expect(a.questions.slice(0, core.length).every((q) => q.kind === "core")).toBe(true);
    const redFlags = a.questions.filter((q) => q.kind === "red_flag");
    for (const q of redFlags) expect(["same_day", "emergency"]).toContain(q.raisesTo);
    const ranks = redFlags.map((q) =>
      ["self_care", "doctor", "doctor_soon", "same_day", "emergency"].indexOf(q.raisesTo),
    );
    expect(ranks).toEqual([...ranks].sort((x, y) => y - x));
    const zh = assess({
      imageProbabilities: calmImage,
      gateProbabilities: skinPhoto,
      quality: goodPhoto,
      text: "孩子发烧，起了疹子",
    });
    expect(zh.questions.find((q) => q.id === "glass_test")?.text).toMatch(/玻璃杯/);
  });

  it("does not ask again what was answered, and asks nothing when nothing could raise the level", () => {
    const answered = words("my child has a fever and a rash", { glass_test: "no", drowsy: "unknown" });
    expect(answered.questions.map((q) => q.id)).not.toEqual(expect.arrayContaining(["glass_test", "drowsy"]));
    expect(
      words("no fever, spreading and red", { glass_test: "no" }).questions.map((q) => q.id),
    ).not.toContain("glass_test");
    expect(words("my throat is closing").questions.filter((q) => q.kind === "red_flag")).toEqual([]);
  });

  it("asks the photo's questions too: a possible urticaria asks about the airway", () => {
    const a = run("", { urticaria: 0.8, eczema: 0.2 });
    expect(a.questions.map((q) => q.id)).toContain("airway");
    expect(a.questions.find((q) => q.id === "airway")?.raisesTo).toBe("emergency");
  });
});

describe("findings that need in-person review win over low scores", () => {
  it("a melanoma in the top 3 above the threshold -> at least doctor_soon, with the rule explained", () => {
    const a = run("", { naevus: 0.8, seborrhoeic_keratosis: 0.12, melanoma: 0.08 });
    expect(a.status).toBe("ok");
    expect(a.findings[0].id).toBe("naevus");
    expect(a.triage.level).toBe("doctor_soon");
    const r = reason(a, "in_person_review");
    expect(r?.triggers).toEqual(["Possible melanoma (skin cancer)"]);
    expect(r?.message).toMatch(/8%.*seen in person/);
  });

  it("counts the image rank too, so words cannot push a melanoma out of view", () => {
    const image = { eczema: 0.5, melanoma: 0.2, psoriasis: 0.15, contact_dermatitis: 0.15 };
    const a = run("itchy, dry, red, scaly, after a new soap", image);
    const melanoma = a.findings.find((f) => f.id === "melanoma");
    expect(melanoma?.imageRank).toBe(2);
    expect(reason(a, "in_person_review")?.level).toBe("doctor_soon");
  });

  it("ignores a melanoma below the threshold or outside the top 3", () => {
    expect(reason(run("", { naevus: 0.96, melanoma: 0.04 }), "in_person_review")).toBeUndefined();
    const outside = { naevus: 0.6, eczema: 0.14, acne: 0.13, melanoma: 0.13 };
    expect(reason(run("", outside), "in_person_review")).toBeUndefined();
  });

  it("uses the entry's own urgency: basal cell carcinoma is a routine visit", () => {
    const a = run("", { basal_cell_carcinoma: 0.9, naevus: 0.1 });
    expect(a.triage.reasons.map((r) => [r.rule, r.level])).toEqual([["in_person_review", "doctor"]]);
  });

  it("a low-scoring emergency entry asks for today; a certain one for now", () => {
    expect(run("", { eczema: 0.85, sjs_ten: 0.1, acne: 0.05 }).triage.level).toBe("same_day");
    expect(run("", { sjs_ten: 0.9, eczema: 0.1 }).triage.level).toBe("emergency");
  });
});

describe("other triage rules", () => {
  it("a self-care finding that lasts too long -> see a doctor, citing the duration", () => {
    const a = run("itchy for 3 weeks");
    expect(a.triage.level).toBe("doctor");
    expect(reason(a, "persistent")).toMatchObject({ triggers: ["3 weeks"] });
    expect(reason(a, "persistent")?.message).toMatch(/21 days/);
    expect(run("痒了两天").triage.level).toBe("self_care");
  });

  it("the top finding's catalogue urgency", () => {
    expect(run("", { psoriasis: 0.8, eczema: 0.2 }).triage.level).toBe("doctor");
    expect(run("", { eczema: 0.8, psoriasis: 0.2 }).triage.level).toBe("self_care");
    expect(run("", { cellulitis: 0.8, eczema: 0.2 }).triage.level).toBe("same_day");
  });
});
