/** Why a model package cannot be used: the one error class the engine, the routes and the bot map. */
/**
 * text_encoder_unavailable / vision_tail_unavailable: an internal Worker the engine needs cannot be reached,
 * refused, or sent a bad answer (see model/remote/service.ts). runtime_unsupported: the onnxruntime-web
 * build is not the one whose heap exports are pinned (see model/backends/onnx.ts). model_storage_unavailable:
 * reading the package from R2 failed (not absent: the read itself threw). speech_unavailable: the speech
 * Worker cannot be reached or did not answer.
 */
export type ModelErrorCode =
  | "model_missing"
  | "model_invalid"
  | "model_integrity"
  | "runtime_unsupported"
  | "text_encoder_unavailable"
  | "vision_tail_unavailable"
  | "model_storage_unavailable"
  | "speech_unavailable";

/** The model cannot be used: absent, malformed, or its bytes do not match the manifest. */
export class ModelUnavailableError extends Error {
  constructor(
    readonly code: ModelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ModelUnavailableError";
  }
}
