/**
 * API_KEYS as the API reads it: comma- or whitespace-separated keys, each trimmed, empties dropped (so a
 * secret put from a file, with its trailing newline, still matches). Apart from env.ts, which needs the
 * Workers' generated types, so that `npm run dev` (Node) reads .dev.vars the same way.
 */
export function parseApiKeys(source: string | undefined): string[] {
  return (source ?? "").split(/[\s,]+/).filter((key) => key.length > 0);
}
