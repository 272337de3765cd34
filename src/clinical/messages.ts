/**
 * Every patient-facing sentence the module writes, in English and Simplified Chinese.
 *
 * Time frames: each level has exactly one, used in its action line and wherever an advice text mentions
 * timing (catalogue.ts; a test keeps them consistent):
 *   emergency   en "now" (your local emergency number, 112/911/999)   zh "立即拨打120"
 *   same_day    en "today"                                              zh "今天"
 *   doctor_soon en "within 2 to 3 days"                                 zh "2到3天内"
 *   doctor      en "in the next few weeks" (a routine appointment)      zh "几周内"（预约）
 * Chinese addresses the patient as 您 and points to care in mainland China (医院皮肤科, 社区医院, 急诊, 120);
 * English keeps a neutral "your local emergency number (112/911/999)".
 */
import type { GateLabel, Lang, QualityProblemCode, RedFlagRule, TriageLevel } from "./types";

interface Messages {
  readonly levels: Readonly<Record<TriageLevel, string>>;
  /** What to do at each level, with its time frame: the first line of the advice. */
  readonly actions: Readonly<Record<TriageLevel, string>>;
  /** Why a red-flag rule fired (no time frame: the action line gives it). */
  readonly rules: Readonly<Record<RedFlagRule, string>>;
  readonly reasons: {
    readonly inPersonReview: (name: string, percent: string) => string;
    readonly finding: (name: string) => string;
    readonly customLabel: (label: string) => string;
    readonly uncertain: string;
    readonly persistent: (name: string, days: number, limit: number) => string;
    readonly persistentWords: (days: number) => string;
    readonly noRedFlag: string;
  };
  readonly summary: {
    readonly ok: (matches: string) => string;
    readonly uncertain: (candidates: string) => string;
    readonly notSkin: (lookalike: string | null) => string;
    readonly poorPhoto: string;
    readonly noPhoto: string;
  };
  /** "Eczema (70%)" / "湿疹：70%". */
  readonly match: (name: string, percent: string) => string;
  readonly gateLabels: Readonly<Record<Exclude<GateLabel, "skin">, string>>;
  readonly photoTips: Readonly<Record<QualityProblemCode, string>>;
  readonly notSkinTip: string;
  readonly customAdvice: string;
  readonly uncertainAdvice: string;
  readonly disclaimer: string;
  /** Quotes the patient's words that raised a red flag; appended to the reason. */
  readonly youMentioned: (words: readonly string[]) => string;
  /** "a, b or c" / "a、b或c". */
  readonly alternatives: (items: readonly string[]) => string;
}

export const messages: Readonly<Record<Lang, Messages>> = {
  en: {
    levels: {
      self_care: "Self-care",
      doctor: "Routine appointment",
      doctor_soon: "See a doctor within 2 to 3 days",
      same_day: "See a doctor today",
      emergency: "Emergency: call now",
    },
    actions: {
      self_care:
        "You can usually look after this at home with the advice below. See a doctor if it gets worse or does not improve.",
      doctor:
        "Book a routine appointment with a doctor or dermatologist in the next few weeks to have it checked.",
      doctor_soon:
        "See a doctor within 2 to 3 days. If it gets worse quickly or you feel unwell before then, see a doctor today.",
      same_day:
        "See a doctor today: ask for a same-day appointment, or go to an urgent care centre or out-of-hours service. If it gets much worse, call your local emergency number now (112, 911 or 999).",
      emergency:
        "Call your local emergency number now (112, 911 or 999), or go straight to the nearest emergency department.",
    },
    rules: {
      anaphylaxis:
        "Swelling of the lips, tongue, mouth or throat, a tight throat, a changed voice, or trouble breathing or swallowing can be a severe allergic reaction (anaphylaxis or angio-oedema) that can block the airway.",
      non_blanching_rash:
        "Spots that do not fade when a glass is pressed on them can be bleeding under the skin; with a fever or feeling very unwell they can be a sign of meningitis or sepsis.",
      severe_skin_reaction:
        "Blistering or peeling skin, or sores in the mouth, eyes or genitals, especially after a new medicine, can be a severe skin reaction (Stevens-Johnson syndrome or toxic epidermal necrolysis).",
      drug_reaction:
        "A rash after starting a new medicine can be a reaction to it; with a fever, swelling or swollen glands it can be a serious drug reaction (DRESS). Do not stop a prescribed medicine on your own: tell the doctor who prescribed it.",
      necrotising_fasciitis:
        "Pain much worse than the skin looks, very fast spread, or skin turning dark or black can be a deep, fast-moving infection (necrotising fasciitis).",
      reduced_consciousness:
        "Unusual drowsiness, confusion, being hard to wake, a fit, or a drooping face or slurred speech needs emergency care whatever the skin looks like.",
      sepsis:
        "Fever with mottled or blue-grey skin, a stiff neck, fainting or feeling very unwell can be a sign of sepsis or meningitis.",
      lymphangitis:
        "A red streak spreading from a wound or a red area can mean the infection is spreading along the lymph vessels.",
      orbital_cellulitis:
        "A red, swollen, painful eyelid can be an infection around the eye; pain on moving the eye, a bulging eye or changes in vision can mean it has spread behind the eye.",
      zoster_eye:
        "Shingles or blisters near the eye, on the forehead or on the tip or side of the nose can affect the eye itself and needs an eye check.",
      shingles:
        "Blisters in a band on one side of the body, with pain, burning or tingling, can be shingles; antiviral medicine works best when started within 3 days of the rash appearing.",
      infant_fever:
        "A fever in a baby under 3 months (38 °C or more) is an emergency; a high fever (39 °C or more) in a baby under 6 months needs a doctor today.",
      child_fever_rash:
        "A child with a fever and a rash should be checked by a doctor; a child who is unwell, not drinking or not themselves needs to be seen today.",
      kawasaki:
        "A child with a fever for 5 days or more, especially with red eyes, red cracked lips, a rash, or swollen hands, feet or neck glands, should be checked for Kawasaki disease.",
      immunosuppressed_infection:
        "With a weak immune system (for example chemotherapy or a transplant), a fever or a spreading or blistering rash can be a serious infection.",
      pregnancy_varicella:
        "Chickenpox, shingles or a rash with fever during pregnancy can affect the pregnancy, and antiviral treatment works best when started early; itching in pregnancy can be a liver condition of pregnancy (obstetric cholestasis) that needs a blood test.",
      diabetic_foot:
        "With diabetes, a sore, blister, swelling or redness on the foot can become a serious infection; a smell, black skin or fever is more serious still.",
      burn: "This burn needs to be seen: burns larger than the palm, deep burns (white, charred or numb), chemical or electrical burns, blistering burns on the face, hands, arms, legs, feet or genitals, and burns in vulnerable people need medical care.",
      pigmented_lesion:
        "A mole or dark spot that is new, changing in size, shape or colour, larger than 6 mm, bleeding, or a dark streak under a nail should be checked to rule out melanoma.",
      non_healing_sore:
        "A sore, scab or spot that has not healed in 4 weeks, or that bleeds or grows, should be checked to rule out skin cancer.",
      erythema_migrans:
        "A spreading red ring or bull's-eye rash, especially after a tick bite, can be Lyme disease, which is treated with antibiotics.",
      eczema_herpeticum:
        "Eczema that suddenly becomes painful with clusters of blisters or punched-out sores, or with a fever, can be a herpes infection of the eczema (eczema herpeticum).",
      skin_infection:
        "A red, painful, warm or swollen area that is spreading, or comes with a fever, can be a skin infection (cellulitis or an abscess) that needs treatment.",
    },
    reasons: {
      inPersonReview: (name, percent) =>
        `${name} is among the possible matches (${percent}). It always needs to be seen in person, however low the score.`,
      finding: (name) => `${name} is among the possible matches.`,
      customLabel: (label) => `"${label}" is not in our catalogue, so we can only suggest a routine check.`,
      uncertain: "The photo does not clearly point to one condition, so a clinician should look at it.",
      persistent: (name, days, limit) =>
        `It has lasted about ${days} days; ${name} lasting ${limit} days or more should be checked by a doctor.`,
      persistentWords: (days) =>
        `It has lasted about ${days} days; a skin problem lasting 4 weeks or more should be checked by a doctor.`,
      noRedFlag:
        "Nothing in your words is a warning sign. Follow the advice, and see a doctor if you are worried.",
    },
    summary: {
      ok: (matches) =>
        `Possible matches: ${matches}. These are possibilities to discuss with a clinician, not a diagnosis.`,
      uncertain: (candidates) =>
        `The result is uncertain: the photo could fit ${candidates}. Please have a clinician look at it.`,
      notSkin: (lookalike) =>
        `This does not look like a photo of skin${lookalike ? ` (it looks more like ${lookalike})` : ""}, so no skin conditions were ranked. Your words were still checked for warning signs.`,
      poorPhoto:
        "We could not assess this photo; your words were still checked for warning signs. Please take a better photo:",
      noPhoto:
        "Checked from your words alone. A clear photo of the skin would let us suggest possible matches; this is not a diagnosis.",
    },
    match: (name, percent) => `${name} (${percent})`,
    gateLabels: {
      object: "an object",
      animal: "an animal",
      document: "a document",
      screenshot: "a screenshot",
      food: "food",
      landscape: "a landscape or street scene",
    },
    photoTips: {
      too_dark:
        "The photo is too dark. Take it in daylight near a window or in a well-lit room, without shading the skin.",
      overexposed:
        "The photo is too bright and washed out. Avoid direct sunlight and the flash, or move a little away from the light.",
      blurry:
        "The photo is blurry. Hold the phone steady about 10 to 15 cm from the skin, tap the spot on the screen to focus, and wait until it is sharp.",
      too_small:
        "The photo is too small. Send the original, full-size photo rather than a thumbnail or a small crop.",
    },
    notSkinTip:
      "Send a close-up photo of the affected skin, in good light and in focus, with the skin filling most of the picture.",
    customAdvice:
      "We have no specific advice for this finding. If it worries you, gets worse or does not go away, see a doctor.",
    uncertainAdvice:
      "Because the photo does not clearly point to one condition, please have a doctor look at the skin in person. Note when it started, how it has changed and what makes it better or worse.",
    disclaimer:
      "This is an automated preliminary check, not a diagnosis, and it can be wrong. Always see a doctor or other qualified clinician about a skin problem that worries you. In an emergency, such as trouble breathing or swelling of the face, lips or tongue, call your local emergency number (112, 911 or 999).",
    youMentioned: (words) => ` You mentioned: ${words.map((w) => `"${w}"`).join(", ")}.`,
    alternatives: (items) =>
      items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`,
  },
  zh: {
    levels: {
      self_care: "居家护理",
      doctor: "预约就诊",
      doctor_soon: "2到3天内就医",
      same_day: "今天就医",
      emergency: "立即拨打120",
    },
    actions: {
      self_care: "通常可以按下面的建议在家护理。如果加重或不见好转，请去医院皮肤科或社区医院就诊。",
      doctor: "请在几周内预约医院皮肤科或社区医院，让医生检查一下。",
      doctor_soon: "请在2到3天内到医院皮肤科或社区医院就诊。如果在此之前迅速加重或您感到不舒服，请今天就医。",
      same_day:
        "请今天就医：去医院皮肤科门诊；如果已下班或是周末，请去医院急诊。如果明显加重，请立即拨打120。",
      emergency: "请立即拨打120急救电话，或直接去最近医院的急诊科。",
    },
    rules: {
      anaphylaxis:
        "嘴唇、舌头、口腔或喉咙肿胀，喉咙发紧、声音改变，或呼吸、吞咽困难，可能是严重过敏反应（过敏性休克或血管性水肿），可能堵塞气道。",
      non_blanching_rash:
        "用玻璃杯按压也不褪色的皮疹可能是皮下出血；如果同时发烧或感觉非常不舒服，可能是脑膜炎或败血症的表现。",
      severe_skin_reaction:
        "皮肤起疱或成片脱落，或口腔、眼睛、生殖器溃烂，尤其是在用了新药之后，可能是严重的药物皮肤反应（史蒂文斯-约翰逊综合征或中毒性表皮坏死松解症）。",
      drug_reaction:
        "开始用新药后出现皮疹，可能是对药物的反应；如果伴有发烧、肿胀或淋巴结肿大，可能是严重的药物反应（DRESS）。请不要自行停用处方药，应告诉开药的医生。",
      necrotising_fasciitis:
        "疼痛远比皮肤看起来严重、扩散非常快，或皮肤发暗、发黑，可能是进展很快的深部感染（坏死性筋膜炎）。",
      reduced_consciousness:
        "异常嗜睡、意识不清、很难叫醒、抽搐，或口角歪斜、说话不清，无论皮肤看起来如何，都需要急救。",
      sepsis: "发烧同时皮肤出现花斑或发青发灰、脖子发硬、晕倒或感觉非常不舒服，可能是败血症或脑膜炎的表现。",
      lymphangitis: "从伤口或发红处向外蔓延的红线，可能说明感染正沿着淋巴管扩散。",
      orbital_cellulitis:
        "眼皮红肿疼痛可能是眼周感染；如果转动眼球时疼、眼球突出或视力改变，可能已扩散到眼眶内。",
      zoster_eye: "眼睛附近、额头、鼻尖或鼻翼的带状疱疹或水疱，可能累及眼睛本身，需要检查眼睛。",
      shingles:
        "身体一侧出现带状分布的水疱，伴有疼痛、灼热或刺痛，可能是带状疱疹；抗病毒药在出疹后3天内开始效果最好。",
      infant_fever:
        "不满3个月的婴儿发烧（38°C或以上）需要急救；不满6个月的婴儿高烧（39°C或以上）需要今天就医。",
      child_fever_rash:
        "孩子发烧并出皮疹，应请医生检查；如果孩子精神差、不肯喝水或和平时不一样，需要今天就医。",
      kawasaki:
        "孩子发烧5天或以上，尤其伴有眼睛发红、口唇红裂、皮疹，或手脚、颈部淋巴结肿胀时，应排查川崎病。",
      immunosuppressed_infection:
        "免疫力低下时（例如正在化疗或做过器官移植），发烧或扩散、起疱的皮疹可能是严重感染。",
      pregnancy_varicella:
        "孕期出水痘、带状疱疹，或出现伴有发烧的皮疹，可能影响妊娠，抗病毒治疗越早开始效果越好；孕期皮肤瘙痒可能是妊娠期肝内胆汁淤积症，需要验血。",
      diabetic_foot:
        "糖尿病患者脚上的伤口、水疱、肿胀或发红可能发展为严重感染；有臭味、皮肤发黑或发烧时更为严重。",
      burn: "这种烧烫伤需要就医：面积比手掌大、深度烧伤（发白、焦黑或麻木）、化学或电烧伤、面部、手、手臂、腿、脚或生殖器起疱的烧烫伤，以及老人、幼儿、孕妇等的烧烫伤，都需要医疗处理。",
      pigmented_lesion:
        "新长出的痣或深色斑点，或大小、形状、颜色有变化、直径超过6毫米、出血，或指甲下出现黑线，应请医生检查以排除黑色素瘤。",
      non_healing_sore: "4周仍未愈合的溃疡、结痂或斑点，或会出血、在长大的，应请医生检查以排除皮肤癌。",
      erythema_migrans: "逐渐扩大的红圈或靶形红斑，尤其是在被蜱虫叮咬之后，可能是莱姆病，需要用抗生素治疗。",
      eczema_herpeticum:
        "湿疹突然变得疼痛，并出现成簇的水疱或凿孔样小溃疡，或伴有发烧，可能是湿疹合并疱疹病毒感染（疱疹样湿疹）。",
      skin_infection: "红、痛、烫或肿的区域在扩散，或伴有发烧，可能是需要治疗的皮肤感染（蜂窝织炎或脓肿）。",
    },
    reasons: {
      inPersonReview: (name, percent) => `${name}是可能的情况之一（${percent}）。无论评分多低，都需要面诊。`,
      finding: (name) => `${name}是可能的情况之一。`,
      customLabel: (label) => `“${label}”不在我们的目录中，因此只能建议常规检查。`,
      uncertain: "照片不能明确指向某一种情况，需要医生查看。",
      persistent: (name, days, limit) => `已经持续约${days}天；${name}持续${limit}天或更久，应请医生检查。`,
      persistentWords: (days) => `已经持续约${days}天；皮肤问题持续4周或更久，应请医生检查。`,
      noRedFlag: "您的描述中没有危险信号。请按建议护理，如有担心请去看医生。",
    },
    summary: {
      ok: (matches) => `可能的情况：${matches}。这些只是供您和医生讨论的可能性，不是诊断。`,
      uncertain: (candidates) => `结果不确定：照片可能与${candidates}相似。请让医生看一下。`,
      notSkin: (lookalike) =>
        `这看起来不像皮肤照片${lookalike ? `（更像${lookalike}）` : ""}，因此没有进行皮肤问题分析。您的描述仍已检查是否有危险信号。`,
      poorPhoto: "这张照片无法评估；您的描述仍已检查是否有危险信号。请重新拍一张：",
      noPhoto: "仅根据您的描述进行了评估。发一张清晰的皮肤照片，可以帮助给出可能的情况；这不是诊断。",
    },
    match: (name, percent) => `${name}：${percent}`,
    gateLabels: {
      object: "物品",
      animal: "动物",
      document: "文件",
      screenshot: "截图",
      food: "食物",
      landscape: "风景或街景",
    },
    photoTips: {
      too_dark: "照片太暗。请在窗边的自然光下或光线充足的房间里拍摄，不要挡住照在皮肤上的光。",
      overexposed: "照片太亮、过曝。请避免阳光直射和闪光灯，或离光源稍远一点。",
      blurry: "照片模糊。请把手机稳定地放在距皮肤约10到15厘米处，点击屏幕上的患处对焦，等画面清晰后再拍。",
      too_small: "照片太小。请发送原图，不要发送缩略图或裁剪过的小图。",
    },
    notSkinTip: "请在光线充足的地方拍一张清晰的患处近照，让皮肤占画面的大部分。",
    customAdvice: "我们没有针对这个结果的具体建议。如果您担心、情况加重或一直不好，请去看医生。",
    uncertainAdvice:
      "由于照片不能明确指向某一种情况，请让医生面诊查看皮肤。请记下是什么时候开始的、有什么变化，以及什么会让它好转或加重。",
    disclaimer:
      "这是自动生成的初步评估，不是诊断，可能有误。如有让您担心的皮肤问题，请务必咨询医生。如遇紧急情况，例如呼吸困难，或面部、嘴唇、舌头肿胀，请立即拨打120急救电话。",
    youMentioned: (words) => `您提到：${words.map((w) => `“${w}”`).join("、")}。`,
    alternatives: (items) =>
      items.length < 2 ? items.join("") : `${items.slice(0, -1).join("、")}或${items.at(-1)}`,
  },
};

/** "37%", or "<1%" so a small but present chance never reads as zero. */
export function formatPercent(p: number): string {
  return p > 0 && p < 0.005 ? "<1%" : `${Math.round(p * 100)}%`;
}
