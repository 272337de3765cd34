import { ModelUnavailableError } from "../package/errors";
import type { DecodeRequest, WindowDecoder, WindowResult } from "../speech/decoder";
import type { DecodeAnswer, DecodeWarmAnswer, SpeechDecoderService } from "./speech-decoder-protocol";

/**
 * Decodes windows in the speech-decoder Worker, over its RPC binding: its model failures come back as the
 * ModelUnavailableError they were there; a binding that throws (not deployed, its isolate died) throws here.
 */
export class RemoteWindowDecoder implements WindowDecoder {
  constructor(private readonly service: SpeechDecoderService) {}

  async decode(hidden: Float32Array, request: DecodeRequest): Promise<WindowResult> {
    return answered(await this.service.decode(hidden, request)).window;
  }

  async warm(): Promise<void> {
    answered(await this.service.warm());
  }
}

function answered<T extends DecodeAnswer | DecodeWarmAnswer>(answer: T): Extract<T, { ok: true }> {
  if (!answer.ok) throw new ModelUnavailableError(answer.model.code, answer.model.message);
  return answer as Extract<T, { ok: true }>;
}
