import type { Miniflare, WorkerOptions } from "miniflare";
import { type Bundles, bundles, worker } from "./workerd";

/** What the main Worker needs beside R2 (wrangler.toml's vars and KV); no rate limiter: load is the point. */
const API_OPTIONS = {
  kvNamespaces: ["TEXT_EMBEDDINGS", "BOT_STATE"],
  bindings: {
    MODEL_PREFIX: "models/active",
    DEBUG_MEMORY: "1",
    MAX_IMAGE_PIXELS: "50000000",
    MAX_BODY_BYTES: "10485760",
    CORS_ORIGINS: "",
    TELEGRAM_API_ROOT: "https://api.telegram.org",
    TELEGRAM_BOT_INFO: "",
    // No API_KEYS here: /v1 is open on purpose (closed otherwise, see wrangler.toml).
    OPEN_ACCESS: "true",
  },
};

/** A Worker by name, or one in another process (`external`: its socket; Workers RPC works across it). */
export type ServiceBinding = string | { external: { address: string; http: Record<string, never> } };

/** The Worker listening on a socket of its own, so that another process can call it by RPC. */
export const rpcServed = (workers: WorkerOptions[]) =>
  workers.map((w) => ({ ...w, unsafeDirectSockets: [{ port: 0 }] }));

/** A service binding to a Worker of another Miniflare (another process), RPC included (capnp over HTTP). */
export async function rpcBinding(mf: Miniflare, name: string): Promise<ServiceBinding> {
  return { external: { address: (await mf.unsafeGetDirectURL(name)).host, http: {} } };
}

/** The three Workers as deployed: main (api), vision tail, text; service bindings by name or function. */
export async function serviceWorkers(
  only?: "api" | "tail" | "text",
  bindings: { VISION_TAIL?: ServiceBinding; TEXT_ENCODER?: ServiceBinding } = {},
  api: "api" | "apiNoWarm" = "api",
): Promise<WorkerOptions[]> {
  const b: Bundles = await bundles();
  const all: Record<"api" | "tail" | "text", () => Promise<WorkerOptions>> = {
    api: () =>
      worker("api", b[api], {
        ...API_OPTIONS,
        serviceBindings: {
          VISION_TAIL: bindings.VISION_TAIL ?? "tail",
          TEXT_ENCODER: bindings.TEXT_ENCODER ?? "text",
        } as WorkerOptions["serviceBindings"],
      }),
    tail: () => worker("tail", b.tail),
    text: () => worker("text", b.text),
  };
  const names = only ? [only] : (["api", "tail", "text"] as const);
  return Promise.all(names.map((n) => all[n]()));
}

/** POST /v1/assessments with a photo (multipart, as the mobile app sends it); throws unless 200. */
export async function assess(
  target: Miniflare,
  photo: Uint8Array,
  labels?: string[],
): Promise<{ ms: number; timings: Record<string, number> }> {
  const form = new FormData();
  form.append("image", new Blob([photo.slice()], { type: "image/jpeg" }), "photo.jpg");
  for (const label of labels ?? []) form.append("labels", label);
  // Serialised here: Miniflare's fetch does not take this Node's FormData.
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  const started = performance.now();
  const res = (await target.dispatchFetch("http://localhost/v1/assessments", {
    method: "POST",
    headers: { "content-type": encoded.headers.get("content-type")! },
    body,
  })) as unknown as Response;
  const answer = (await res.json()) as { timings?: Record<string, number>; detail?: string };
  if (res.status !== 200) throw new Error(`assessment answered ${res.status}: ${answer.detail ?? ""}`);
  return { ms: performance.now() - started, timings: answer.timings ?? {} };
}
