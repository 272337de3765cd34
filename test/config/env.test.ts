import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig, readSpeechConfig } from "../../src/config/env";
import { callWith, expectProblem } from "../routes/support";

describe("the config module (src/config/env.ts)", () => {
  it("gives every var its default when unset (the internal Workers have none of the API's vars)", () => {
    const config = readConfig({});
    expect(config).toEqual({
      modelPrefix: "models/active",
      maxImagePixels: 50_000_000,
      maxBodyBytes: 10_485_760,
      decodeMemoryBudget: 41_943_040,
      visionTailTimeoutMs: 20_000,
      corsOrigins: [],
      apiKeys: [],
      openAccess: false,
      telegram: {
        token: undefined,
        webhookSecret: "",
        apiRoot: "https://api.telegram.org",
        botInfo: undefined,
        apiTimeoutMs: 10_000,
        downloadTimeoutMs: 20_000,
      },
      debugMemory: false,
    });
  });

  it("reads the Worker's bindings (wrangler.toml's vars, the tests' OPEN_ACCESS), once per env object", () => {
    const config = readConfig(env);
    expect(config).toMatchObject({
      modelPrefix: "models/active",
      maxImagePixels: 50_000_000,
      openAccess: true,
    });
    expect(readConfig(env)).toBe(config);
  });

  it("parses lists and flags: keys and origins trimmed, flags on only for their exact value", () => {
    const config = readConfig({
      API_KEYS: " old-key-0123456789 ,\tnew-key-9876543210\n",
      CORS_ORIGINS: " https://app.example/ , https://admin.example",
      OPEN_ACCESS: "TRUE",
      DEBUG_MEMORY: "1",
      TELEGRAM_API_ROOT: "http://localhost:8081/",
      TELEGRAM_BOT_TOKEN: "  ",
    });
    expect(config.apiKeys).toEqual(["old-key-0123456789", "new-key-9876543210"]);
    expect(config.corsOrigins).toEqual(["https://app.example", "https://admin.example"]);
    expect(config.openAccess).toBe(false);
    expect(config.debugMemory).toBe(true);
    expect(config.telegram.apiRoot).toBe("http://localhost:8081");
    expect(config.telegram.token).toBeUndefined();
  });

  it.each([
    ["MAX_IMAGE_PIXELS", "50MP"],
    ["MAX_IMAGE_PIXELS", "0"],
    ["MAX_BODY_BYTES", "-1"],
    ["DECODE_MEMORY_BUDGET", "1.5"],
    ["VISION_TAIL_TIMEOUT_MS", "20s"],
    ["TELEGRAM_TIMEOUT_MS", "Infinity"],
    ["TELEGRAM_API_ROOT", "ftp://files.example"],
    ["TELEGRAM_BOT_INFO", '{"id": 1'],
    ["MODEL_PREFIX", ""],
  ])("refuses %s = %j with an error naming the var", (variable, value) => {
    let error: unknown;
    try {
      readConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toMatch(new RegExp(`^${variable}: `));
  });

  it("parses the speech Worker's vars: defaults, a value, and a bad value naming its var", () => {
    expect(readSpeechConfig({})).toEqual({ modelPrefix: "models/speech/active", maxVoiceSeconds: 90 });
    expect(readSpeechConfig({ MAX_VOICE_SECONDS: "45", SPEECH_MODEL_PREFIX: "models/speech/b" })).toEqual({
      modelPrefix: "models/speech/b",
      maxVoiceSeconds: 45,
    });
    expect(() => readSpeechConfig({ MAX_VOICE_SECONDS: "1.5 min" })).toThrow(
      'MAX_VOICE_SECONDS: expected a positive integer, got "1.5 min"',
    );
  });

  it("a bad value answers 500 at the first request, naming the var (not a silent default)", async () => {
    const res = await callWith({ MAX_IMAGE_PIXELS: "fifty million" }, "/v1/conditions");
    const problem = await expectProblem(res, 500, "internal-error");
    expect(problem.detail).toBe(
      'The server is misconfigured (MAX_IMAGE_PIXELS: expected a positive integer, got "fifty million"); its operator must fix it.',
    );
  });

  it("API keys configured with spaces or a trailing newline (a secret put from a file) still match", async () => {
    const headers = { Authorization: "Bearer new-key-9876543210" };
    const res = await callWith(
      { API_KEYS: " old-key-0123456789,\n new-key-9876543210\n" },
      "/v1/conditions",
      {
        headers,
      },
    );
    expect(res.status).toBe(200);
  });
});
