/**
 * What this isolate did without a store it relies on. Degrading is right (a chat goes on without its
 * session, a cache miss is computed again), but operators must be able to see an outage: each kind is
 * logged once per isolate, with the error's class only (never a key or a value, which may hold a chat id
 * or a client's address), and counted for /readyz.
 */
export type DegradedKind =
  | "session-read"
  | "session-write"
  | "dedupe-read"
  | "dedupe-write"
  | "text-embedding-read"
  | "text-embedding-write";

const counts = new Map<DegradedKind, number>();

/** Records one failure of `kind`; the first of its kind in this isolate is logged. */
export function noteDegraded(kind: DegradedKind, error: unknown): void {
  const seen = counts.get(kind) ?? 0;
  counts.set(kind, seen + 1);
  if (seen === 0) {
    const errorClass = error instanceof Error ? error.name : typeof error;
    console.warn(JSON.stringify({ event: "degraded", kind, error: errorClass }));
  }
}

/** Failures per kind since this isolate started (kinds that never failed are absent). */
export function degradedCounts(): Partial<Record<DegradedKind, number>> {
  return Object.fromEntries(counts);
}

/** `promise`, or `fallback` after noting a failure of `kind`: for stores that are only an optimisation. */
export function orDegraded<T>(promise: Promise<T>, kind: DegradedKind, fallback: T): Promise<T> {
  return promise.catch((error: unknown) => {
    noteDegraded(kind, error);
    return fallback;
  });
}
