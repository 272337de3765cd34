/** The bot's context type: grammY's Context with the chat's session and the Worker's dependencies. */
import type { Context, SessionFlavor } from "grammy";
import type { Answers, Lang } from "../clinical";
import type { ClipEngine } from "../model/engine";
import type { SpeechService } from "../model/remote/speech-protocol";
import type { BotConfig } from "./config";

/** A photo as Telegram keeps it: we store its file id for a while, never its bytes. */
export interface PhotoRef {
  fileId: string;
  fileSize?: number;
}

/** What is assessed: a photo and/or the patient's words, with answers to red-flag questions. */
export interface Inquiry {
  photo?: PhotoRef;
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
  /** What was assessed: asked again with the answers. */
  photo?: PhotoRef;
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
  photo?: PhotoRef;
  words?: string;
}

/** What a chat keeps, in KV for at most 30 minutes (session.ts). Never photo bytes or an assessment. */
export interface SessionData {
  /** Chosen with /language or a deep link; else Telegram's language_code decides. */
  lang?: Lang;
  /** A photo sent without words, waiting for them (or for "skip"). */
  pendingPhoto?: PhotoRef;
  /** Words sent without a photo, waiting for one. */
  pendingWords?: string;
  questions?: OpenQuestions;
  checklist?: OpenChecklist;
  /** KV could not be read for this update (never stored): nothing that waits for a button is asked. */
  kvDown?: boolean;
}

export interface BotDeps {
  config: BotConfig;
  /** BOT_STATE: sessions, seen update ids, album ids. */
  kv: KVNamespace;
  /** The isolate's engine, opened on first use (the Worker entry provides it). */
  engine: () => Promise<ClipEngine>;
  /** The speech Worker (SPEECH binding) that hears voice notes; undefined where it is not bound. */
  speech?: SpeechService;
  /** One JSON log line: update id, event, error type. Never text, photos or file ids. */
  log: (fields: Record<string, string | number | boolean>) => void;
}

export type BotContext = Context & SessionFlavor<SessionData> & { deps: BotDeps };
