/**
 * One Durable Object per chat: the chat's session, and the order in which its updates may touch it.
 *
 * Why not KV: every update reads the whole session and writes it back, and KV has no compare-and-set, so
 * two buttons tapped at once both read the same session and the later write drops the other's answer.
 * Per-question keys would keep every answer, but nothing would order what follows them (which edit of
 * the questions is shown last, whether a level already sent is sent again, whether a question was already
 * answered), and a read after a write is only "usually" fresh in KV. A Durable Object is one instance per
 * chat with strongly consistent storage: `begin` hands out the chat's turn to one update at a time, in
 * arrival order, with the session; `end` stores what the update left and passes the turn on.
 */
import { DurableObject } from "cloudflare:workers";

/** An update's work ends within the 30 s waitUntil gives it; a turn never ended is taken back after this. */
export const TURN_MS = 35_000;

interface Stored {
  session: unknown;
  /** Epoch ms after which the session no longer exists (an alarm deletes it then). */
  expiresAt: number;
}

export interface Turn {
  token: string;
  /** The stored session; null when there is none (never written, expired or deleted). */
  session: unknown | null;
}

export class ChatState extends DurableObject {
  /** Settles when the last turn handed out has ended: the next `begin` waits for it. */
  private last: Promise<void> = Promise.resolve();
  private current: { token: string; end: () => void } | undefined;

  /** Waits for the chat's earlier updates to end, then hands this one the turn and the session. */
  async begin(): Promise<Turn> {
    const earlier = this.last;
    let ended!: () => void;
    const ending = new Promise<void>((resolve) => {
      ended = resolve;
    });
    this.last = earlier.then(() => ending);
    await earlier;
    const token = crypto.randomUUID();
    // A Worker that died mid-update never calls `end`: the chat must not wait for it for ever.
    const timer = setTimeout(() => this.release(token), TURN_MS);
    this.current = {
      token,
      end: () => {
        clearTimeout(timer);
        ended();
      },
    };
    return { token, session: await this.read() };
  }

  /**
   * Ends the turn: `session` is stored for `ttlSeconds` (null deletes it, undefined leaves it as it was).
   * A turn taken back (past TURN_MS) stores nothing: a later update owns the session now.
   */
  async end(token: string, session: unknown | null | undefined, ttlSeconds: number): Promise<void> {
    if (this.current?.token !== token) return;
    try {
      if (session === null) {
        await this.ctx.storage.deleteAll();
      } else if (session !== undefined) {
        const expiresAt = Date.now() + ttlSeconds * 1000;
        await this.ctx.storage.put<Stored>("state", { session, expiresAt });
        await this.ctx.storage.setAlarm(expiresAt);
      }
    } finally {
      this.release(token);
    }
  }

  /** KV's expiry, here: nothing outlives the session's TTL. */
  override async alarm(): Promise<void> {
    if ((await this.read()) === null) await this.ctx.storage.deleteAll();
  }

  private async read(): Promise<unknown | null> {
    const stored = await this.ctx.storage.get<Stored>("state");
    return stored && stored.expiresAt > Date.now() ? stored.session : null;
  }

  private release(token: string): void {
    if (this.current?.token !== token) return;
    this.current.end();
    this.current = undefined;
  }
}
