import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import { type LoadedGraph, loadGraph } from "../wasm-speed/run-graph";

/**
 * POST /load (a graph's bytes; ?input=&dims=) then POST /run, timed by the caller: workerd's clock stands
 * still while JS runs. No R2, no bindings, so that bench/wasm-speed.ts can start workerd itself with V8
 * flags, which Miniflare cannot set.
 */
let loaded: LoadedGraph | undefined;

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/load") {
      const dims = (url.searchParams.get("dims") ?? "").split(",").map(Number);
      const graph = new Uint8Array(await request.arrayBuffer());
      loaded = await loadGraph(ortWasm, graph, url.searchParams.get("input") ?? "", dims);
      return new Response("loaded");
    }
    if (url.pathname === "/run" && loaded) {
      await loaded.run();
      return new Response("ran");
    }
    return new Response("POST /load first", { status: 400 });
  },
};
