/**
 * The demo page's script (bundled into /demo.js by `npm run build:demo`): posts the photo, the words and the
 * answers to POST /v1/assessments as multipart/form-data and renders the answer with textContent only.
 */
import type { AssessmentAnswer, ProblemBody } from "./answer";
import { byId } from "./dom";
import { renderAnswer } from "./render";
import { isUiKey, type Lang, PROBLEM_TITLES, UI, type UiKey } from "./ui-text";

const form = byId("assess-form", HTMLFormElement);
const photo = byId("photo", HTMLInputElement);
const camera = byId("camera", HTMLInputElement);
const preview = byId("preview", HTMLImageElement);
const photoName = byId("photo-name", HTMLParagraphElement);
const text = byId("text", HTMLTextAreaElement);
const lang = byId("lang", HTMLSelectElement);
const apiKey = byId("api-key", HTMLInputElement);
const submit = byId("submit", HTMLButtonElement);
const status = byId("status", HTMLParagraphElement);
const error = byId("error", HTMLDivElement);
const result = byId("result", HTMLElement);
const questions = byId("questions", HTMLFormElement);
let file: File | null = null;
let previewUrl: string | null = null;
/** Answers given so far (question id -> "yes" | "no" | "unknown"), sent with every request for this case. */
let answers: Record<string, string> = {};
/** The last answer shown, re-rendered in the other language when the language changes. */
let shown = false;

const t = (key: UiKey): string => (UI[lang.value as Lang] || UI.en)[key];

function translate(): void {
  document.documentElement.lang = lang.value;
  // A result on screen is fetched again in the new language: the page never mixes two.
  if (shown) void send(new Event("submit"));
  for (const el of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
    if (el.id === "photo-name" && file) continue;
    const key = el.dataset.i18n;
    if (isUiKey(key)) el.textContent = t(key);
  }
  document.title = "DermEdge — " + t("title");
  preview.alt = t("previewAlt");
}

function choose(input: HTMLInputElement): void {
  const chosen = input.files?.[0];
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

function showError(title: string, detail?: string): void {
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

function show(body: AssessmentAnswer): void {
  renderAnswer(body, t);
  result.hidden = false;
  result.dataset.status = body.assessment.status;
  result.dataset.level = body.assessment.triage.level;
  shown = true;
  // On a phone the result starts below the form: bring its first lines (level, action, number) into view.
  result.focus({ preventScroll: true });
  result.scrollIntoView({ block: "start" });
}

async function reassess(event: Event): Promise<void> {
  event.preventDefault();
  for (const input of byId("question-list", HTMLDivElement).querySelectorAll<HTMLInputElement>(
    "input[type=radio]:checked",
  )) {
    answers[input.name] = input.value;
  }
  await send(event);
}

async function send(event: Event): Promise<void> {
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
  const headers: Record<string, string> = {};
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
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok || !body) {
      const problem = body as ProblemBody | null;
      const slug = problem && typeof problem.type === "string" ? problem.type.replace("/problems/", "") : "";
      const localised = PROBLEM_TITLES[lang.value as Lang]?.[slug];
      // Never an English sentence under a Chinese title: the detail shows only in the page's language.
      const detail = problem?.detail;
      const fits = detail && (lang.value !== "zh" || /[\u4e00-\u9fff]/.test(detail));
      showError(localised || problem?.title || "HTTP " + res.status, fits ? detail : "");
      return;
    }
    show(body as AssessmentAnswer);
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
