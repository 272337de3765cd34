// wrangler's CompiledWasm rule turns `import m from "x.wasm"` into a compiled WebAssembly.Module.
declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}
