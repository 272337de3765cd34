/** Telegram HTML parse mode: escaping and splitting under the 4096-character message limit. */

/** Telegram's limit on one message's text, counted after entity parsing; we count before, to be safe. */
export const MAX_MESSAGE_LENGTH = 4096;

/** Escapes the three characters Telegram's HTML mode requires; every dynamic string goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Splits a message into parts of at most `limit` characters, at blank lines, else at line ends. Every line
 * we render opens and closes its own tags, so a cut between lines never breaks the HTML. A single line
 * longer than the limit is cut between characters, never inside an `&...;` entity or a tag.
 */
export function splitMessage(html: string, limit = MAX_MESSAGE_LENGTH): string[] {
  const parts: string[] = [];
  let current = "";
  for (const line of html.split("\n").flatMap((l) => cutLine(l, limit))) {
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (current.trim()) parts.push(current);
    current = line;
  }
  if (current.trim()) parts.push(current);
  return parts;
}

function cutLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    let cut = limit;
    const amp = rest.lastIndexOf("&", cut);
    if (amp > cut - 8 && !rest.slice(amp, cut).includes(";")) cut = amp;
    const lt = rest.lastIndexOf("<", cut);
    if (lt > rest.lastIndexOf(">", cut)) cut = lt;
    if (cut <= 0) cut = limit;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}
