/**
 * Scalar's API reference: the standalone browser bundle of the npm package `@scalar/api-reference` (pinned
 * in package.json), served by this Worker, so /docs loads nothing from another origin and works offline.
 * wrangler.toml's Data rule makes the import below the file's bytes, bundled into the Worker (about 4.9 MB,
 * 1.4 MB gzipped): as an ArrayBuffer outside the JS heap, where its text would be a 9.6 MB two-byte string. Its sha384 is pinned here: the page's SRI makes the browser check it, and a test checks
 * that the bundle shipped is the one pinned, so a package upgrade must update the pin.
 */
import bundle from "@scalar/api-reference/dist/browser/standalone.js";

export const SCALAR_SCRIPT = {
  src: "/docs/scalar.js",
  // @scalar/api-reference 1.76.0, dist/browser/standalone.js (the same file jsDelivr serves).
  integrity: "sha384-oH1C0RwqcwbVXkC+r8A+4qRoyEUQdtxAzOwumkxZtQBBcsy61FOoPt7B50OVJYYQ",
  bytes: bundle,
};
