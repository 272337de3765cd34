/** Every patient-facing sentence the module writes, in English and Simplified Chinese. */
import type { GateLabel, Lang, QualityProblemCode, TriageLevel } from "./types";

interface Messages {
  readonly levels: Readonly<Record<TriageLevel, string>>;
  /** What to do at each level: the first line of the advice. */
  readonly actions: Readonly<Record<TriageLevel, string>>;
  readonly reasons: {
    readonly airway: string;
    readonly feverInfection: string;
    readonly changingMole: string;
    readonly eye: string;
    readonly inPersonReview: (name: string, percent: string) => string;
    readonly finding: (name: string) => string;
    readonly customLabel: (label: string) => string;
    readonly uncertain: string;
    readonly persistent: (name: string, days: number, limit: number) => string;
  };
  readonly summary: {
    readonly ok: (name: string, percent: string) => string;
    readonly uncertain: (candidates: string) => string;
    readonly notSkin: (lookalike: string | null) => string;
    readonly poorPhoto: string;
  };
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
      doctor: "See a doctor",
      doctor_soon: "See a doctor soon",
      emergency: "Emergency",
    },
    actions: {
      self_care:
        "You can usually look after this at home. See a doctor if it gets worse, spreads or does not improve.",
      doctor:
        "Book a routine appointment with a doctor (for example your GP or a dermatologist) to have it checked.",
      doctor_soon:
        "See a doctor soon: within the next few days, or today if it is getting worse quickly or you feel unwell.",
      emergency:
        "Call your local emergency number now (for example 112, 911 or 999; 120 in mainland China) or go to the nearest emergency department.",
    },
    reasons: {
      airway:
        "Swelling of the lips, face, tongue or throat, or trouble breathing, can be a severe allergic reaction (anaphylaxis) and needs emergency care now.",
      feverInfection:
        "Fever together with a red, painful, warm, swollen or spreading area can be a skin infection that needs treatment soon.",
      changingMole:
        "A mole or dark spot that bleeds, grows or changes in colour, shape or size should be checked soon to rule out skin cancer.",
      eye: "Blisters or shingles near the eye can affect the eye itself and need prompt treatment.",
      inPersonReview: (name, percent) =>
        `${name} is among the possibilities (${percent}). It always needs to be seen in person, however low the score.`,
      finding: (name) => `The most likely finding is ${name}.`,
      customLabel: (label) => `"${label}" is not in our catalogue, so we can only suggest a routine check.`,
      uncertain: "The photo does not clearly point to one condition, so a clinician should look at it.",
      persistent: (name, days, limit) =>
        `It has lasted about ${days} days; ${name} lasting ${limit} days or more should be checked by a doctor.`,
    },
    summary: {
      ok: (name, percent) =>
        `Most likely: ${name} (${percent}). This is a possibility to discuss with a clinician, not a diagnosis.`,
      uncertain: (candidates) =>
        `The result is uncertain: the photo could fit ${candidates}. Please have a clinician look at it.`,
      notSkin: (lookalike) =>
        `This does not look like a photo of skin${lookalike ? ` (it looks more like ${lookalike})` : ""}, so no skin conditions were ranked.`,
      poorPhoto: "We could not assess this photo. Please take a better one:",
    },
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
      "This is an automated preliminary check, not a diagnosis, and it can be wrong. Always see a doctor or other qualified clinician about a skin problem that worries you, and sooner if it gets worse. In an emergency, such as trouble breathing or swelling of the face, lips or tongue, call your local emergency number (for example 112, 911 or 999; 120 in mainland China).",
    youMentioned: (words) => ` You mentioned: ${words.map((w) => `"${w}"`).join(", ")}.`,
    alternatives: (items) =>
      items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`,
  },
  zh: {
    levels: {
      self_care: "自我护理",
      doctor: "看医生",
      doctor_soon: "尽快看医生",
      emergency: "紧急就医",
    },
    actions: {
      self_care: "通常可以在家自行护理。如果加重、扩散或没有好转，请去看医生。",
      doctor: "请预约医生（例如全科医生或皮肤科医生）进行常规检查。",
      doctor_soon: "请尽快看医生：在几天之内；如果加重很快或感到不适，请当天就医。",
      emergency: "请立即拨打当地急救电话（中国大陆为120；其他地区如112、911或999），或前往最近的急诊科。",
    },
    reasons: {
      airway: "嘴唇、面部、舌头或喉咙肿胀，或呼吸困难，可能是严重过敏反应（过敏性休克），需要立即急救。",
      feverInfection: "发烧同时伴有发红、疼痛、发热、肿胀或扩散的区域，可能是皮肤感染，需要尽快治疗。",
      changingMole: "出血、长大，或颜色、形状、大小发生改变的痣或深色斑点，应尽快检查以排除皮肤癌。",
      eye: "眼睛附近的水疱或带状疱疹可能累及眼睛本身，需要及时治疗。",
      inPersonReview: (name, percent) =>
        `${name}在可能的结果之中（${percent}）。无论评分多低，都需要当面检查。`,
      finding: (name) => `最可能的结果是${name}。`,
      customLabel: (label) => `“${label}”不在我们的目录中，因此只能建议常规检查。`,
      uncertain: "照片不能明确指向某一种情况，需要医生查看。",
      persistent: (name, days, limit) => `已经持续约${days}天；${name}持续${limit}天或更久，应请医生检查。`,
    },
    summary: {
      ok: (name, percent) => `最可能：${name}（${percent}）。这只是一种可能，不是诊断，请与医生确认。`,
      uncertain: (candidates) => `结果不确定：照片可能符合${candidates}。请让医生查看。`,
      notSkin: (lookalike) =>
        `这看起来不像皮肤照片${lookalike ? `（更像${lookalike}）` : ""}，因此没有进行皮肤问题分析。`,
      poorPhoto: "这张照片无法评估，请重新拍一张：",
    },
    gateLabels: {
      object: "物品",
      animal: "动物",
      document: "文件",
      screenshot: "截图",
      food: "食物",
      landscape: "风景或街景",
    },
    photoTips: {
      too_dark: "照片太暗。请在窗边的自然光下或光线充足的房间里拍摄，不要遮挡皮肤上的光线。",
      overexposed: "照片太亮、过曝。请避免阳光直射和闪光灯，或稍微远离光源。",
      blurry: "照片模糊。请将手机稳定地放在距皮肤约10到15厘米处，点击屏幕上的患处对焦，等画面清晰后再拍。",
      too_small: "照片太小。请发送原图，不要发送缩略图或裁剪过的小图。",
    },
    notSkinTip: "请在光线充足的地方拍一张清晰的患处皮肤近照，让皮肤占据画面的大部分。",
    customAdvice: "我们没有针对此结果的具体建议。如果你担心、情况加重或迟迟不好，请去看医生。",
    uncertainAdvice:
      "由于照片不能明确指向某一种情况，请让医生当面检查皮肤。请记下开始的时间、有何变化，以及什么会让它好转或加重。",
    disclaimer:
      "这是自动生成的初步评估，不是诊断，可能有误。如有令你担心的皮肤问题，请务必咨询医生或其他合格的医疗专业人员；如果加重，请尽早就医。如遇紧急情况，例如呼吸困难，或面部、嘴唇、舌头肿胀，请立即拨打当地急救电话（中国大陆为120；其他地区如112、911或999）。",
    youMentioned: (words) => `你提到：${words.map((w) => `“${w}”`).join("、")}。`,
    alternatives: (items) =>
      items.length < 2 ? items.join("") : `${items.slice(0, -1).join("、")}或${items.at(-1)}`,
  },
};

/** "37%", or "<1%" so a small but present chance never reads as zero. */
export function formatPercent(p: number): string {
  return p > 0 && p < 0.005 ? "<1%" : `${Math.round(p * 100)}%`;
}
