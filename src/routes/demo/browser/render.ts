/** Draws the API's answer into the page, with textContent only. */
import type { AssessmentAnswer, Question } from "./answer";
import { byId, item } from "./dom";
import type { Translate, UiKey } from "./ui-text";

const CHOICES: readonly (readonly [value: string, label: UiKey])[] = [
  ["yes", "yes"],
  ["no", "no"],
  ["unknown", "unsure"],
];

/** Each question as yes / no / not sure: nothing is assumed from an answer left blank. */
function renderQuestions(list: readonly Question[], t: Translate): void {
  const box = byId("question-list", HTMLDivElement);
  box.replaceChildren();
  for (const q of list) {
    const group = document.createElement("fieldset");
    group.className = "question";
    group.append(item("legend", q.text));
    for (const [value, key] of CHOICES) {
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
  byId("questions", HTMLFormElement).hidden = list.length === 0;
}

export function renderAnswer(body: AssessmentAnswer, t: Translate): void {
  const a = body.assessment;
  const triage = byId("triage", HTMLParagraphElement);
  const gated = a.status === "poor_photo" || a.status === "not_skin";
  const urgent = ["doctor_soon", "same_day", "emergency"].includes(a.triage.level);
  // A photo we could not check never wears a level's headline unless the words raised it: it says what went wrong.
  const problem = byId("photo-problem", HTMLParagraphElement);
  // What went wrong and what to do: the summary, then the photo tips it announces.
  const tips = a.advice.filter((line) => line !== a.triage.action);
  problem.textContent = gated ? [a.summary, ...(a.status === "poor_photo" ? tips : [])].join(" ") : "";
  problem.hidden = !gated;
  triage.className = "triage level-" + a.triage.level;
  triage.replaceChildren(item("strong", a.triage.label), item("span", a.triage.action, "action"));
  if (gated && !urgent) problem.after(triage);
  else problem.before(triage);
  const why = a.triage.reasons[0];
  byId("why", HTMLParagraphElement).textContent = why ? t("why") + why.message : "";
  byId("summary", HTMLParagraphElement).textContent = gated ? "" : a.summary;
  // An emergency is answered with the action alone: questions would only stand between it and the patient.
  renderQuestions(a.triage.level === "emergency" ? [] : a.questions, t);

  const findings = byId("findings", HTMLOListElement);
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

  const advice = byId("advice", HTMLUListElement);
  const adviceHeading = byId("advice-heading", HTMLHeadingElement);
  const rest = a.advice.filter((line) => line !== a.triage.action);
  advice.replaceChildren(...rest.map((line) => item("li", line)));
  adviceHeading.textContent = a.triage.level === "emergency" ? t("afterHelp") : t("adviceHeading");
  advice.hidden = adviceHeading.hidden = rest.length === 0;
  // Where it is, in the patient's own words ("arm"), not the vocabulary's list of sites.
  const recognised = a.symptoms.recognised
    .filter((s) => !s.negated)
    .map((s) => (s.kind === "site" ? s.words[0] || s.name : s.name));
  byId("symptoms", HTMLParagraphElement).textContent = recognised.length
    ? t("symptoms") + recognised.join(", ")
    : "";
  byId("disclaimer", HTMLParagraphElement).textContent = a.disclaimer;
  byId("model", HTMLParagraphElement).textContent = body.model
    ? t("model") + body.model.id + " " + body.model.revision + (body.model.synthetic ? t("synthetic") : "")
    : "";
}
