/**
 * Scalar's API reference: the standalone browser bundle of the npm package `@scalar/api-reference` (pinned
 * in package.json), served from this origin, so /docs loads nothing from another origin and works offline.
 * It is a static asset (wrangler.toml `[assets]`, copied by scripts/api-assets.ts), not a module: Cloudflare
 * serves it without running the Worker, and its 4.9 MB stay out of the isolate's memory. Its sha384 is
 * pinned here: the page's SRI makes the browser check it, and a test checks that the bundle served is the
 * one pinned, so a package upgrade must update the pin.
 */
export const SCALAR_SCRIPT = {
  src: "/docs/scalar.js",
  // @scalar/api-reference 1.76.0, dist/browser/standalone.js (the same file jsDelivr serves).
  integrity: "sha384-oH1C0RwqcwbVXkC+r8A+4qRoyEUQdtxAzOwumkxZtQBBcsy61FOoPt7B50OVJYYQ",
};
