/**
 * Promises by key, each made once and shared by concurrent callers. A promise that rejects is forgotten,
 * so the next call tries again (after `model install`, or once R2 answers) instead of failing for the
 * isolate's life. At most `capacity` keys are kept, the oldest dropped first: a capacity of 1 keeps only
 * the current model's engine, never a stale one beside it.
 *
 * A promise made for a warm-up (`{ warmUp: true }`: work started ahead of a request that may need it) is
 * shared the same way, but a caller that really needs the value and joined it tries once more on its own
 * when it rejects: a failed warm-up never fails the request it was meant to speed up.
 */
export class PromiseCache<K, V> {
  private readonly entries = new Map<K, Promise<V>>();
  private readonly warmUps = new WeakSet<Promise<V>>();

  constructor(private readonly capacity = Number.POSITIVE_INFINITY) {}

  get(key: K, make: () => Promise<V>, options: { warmUp?: boolean } = {}): Promise<V> {
    const cached = this.entries.get(key);
    if (cached) {
      // The entry is forgotten (below) before this handler runs: the retry makes a new one.
      if (!options.warmUp && this.warmUps.has(cached)) return cached.catch(() => this.get(key, make));
      return cached;
    }
    const made = make();
    this.entries.set(key, made);
    if (options.warmUp) this.warmUps.add(made);
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
