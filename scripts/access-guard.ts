/**
 * The deploy guard's decision about access: a deployment whose /v1 would have no API keys is refused unless
 * wrangler.toml opens it on purpose (OPEN_ACCESS = "true"). Pure functions, so the decision is tested
 * (test/node/access-guard.test.ts); scripts/deploy.ts feeds them `wrangler secret list` and wrangler.toml.
 */

/** The names in `wrangler secret list --format json` ([{ "name": ..., "type": "secret_text" }]), or null. */
export function secretNames(json: string): string[] | null {
  try {
    const list: unknown = JSON.parse(json);
    if (!Array.isArray(list)) return null;
    return list.flatMap((s) => (typeof s?.name === "string" ? [s.name] : []));
  } catch {
    return null;
  }
}

/** OPEN_ACCESS from wrangler.toml's [vars] (top-level environment), or undefined. */
export function openAccessVar(toml: string): string | undefined {
  const vars = toml.split(/^\[vars\]\s*$/m)[1]?.split(/^\[/m)[0] ?? "";
  return vars.match(/^\s*OPEN_ACCESS\s*=\s*"([^"]*)"/m)?.[1];
}

export type AccessDecision = { deploy: true; warning?: string } | { deploy: false; reason: string };

/**
 * `secrets`: the Worker's remote secret names (null when they could not be listed, e.g. before the first
 * deployment); `openAccess`: the OPEN_ACCESS var.
 */
export function accessDecision(secrets: string[] | null, openAccess: string | undefined): AccessDecision {
  const open = openAccess === "true";
  if (secrets?.includes("API_KEYS")) {
    return open
      ? { deploy: true, warning: "OPEN_ACCESS is set but unused: API_KEYS is configured" }
      : { deploy: true };
  }
  if (open) {
    return {
      deploy: true,
      warning: 'Deploying with OPEN ACCESS: /v1 needs no API key (OPEN_ACCESS = "true" in wrangler.toml).',
    };
  }
  return {
    deploy: false,
    reason:
      (secrets === null
        ? "could not list the Worker's secrets, so API_KEYS cannot be confirmed; "
        : "no API_KEYS secret; ") +
      "/v1 would answer 503 to everyone. Run `npx wrangler secret put API_KEYS` first, " +
      'or set OPEN_ACCESS = "true" in wrangler.toml to open it to anyone on purpose',
  };
}
