/**
 * A fake Telegram Bot API server for the bot's tests: a real HTTP server on loopback, started in Node by
 * vitest.config.ts, that the Worker reaches through TELEGRAM_API_ROOT exactly as it would reach
 * api.telegram.org. It answers the methods the bot uses, serves registered files, records every call, and
 * fails on request (5xx, 429 with retry_after, getFile errors, failed downloads, slow answers, calls and
 * downloads that hang).
 *
 * The tests (in workerd) steer it through the FAKE_TELEGRAM service binding, `control` below:
 *   GET  /calls?chat=ID | ?file=ID   recorded calls for a chat (chat_id in the payload, or a callback
 *                                   query id "cb-<chat>-..." as the tests make them) or a file id
 *   PUT  /files/FILE_ID              register a file's bytes (header x-declared-size: what getFile reports)
 *   POST /failures                   {method, chatId?, fileId?, status, retryAfter?, times?, delayMs?, hang?}
 *                                   hang: the call is never answered (until the client gives up)
 *   POST /download-failures          {fileId, times, hang?}: the file download answers 500 that many times,
 *                                   or hangs: "headers" never answers, "body" sends half the file and stalls
 *   POST /updates                    [update, ...]: what the next getUpdates returns (for bot:dev)
 *   GET  /calls?method=NAME          recorded calls of one method (setWebhook, setMyCommands, ...)
 * Every test uses its own chat and file ids, so test files running at once never see each other's calls.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_BOT_TOKEN = "7000001:TEST-token-for-the-fake-telegram-server";
export const FAKE_WEBHOOK_SECRET = "test-webhook-secret_0123456789";
export const FAKE_BOT_INFO = {
  id: 7000001,
  is_bot: true,
  first_name: "DermEdge",
  username: "dermedge_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as const;

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  /** Milliseconds since the server started. */
  at: number;
  /** What the server answered: the sent message for sendMessage (its message_id), or the error code. */
  result?: unknown;
  errorCode?: number;
  /** The server never answered it (a `hang` failure): the client gave up. */
  hung?: boolean;
}

interface Failure {
  method: string;
  chatId?: number;
  fileId?: string;
  /** HTTP/Telegram error code: 500, 502, 429, 400... */
  status?: number;
  retryAfter?: number;
  description?: string;
  /** How many matching calls fail; then the failure is used up. */
  times: number;
  /** Answer this much later (with the failure or, when status is absent, with success). */
  delayMs?: number;
  /** Never answer: the connection stays open until the client closes it. */
  hang?: boolean;
}

/** A download that hangs: before any header, or after half of the body. */
type DownloadHang = "headers" | "body";

/** Resolves when the client closes the connection (it timed out or aborted). */
const clientGone = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    if (res.socket?.destroyed ?? true) resolve();
    res.on("close", () => resolve());
  });

export interface FakeTelegram {
  url: string;
  control(request: Request): Promise<Response>;
  close(): Promise<void>;
}

/** `token`: the bot token it accepts (the privacy scan brings a random one to look for). */
export async function startFakeTelegram(options: { token?: string } = {}): Promise<FakeTelegram> {
  const token = options.token ?? FAKE_BOT_TOKEN;
  const started = Date.now();
  const calls: RecordedCall[] = [];
  const files = new Map<string, { bytes: Uint8Array; declaredSize: number; path: string }>();
  const failures: Failure[] = [];
  const downloadFailures = new Map<string, { times: number; hang?: DownloadHang }>();
  let nextMessageId = 1000;
  let queuedUpdates: unknown[] = [];

  const takeFailure = (method: string, payload: Record<string, unknown>) => {
    const i = failures.findIndex(
      (f) =>
        f.method === method &&
        (f.chatId === undefined || Number(payload.chat_id) === f.chatId) &&
        (f.fileId === undefined || payload.file_id === f.fileId),
    );
    if (i < 0) return undefined;
    const failure = failures[i];
    if (--failure.times <= 0) failures.splice(i, 1);
    return failure;
  };

  function result(method: string, payload: Record<string, unknown>): unknown {
    const chat = { id: Number(payload.chat_id), type: "private" };
    const date = Math.floor(Date.now() / 1000);
    switch (method) {
      case "getMe":
        return FAKE_BOT_INFO;
      case "sendMessage":
        return { message_id: nextMessageId++, chat, date, text: payload.text };
      case "editMessageText":
        return { message_id: payload.message_id, chat, date, text: payload.text, edit_date: date };
      case "editMessageReplyMarkup":
        return { message_id: payload.message_id, chat, date };
      case "getFile": {
        const file = files.get(String(payload.file_id));
        if (!file) throw Object.assign(new Error("Bad Request: invalid file_id"), { code: 400 });
        return {
          file_id: payload.file_id,
          file_unique_id: `u-${payload.file_id}`,
          file_size: file.declaredSize,
          file_path: file.path,
        };
      }
      case "sendChatAction":
      case "answerCallbackQuery":
      case "setWebhook":
      case "deleteWebhook":
      case "setMyCommands":
        return true;
      case "getUpdates": {
        const updates = queuedUpdates;
        queuedUpdates = [];
        return updates;
      }
      default:
        throw Object.assign(new Error(`Not Found: method ${method} is not faked`), { code: 404 });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    const fileMatch = url.pathname.match(/^\/file\/bot([^/]+)\/(.+)$/);
    if (fileMatch) {
      if (fileMatch[1] !== token) return send(401, { ok: false, error_code: 401 });
      const entry = [...files.entries()].find(([, f]) => f.path === fileMatch[2]);
      if (!entry) return send(404, { ok: false, error_code: 404, description: "Not Found" });
      const failure = downloadFailures.get(entry[0]);
      if (failure && failure.times > 0) {
        failure.times--;
        if (failure.hang) {
          const bytes = entry[1].bytes;
          const at = Date.now() - started;
          calls.push({ method: "downloadFile", payload: { file_id: entry[0] }, at, hung: true });
          if (failure.hang === "body") {
            res.writeHead(200, {
              "content-type": "application/octet-stream",
              "content-length": bytes.length,
            });
            res.write(bytes.subarray(0, bytes.length >> 1));
          }
          return clientGone(res);
        }
        return send(500, { ok: false, error_code: 500, description: "Internal Server Error" });
      }
      calls.push({ method: "downloadFile", payload: { file_id: entry[0] }, at: Date.now() - started });
      res.writeHead(200, {
        "content-type": "application/octet-stream",
        "content-length": entry[1].bytes.length,
      });
      res.end(entry[1].bytes);
      return;
    }
    const apiMatch = url.pathname.match(/^\/bot([^/]+)\/(\w+)$/);
    if (!apiMatch) return send(404, { ok: false, error_code: 404, description: "Not Found" });
    if (apiMatch[1] !== token) return send(401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = apiMatch[2];
    const body = await readBody(req);
    const payload = body.length ? (JSON.parse(body.toString("utf8")) as Record<string, unknown>) : {};
    const call: RecordedCall = { method, payload, at: Date.now() - started };
    calls.push(call);
    const failure = takeFailure(method, payload);
    if (failure?.hang) {
      call.hung = true;
      return clientGone(res);
    }
    if (failure?.delayMs) await new Promise((r) => setTimeout(r, failure.delayMs));
    if (failure?.status) {
      const status = failure.status;
      call.errorCode = status;
      return send(status >= 500 || status === 429 ? status : 400, {
        ok: false,
        error_code: status,
        description:
          failure.description ??
          (status === 429 ? "Too Many Requests: retry later" : "Internal Server Error"),
        ...(failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {}),
      });
    }
    try {
      call.result = result(method, payload);
      send(200, { ok: true, result: call.result });
    } catch (err) {
      const code = (err as { code?: number }).code ?? 400;
      call.errorCode = code;
      send(code, { ok: false, error_code: code, description: (err as Error).message });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => send500(res, err));
  });
  // Telegram keeps connections open for long; Node's default 5 s would drop pooled ones mid-assessment.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;

  async function control(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === "GET" && url.pathname === "/calls") {
      const chat = url.searchParams.get("chat");
      const file = url.searchParams.get("file");
      const method = url.searchParams.get("method");
      return Response.json(
        calls.filter(
          (c) =>
            (chat !== null &&
              (String(c.payload.chat_id) === chat ||
                String(c.payload.callback_query_id).startsWith(`cb-${chat}-`))) ||
            (file !== null && c.payload.file_id === file) ||
            (method !== null && c.method === method),
        ),
      );
    }
    const fileId = url.pathname.match(/^\/files\/(.+)$/)?.[1];
    if (request.method === "PUT" && fileId) {
      const bytes = new Uint8Array(await request.arrayBuffer());
      const declared = Number(request.headers.get("x-declared-size")) || bytes.length;
      files.set(decodeURIComponent(fileId), {
        bytes,
        declaredSize: declared,
        path: `photos/file_${files.size}.jpg`,
      });
      return new Response(null, { status: 204 });
    }
    if (request.method === "POST" && url.pathname === "/failures") {
      const f = (await request.json()) as Failure;
      failures.push({ ...f, times: f.times ?? 1 });
      return new Response(null, { status: 204 });
    }
    if (request.method === "POST" && url.pathname === "/download-failures") {
      const failure = (await request.json()) as { fileId: string; times: number; hang?: DownloadHang };
      downloadFailures.set(failure.fileId, { times: failure.times, hang: failure.hang });
      return new Response(null, { status: 204 });
    }
    if (request.method === "POST" && url.pathname === "/updates") {
      queuedUpdates = (await request.json()) as unknown[];
      return new Response(null, { status: 204 });
    }
    return new Response("unknown control request", { status: 404 });
  }

  return {
    url: `http://127.0.0.1:${port}`,
    control,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send500(res: ServerResponse, err: unknown): void {
  if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
  res.end(JSON.stringify({ ok: false, error_code: 500, description: String(err) }));
}

// One server per vitest process, shared by the workerd project's bindings and its control binding.
let shared: Promise<FakeTelegram> | undefined;
const fakeTelegram = () => (shared ??= startFakeTelegram());

/** The bot's bindings for the workerd tests: the fake server's address, a token, a secret, the bot info. */
export async function fakeTelegramBindings(): Promise<Record<string, string>> {
  return {
    TELEGRAM_BOT_TOKEN: FAKE_BOT_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET,
    TELEGRAM_API_ROOT: (await fakeTelegram()).url,
    TELEGRAM_BOT_INFO: JSON.stringify(FAKE_BOT_INFO),
  };
}

/** The FAKE_TELEGRAM service binding: the tests' handle on the fake server (see the top of this file). */
export async function fakeTelegramControl(request: Request): Promise<Response> {
  return (await fakeTelegram()).control(request);
}
