/**
 * Promises by key, each made once and shared by concurrent callers. A promise that rejects is forgotten,
 * so the next call tries again (after `model install`, or once R2 answers) instead of failing for the
 * isolate's life. At most `capacity` keys are kept, the oldest dropped first: a capacity of 1 keeps only
 * the current model's engine, never a stale one beside it.
 */
export class PromiseCache<K, V> {
  private readonly entries = new Map<K, Promise<V>>();

  constructor(private readonly capacity = Number.POSITIVE_INFINITY) {}

  get(key: K, make: () => Promise<V>): Promise<V> {
    const cached = this.entries.get(key);
    if (cached) return cached;
    const made = make();
    this.entries.set(key, made);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    made.catch(() => {
      if (this.entries.get(key) === made) this.entries.delete(key);
    });
    return made;
  }

  keys(): K[] {
    return [...this.entries.keys()];
  }
}
