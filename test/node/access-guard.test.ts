import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { accessDecision, openAccessVar, secretNames } from "../../scripts/access-guard";

const LIST = '[{"name":"API_KEYS","type":"secret_text"},{"name":"TELEGRAM_BOT_TOKEN","type":"secret_text"}]';

describe("deploy guard: access", () => {
  it("deploys when the API_KEYS secret is there", () => {
    expect(accessDecision(secretNames(LIST), "false")).toEqual({ deploy: true });
    expect(accessDecision(secretNames(LIST), "true")).toMatchObject({ deploy: true, warning: /unused/ });
  });

  it('refuses without API_KEYS unless OPEN_ACCESS is exactly "true"', () => {
    const none = secretNames('[{"name":"TELEGRAM_BOT_TOKEN","type":"secret_text"}]');
    for (const open of [undefined, "false", "", "TRUE", "1"]) {
      expect(accessDecision(none, open)).toMatchObject({ deploy: false, reason: /no API_KEYS secret/ });
      expect(accessDecision(secretNames("[]"), open).deploy).toBe(false);
    }
    expect(accessDecision(none, "true")).toMatchObject({ deploy: true, warning: /OPEN ACCESS/ });
  });

  it("refuses when the secrets cannot be listed (not JSON, an error) unless opened on purpose", () => {
    expect(secretNames("✘ [ERROR] This Worker does not exist")).toBeNull();
    expect(secretNames('{"error":1}')).toBeNull();
    expect(accessDecision(null, "false")).toMatchObject({ deploy: false, reason: /could not list/ });
    expect(accessDecision(null, "true").deploy).toBe(true);
  });

  it("reads OPEN_ACCESS from [vars] only; wrangler.toml ships it off, so a bare deploy needs keys", () => {
    expect(openAccessVar('[vars]\nA = "1"\nOPEN_ACCESS = "true"\n[[ratelimits]]\n')).toBe("true");
    expect(openAccessVar('[env.x.vars]\nOPEN_ACCESS = "true"\n[vars]\nA = "1"\n')).toBeUndefined();
    const shipped = openAccessVar(readFileSync(resolve(import.meta.dirname, "../../wrangler.toml"), "utf8"));
    expect(shipped).toBe("false");
    expect(accessDecision([], shipped).deploy).toBe(false);
  });
});
