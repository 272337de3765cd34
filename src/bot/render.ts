/**
 * An assessment as Telegram messages (HTML): the triage level first as a clear line, the top findings with
 * text probability bars, the symptoms that mattered, the advice, the disclaimer. An emergency's advice comes
 * first, alone in its own message, so nothing else delays it. Every dynamic string is escaped.
 */
import type { Assessment } from "../clinical";
import { escapeHtml, splitMessage } from "./html";
import { botMessages } from "./messages";

/** How many findings are shown; the rest add little for a patient. */
const TOP_FINDINGS = 3;
const BAR_WIDTH = 10;

const LEVEL_ICONS: Readonly<Record<string, string>> = {
  self_care: "🟢",
  doctor: "🔵",
  doctor_soon: "🟡",
  same_day: "🟠",
  emergency: "🚨",
};

/** "███████░░░ 68%": readable in any Telegram client, no image needed. */
export function probabilityBar(p: number): string {
  const filled = Math.max(0, Math.min(BAR_WIDTH, Math.round(p * BAR_WIDTH)));
  const percent = p > 0 && p < 0.005 ? "<1%" : `${Math.round(p * 100)}%`;
  return `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)} ${percent}`;
}

/** The triage line: icon and level name in bold. */
export function triageLine(a: Assessment): string | null {
  if (!a.triage) return null;
  return `${LEVEL_ICONS[a.triage.level] ?? "ℹ️"} <b>${escapeHtml(a.triage.label)}</b>`;
}

/** The messages to send, in order; each under Telegram's length limit. */
export function renderAssessment(a: Assessment): string[] {
  const m = botMessages[a.lang];
  const emergency = a.triage?.level === "emergency";
  const messages: string[] = [];
  const advice = [...a.advice];
  if (emergency) {
    // The action (first advice line) and the reasons that raised the alarm, nothing else.
    const action = advice.shift() ?? "";
    const reasons = a.triage?.reasons.filter((r) => r.level === "emergency").map((r) => r.message) ?? [];
    messages.push([triageLine(a), `<b>${escapeHtml(action)}</b>`, ...reasons.map(escapeHtml)].join("\n\n"));
  }

  const blocks: string[] = [];
  if (!emergency) {
    const line = triageLine(a);
    if (line) blocks.push(line);
  }
  blocks.push(escapeHtml(a.summary));
  if (a.findings.length > 0) {
    const rows = a.findings
      .slice(0, TOP_FINDINGS)
      .map((f) => `${escapeHtml(f.name)}\n<code>${probabilityBar(f.probability)}</code>`);
    blocks.push([`<b>${escapeHtml(m.headings.findings)}</b>`, ...rows].join("\n"));
  }
  const symptoms = symptomsLine(a);
  if (symptoms) blocks.push(`<b>${escapeHtml(m.headings.symptoms)}</b>\n${escapeHtml(symptoms)}`);
  if (advice.length > 0) {
    blocks.push(
      [`<b>${escapeHtml(m.headings.advice)}</b>`, ...advice.map((x) => `• ${escapeHtml(x)}`)].join("\n"),
    );
  }
  blocks.push(`<i>${escapeHtml(a.disclaimer)}</i>`);
  messages.push(...splitMessage(blocks.join("\n\n")));
  return messages;
}

/** The symptoms that mattered (present, not negated), how long, and the age when given. */
function symptomsLine(a: Assessment): string {
  const m = botMessages[a.lang];
  // Where it is, in the patient's own words ("arm"), not the vocabulary's list of sites.
  const parts = a.symptoms.recognised
    .filter((s) => !s.negated)
    .map((s) => (s.kind === "site" ? (s.words[0] ?? s.name) : s.name));
  if (a.symptoms.durationDays !== null) parts.push(m.durationDays(a.symptoms.durationDays));
  if (a.symptoms.ageYears !== null) parts.push(m.ageYears(a.symptoms.ageYears));
  return parts.join(a.lang === "zh" ? "，" : ", ");
}
