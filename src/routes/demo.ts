/** GET /: a small demo page (upload or take a photo, type symptoms, see the answer), with its script and styles. */
import { Hono } from "hono";
import type { AppEnv } from "./app-env";
import { DEMO_JS } from "./demo/client";
import { DEMO_HTML } from "./demo/page";
import { DEMO_CSS } from "./demo/style";

const CSP = [
  "default-src 'self'",
  "img-src 'self' blob: data:",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const asset = (type: string) => ({ "Content-Type": type, "Cache-Control": "public, max-age=300" });

export const demo = new Hono<AppEnv>()
  .get("/", (c) =>
    c.html(DEMO_HTML, 200, {
      "Content-Security-Policy": CSP,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "public, max-age=300",
    }),
  )
  .get("/demo.js", (c) => c.body(DEMO_JS, 200, asset("text/javascript; charset=utf-8")))
  .get("/demo.css", (c) => c.body(DEMO_CSS, 200, asset("text/css; charset=utf-8")));
