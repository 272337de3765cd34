// wrangler.toml's Text rule (and the test pool's) turns this import into the file's text.
declare module "@scalar/api-reference/dist/browser/standalone.js" {
  const text: string;
  export default text;
}
