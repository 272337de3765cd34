import { AudioError } from "../audio";
import { type Assessment, levelRank } from "../clinical";
import { ModelUnavailableError } from "../model/package/errors";
import { callSpeech } from "../model/remote/speech-client";
import type { SpeechService } from "../model/remote/speech-protocol";
import type { SpeechInfo, SpeechLanguage } from "../model/speech/engine";

/**
 * When a transcript is too doubtful to act on: Whisper's own thresholds (openai/whisper's transcribe():
 * logprob_threshold -1.0, no_speech_threshold 0.6), which it uses to call a decode failed or a window
 * silent. Not re-measured on a real model here (none can be downloaded on this machine).
 */
export const CONFIDENCE_THRESHOLDS = { minAvgLogprob: -1, maxNoSpeechProb: 0.6 } as const;

export interface Heard {
  /** The transcript. Never stored or logged. */
  text: string;
  language: SpeechLanguage;
  confidence: { avgLogprob: number; noSpeechProb: number };
  /** Too doubtful to act on alone: the bot asks the patient to type; the API never lets it lower a level. */
  lowConfidence: boolean;
  model: SpeechInfo;
}

/** The audio could not be taken: `code` says why; `maxSeconds` is the longest note transcribed. */
export class VoiceError extends AudioError {
  constructor(
    code: AudioError["code"],
    message: string,
    readonly maxSeconds: number,
  ) {
    super(code, message);
    this.name = "VoiceError";
  }
}

/**
 * A voice note to words, by the speech Worker. Throws VoiceError for audio it cannot take and
 * ModelUnavailableError when the speech model or Worker is unavailable.
 */
export async function hear(
  speech: SpeechService | undefined,
  audio: Uint8Array,
  language?: SpeechLanguage,
): Promise<Heard> {
  const answer = await callSpeech(speech, audio, { language });
  if (answer.ok) {
    const { text, confidence } = answer.transcript;
    const lowConfidence =
      text.trim().length === 0 ||
      !(confidence.avgLogprob >= CONFIDENCE_THRESHOLDS.minAvgLogprob) ||
      confidence.noSpeechProb > CONFIDENCE_THRESHOLDS.maxNoSpeechProb;
    return { text, language: answer.transcript.language, confidence, lowConfidence, model: answer.model };
  }
  if ("audio" in answer)
    throw new VoiceError(answer.audio.code, answer.audio.message, answer.audio.maxSeconds);
  throw new ModelUnavailableError(answer.model.code, answer.model.message);
}

/** Typed words and what was heard, as the one text the clinical rules read. */
export function joinWords(typed: string | undefined, heard: string | undefined): string {
  return [typed?.trim(), heard?.trim()].filter((t) => t).join("\n");
}

/**
 * The assessment with the transcript, unless it is doubtful and the one without it is more urgent: a
 * doubtful transcript may raise the level (emergency words), never lower it.
 */
export function neverLowered(
  withHeard: Assessment,
  heard: Heard | undefined,
  withoutHeard: () => Assessment,
): Assessment {
  if (!heard?.lowConfidence) return withHeard;
  const without = withoutHeard();
  return levelRank(without.triage.level) > levelRank(withHeard.triage.level) ? without : withHeard;
}
