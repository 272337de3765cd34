/**
 * Every var and secret of the four Workers, parsed once per `env` object by one zod schema over the
 * generated `Env` (`npm run types`): the defaults live here and nowhere else, and a bad value is an error
 * that names the var, thrown at the first request that reads it (the API answers 500 saying which var).
 * Bindings (KV, R2, rate limiters, service bindings) are not config: they are read from `env` as typed.
 */
import type { UserFromGetMe } from "grammy/types";
import { z } from "zod";
import { DEFAULT_MAX_SECONDS } from "../audio/limits";
import { parseApiKeys } from "./api-keys";

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return fallback;
      const n = Number(value);
      if (Number.isSafeInteger(n) && n > 0) return n;
      ctx.addIssue({ code: "custom", message: `expected a positive integer, got ${JSON.stringify(value)}` });
      return z.NEVER;
    });

/** A flag is on only when it says exactly `on`: anything else leaves it off (fails closed). */
const flag = (on: string) =>
  z
    .string()
    .optional()
    .transform((value) => value === on);

const optionalSecret = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

const botInfo = z
  .string()
  .optional()
  .transform((value, ctx): UserFromGetMe | undefined => {
    if (!value?.trim()) return undefined;
    try {
      const info = JSON.parse(value) as UserFromGetMe;
      if (typeof info?.id === "number" && typeof info.username === "string") return info;
    } catch {}
    ctx.addIssue({ code: "custom", message: "expected the bot's getMe JSON (with id and username)" });
    return z.NEVER;
  });

/** 10 MiB: a phone photo is 2-6 MB, and base64 in JSON adds a third. */
const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

const schema = z.object({
  /** Key of the active model package's manifest inside the MODELS bucket. */
  MODEL_PREFIX: z.string().min(1).default("models/active"),
  /**
   * Largest image accepted, in pixels (checked from the header before decoding). 50 MP: phones' 48/50 MP
   * modes pass; a 49 MP JPEG costs 0.2-0.44 s of CPU with the default scaled decode, a progressive one
   * about 2.7 s (scripts/decode-cpu.ts; README, Limits).
   */
  MAX_IMAGE_PIXELS: positiveInt(50_000_000),
  /** Largest request body accepted by POST /v1/assessments, in bytes (counted while streaming). */
  MAX_BODY_BYTES: positiveInt(DEFAULT_MAX_BODY_BYTES),
  /** Bytes one isolate spends on decoding photos at once (src/lib/memory-budget.ts). */
  DECODE_MEMORY_BUDGET: positiveInt(40 * 2 ** 20),
  /** How long a photo waits for the vision-tail Worker before a 503, in ms (see visionTailClient). */
  VISION_TAIL_TIMEOUT_MS: positiveInt(20_000),
  /** Origins allowed to call /v1 from a browser ("*" for any); none = no CORS headers. */
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((origin) => origin.trim().replace(/\/+$/, ""))
        .filter((origin) => origin.length > 0),
    ),
  /** API keys (a secret), comma- or whitespace-separated, each trimmed; none = /v1 closed unless open access. */
  API_KEYS: z.string().optional().transform(parseApiKeys),
  /**
   * Secret for the HMAC that names a keyless caller's network in rate limits, logs and KV cache keys
   * (src/routes/middleware/client-address.ts); unset = a random key per isolate.
   */
  CLIENT_KEY_SECRET: optionalSecret,
  /** "true" = with no API_KEYS, /v1 is open to anyone (npm run dev, tests); anything else = closed. */
  OPEN_ACCESS: flag("true"),
  /** The bot's token (a secret); unset = the bot is off and its route answers 404. */
  TELEGRAM_BOT_TOKEN: optionalSecret,
  /** The webhook's secret token (a secret); unset = every webhook request is refused. */
  TELEGRAM_WEBHOOK_SECRET: z.string().optional().default(""),
  /** Telegram's Bot API server, without a trailing slash. */
  TELEGRAM_API_ROOT: z
    .string()
    .optional()
    .transform((value) => value?.trim() || "https://api.telegram.org")
    .pipe(z.url({ protocol: /^https?$/ }))
    .transform((url) => url.replace(/\/+$/, "")),
  /** The bot's getMe JSON; unset = ask Telegram once per isolate. */
  TELEGRAM_BOT_INFO: botInfo,
  /**
   * Milliseconds one Bot API call may take per try. A call answers in well under a second; 10 s leaves a
   * hung call room for a retry within the 30 s that waitUntil gives an update after the webhook's answer.
   */
  TELEGRAM_TIMEOUT_MS: positiveInt(10_000),
  /** Milliseconds a photo's download may take, getFile and retry included. */
  TELEGRAM_DOWNLOAD_TIMEOUT_MS: positiveInt(20_000),
  /** "1" mounts GET /debug/memory (never in production). */
  DEBUG_MEMORY: flag("1"),
} satisfies Partial<Record<keyof Env, z.ZodType>>);

/**
 * The speech Worker's vars (wrangler.speech.toml). `wrangler types` over several configs types only the
 * first one's vars, so these are named here; test/node/worker-vars.test.ts keeps them equal to the toml's.
 */
const speechSchema = z.object({
  /** Key of the active speech package's manifest inside the MODELS bucket. */
  SPEECH_MODEL_PREFIX: z.string().min(1).default("models/speech/active"),
  /** Longest voice note transcribed, in seconds: every 30 s window up to it; longer notes are refused. */
  MAX_VOICE_SECONDS: positiveInt(DEFAULT_MAX_SECONDS),
});

/** The speech Worker's env: its bucket binding and its vars, as wrangler.speech.toml declares them. */
export type SpeechEnv = Pick<Env, "MODELS"> & z.input<typeof speechSchema>;

/**
 * The speech-decoder Worker's vars (wrangler.speech-decoder.toml): only where the package is; the speech
 * Worker checks a note's length before any window reaches it.
 */
const speechDecoderSchema = speechSchema.pick({ SPEECH_MODEL_PREFIX: true });

/** The speech-decoder Worker's env: its bucket binding and its one var. */
export type SpeechDecoderEnv = Pick<Env, "MODELS"> & z.input<typeof speechDecoderSchema>;

export interface SpeechConfig {
  modelPrefix: string;
  maxVoiceSeconds: number;
}

export type ConfigVar = keyof typeof schema.shape;
/** The vars each config file may declare: the API Worker's (and the internal ones' share) and the speech Workers'. */
export const CONFIG_VARS = {
  api: Object.keys(schema.shape),
  speech: Object.keys(speechSchema.shape),
  speechDecoder: Object.keys(speechDecoderSchema.shape),
};
type Parsed = z.output<typeof schema>;

/** The parsed configuration, in the code's own names. */
export interface Config {
  modelPrefix: string;
  maxImagePixels: number;
  maxBodyBytes: number;
  decodeMemoryBudget: number;
  visionTailTimeoutMs: number;
  corsOrigins: string[];
  apiKeys: string[];
  openAccess: boolean;
  clientKeySecret?: string;
  telegram: {
    token?: string;
    webhookSecret: string;
    apiRoot: string;
    botInfo?: UserFromGetMe;
    apiTimeoutMs: number;
    downloadTimeoutMs: number;
  };
  debugMemory: boolean;
}

function toConfig(v: Parsed): Config {
  return {
    modelPrefix: v.MODEL_PREFIX,
    maxImagePixels: v.MAX_IMAGE_PIXELS,
    maxBodyBytes: v.MAX_BODY_BYTES,
    decodeMemoryBudget: v.DECODE_MEMORY_BUDGET,
    visionTailTimeoutMs: v.VISION_TAIL_TIMEOUT_MS,
    corsOrigins: v.CORS_ORIGINS,
    apiKeys: v.API_KEYS,
    openAccess: v.OPEN_ACCESS,
    clientKeySecret: v.CLIENT_KEY_SECRET,
    telegram: {
      token: v.TELEGRAM_BOT_TOKEN,
      webhookSecret: v.TELEGRAM_WEBHOOK_SECRET,
      apiRoot: v.TELEGRAM_API_ROOT,
      botInfo: v.TELEGRAM_BOT_INFO,
      apiTimeoutMs: v.TELEGRAM_TIMEOUT_MS,
      downloadTimeoutMs: v.TELEGRAM_DOWNLOAD_TIMEOUT_MS,
    },
    debugMemory: v.DEBUG_MEMORY,
  };
}

/** A var with a value the Worker cannot use. Names the var and the rule, never the value of a secret. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = "ConfigError";
  }
}

const SECRETS = new Set<string>([
  "API_KEYS",
  "CLIENT_KEY_SECRET",
  "TELEGRAM_BOT_TOKEN",
  "TELEGRAM_WEBHOOK_SECRET",
]);

// One parse per env object: workerd hands an isolate the same env each request; tests make their own.
const parsed = new WeakMap<object, Config>();
const parsedSpeech = new WeakMap<object, SpeechConfig>();
const NO_VARS = {};

/** The configuration in `env` (any Worker's: a var it lacks takes its default). Throws ConfigError. */
export function readConfig(env: Partial<Pick<Env, ConfigVar>> | undefined): Config {
  if (!env) return readConfig(NO_VARS);
  const known = parsed.get(env);
  if (known) return known;
  const config = toConfig(parseVars(schema, env));
  parsed.set(env, config);
  return config;
}

/** The speech Worker's configuration in `env`. Throws ConfigError. */
export function readSpeechConfig(env: z.input<typeof speechSchema>): SpeechConfig {
  const known = parsedSpeech.get(env);
  if (known) return known;
  const vars = parseVars(speechSchema, env);
  const config = { modelPrefix: vars.SPEECH_MODEL_PREFIX, maxVoiceSeconds: vars.MAX_VOICE_SECONDS };
  parsedSpeech.set(env, config);
  return config;
}

/** The speech-decoder Worker's package prefix in `env`. Throws ConfigError. */
export function readSpeechDecoderConfig(env: z.input<typeof speechDecoderSchema>): { modelPrefix: string } {
  return { modelPrefix: parseVars(speechDecoderSchema, env).SPEECH_MODEL_PREFIX };
}

/** Parses only the vars (env also holds bindings: KV, R2, services); the first bad one is the error. */
function parseVars<S extends z.ZodObject>(vars: S, env: object): z.output<S> {
  const source = env as Record<string, unknown>;
  const result = vars.safeParse(Object.fromEntries(Object.keys(vars.shape).map((key) => [key, source[key]])));
  if (result.success) return result.data;
  const variable = String(result.error.issues[0].path[0]);
  throw new ConfigError(variable, SECRETS.has(variable) ? "is not valid" : result.error.issues[0].message);
}
