/** The language of a problem's human text (title, detail): the request's `lang`, else Accept-Language. */
import type { Context } from "hono";
import { chooseLanguage, type Lang } from "../clinical";

const isLang = (value: unknown): value is Lang => value === "en" || value === "zh";

/**
 * `lang` from the query, else from the body when a route's validator has already read it (a problem raised
 * before that, such as a wrong key or a body over the limit, has no body to ask), else Accept-Language
 * (zh* -> zh), else en. Never the patient's words: an error is not worth guessing a language from them.
 */
export function problemLanguage(c: Context): Lang {
  // Hono keeps each validator's output on the request; a route without that validator gives undefined.
  const validated = c.req as unknown as { valid(target: "form" | "json"): { lang?: unknown } | undefined };
  const asked = [c.req.query("lang"), validated.valid("form")?.lang, validated.valid("json")?.lang].find(
    isLang,
  );
  return chooseLanguage({ lang: asked, locale: c.req.header("accept-language") });
}
