/**
 * Why a voice note or audio file was refused: `unsupported_format` (not Ogg/Opus, WAV or MP3, or a
 * variant we do not decode), `corrupt` (damaged, truncated or inconsistent), `too_long` (over the
 * duration limit), `empty` (no bytes, or under MIN_SECONDS of sound).
 */
export type AudioErrorCode = "unsupported_format" | "corrupt" | "too_long" | "empty";

export class AudioError extends Error {
  override name = "AudioError";
  constructor(
    readonly code: AudioErrorCode,
    message: string,
  ) {
    super(message);
  }
}
