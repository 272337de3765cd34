// Scalar's standalone bundle, imported as bytes (wrangler.toml's Data rule; see src/routes/scalar.ts).
declare module "@scalar/api-reference/dist/browser/standalone.js" {
  const bytes: ArrayBuffer;
  export default bytes;
}
