/** The longest note accepted unless the caller says otherwise (the speech Worker's MAX_VOICE_SECONDS). */
export const DEFAULT_MAX_SECONDS = 90;
/** Shorter than this is a slip of the thumb, not words: refused as empty. */
export const MIN_SECONDS = 0.1;
