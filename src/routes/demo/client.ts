/**
 * The demo page's script, served as /demo.js: plain browser JavaScript (no build step), calling
 * POST /v1/assessments with multipart/form-data and rendering the answer with textContent only.
 */
export const DEMO_JS = `
const UI = {
  en: {
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
    emergencyLine: "In an emergency, such as trouble breathing or a swelling face or tongue, call 112, 911 or 999 now.",
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
    questionsHint: "Answer what you can (not sure is fine), then update the answer. Unanswered questions change nothing.",
    yes: "Yes",
    no: "No",
    unsure: "Not sure",
    reassess: "Update the answer",
    symptoms: "What we understood: ",
    model: "Model: ",
    synthetic: " (a synthetic test model: its answers mean nothing)",
    docsLink: "API documentation",
  },
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
    problems: {
      "unsupported-image-format": "不支持的图片格式",
      "image-not-decodable": "图片无法解码",
      "empty-image": "图片是空的",
      "image-too-large": "图片太大",
      "payload-too-large": "上传的内容太大",
      "rate-limited": "请求太频繁，请稍后再试",
      "model-unavailable": "模型暂时不可用，请稍后再试",
      unauthorized: "缺少或错误的 API 密钥",
    },
  },
};

const $ = (id) => document.getElementById(id);
const form = $("assess-form");
const photo = $("photo");
const camera = $("camera");
const preview = $("preview");
const photoName = $("photo-name");
const text = $("text");
const lang = $("lang");
const apiKey = $("api-key");
const submit = $("submit");
const status = $("status");
const error = $("error");
const result = $("result");
const questions = $("questions");
let file = null;
let previewUrl = null;
/** Answers given so far (question id -> "yes" | "no" | "unknown"), sent with every request for this case. */
let answers = {};
/** The last answer shown, re-rendered in the other language when the language changes. */
let shown = false;

const t = (key) => (UI[lang.value] || UI.en)[key];

function translate() {
  document.documentElement.lang = lang.value;
  // A result on screen is fetched again in the new language: the page never mixes two.
  if (shown) send(new Event("submit"));
  for (const el of document.querySelectorAll("[data-i18n]")) {
    if (el.id === "photo-name" && file) continue;
    el.textContent = t(el.dataset.i18n);
  }
  document.title = "DermEdge — " + t("title");
  preview.alt = t("previewAlt");
}

function choose(input) {
  const chosen = input.files && input.files[0];
  if (!chosen) return;
  file = chosen;
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = URL.createObjectURL(chosen);
  preview.src = previewUrl;
  preview.alt = t("previewAlt");
  preview.hidden = false;
  photoName.textContent = t("chosen") + chosen.name;
  error.hidden = true;
  answers = {};
}

function showError(title, detail) {
  error.replaceChildren();
  const strong = document.createElement("strong");
  strong.textContent = title;
  error.append(strong);
  if (detail) {
    const p = document.createElement("p");
    p.textContent = detail;
    error.append(p);
  }
  error.hidden = false;
  status.textContent = "";
}

function item(tag, textContent, className) {
  const el = document.createElement(tag);
  el.textContent = textContent;
  if (className) el.className = className;
  return el;
}

/** Each question as yes / no / not sure: nothing is assumed from an answer left blank. */
function renderQuestions(list) {
  const box = $("question-list");
  box.replaceChildren();
  for (const q of list) {
    const group = document.createElement("fieldset");
    group.className = "question";
    group.append(item("legend", q.text));
    for (const [value, key] of [["yes", "yes"], ["no", "no"], ["unknown", "unsure"]]) {
      const id = "q-" + q.id + "-" + value;
      const input = document.createElement("input");
      input.type = "radio";
      input.id = id;
      input.name = q.id;
      input.value = value;
      const label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = t(key);
      const choice = document.createElement("span");
      choice.className = "choice";
      choice.append(input, label);
      group.append(choice);
    }
    box.append(group);
  }
  questions.hidden = list.length === 0;
}

function render(body) {
  const a = body.assessment;
  const triage = $("triage");
  const gated = a.status === "poor_photo" || a.status === "not_skin";
  const urgent = ["doctor_soon", "same_day", "emergency"].includes(a.triage.level);
  // A photo we could not check never wears a level's headline unless the words raised it: it says what went wrong.
  const problem = $("photo-problem");
  // What went wrong and what to do: the summary, then the photo tips it announces.
  const tips = a.advice.filter((line) => line !== a.triage.action);
  problem.textContent = gated ? [a.summary, ...(a.status === "poor_photo" ? tips : [])].join(" ") : "";
  problem.hidden = !gated;
  triage.className = "triage level-" + a.triage.level;
  triage.replaceChildren(item("strong", a.triage.label), item("span", a.triage.action, "action"));
  if (gated && !urgent) problem.after(triage);
  else problem.before(triage);
  const why = a.triage.reasons[0];
  $("why").textContent = why ? t("why") + why.message : "";
  $("summary").textContent = gated ? "" : a.summary;
  // An emergency is answered with the action alone: questions would only stand between it and the patient.
  renderQuestions(a.triage.level === "emergency" ? [] : a.questions);

  const findings = $("findings");
  findings.replaceChildren();
  for (const f of a.findings.slice(0, 5)) {
    const percent = Math.round(f.probability * 100);
    const li = document.createElement("li");
    li.className = "finding";
    const label = item("span", f.name, "finding-name");
    const value = item("span", percent + "%", "finding-value");
    const bar = document.createElement("span");
    bar.className = "bar";
    bar.setAttribute("aria-hidden", "true");
    const fill = document.createElement("span");
    fill.className = "bar-fill";
    fill.style.width = Math.max(1, percent) + "%";
    bar.append(fill);
    li.append(label, value, bar);
    findings.append(li);
  }
  if (a.findings.length === 0) findings.append(item("li", t("noFindings")));

  const advice = $("advice");
  const rest = a.advice.filter((line) => line !== a.triage.action);
  advice.replaceChildren(...rest.map((line) => item("li", line)));
  $("advice-heading").textContent = a.triage.level === "emergency" ? t("afterHelp") : t("adviceHeading");
  advice.hidden = $("advice-heading").hidden = rest.length === 0;
  // Where it is, in the patient's own words ("arm"), not the vocabulary's list of sites.
  const recognised = a.symptoms.recognised
    .filter((s) => !s.negated)
    .map((s) => (s.kind === "site" ? s.words[0] || s.name : s.name));
  $("symptoms").textContent = recognised.length ? t("symptoms") + recognised.join(", ") : "";
  $("disclaimer").textContent = a.disclaimer;
  $("model").textContent = body.model
    ? t("model") + body.model.id + " " + body.model.revision + (body.model.synthetic ? t("synthetic") : "")
    : "";
  result.hidden = false;
  result.dataset.status = a.status;
  result.dataset.level = a.triage.level;
  shown = true;
  // On a phone the result starts below the form: bring its first lines (level, action, number) into view.
  result.focus({ preventScroll: true });
  result.scrollIntoView({ block: "start" });
}

async function reassess(event) {
  event.preventDefault();
  for (const input of $("question-list").querySelectorAll("input[type=radio]:checked")) {
    answers[input.name] = input.value;
  }
  await send(event);
}

async function send(event) {
  event.preventDefault();
  error.hidden = true;
  if (!file && !text.value.trim()) {
    showError(t("needInput"));
    text.focus();
    return;
  }
  const data = new FormData();
  if (file) data.append("image", file, file.name);
  if (text.value.trim()) data.append("text", text.value);
  data.append("lang", lang.value);
  if (Object.keys(answers).length) data.append("answers", JSON.stringify(answers));
  const headers = {};
  const key = apiKey.value.trim();
  // The key stays in this page's memory (the field) only: never in web storage, where any script on
  // the origin could read it later.
  if (key) headers.Authorization = "Bearer " + key;
  submit.disabled = true;
  result.hidden = true;
  form.setAttribute("aria-busy", "true");
  status.textContent = t("checking");
  try {
    const res = await fetch("/v1/assessments", { method: "POST", body: data, headers });
    const body = await res.json().catch(() => null);
    if (!res.ok || !body) {
      const slug = body && typeof body.type === "string" ? body.type.replace("/problems/", "") : "";
      const localised = (UI[lang.value].problems || {})[slug];
      // Never an English sentence under a Chinese title: the detail shows only in the page's language.
      const detail = body && body.detail;
      const fits = detail && (lang.value !== "zh" || /[\u4e00-\u9fff]/.test(detail));
      showError(localised || (body && body.title) || "HTTP " + res.status, fits ? detail : "");
      return;
    }
    render(body);
    status.textContent = t("done");
  } catch {
    showError(t("network"));
  } finally {
    submit.disabled = false;
    form.removeAttribute("aria-busy");
  }
}

photo.addEventListener("change", () => choose(photo));
text.addEventListener("input", () => {
  answers = {};
});
camera.addEventListener("change", () => choose(camera));
lang.addEventListener("change", translate);
form.addEventListener("submit", send);
questions.addEventListener("submit", reassess);
sessionStorage.removeItem("dermedge-api-key"); // what earlier versions kept there
if ((navigator.language || "").toLowerCase().startsWith("zh")) lang.value = "zh";
translate();
`;
