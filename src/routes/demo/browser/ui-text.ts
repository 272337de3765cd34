/** The page's own words in each language; the API's answer comes in the language asked for. */

export type Lang = "en" | "zh";

const EN = {
  title: "Preliminary skin check",
  intro: "A demo of the DermEdge API. It is not a diagnosis: see a doctor about anything that worries you.",
  photoLegend: "Photo of the skin",
  choosePhoto: "Choose a photo",
  takePhoto: "Take a photo",
  noPhotoYet: "No photo chosen yet.",
  chosen: "Chosen: ",
  previewAlt: "The photo you chose",
  textLabel: "Describe it in your own words (optional)",
  textHint: "For example: itchy red patch for 3 days. At most 1000 characters.",
  langLabel: "Language of the answer",
  keySummary: "API key (only if the server asks for one)",
  keyLabel: "API key",
  submit: "Check my skin",
  emergencyLine:
    "In an emergency, such as trouble breathing or a swelling face or tongue, call 112, 911 or 999 now.",
  checking: "Checking…",
  done: "Done: the result is below.",
  needInput: "Choose or take a photo, or describe the problem in words.",
  network: "Could not reach the server. Check your connection and try again.",
  resultHeading: "Result",
  findingsHeading: "Possible matches",
  noFindings: "Nothing was ranked: see the advice.",
  adviceHeading: "Advice",
  triage: "What to do: ",
  why: "Why: ",
  afterHelp: "After you have sought help",
  questionsHeading: "A few questions that could change the advice",
  questionsHint:
    "Answer what you can (not sure is fine), then update the answer. Unanswered questions change nothing.",
  yes: "Yes",
  no: "No",
  unsure: "Not sure",
  reassess: "Update the answer",
  symptoms: "What we understood: ",
  model: "Model: ",
  synthetic: " (a synthetic test model: its answers mean nothing)",
  docsLink: "API documentation",
};

export type UiKey = keyof typeof EN;

export const UI: Record<Lang, Record<UiKey, string>> = {
  en: EN,
  zh: {
    title: "皮肤初步检查",
    intro: "DermEdge API 的演示。这不是诊断：任何让您担心的情况都请去看医生。",
    photoLegend: "皮肤照片",
    choosePhoto: "选择照片",
    takePhoto: "拍照",
    noPhotoYet: "还没有选择照片。",
    chosen: "已选择：",
    previewAlt: "您选择的照片",
    textLabel: "用自己的话描述一下（可选）",
    textHint: "例如：发红发痒三天了。最多 1000 个字符。",
    langLabel: "回复语言",
    keySummary: "API 密钥（仅在服务器要求时填写）",
    keyLabel: "API 密钥",
    submit: "检查我的皮肤",
    emergencyLine: "紧急情况（如呼吸困难、面部或舌头肿胀）请立即拨打120。",
    checking: "正在检查…",
    done: "完成：结果在下方。",
    needInput: "请选择或拍摄一张照片，或用文字描述您的情况。",
    network: "无法连接服务器。请检查网络后重试。",
    resultHeading: "结果",
    findingsHeading: "可能的情况",
    noFindings: "没有排序结果：请看建议。",
    adviceHeading: "建议",
    triage: "处理建议：",
    why: "原因：",
    afterHelp: "就医之后",
    questionsHeading: "以下问题可能改变建议",
    questionsHint: "能回答的请回答（不确定也可以），然后更新结果。未回答的问题不会改变结果。",
    yes: "是",
    no: "否",
    unsure: "不确定",
    reassess: "更新结果",
    symptoms: "我们理解到的：",
    model: "模型：",
    synthetic: "（合成测试模型：结果没有意义）",
    docsLink: "API 文档",
  },
};

/** Titles of the API's problem types (by slug) in the page's language, shown instead of the body's title. */
export const PROBLEM_TITLES: Partial<Record<Lang, Record<string, string>>> = {
  zh: {
    "unsupported-image-format": "不支持的图片格式",
    "image-not-decodable": "图片无法解码",
    "empty-image": "图片是空的",
    "image-too-large": "图片太大",
    "payload-too-large": "上传的内容太大",
    "rate-limited": "请求太频繁，请稍后再试",
    "model-unavailable": "模型暂时不可用，请稍后再试",
    unauthorized: "缺少或错误的 API 密钥",
  },
};

export type Translate = (key: UiKey) => string;

export const isUiKey = (key: string | undefined): key is UiKey => key !== undefined && key in EN;
