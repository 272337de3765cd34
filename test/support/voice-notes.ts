/**
 * Voice notes made in the test itself (no fixtures): 16-bit PCM WAV of a seeded signal. Until the audio
 * front-end's Ogg/Opus decoder is merged, WAV is the one format the speech Worker reads.
 */
export function wav(samples: Float32Array, rate = 16000): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  };
  ascii(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, "data");
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => {
    view.setInt16(44 + i * 2, Math.round(Math.max(-1, Math.min(1, s)) * 32767), true);
  });
  return bytes;
}

/** `seconds` of a chirp with seeded noise: a stand-in for speech (a synthetic model hears gibberish anyway). */
export function note(seconds: number, seed = 1): Uint8Array {
  let state = seed >>> 0;
  const noise = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const samples = Float32Array.from(
    { length: Math.round(16000 * seconds) },
    (_, i) => 0.3 * Math.sin(i * (0.02 + (i % 160000) * 2e-6)) + 0.02 * noise(),
  );
  return wav(samples);
}

/** A silent note. */
export function silence(seconds: number): Uint8Array {
  return wav(new Float32Array(Math.round(16000 * seconds)));
}

/** A WAV header that promises samples and then holds none of a valid format. */
export function corruptNote(): Uint8Array {
  const bytes = note(1);
  bytes.fill(0xff, 12, 40); // the fmt chunk's fields and the data chunk's id
  return bytes;
}
