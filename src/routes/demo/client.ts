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
    checking: "Checking the photo…",
    done: "Done: the result is below.",
    needPhoto: "Choose or take a photo first.",
    network: "Could not reach the server. Check your connection and try again.",
    resultHeading: "Result",
    findingsHeading: "Possible matches",
    noFindings: "Nothing was ranked: see the advice.",
    adviceHeading: "Advice",
    triage: "What to do: ",
    why: "Why: ",
    questionsHeading: "A few questions that could change the advice",
    questionsHint: "Tick every one that is true, then update the answer.",
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
    langLabel: "回答的语言",
    keySummary: "API 密钥（仅在服务器要求时填写）",
    keyLabel: "API 密钥",
    submit: "检查我的皮肤",
    checking: "正在检查照片…",
    done: "完成：结果在下方。",
    needPhoto: "请先选择或拍摄一张照片。",
    network: "无法连接服务器。请检查网络后重试。",
    resultHeading: "结果",
    findingsHeading: "可能的情况",
    noFindings: "没有排序结果：请看建议。",
    adviceHeading: "建议",
    triage: "怎么做：",
    why: "原因：",
    questionsHeading: "以下问题可能改变建议",
    questionsHint: "请勾选所有符合的情况，然后更新结果。",
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
/** Answers given so far (question id -> "yes" | "no"), sent with every request for this photo. */
let answers = {};

const t = (key) => (UI[lang.value] || UI.en)[key];

function translate() {
  document.documentElement.lang = lang.value;
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

function renderQuestions(list) {
  const box = $("question-list");
  box.replaceChildren();
  for (const q of list) {
    const id = "q-" + q.id;
    const row = document.createElement("div");
    row.className = "question";
    const input = document.createElement("input");
    input.type = "checkbox";
    input.id = id;
    input.name = q.id;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = q.text;
    row.append(input, label);
    box.append(row);
  }
  questions.hidden = list.length === 0;
}

function render(body) {
  const a = body.assessment;
  const triage = $("triage");
  triage.className = "triage level-" + a.triage.level;
  triage.textContent = t("triage") + a.triage.label;
  const why = a.triage.reasons[0];
  $("why").textContent = why ? t("why") + why.message : "";
  $("summary").textContent = a.summary;
  renderQuestions(a.questions);

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
  advice.replaceChildren(...a.advice.map((line) => item("li", line)));
  const recognised = a.symptoms.recognised.filter((s) => !s.negated).map((s) => s.name);
  $("symptoms").textContent = recognised.length ? t("symptoms") + recognised.join(", ") : "";
  $("disclaimer").textContent = a.disclaimer;
  $("model").textContent = t("model") + body.model.id + " " + body.model.revision + (body.model.synthetic ? t("synthetic") : "");
  result.hidden = false;
  result.dataset.status = a.status;
  result.focus();
}

async function reassess(event) {
  event.preventDefault();
  for (const input of $("question-list").querySelectorAll("input[type=checkbox]")) {
    answers[input.name] = input.checked ? "yes" : "no";
  }
  await send(event);
}

async function send(event) {
  event.preventDefault();
  error.hidden = true;
  if (!file) {
    showError(t("needPhoto"));
    photo.focus();
    return;
  }
  const data = new FormData();
  data.append("image", file, file.name);
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
      showError(localised || (body && body.title) || "HTTP " + res.status, body && body.detail);
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
camera.addEventListener("change", () => choose(camera));
lang.addEventListener("change", translate);
form.addEventListener("submit", send);
questions.addEventListener("submit", reassess);
sessionStorage.removeItem("dermedge-api-key"); // what earlier versions kept there
if ((navigator.language || "").toLowerCase().startsWith("zh")) lang.value = "zh";
translate();
`;
