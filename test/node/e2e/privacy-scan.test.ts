/**
 * The privacy scan (issue 11): run the service as `npm run dev` does (wrangler dev, every Worker in one
 * workerd, local KV and R2 in a temporary folder), drive a whole tour through it with random canaries
 * (patient words in English and Chinese, custom labels, a photo with EXIF, GPS and a byte pattern of its
 * own, a voice note with a byte pattern of its own and the transcript the service made of it, API keys, a
 * wrong key, the bot's token and webhook secret, Telegram file ids), stop it, then read every line the
 * Workers printed and every KV entry, chat session and R2 object they left (and the chats' Durable Object
 * databases as raw bytes, freed pages included), and look for the canaries in
 * them, raw and as base64, hex, JSON and URL escapes.
 *
 * What may stay: the bot session of a chat that did not /forget (its Durable Object, BOT_CHATS) holds what
 * its conversation still needs (the words of its open questions, what the model said about its photos, never
 * a file id) and must expire within 30 minutes; update
 * ids seen expire within 24 hours; custom labels' text embeddings (under a hashed key) within 7 days. R2
 * holds the model package and nothing else.
 *
 * Not scanned: wrangler's own debug log file (WRANGLER_LOG_PATH, kept in the state folder by
 * wrangler-dev.ts). wrangler writes every debug message there, including the inspector's network events
 * with their bodies, so it holds Telegram downloads and the bot token of Bot API URLs: a property of
 * `wrangler dev`, not of the Workers, and absent in production.
 */
import { randomBytes, randomInt } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Miniflare } from "miniflare";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../../support/fake-telegram.node";
import { TEST_IMAGES } from "../../support/test-images";
import { type DevServer, startWranglerDev } from "./wrangler-dev";

const root = resolve(import.meta.dirname, "../../..");
const output = resolve(root, "test-output/privacy-scan");
const logPath = resolve(output, "wrangler-dev.log");
const modelDir = resolve(root, ".cache/models/tiny");
const speechModelDir = resolve(root, ".cache/models/whisper-test");
// Made by the vitest global setup (test/support/test-images.node.ts), as the model is.
const basePhoto = resolve(root, ".cache/images", TEST_IMAGES.photo);

const SESSION_TTL_S = 30 * 60;
const DEDUPE_TTL_S = 24 * 3600;
const TEXT_EMBEDDING_TTL_S = 7 * 24 * 3600;

// ---------------------------------------------------------------------------------------------------------
// Canaries: random, so that nothing else can contain them by chance.

const token = (prefix: string) => `${prefix}${randomBytes(9).toString("base64url").replace(/[-_]/g, "x")}`;
/** Random common CJK characters: a canary that only UTF-8 (or an escape of it) can carry. */
const hanzi = (n: number) =>
  String.fromCodePoint(...Array.from({ length: n }, () => randomInt(0x4e00, 0x9fa5)));

const canary = {
  textEn: token("cnryEn"),
  textZh: hanzi(8),
  labels: [token("cnryLabelA"), token("cnryLabelB"), token("cnryLabelC")],
  exifDescription: token("cnryDesc"),
  exifMake: token("cnryMake"),
  gpsDatum: token("cnryDatum"),
  gpsSeconds: String(randomInt(1_000_000_000, 4_000_000_000)),
  photoBytes: randomBytes(32),
  apiKeys: [token("key1"), token("key2")],
  wrongKey: token("wrongkey"),
  botToken: `${randomInt(1_000_000, 9_999_999)}:${token("AAbot")}`,
  webhookSecret: token("hook_"),
  botWordsA: token("cnryChatA"),
  /** Inside a voice note's samples: the audio bytes themselves must never be logged or kept. */
  audioBytes: randomBytes(32),
  voiceFileId: token("AwACvoiceA"),
  botWordsB: hanzi(8),
  fileIds: {
    a1: token("AgACfileA1"),
    a2: token("AgACfileA2"),
    b1: token("AgACfileB1"),
    b2: token("AgACfileB2"),
  },
};
const fileUniqueId = (fileId: string) => `uq${fileId.slice(4)}`;

/** A 3 s 16 kHz WAV voice note (a chirp) whose samples hold the audio canary's bytes in the middle. */
function canaryNote(): Buffer {
  const samples = 48_000;
  const note = Buffer.alloc(44 + samples * 2);
  note.write("RIFF", 0);
  note.writeUInt32LE(36 + samples * 2, 4);
  note.write("WAVEfmt ", 8);
  note.writeUInt32LE(16, 16);
  note.writeUInt16LE(1, 20);
  note.writeUInt16LE(1, 22);
  note.writeUInt32LE(16000, 24);
  note.writeUInt32LE(32000, 28);
  note.writeUInt16LE(2, 32);
  note.writeUInt16LE(16, 34);
  note.write("data", 36);
  note.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++)
    note.writeInt16LE(Math.round(9000 * Math.sin(i * (0.02 + i * 2e-6))), 44 + 2 * i);
  canary.audioBytes.copy(note, 44 + samples);
  return note;
}

// ---------------------------------------------------------------------------------------------------------
// Renderings of a canary that a leak could take.

/** Base64 of `bytes` at each of the three alignments inside a longer buffer, less the characters it shares. */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
    const core = encoded.slice(Math.ceil((shift * 4) / 3), Math.floor(((shift + bytes.length) * 4) / 3));
    cores.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return cores;
}

function renderings(value: string | Buffer): Buffer[] {
  const bytes = typeof value === "string" ? Buffer.from(value, "utf8") : value;
  const texts = [bytes.toString("hex"), bytes.toString("hex").toUpperCase(), ...base64Cores(bytes)];
  if (typeof value === "string") {
    texts.push(encodeURIComponent(value));
    // JSON's \u escapes, as a JSON.stringify with ASCII output would write non-ASCII text.
    texts.push(value.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
    texts.push(Buffer.from(value, "utf16le").toString("latin1"));
  }
  return [bytes, ...[...new Set(texts)].map((t) => Buffer.from(t, "latin1"))];
}

interface Needle {
  name: string;
  forms: Buffer[];
}
const needle = (name: string, value: string | Buffer): Needle => ({ name, forms: renderings(value) });

/** What was found where: `[where, canary]` pairs (the canary's name, never its value). */
function scan(where: string, haystack: Buffer, needles: Needle[]): [string, string][] {
  return needles.filter((n) => n.forms.some((f) => haystack.includes(f))).map((n) => [where, n.name]);
}

// ---------------------------------------------------------------------------------------------------------
// The photo: a real skin photo with canary EXIF and GPS, and a comment segment of canary bytes.

async function canaryPhoto(): Promise<Buffer> {
  const jpeg = await sharp(await readFile(basePhoto))
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { ImageDescription: canary.exifDescription, Make: canary.exifMake, Model: "PrivacyScan" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: `51/1 30/1 ${canary.gpsSeconds}/10000000`,
        GPSLongitudeRef: "W",
        GPSLongitude: "0/1 7/1 3999/100",
        GPSMapDatum: canary.gpsDatum,
      },
    })
    .toBuffer();
  // A COM segment (FFFE, big-endian length counting itself) right after SOI.
  const comment = Buffer.concat([
    Buffer.from([0xff, 0xfe, 0, canary.photoBytes.length + 2]),
    canary.photoBytes,
  ]);
  return Buffer.concat([jpeg.subarray(0, 2), comment, jpeg.subarray(2)]);
}

// ---------------------------------------------------------------------------------------------------------

const skip = !existsSync(modelDir) || !existsSync(basePhoto);
if (skip && !process.env.CI) console.warn("privacy scan skipped: run the vitest global setup first (.cache)");

/** The parts of Miniflare's KV and R2 proxies the scan uses (its own types name workerd's, absent here). */
interface KvReader {
  list(options: { cursor?: string }): Promise<{
    keys: { name: string; expiration?: number }[];
    list_complete: boolean;
    cursor?: string;
  }>;
  get(key: string, type: "arrayBuffer"): Promise<ArrayBuffer | null>;
}
interface R2Reader {
  list(options: {
    cursor?: string;
  }): Promise<{ objects: { key: string }[]; truncated: boolean; cursor?: string }>;
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null>;
}

interface ChatsReader {
  idFromName(name: string): unknown;
  get(id: unknown): { fetch(url: string): Promise<{ json(): Promise<unknown> }> };
}

interface KvEntry {
  namespace: string;
  key: string;
  expiration?: number;
  value: Buffer;
}

describe.skipIf(skip && !process.env.CI)("privacy scan of a full tour through wrangler dev", () => {
  let server: DevServer | undefined;
  let telegram: FakeTelegram | undefined;
  let photo: Buffer;
  let log = "";
  const kv: KvEntry[] = [];
  const r2: { key: string; value: Buffer }[] = [];
  /** The chats' Durable Object databases, raw: file name and bytes. */
  const chatFiles: { name: string; value: Buffer }[] = [];
  let manifest: { files: { path: string }[] };
  let speechManifest: { files: { path: string }[] };
  let scannedAt = 0;
  const errorAnswers: { status: number; text: string }[] = [];
  let updatesDelivered = 0;
  const chatA = 700_000_000 + randomInt(1_000_000);
  const chatB = chatA + 1;

  beforeAll(async () => {
    await mkdir(output, { recursive: true });
    photo = await canaryPhoto();
    telegram = await startFakeTelegram({ token: canary.botToken });
    server = await startWranglerDev({
      modelDir,
      speechModelDir,
      logPath,
      keepState: true,
      vars: { TELEGRAM_API_ROOT: telegram.url },
      secrets: {
        API_KEYS: canary.apiKeys.join(","),
        TELEGRAM_BOT_TOKEN: canary.botToken,
        TELEGRAM_WEBHOOK_SECRET: canary.webhookSecret,
      },
    });
    await apiTour(server.url);
    await botTour(server.url);
    await server.stop();
    log = await readFile(logPath, "utf8");
    await readState(server.state);
    scannedAt = Date.now() / 1000;
    await writeSummary();
  });

  afterAll(async () => {
    await server?.stop();
    await telegram?.close();
    if (server) await rm(server.state, { recursive: true, force: true });
  });

  // -------------------------------------------------------------------------------------------------------
  // The API tour: assessments as multipart and JSON, en and zh, custom labels, answers, and errors.

  async function api(url: string, init: RequestInit & { key?: string; apiKeyHeader?: boolean }) {
    const headers = new Headers(init.headers);
    if (init.key)
      headers.set(
        init.apiKeyHeader ? "X-API-Key" : "Authorization",
        `${init.apiKeyHeader ? "" : "Bearer "}${init.key}`,
      );
    const res = await retryReload(() =>
      fetch(`${url}/v1/assessments`, { ...init, headers, signal: AbortSignal.timeout(60_000) }),
    );
    if (res.status >= 400) {
      // An error answer is read here (and scanned later): it may explain, never quote what was sent.
      const lines: string[] = [];
      res.headers.forEach((value, name) => {
        lines.push(`${name}: ${value}`);
      });
      const head = lines.join("\n");
      errorAnswers.push({ status: res.status, text: `${head}\n\n${await res.clone().text()}` });
    }
    return res;
  }

  /**
   * wrangler dev reloads the Workers when a source file changes (others edit this tree while the test
   * runs) and answers 503 meanwhile, not as problem+json as the Worker would: such a request is sent again.
   */
  async function retryReload(send: () => Promise<Response>): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const res = await send();
      const fromWrangler = res.status === 503 && !res.headers.get("content-type")?.includes("problem+json");
      if (!fromWrangler || attempt === 5) return res;
      await res.body?.cancel();
      await new Promise((r) => setTimeout(r, 2000));
    }
  }

  /** What the speech Worker heard in the API tour's voice note (the transcript canary: never logged or kept). */
  let transcript = "";

  async function apiTour(url: string): Promise<void> {
    const voice = new FormData();
    voice.append("audio", new Blob([new Uint8Array(canaryNote())], { type: "audio/wav" }), "note.wav");
    voice.append("text", `${canary.textEn} and what I said`);
    voice.append("lang", "en");
    const heard = await api(url, { method: "POST", body: voice, key: canary.apiKeys[0] });
    expect(heard.status).toBe(200);
    transcript = ((await heard.json()) as { transcript: { text: string } }).transcript.text;
    const textEn = `${canary.textEn} itchy red patch on my arm for 3 days, it hurts ${canary.textEn}`;
    const textZh = `${canary.textZh}腿上有一块红肿，很疼，两天了${canary.textZh}`;
    const form = new FormData();
    form.append("image", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "photo.jpg");
    form.append("text", textEn);
    form.append("lang", "en");
    const multipart = await api(url, { method: "POST", body: form, key: canary.apiKeys[0] });
    expect(multipart.status).toBe(200);
    const first = (await multipart.json()) as { assessment: { questions: { id: string }[] } };

    const json = (body: unknown, key = canary.apiKeys[1]) =>
      api(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        key,
        apiKeyHeader: true,
      });
    const image = photo.toString("base64");
    const zh = await json({ image, text: textZh, lang: "zh", labels: canary.labels.slice(0, 2) });
    expect(zh.status).toBe(200);
    const labelled = await json({
      image: `data:image/jpeg;base64,${image}`,
      text: textEn,
      labels: canary.labels,
    });
    expect(labelled.status).toBe(200);
    // Answers to the questions the first answer asked.
    const answers = Object.fromEntries(
      first.assessment.questions.map((q, i) => [q.id, i === 0 ? "yes" : "no"]),
    );
    const answered = new FormData();
    answered.append("image", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "photo.jpg");
    answered.append("text", textEn);
    answered.append("answers", JSON.stringify(answers));
    expect((await api(url, { method: "POST", body: answered, key: canary.apiKeys[0] })).status).toBe(200);

    // Errors, each carrying the patient's words.
    expect((await json({ image, text: textEn, lang: "xx" })).status).toBe(400);
    expect((await json({ image, text: `${textZh} ${"x".repeat(1000)}` })).status).toBe(400);
    const truncated = api(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"image":"${image.slice(0, 200)}","text":"${canary.textEn}`,
      key: canary.apiKeys[1],
    });
    expect((await truncated).status).toBe(400);
    const damaged = photo.subarray(0, photo.length >> 1).toString("base64");
    expect((await json({ image: damaged, text: textZh })).status).toBe(422);
    const plain = await api(url, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: textEn,
      key: canary.apiKeys[0],
    });
    expect(plain.status).toBe(415);
    expect((await json({ image, text: textEn }, canary.wrongKey)).status).toBe(401);
    const wrongBearer = await api(url, { method: "POST", body: form, key: canary.wrongKey });
    expect(wrongBearer.status).toBe(401);
  }

  // -------------------------------------------------------------------------------------------------------
  // The bot tour: two chats through POST /telegram/webhook; chat A ends with /forget, chat B does not.

  let updateId = randomInt(1_000_000) * 1000;
  let messageId = 0;

  async function control(path: string, init?: RequestInit): Promise<Response> {
    return telegram!.control(new Request(`http://fake${path}`, init));
  }

  interface Call {
    method: string;
    payload: { text?: string; reply_markup?: { inline_keyboard?: { callback_data: string }[][] } };
    result?: { message_id?: number };
  }

  /** Delivers one update and waits until the bot has handled it (its log line says so). */
  async function deliver(url: string, update: Record<string, unknown>): Promise<void> {
    const id = ++updateId;
    updatesDelivered++;
    const res = await retryReload(() =>
      fetch(`${url}/telegram/webhook`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-telegram-bot-api-secret-token": canary.webhookSecret,
        },
        body: JSON.stringify({ update_id: id, ...update }),
      }),
    );
    expect(res.status).toBe(200);
    const done = new RegExp(`"updateId":${id},"event":"(handled|failed|duplicate)"`);
    const deadline = Date.now() + 90_000;
    while (!done.test(await readFile(logPath, "utf8"))) {
      if (Date.now() > deadline) throw new Error(`update ${id} was not handled within 90 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await readFile(logPath, "utf8")).toMatch(new RegExp(`"updateId":${id},"event":"handled"`));
  }

  const from = (chat: number, lang: string) => ({
    id: chat,
    is_bot: false,
    first_name: "Pat",
    language_code: lang,
  });
  const chatOf = (chat: number) => ({ id: chat, type: "private", first_name: "Pat" });

  function message(chat: number, lang: string, fields: Record<string, unknown>) {
    return {
      message: {
        message_id: ++messageId,
        date: Math.floor(Date.now() / 1000),
        chat: chatOf(chat),
        from: from(chat, lang),
        ...fields,
      },
    };
  }
  const text = (chat: number, lang: string, words: string) =>
    message(chat, lang, {
      text: words,
      ...(words.startsWith("/")
        ? { entities: [{ type: "bot_command", offset: 0, length: words.length }] }
        : {}),
    });
  const photoMessage = (chat: number, lang: string, fileId: string, caption?: string) =>
    message(chat, lang, {
      photo: [
        {
          file_id: fileId,
          file_unique_id: fileUniqueId(fileId),
          width: 400,
          height: 300,
          file_size: photo.length,
        },
      ],
      ...(caption ? { caption } : {}),
    });
  const voiceMessage = (chat: number, lang: string, fileId: string) =>
    message(chat, lang, {
      voice: { file_id: fileId, file_unique_id: fileUniqueId(fileId), duration: 3, mime_type: "audio/wav" },
    });
  const press = (chat: number, lang: string, data: string, onMessage: number) => ({
    callback_query: {
      id: `cb-${chat}-${updateId + 1}`,
      from: from(chat, lang),
      chat_instance: `ci-${chat}`,
      data,
      message: { message_id: onMessage, date: Math.floor(Date.now() / 1000), chat: chatOf(chat), text: "…" },
    },
  });

  /** The last message the bot sent to the chat with a button whose data starts with `prefix`. */
  async function buttonsMessage(
    chat: number,
    prefix: string,
  ): Promise<{ messageId: number; data: string[] } | null> {
    const calls = (await (await control(`/calls?chat=${chat}`)).json()) as Call[];
    const sent = calls
      .filter((c) => c.method === "sendMessage" && c.result?.message_id)
      .reverse()
      .find((c) =>
        c.payload.reply_markup?.inline_keyboard?.flat().some((b) => b.callback_data.startsWith(prefix)),
      );
    if (!sent) return null;
    const data = sent.payload.reply_markup!.inline_keyboard!.flat().map((b) => b.callback_data);
    return { messageId: sent.result!.message_id!, data };
  }

  async function botTour(url: string): Promise<void> {
    for (const fileId of Object.values(canary.fileIds)) {
      expect((await control(`/files/${fileId}`, { method: "PUT", body: new Uint8Array(photo) })).status).toBe(
        204,
      );
    }
    // Chat A (English): words first, then a photo; a question answered; a photo without words and "skip".
    await deliver(url, text(chatA, "en", "/start"));
    await deliver(
      url,
      text(
        chatA,
        "en",
        `${canary.botWordsA} a red swollen patch on my leg, very painful, for 2 days ${canary.botWordsA}`,
      ),
    );
    await deliver(url, photoMessage(chatA, "en", canary.fileIds.a1));
    const questionsA = await buttonsMessage(chatA, "q:");
    if (questionsA) await deliver(url, press(chatA, "en", questionsA.data[1], questionsA.messageId));
    await deliver(url, photoMessage(chatA, "en", canary.fileIds.a2));
    const skipA = await buttonsMessage(chatA, "w:");
    expect(skipA).not.toBeNull();
    await deliver(url, press(chatA, "en", "w:skip", skipA!.messageId));
    await deliver(url, text(chatA, "en", `${canary.botWordsA} it is spreading`));
    expect(
      (await control(`/files/${canary.voiceFileId}`, { method: "PUT", body: new Uint8Array(canaryNote()) }))
        .status,
    ).toBe(204);
    await deliver(url, voiceMessage(chatA, "en", canary.voiceFileId));
    await deliver(url, text(chatA, "en", "/forget"));

    // Chat B (Chinese): a photo with words, a question answered, then a photo left waiting for words.
    await deliver(
      url,
      photoMessage(chatB, "zh", canary.fileIds.b1, `${canary.botWordsB}腿上有一块红肿，很疼，两天了`),
    );
    const questionsB = await buttonsMessage(chatB, "q:");
    if (questionsB) await deliver(url, press(chatB, "zh", questionsB.data[1], questionsB.messageId));
    await deliver(url, photoMessage(chatB, "zh", canary.fileIds.b2));
    // The photos were really fetched and answered (the scan would prove little otherwise).
    const downloads = (await (await control("/calls?method=getFile")).json()) as Call[];
    expect(downloads.length).toBeGreaterThanOrEqual(3);
  }

  /** What was scanned, for a person to read: names, counts and lifetimes, never a value. */
  async function writeSummary(): Promise<void> {
    const ttl = (e: KvEntry) => (e.expiration === undefined ? null : Math.round(e.expiration - scannedAt));
    const summary = {
      logLines: log.split("\n").length,
      errorAnswers: errorAnswers.map((a) => a.status),
      updatesDelivered,
      kv: kv.map((e) => ({
        namespace: e.namespace,
        key: e.key.replace(String(chatA), "<chat A>").replace(String(chatB), "<chat B>"),
        bytes: e.value.length,
        expiresInSeconds: ttl(e),
      })),
      r2: r2.map((o) => ({ key: o.key, bytes: o.value.length })),
    };
    await writeFile(resolve(output, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  }

  // -------------------------------------------------------------------------------------------------------
  // Reading the state wrangler dev left, with Miniflare's API on the same persist root.

  async function readState(state: string): Promise<void> {
    // wrangler dev --persist-to DIR keeps Miniflare's storage under DIR/v3; KV namespaces without an id are
    // keyed by their binding name, R2 buckets by bucket_name (wrangler's kvNamespaceEntry / r2BucketEntry).
    // The bot's chats: Durable Objects of the Worker "dermedge", class ChatState (src/bot/chat-state.ts),
    // read by a class of the same name and Worker name (so the same storage and the same ids from names).
    const mf = new Miniflare({
      name: "dermedge",
      modules: true,
      script: `export default { fetch() { return new Response(null, { status: 204 }); } };
        export class ChatState {
          constructor(state) { this.state = state; }
          async fetch() { return Response.json((await this.state.storage.get("state")) ?? null); }
        }`,
      durableObjects: { BOT_CHATS: { className: "ChatState", useSQLite: true } },
      defaultPersistRoot: join(state, "v3"),
      kvNamespaces: { TEXT_EMBEDDINGS: "TEXT_EMBEDDINGS", BOT_STATE: "BOT_STATE" },
      r2Buckets: { MODELS: "dermedge-models" },
    });
    try {
      for (const namespace of ["TEXT_EMBEDDINGS", "BOT_STATE"]) {
        const store = (await mf.getKVNamespace(namespace)) as unknown as KvReader;
        let cursor: string | undefined;
        do {
          const page = await store.list({ cursor });
          for (const key of page.keys) {
            const value = await store.get(key.name, "arrayBuffer");
            if (value)
              kv.push({ namespace, key: key.name, expiration: key.expiration, value: Buffer.from(value) });
          }
          cursor = page.list_complete ? undefined : page.cursor;
        } while (cursor);
      }
      const chats = (await mf.getDurableObjectNamespace("BOT_CHATS")) as unknown as ChatsReader;
      for (const chat of [chatA, chatB]) {
        const stub = chats.get(chats.idFromName(`chat:${chat}`));
        const stored = (await (await stub.fetch("http://chat/")).json()) as {
          session: unknown;
          expiresAt: number;
        } | null;
        if (stored) {
          const value = Buffer.from(JSON.stringify(stored.session));
          kv.push({
            namespace: "BOT_CHATS",
            key: `chat:${chat}`,
            expiration: stored.expiresAt / 1000,
            value,
          });
        }
      }
      const bucket = (await mf.getR2Bucket("MODELS")) as unknown as R2Reader;
      let cursor: string | undefined;
      do {
        const page = await bucket.list({ cursor });
        for (const object of page.objects) {
          const body = await bucket.get(object.key);
          r2.push({ key: object.key, value: Buffer.from(await body!.arrayBuffer()) });
        }
        cursor = page.truncated ? page.cursor : undefined;
      } while (cursor);
    } finally {
      await mf.dispose();
    }
    const doDir = join(state, "v3", "do", "dermedge-ChatState");
    for (const name of existsSync(doDir) ? await readdir(doDir) : []) {
      chatFiles.push({ name, value: await readFile(join(doDir, name)) });
    }
    const stored = r2.find((o) => o.key === "models/active/manifest.json");
    manifest = JSON.parse(stored?.value.toString("utf8") ?? '{"files":[]}');
    const speech = r2.find((o) => o.key === "models/speech/active/manifest.json");
    speechManifest = JSON.parse(speech?.value.toString("utf8") ?? '{"files":[]}');
  }

  // -------------------------------------------------------------------------------------------------------

  const apiNeedles = () => [
    needle("patient text (en)", canary.textEn),
    needle("patient text (zh)", canary.textZh),
    ...canary.labels.map((l, i) => needle(`custom label ${i + 1}`, l)),
    needle("EXIF description", canary.exifDescription),
    needle("EXIF make", canary.exifMake),
    needle("GPS map datum", canary.gpsDatum),
    needle("GPS seconds", canary.gpsSeconds),
    needle("photo byte pattern", canary.photoBytes),
    needle("audio byte pattern", canary.audioBytes),
    // A stretch of the transcript (gibberish from the synthetic model, but what the service heard).
    needle("transcript", [...transcript].slice(0, 24).join("")),
    // The photo's own pixels: two stretches of its entropy-coded data.
    needle("photo bytes (middle)", photo.subarray(photo.length >> 1, (photo.length >> 1) + 48)),
    needle("photo bytes (end)", photo.subarray(photo.length - 64, photo.length - 16)),
    ...canary.apiKeys.map((k, i) => needle(`API key ${i + 1}`, k)),
    needle("wrong API key", canary.wrongKey),
    needle("bot token", canary.botToken),
    needle("bot token secret part", canary.botToken.split(":")[1]),
    needle("webhook secret", canary.webhookSecret),
  ];
  const chatANeedles = () => [
    needle("chat A words", canary.botWordsA),
    ...[canary.fileIds.a1, canary.fileIds.a2, canary.voiceFileId].flatMap((id) => [
      needle(`file id ${id.slice(4, 10)}`, id),
      needle(`file unique id ${id.slice(4, 10)}`, fileUniqueId(id)),
    ]),
  ];
  const chatBNeedles = () => [
    needle("chat B words", canary.botWordsB),
    ...[canary.fileIds.b1, canary.fileIds.b2].flatMap((id) => [
      needle(`file id ${id.slice(4, 10)}`, id),
      needle(`file unique id ${id.slice(4, 10)}`, fileUniqueId(id)),
    ]),
  ];
  const everyNeedle = () => [...apiNeedles(), ...chatANeedles(), ...chatBNeedles()];
  /** What chat B's session may hold is its words: every needle but those. */
  const notChatBWords = () => everyNeedle().filter((n) => n.name !== "chat B words");

  it("saw the tour: the Workers logged requests and bot updates, and the store holds what it must", () => {
    expect(log).toMatch(/"msg":"request".*"path":"\/v1\/assessments"/);
    expect(log).toMatch(/"msg":"telegram".*"event":"assessed"/);
    // The scan reads the same storage wrangler dev wrote: chat B's session, the update ids, the labels.
    expect(kv.map((e) => `${e.namespace} ${e.key}`)).toContain(`BOT_CHATS chat:${chatB}`);
    expect(chatFiles.length).toBeGreaterThanOrEqual(1);
    expect(kv.filter((e) => e.namespace === "BOT_STATE" && e.key.startsWith("update:")).length).toBe(
      updatesDelivered,
    );
    const embeddings = kv.filter((e) => e.namespace === "TEXT_EMBEDDINGS");
    expect(embeddings.length).toBeGreaterThanOrEqual(canary.labels.length);
    expect(r2.map((o) => o.key)).toContain("models/active/manifest.json");
    // Every rendering looked for is long enough that nothing holds it by chance.
    expect(everyNeedle().every((n) => n.forms.every((f) => f.length >= 10))).toBe(true);
  });

  it("no log line holds photo bytes, EXIF or GPS, patient words, labels, keys, tokens, secrets or file ids", () => {
    const found = log
      .split("\n")
      .flatMap((line, i) => scan(`log line ${i + 1}`, Buffer.from(line, "utf8"), everyNeedle()));
    expect(found).toEqual([]);
  });

  it("no error answer quotes what was sent", () => {
    expect(errorAnswers.map((a) => a.status).sort()).toEqual([400, 400, 400, 401, 401, 415, 422]);
    const found = errorAnswers.flatMap((a, i) =>
      scan(`error answer ${i + 1} (${a.status})`, Buffer.from(a.text, "utf8"), everyNeedle()),
    );
    expect(found).toEqual([]);
  });

  it("no KV key or value holds them, except chat B's session, which expires within 30 minutes", () => {
    // Chat B's session may hold its words; never a file id (what the model said is kept, not the photo).
    const found = kv.flatMap((e) => {
      const needles = e.key === `chat:${chatB}` ? notChatBWords() : everyNeedle();
      return [
        ...scan(`${e.namespace} key ${e.key}`, Buffer.from(e.key, "utf8"), everyNeedle()),
        ...scan(`${e.namespace} value of ${e.key}`, e.value, needles),
      ];
    });
    expect(found).toEqual([]);
    // Chat A said /forget: its session is gone.
    expect(kv.some((e) => e.key === `chat:${chatA}`)).toBe(false);
    // What chat B's session keeps: what the model said about its waiting photo (and what its open checklist
    // or questions need).
    const sessionB = kv.find((e) => e.key === `chat:${chatB}`)!;
    const fields = Object.keys(JSON.parse(sessionB.value.toString("utf8")));
    expect(fields).toContain("pendingImage");
    expect(
      fields.filter((f) => !["lang", "pendingImage", "pendingWords", "questions", "checklist"].includes(f)),
    ).toEqual([]);
  });

  it("no chat's Durable Object database holds them, raw, except chat B's words", () => {
    const found = chatFiles.flatMap((f) => scan(`BOT_CHATS file ${f.name}`, f.value, notChatBWords()));
    expect(found).toEqual([]);
  });

  it("every KV entry expires: sessions within 30 minutes, update ids within 24 hours, embeddings within 7 days", () => {
    const limits: [RegExp, number][] = [
      [/^chat:-?\d+$/, SESSION_TTL_S],
      [/^update:\d+$/, DEDUPE_TTL_S],
      [/^album:-?\d+:.+$/, 60],
    ];
    const wrong = kv.flatMap((e) => {
      const limit =
        e.namespace === "TEXT_EMBEDDINGS" ? TEXT_EMBEDDING_TTL_S : limits.find(([re]) => re.test(e.key))?.[1];
      if (limit === undefined) return [`${e.namespace} ${e.key}: an entry the scan does not know`];
      if (e.expiration === undefined) return [`${e.namespace} ${e.key}: no expiration`];
      // A few seconds of slack: the entry was written before the scan started.
      if (e.expiration > scannedAt + limit + 5) return [`${e.namespace} ${e.key}: expires too late`];
      return [];
    });
    expect(wrong).toEqual([]);
  });

  it("R2 holds the model packages (CLIP's and the speech one) and nothing else", () => {
    const packaged = new Set([
      ...["manifest.json", ...manifest.files.map((f) => f.path)].map((p) => `models/active/${p}`),
      ...["manifest.json", ...speechManifest.files.map((f) => f.path)].map(
        (p) => `models/speech/active/${p}`,
      ),
    ]);
    expect(r2.map((o) => o.key).filter((k) => !packaged.has(k))).toEqual([]);
    const found = r2.flatMap((o) => [
      ...scan(`R2 key ${o.key}`, Buffer.from(o.key), everyNeedle()),
      ...scan(`R2 object ${o.key}`, o.value, everyNeedle()),
    ]);
    expect(found).toEqual([]);
  });
});
