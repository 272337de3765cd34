/**
 * The chat's session, kept by the chat's Durable Object (chat-state.ts), which also runs a chat's updates
 * one at a time: this middleware takes the chat's turn before the features run and ends it after, so two
 * buttons tapped at once are applied one after the other and neither answer is lost.
 */
import type { MiddlewareFn } from "grammy";
import { noteDegraded } from "../lib/degraded";
import type { BotContext, SessionData } from "./context";

/** A session lasts 30 minutes after the chat's last update that had one. */
export const SESSION_TTL_SECONDS = 30 * 60;

/** The Durable Object's name for a chat: /forget deletes exactly its storage. */
export const chatStateName = (chatId: number | string) => `chat:${chatId}`;

export function chatSession(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    // Only a private chat ever needs one (groups are pointed to a private chat): nothing is kept for others.
    if (ctx.chat?.type !== "private") {
      ctx.session = {};
      return next();
    }
    const { chats } = ctx.deps;
    let chat: ReturnType<typeof chats.get>;
    let turn: { token: string; session: unknown | null };
    try {
      chat = chats.get(chats.idFromName(chatStateName(ctx.chat.id)));
      turn = await chat.begin();
    } catch (error) {
      // The chat's state is unreachable: go on with an empty session (a photo with a caption needs none),
      // marked so that nothing that waits for a button is asked, since its state could not be kept.
      noteDegraded("session-read", error);
      ctx.session = { stateDown: true };
      return next();
    }
    const existed = turn.session !== null;
    ctx.session = (turn.session ?? {}) as SessionData;
    let kept: SessionData | null | undefined;
    try {
      await next();
      kept = ctx.session as SessionData | null;
    } finally {
      // Nothing is written for a chat that had no session and still needs none (a forged button, /help),
      // nor after a failure (the features' half-done changes are dropped); the turn is ended either way.
      const store = kept === null ? null : existed || (kept && !isEmpty(kept)) ? kept : undefined;
      await chat.end(turn.token, store, SESSION_TTL_SECONDS).catch((error: unknown) => {
        noteDegraded("session-write", error);
      });
    }
  };
}

const isEmpty = (session: SessionData) => Object.values(session).every((v) => v === undefined);
