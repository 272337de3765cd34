import type { SpeechAnswer, SpeechRequestOptions, SpeechService } from "./speech-protocol";

/** A note takes the speech Worker a few seconds warm; past this it is down or stuck. */
export const SPEECH_TIMEOUT_MS = 60_000;

/**
 * Calls the speech Worker over its RPC binding. A binding that throws (not deployed, the isolate died)
 * or does not answer in time is an answer too: `speech_unavailable`, never an exception.
 */
export async function callSpeech(
  service: SpeechService | undefined,
  audio: Uint8Array,
  options: SpeechRequestOptions,
  timeoutMs = SPEECH_TIMEOUT_MS,
): Promise<SpeechAnswer> {
  const unavailable = (message: string): SpeechAnswer => ({
    ok: false,
    model: { code: "speech_unavailable", message },
  });
  if (!service) return unavailable("no SPEECH binding");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<SpeechAnswer>((done) => {
    timer = setTimeout(
      () => done(unavailable(`the speech Worker did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([
      service
        .transcribe(audio, options)
        .catch((error: unknown) =>
          unavailable(`the speech Worker failed: ${(error as Error)?.message ?? String(error)}`),
        ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
