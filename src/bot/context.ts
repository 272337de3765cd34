/** The bot's context type: grammY's Context with the chat's session and the Worker's dependencies. */
import type { Context, SessionFlavor } from "grammy";
import type { Answers, Lang } from "../clinical";
import type { ClipEngine } from "../model/engine";
import type { SpeechService } from "../model/remote/speech-protocol";
import type { ImageScores } from "../service/assess-scores";
import type { ChatState } from "./chat-state";
import type { BotConfig } from "./config";

/** A photo as Telegram sends it: fetched once, scored, and forgotten (never kept in the session). */
export interface PhotoRef {
  fileId: string;
  fileSize?: number;
}

/**
 * What is assessed: what the model said about a photo (scored once, service/assess-scores.ts) and/or the
 * patient's words, from whatever source gave them, with answers to red-flag questions.
 */
export interface Inquiry {
  image?: ImageScores;
  words?: string;
  answers?: Answers;
}

/** Red-flag questions sent with an answer, awaiting the patient's buttons. */
export interface OpenQuestions {
  /** The message holding the buttons, edited in place as they are answered. */
  messageId: number;
  lang: Lang;
  /** Question ids and their texts, in the order asked. */
  items: { id: string; text: string }[];
  answers: Answers;
  /** The answers the questions were asked with (the checklist's): what "change my answers" goes back to. */
  before: Answers;
  /** What was assessed: assessed again, with the answers, by the clinical step alone. */
  image?: ImageScores;
  words?: string;
  /** The triage level last sent, so a new answer is sent only when it changes. */
  level: string | null;
}

/** The core intake checklist sent before the answer, awaiting ticks and Done or Skip (checklist.ts). */
export interface OpenChecklist {
  messageId: number;
  lang: Lang;
  /** Core question ids and their short texts, in the order shown. */
  items: { id: string; text: string }[];
  /** Ids ticked so far. */
  ticked: string[];
  answers: Answers;
  /** What is assessed once the checklist is done or skipped. */
  image?: ImageScores;
  words?: string;
}

/**
 * What a chat keeps, in its Durable Object for at most 30 minutes (session.ts). Never the photo, its file id
 * or its embedding, nor an assessment: only what the model said about the photo (per-label scores).
 */
export interface SessionData {
  /** Chosen with /language or a deep link; else Telegram's language_code decides. */
  lang?: Lang;
  /** A photo sent without words, already scored, waiting for them (or for "skip"). */
  pendingImage?: ImageScores;
  /** Words sent without a photo, waiting for one. */
  pendingWords?: string;
  questions?: OpenQuestions;
  checklist?: OpenChecklist;
  /** The chat's state could not be read for this update (never stored): nothing that waits for a button is asked. */
  stateDown?: boolean;
}

export interface BotDeps {
  config: BotConfig;
  /** BOT_STATE: seen update ids, album ids. */
  kv: KVNamespace;
  /** BOT_CHATS: one Durable Object per chat, its session and the order of its updates (session.ts). */
  chats: DurableObjectNamespace<ChatState>;
  /** How retries wait (retry.ts): real time in the Worker, a recorder in tests. */
  sleep: (ms: number) => Promise<void>;
  /** The isolate's engine, opened on first use (the Worker entry provides it). */
  engine: () => Promise<ClipEngine>;
  /** The speech Worker (SPEECH binding) that hears voice notes; undefined where it is not bound. */
  speech?: SpeechService;
  /** One JSON log line: update id, event, error type. Never text, photos or file ids. */
  log: (fields: Record<string, string | number | boolean>) => void;
}

export type BotContext = Context & SessionFlavor<SessionData> & { deps: BotDeps };
