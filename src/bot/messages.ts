/**
 * Every sentence the bot itself writes, in English and Chinese: a typed table, so a missing translation is a
 * type error. Plain text; the renderer escapes it for HTML. Assessment wording comes from src/clinical.
 */
import type { Lang } from "../clinical";

export interface BotMessages {
  start: string;
  help: string;
  privacy: string;
  chooseLanguage: string;
  languageSet: string;
  forgotten: string;
  cancelled: string;
  nothingToCancel: string;
  askForWords: string;
  skip: string;
  /** Quick replies offered after a photo without words: button label and the words they stand for. */
  quickWords: readonly { label: string; words: string }[];
  askForPhoto: string;
  /** Sent after an emergency answered from words alone: a photo is still welcome but must not delay care. */
  photoAfterEmergency: string;
  albumFirstOnly: string;
  working: string;
  /** Heading of each part of an answer. */
  headings: { findings: string; symptoms: string; advice: string; questions: string; checklist: string };
  durationDays: (days: number) => string;
  ageYears: (years: number) => string;
  /** The core checklist, asked before the answer. */
  checklistIntro: string;
  checklistDone: string;
  checklistSkip: string;
  checklistAnswered: (ticked: readonly string[]) => string;
  checklistSkipped: string;
  /** Under an answer given without the checklist: what was not checked. */
  uncheckedSigns: (signs: readonly string[]) => string;
  questionsIntro: string;
  answerLabels: { yes: string; no: string; unknown: string };
  questionsDone: string;
  /** A stale button on a question already answered. At most 200 characters (a callback answer). */
  alreadyAnswered: string;
  /** The button that clears the answers to the questions, so they can be given again. */
  changeAnswers: string;
  /** Sent with the questions asked again: what changing the answers does. */
  answersCleared: string;
  triageChanged: string;
  retake: string;
  photoTooLarge: (maxMb: number) => string;
  /** A picture refused for its pixel count (not its bytes); `maxMegapixels` when the limit is known. */
  tooManyPixels: (maxMegapixels?: string) => string;
  /**
   * A photo (not a file) whose every size Telegram made is over our limits: the bytes (MB) or the pixels,
   * whichever it was. Sending it as a file would not help, so this does not suggest it.
   */
  photoOverLimits: (limit: { maxMb: number } | { maxMegapixels: string }) => string;
  unsupportedFile: string;
  unsupportedImage: string;
  /** A JPEG, PNG or WebP that is damaged or cut short (often an interrupted upload): sending it again helps. */
  damagedImage: string;
  unsupportedMessage: string;
  groupChat: (botUsername: string) => string;
  rateLimited: string;
  expired: string;
  downloadFailed: string;
  modelUnavailable: string;
  busy: string;
  failed: string;
}

const en: BotMessages = {
  start:
    "Hello! I am DermEdge. Send me a photo of the skin that worries you, with a few words about it " +
    "(how long, does it itch or hurt, any fever). I will tell you what it might be, how urgently to see " +
    "a doctor, and what you can do meanwhile.\n\nThis is not a diagnosis. In an emergency, call your local " +
    "emergency number (112/911/999) now.\n\n/help how to use me · /privacy what I keep · /language 中文",
  help:
    "How to use me:\n" +
    "1. Take a close, sharp photo of the skin in good light.\n" +
    "2. Send it with a caption: how long you have had it, whether it itches, hurts, bleeds or spreads, " +
    "and whether you have a fever.\n" +
    "3. Answer my follow-up questions with the buttons.\n\n" +
    "You can also send the words first and the photo after. A photo sent as a file (JPEG, PNG or WebP) " +
    "works too.\n\n/language change language · /privacy what I keep · /forget delete what I keep · " +
    "/cancel start over",
  privacy:
    "What I keep: your language choice and, while we talk, your last words, any open questions and what I " +
    "found in your last photo (a score for each skin condition, which cannot rebuild the photo). All of it " +
    "is deleted automatically 30 minutes after your last message, or at once with /forget.\n\nPhotos are " +
    "never stored: I fetch each one from Telegram once, look at it and forget it straight after. Nothing you " +
    "send is written to logs or shared with anyone else.",
  chooseLanguage: "Choose your language:",
  languageSet: "I will answer in English.",
  forgotten: "Done: I have deleted everything I kept for this chat.",
  cancelled: "Cancelled. Send a photo whenever you are ready.",
  nothingToCancel: "There was nothing to cancel. Send a photo whenever you are ready.",
  askForWords:
    "Thank you. In a few words, what is it like? For example: how long you have had it, whether it " +
    "itches, hurts or is spreading, and whether you have a fever. Or tap a button.",
  skip: "Skip",
  quickWords: [
    { label: "Itchy", words: "it is itchy" },
    { label: "Painful", words: "it is painful" },
    { label: "Growing or changing", words: "it is growing and changing" },
    { label: "Bleeding", words: "it is bleeding" },
    { label: "I have a fever", words: "I have a fever" },
  ],
  askForPhoto:
    "Thank you. Now please send a close, sharp photo of the skin in good light, so I can look at it.",
  photoAfterEmergency:
    "Please get help first. If you want, you can send a photo afterwards, but do not wait for my answer.",
  albumFirstOnly: "You sent several photos: I looked at the first one only.",
  working: "Looking at your photo…",
  headings: {
    findings: "Closest matches",
    symptoms: "What you told me",
    advice: "What to do",
    questions: "A few questions",
    checklist: "Quick safety check",
  },
  durationDays: (days) => `for about ${days} day${days === 1 ? "" : "s"}`,
  ageYears: (years) => `age ${years}`,
  checklistIntro:
    "Before I answer: tap everything below that applies (tap again to untick), then Done. If none applies, just tap Done. You can also skip.",
  checklistDone: "✅ Done",
  checklistSkip: "Skip",
  checklistAnswered: (ticked) =>
    ticked.length ? `You ticked: ${ticked.join("; ")}. None of the others.` : "None of these. Thank you.",
  checklistSkipped: "Skipped. Nothing was assumed.",
  uncheckedSigns: (signs) =>
    `These warning signs were not checked. If any of them applies, the advice may be more urgent: tell me, or see a doctor:\n• ${signs.join("\n• ")}`,
  questionsIntro: "Your answers can change how urgent this is. Please tap an answer for each:",
  answerLabels: { yes: "Yes", no: "No", unknown: "Not sure" },
  questionsDone: "Thank you for answering.",
  alreadyAnswered: "You have already answered this question. To change an answer, tap “Change my answers”.",
  changeAnswers: "✏️ Change my answers",
  answersCleared:
    "I have cleared your answers to these questions. Please answer them again below: the advice will follow " +
    "your new answers, and I will send it again if it changes, to more or to less urgent.",
  triageChanged: "Your answers change the advice:",
  retake: "I could not look at this photo properly. Please take another one:",
  photoTooLarge: (maxMb) =>
    `This file is too large for me (the limit is ${maxMb} MB). Please send it as a photo, not as a file.`,
  tooManyPixels: (maxMegapixels) =>
    `This picture has too many pixels for me to look at${maxMegapixels ? ` (the limit is ${maxMegapixels} megapixels)` : ""}. ` +
    "Please send it as a photo, not as a file: Telegram then makes it smaller.",
  photoOverLimits: (limit) =>
    `This photo is larger than I can look at (the limit is ${"maxMb" in limit ? `${limit.maxMb} MB` : `${limit.maxMegapixels} megapixels`}). ` +
    "Please send a smaller copy of it, for example a screenshot.",
  unsupportedFile: "I can only look at photos (JPEG, PNG or WebP). Please send a photo of the skin.",
  unsupportedImage:
    "I cannot read this picture. Please send a JPEG, PNG or WebP photo, for example straight from your camera.",
  damagedImage: "This photo seems damaged or incomplete; please send it again.",
  unsupportedMessage:
    "I can read photos, text and voice notes. Please send a photo of the skin, with a few words about it (typed or spoken).",
  groupChat: (botUsername) =>
    `For your privacy I only look at photos in a private chat. Please message me directly: @${botUsername}`,
  rateLimited: "You are sending messages very quickly. Please wait a minute, then try again.",
  expired: "These questions have expired. Please send the photo again.",
  downloadFailed:
    "Sorry, I could not get your photo from Telegram. Please send it again in a moment. If the skin " +
    "problem is getting worse quickly, do not wait: see a doctor.",
  modelUnavailable:
    "Sorry, I cannot look at photos right now. Please try again in a few minutes. If the skin problem " +
    "is getting worse quickly, do not wait: see a doctor.",
  busy: "I am looking at many photos right now. Please send yours again in a minute.",
  failed:
    "Sorry, something went wrong on my side. Please try again in a moment. If the skin problem is " +
    "getting worse quickly, do not wait: see a doctor, or call your local emergency number (112/911/999) " +
    "in an emergency.",
};

const zh: BotMessages = {
  start:
    "您好！我是 DermEdge。请发给我一张您担心的皮肤部位的照片，并附上几句说明（持续多久、痒不痒、疼不疼、" +
    "有没有发烧）。我会告诉您可能是什么、需要多快去看医生，以及在此之前可以怎么做。\n\n这不是诊断。" +
    "如遇紧急情况，请立即拨打120。\n\n/help 使用方法 · /privacy 我保存什么 · /language English",
  help:
    "使用方法：\n" +
    "1. 在光线充足的地方，拍一张清晰的皮肤近照。\n" +
    "2. 发送时附上说明：持续了多久，是否瘙痒、疼痛、出血或在扩散，以及是否发烧。\n" +
    "3. 用按钮回答我的补充问题。\n\n" +
    "您也可以先发文字，再发照片。以文件形式发送的照片（JPEG、PNG 或 WebP）也可以。\n\n" +
    "/language 切换语言 · /privacy 我保存什么 · /forget 删除我保存的内容 · /cancel 重新开始",
  privacy:
    "我保存的内容：您选择的语言；在对话期间，还有您最近发送的文字、尚未回答的问题，" +
    "以及我对您最近一张照片的判断结果（每种皮肤问题的一个评分，无法据此还原照片）。这些内容会在您最后一条消息的 30 分钟后自动删除，使用 /forget 可立即删除。\n\n" +
    "照片从不保存：我只从 Telegram 获取一次，看完立即丢弃。您发送的任何内容都不会写入日志，也不会与他人分享。",
  chooseLanguage: "请选择语言：",
  languageSet: "我将用中文回答您。",
  forgotten: "已完成：我已删除为此对话保存的所有内容。",
  cancelled: "已取消。您准备好后随时可以发送照片。",
  nothingToCancel: "没有需要取消的内容。您准备好后随时可以发送照片。",
  askForWords:
    "谢谢。请用几句话描述一下：持续了多久，是否瘙痒、疼痛或在扩散，有没有发烧？您也可以点下面的按钮。",
  skip: "跳过",
  quickWords: [
    { label: "瘙痒", words: "很痒" },
    { label: "疼痛", words: "很疼" },
    { label: "变大或有变化", words: "在变大，也有变化" },
    { label: "出血", words: "在出血" },
    { label: "我发烧了", words: "我发烧了" },
  ],
  askForPhoto: "谢谢。现在请在光线充足的地方拍一张清晰的皮肤近照发给我，方便我查看。",
  photoAfterEmergency: "请马上拨打120或去急诊，不要等我的回复。如果您愿意，之后可以再发照片。",
  albumFirstOnly: "您发送了多张照片：我只查看了第一张。",
  working: "正在查看您的照片…",
  headings: {
    findings: "最接近的情况",
    symptoms: "您提到的情况",
    advice: "建议",
    questions: "几个问题",
    checklist: "安全检查",
  },
  durationDays: (days) => `约${days}天`,
  ageYears: (years) => `${years}岁`,
  checklistIntro:
    "在回答之前：请点选下面所有符合的情况（再点一次可取消），然后点“完成”。如果都不符合，直接点“完成”。也可以跳过。",
  checklistDone: "✅ 完成",
  checklistSkip: "跳过",
  checklistAnswered: (ticked) =>
    ticked.length ? `您选择了：${ticked.join("、")}。其余都没有。` : "以上都没有。谢谢您。",
  checklistSkipped: "已跳过，我们没有做任何假设。",
  uncheckedSigns: (signs) =>
    `以下危险信号没有确认。如果有任何一项符合，就医可能需要更紧急：请告诉我，或去看医生：\n• ${signs.join("\n• ")}`,
  questionsIntro: "您的回答可能会改变就医的紧急程度。请逐一点选：",
  answerLabels: { yes: "是", no: "否", unknown: "不确定" },
  questionsDone: "谢谢您的回答。",
  alreadyAnswered: "您已经回答过这个问题。如需修改，请点“修改回答”。",
  changeAnswers: "✏️ 修改回答",
  answersCleared:
    "我已清除您对这些问题的回答。请在下面重新回答：建议将以您的新回答为准；如果建议有变化，无论更紧急还是不那么紧急，我都会重新发给您。",
  triageChanged: "根据您的回答，建议有所变化：",
  retake: "这张照片我无法看清楚，请重新拍一张：",
  photoTooLarge: (maxMb) => `这个文件太大了（上限为 ${maxMb} MB）。请以照片形式发送，而不是以文件形式发送。`,
  tooManyPixels: (maxMegapixels) =>
    `这张图片的像素太多，我无法查看${maxMegapixels ? `（上限为 ${maxMegapixels} 百万像素）` : ""}。` +
    "请以照片形式发送，而不是以文件形式发送，Telegram 会自动把它缩小。",
  photoOverLimits: (limit) =>
    `这张照片太大了，我无法查看（上限为 ${"maxMb" in limit ? `${limit.maxMb} MB` : `${limit.maxMegapixels} 百万像素`}）。` +
    "请发送一张小一些的照片，例如它的截图。",
  unsupportedFile: "我只能查看照片（JPEG、PNG 或 WebP）。请发送一张皮肤照片。",
  unsupportedImage: "我无法读取这张图片。请发送 JPEG、PNG 或 WebP 格式的照片，例如直接用相机拍摄的照片。",
  damagedImage: "这张照片似乎已损坏或不完整，请您重新发送一次。",
  unsupportedMessage: "我可以读取照片、文字和语音。请发送一张皮肤照片，并附上几句说明（打字或语音都可以）。",
  groupChat: (botUsername) => `为保护您的隐私，我只在私聊中查看照片。请直接给我发消息：@${botUsername}`,
  rateLimited: "您发送消息太快了。请等一分钟后再试。",
  expired: "这些问题已过期。请重新发送照片。",
  downloadFailed:
    "抱歉，我没能从 Telegram 获取您的照片。请稍后重新发送。如果皮肤问题加重得很快，请不要等待，尽快去医院皮肤科就诊。",
  modelUnavailable:
    "抱歉，我现在无法查看照片。请几分钟后再试。如果皮肤问题加重得很快，请不要等待，尽快去医院皮肤科就诊。",
  busy: "我现在正在查看很多照片。请一分钟后再发送您的照片。",
  failed:
    "抱歉，我这边出了问题。请稍后再试。如果皮肤问题加重得很快，请不要等待，尽快去医院皮肤科就诊；如遇紧急情况，请立即拨打120。",
};

export const botMessages: Readonly<Record<Lang, BotMessages>> = { en, zh };

/** The language names shown on the /language buttons, each in its own language. */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { en: "English", zh: "中文" };
