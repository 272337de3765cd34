/**
 * The bytes an isolate may spend on work that scales with its input (decoding photos), shared by all of
 * its concurrent requests: 128 MB per isolate is shared, and an out-of-memory kill ends every request in
 * it. A request reserves what it will need before allocating it; one that does not fit now waits, in a
 * bounded queue and for a bounded time, then is refused with MemoryBusyError (the caller answers 503 and
 * Retry-After). What could never fit, even alone, is refused at once with MemoryTooLargeError.
 */
export class MemoryBudget {
  private used = 0;
  private peak = 0;
  /** Requests that had to wait for room, and requests refused busy, since the isolate started. */
  private waited = 0;
  private refused = 0;
  private readonly waiting: { bytes: number; grant: () => void }[] = [];

  constructor(
    readonly capacity: number,
    readonly options: { maxWaiting?: number; maxWaitMs?: number } = {},
  ) {}

  /** Resolves, once `bytes` fit, to the release (idempotent) that gives them back. */
  async reserve(bytes: number): Promise<() => void> {
    if (bytes > this.capacity) throw new MemoryTooLargeError(bytes, this.capacity);
    if (this.waiting.length > 0 || this.used + bytes > this.capacity) await this.wait(bytes);
    else this.take(bytes);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= bytes;
      this.grantWaiting();
    };
  }

  /** Bytes reserved now, the most ever reserved at once, and how often the budget made a request wait or refused it. */
  get usage(): { used: number; peak: number; waiting: number; waited: number; refused: number } {
    const waiting = this.waiting.length;
    return { used: this.used, peak: this.peak, waiting, waited: this.waited, refused: this.refused };
  }

  private take(bytes: number): void {
    this.used += bytes;
    this.peak = Math.max(this.peak, this.used);
  }

  private wait(bytes: number): Promise<void> {
    const { maxWaiting = 8, maxWaitMs = 2_000 } = this.options;
    if (this.waiting.length >= maxWaiting) {
      this.refused++;
      return Promise.reject(new MemoryBusyError(bytes));
    }
    this.waited++;
    return new Promise((resolve, reject) => {
      const entry = {
        bytes,
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        this.refused++;
        reject(new MemoryBusyError(bytes));
        this.grantWaiting(); // a large request timing out may let smaller ones behind it in
      }, maxWaitMs);
      this.waiting.push(entry);
    });
  }

  /** First come, first served: the head of the queue goes first, so a large photo is not starved. */
  private grantWaiting(): void {
    while (this.waiting.length > 0 && this.used + this.waiting[0].bytes <= this.capacity) {
      const next = this.waiting.shift()!;
      this.take(next.bytes);
      next.grant();
    }
  }
}

/** Too many requests need memory at once: try again shortly. */
export class MemoryBusyError extends Error {
  readonly retryAfterSeconds = 2;

  constructor(readonly bytes: number) {
    super(`busy: ${bytes} bytes are not free in this isolate now`);
    this.name = "MemoryBusyError";
  }
}

/** The work needs more than the whole budget: it can never run in this isolate. */
export class MemoryTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly capacity: number,
  ) {
    super(`needs ${bytes} bytes, more than the isolate's budget of ${capacity}`);
    this.name = "MemoryTooLargeError";
  }
}
