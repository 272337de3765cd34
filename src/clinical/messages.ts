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
import type { GateLabel, Lang, QualityProblemCode, TriageLevel } from "./types";

interface Messages {
  readonly levels: Readonly<Record<TriageLevel, string>>;
  /** What to do at each level, with its time frame: the first line of the advice. */
  readonly actions: Readonly<Record<TriageLevel, string>>;
  readonly reasons: {
    readonly inPersonReview: (name: string, percent: string) => string;
    readonly finding: (name: string) => string;
    readonly customLabel: (label: string) => string;
    readonly uncertain: string;
    readonly persistent: (name: string, days: number, limit: number) => string;
    readonly persistentWords: (days: number) => string;
    /** Self-care: the words match these benign patterns; says what would make it urgent. */
    readonly benignPattern: (names: readonly string[]) => string;
    /** Words that matched no benign pattern and no red flag: a routine check, with what would make it urgent. */
    readonly unrecognisedWords: string;
    /** No words and no usable photo. */
    readonly unrecognisedNoWords: string;
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
  /** "a, b, c" / "a、b、c": several possibilities listed. */
  readonly list: (items: readonly string[]) => string;
  /** "a, b or c" / "a、b或c". */
  readonly alternatives: (items: readonly string[]) => string;
}

/** Each level's one time frame, as every text writes it (a test keeps the texts consistent with these). */
export const TIME_FRAMES: Readonly<Record<Lang, Readonly<Record<TriageLevel, string>>>> = {
  en: {
    self_care: "",
    doctor: "in the next few weeks",
    doctor_soon: "within 2 to 3 days",
    same_day: "today",
    emergency: "now",
  },
  zh: {
    self_care: "",
    doctor: "几周内",
    doctor_soon: "2到3天内",
    same_day: "今天",
    emergency: "立即拨打120",
  },
};

/** Safety-netting: what would make a self-care or routine problem urgent. */
const EN_SAFETY_NET =
  "Get medical help today if it spreads quickly, becomes very painful, blisters, or you get a fever or feel unwell; call your local emergency number now (112, 911 or 999) for trouble breathing or swelling of the lips, tongue or face.";
const ZH_SAFETY_NET =
  "如果迅速扩散、变得很痛、起水疱，或者出现发烧、精神差，请今天就医；如果呼吸困难或嘴唇、舌头、面部肿胀，请立即拨打120。";

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
      benignPattern: (names) =>
        `What you describe sounds like ${names.join(" or ")}, which usually gets better on its own. ${EN_SAFETY_NET}`,
      unrecognisedWords: `We could not recognise what you describe as a common, harmless skin problem, so we cannot say it is safe to look after at home: please have a doctor check it. ${EN_SAFETY_NET}`,
      unrecognisedNoWords: `We could not check the skin from this, so we cannot say it is harmless: if you are worried about it, please have a doctor check it. ${EN_SAFETY_NET}`,
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
    list: (items) => items.join(", "),
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
        "请今天就医：去医院皮肤科门诊；如果是夜间或周末门诊停诊，请去医院急诊科。如果明显加重，请立即拨打120。",
      emergency: "请立即拨打120急救电话，或直接去最近医院的急诊科。",
    },
    reasons: {
      inPersonReview: (name, percent) => `${name}是可能的情况之一（${percent}）。无论评分多低，都需要面诊。`,
      finding: (name) => `${name}是可能的情况之一。`,
      customLabel: (label) => `“${label}”不在我们的目录中，因此只能建议常规检查。`,
      uncertain: "照片不能明确指向某一种情况，需要医生查看。",
      persistent: (name, days, limit) => `已经持续约${days}天；${name}持续${limit}天或更久，应请医生检查。`,
      persistentWords: (days) => `已经持续约${days}天；皮肤问题持续4周或更久，应请医生检查。`,
      benignPattern: (names) => `您描述的情况像是${names.join("或")}，通常可以自行好转。${ZH_SAFETY_NET}`,
      unrecognisedWords: `我们没能把您描述的情况识别为常见的、无害的皮肤问题，所以不能说可以在家护理：请让医生看一下。${ZH_SAFETY_NET}`,
      unrecognisedNoWords: `我们无法据此检查皮肤，所以不能说没有问题：如果您担心，请让医生看一下。${ZH_SAFETY_NET}`,
    },
    summary: {
      ok: (matches) => `可能的情况：${matches}。这些只是供您和医生讨论的可能性，不是诊断。`,
      uncertain: (candidates) => `结果不确定：照片可能与${candidates}相似。请让医生看一下。`,
      notSkin: (lookalike) =>
        `这看起来不像皮肤照片${lookalike ? `（更像${lookalike}）` : ""}，因此没有进行皮肤问题分析。您的描述仍已检查是否有危险信号。`,
      poorPhoto: "这张照片无法评估；您的描述仍已检查是否有危险信号。请重新拍一张：",
      noPhoto: "仅根据您的描述进行了评估。发一张清晰的皮肤照片，可以帮助给出可能的情况；这不是诊断。",
    },
    // "湿疹（69%）", not "湿疹（特应性皮炎）（69%）": the alias in brackets is left to the findings list.
    match: (name, percent) => `${name.replace(/（[^）]*）$/, "")}（${percent}）`,
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
    list: (items) => items.join("、"),
    alternatives: (items) =>
      items.length < 2 ? items.join("") : `${items.slice(0, -1).join("、")}或${items.at(-1)}`,
  },
};

/** "37%", or "<1%" so a small but present chance never reads as zero. */
export function formatPercent(p: number): string {
  return p > 0 && p < 0.005 ? "<1%" : `${Math.round(p * 100)}%`;
}
