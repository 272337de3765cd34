import { loadIntoHeap } from "../backends/heap-loader";
import { requireOrtHeap, useOrtWasm } from "../backends/onnx";
import { hold, measureCreation } from "../memory";
import { readVerified } from "../package/load";
import type { SpeechManifest } from "../package/speech-manifest";
import type { ModelStore } from "../package/store";
import { cachedSession, type SerialSession } from "../sessions";

export type Ort = ReturnType<typeof useOrtWasm>;
export type OrtTensor = InstanceType<Ort["Tensor"]>;

/**
 * onnxruntime-web's WASM from a compiled Module (a Worker, or Node like one), or `native`: another ONNX
 * Runtime with the same API (onnxruntime-node, for the benchmark's and the parity test's comparisons).
 */
export type SpeechRuntime = { ortWasm: WebAssembly.Module } | { native: Ort; executionProvider: string };

/** The ORT sessions of one speech package's graphs, each created once per isolate (sessions.ts). */
export class SpeechSessions {
  readonly ort: Ort;

  constructor(
    private readonly store: ModelStore,
    private readonly manifest: SpeechManifest,
    private readonly runtime: SpeechRuntime,
  ) {
    this.ort = "native" in runtime ? runtime.native : useOrtWasm(runtime.ortWasm);
  }

  session(file: string): Promise<SerialSession> {
    const key = `${this.manifest.revision}/${file}`;
    const runtime = this.runtime;
    return cachedSession(key, () =>
      measureCreation(key, async () => {
        if (file.endsWith(".ort") && "ortWasm" in runtime) return this.heapSession(file, runtime.ortWasm);
        const bytes = await readVerified(this.store, this.manifest, file);
        const release = hold("model file", bytes.byteLength);
        try {
          return await this.ort.InferenceSession.create(bytes, {
            executionProviders: ["native" in runtime ? runtime.executionProvider : "wasm"],
          });
        } finally {
          release();
        }
      }),
    );
  }

  /** An ORT-format graph streamed into ORT's heap and used there in place (as the CLIP towers' packed graphs). */
  private async heapSession(file: string, ortWasm: WebAssembly.Module) {
    await requireOrtHeap(ortWasm, file);
    const model = await loadIntoHeap(this.store, this.manifest, file);
    try {
      return await this.ort.InferenceSession.create(model.bytes, {
        executionProviders: ["wasm"],
        // The memory pattern ORT plans after the first run is one block for all activations: the heap the
        // first run left in pieces could not hold it, and the encoder's second window grew it by 7 MB more.
        enableMemPattern: false,
        extra: { session: { use_ort_model_bytes_directly: "1", use_ort_model_bytes_for_initializers: "1" } },
      });
    } catch (error) {
      model.discard();
      throw error;
    }
  }
}
