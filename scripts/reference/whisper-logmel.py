#!/usr/bin/env python3
"""Whisper's log-mel features of one 30 s window, computed with NumPy alone: the reference that
src/audio/mel.ts is compared against (test/audio/mel.test.ts). Written from Whisper's published recipe
(openai/whisper audio.py, librosa.filters.mel's defaults), not from our TypeScript.

    python3 scripts/reference/whisper-logmel.py IN.wav OUT.f32

IN.wav: 16 kHz PCM, 16-bit (channels are averaged). OUT.f32: 80 x 3000 float32 little-endian, row-major
(mel bin, frame).
"""
import sys
import wave

import numpy as np

SAMPLE_RATE = 16000
N_FFT = 400
HOP_LENGTH = 160
N_MELS = 80
N_SAMPLES = 30 * SAMPLE_RATE  # 480000
N_FRAMES = N_SAMPLES // HOP_LENGTH  # 3000


def read_wav(path):
    with wave.open(path, "rb") as w:
        if w.getframerate() != SAMPLE_RATE or w.getsampwidth() != 2:
            sys.exit(f"{path}: need 16 kHz 16-bit PCM, got {w.getframerate()} Hz, {8 * w.getsampwidth()}-bit")
        channels = w.getnchannels()
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)
    return pcm.reshape(-1, channels).mean(axis=1) / 32768.0


# Slaney's mel scale (librosa's default, htk=False): linear below 1 kHz, logarithmic above.
F_SP = 200.0 / 3
MIN_LOG_HZ = 1000.0
MIN_LOG_MEL = MIN_LOG_HZ / F_SP
LOGSTEP = np.log(6.4) / 27.0


def hz_to_mel(hz):
    hz = np.asarray(hz, dtype=np.float64)
    return np.where(hz >= MIN_LOG_HZ, MIN_LOG_MEL + np.log(np.maximum(hz, 1e-300) / MIN_LOG_HZ) / LOGSTEP, hz / F_SP)


def mel_to_hz(mel):
    mel = np.asarray(mel, dtype=np.float64)
    return np.where(mel >= MIN_LOG_MEL, MIN_LOG_HZ * np.exp(LOGSTEP * (mel - MIN_LOG_MEL)), F_SP * mel)


def mel_filters():
    """Triangles between mel-spaced points from 0 Hz to Nyquist, each scaled to unit area (norm="slaney")."""
    fft_freqs = np.arange(N_FFT // 2 + 1) * SAMPLE_RATE / N_FFT
    points = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(SAMPLE_RATE / 2), N_MELS + 2))
    weights = np.zeros((N_MELS, fft_freqs.size))
    for m in range(N_MELS):
        left, centre, right = points[m], points[m + 1], points[m + 2]
        rising = (fft_freqs - left) / (centre - left)
        falling = (right - fft_freqs) / (right - centre)
        weights[m] = np.maximum(0.0, np.minimum(rising, falling)) * 2.0 / (right - left)
    return weights


def log_mel(samples):
    audio = np.zeros(N_SAMPLES)
    audio[: min(samples.size, N_SAMPLES)] = samples[:N_SAMPLES]
    padded = np.pad(audio, N_FFT // 2, mode="reflect")  # torch.stft(center=True, pad_mode="reflect")
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)  # torch.hann_window: periodic
    starts = np.arange(N_FRAMES + 1) * HOP_LENGTH  # 3001 frames; Whisper drops the last
    frames = padded[starts[:, None] + np.arange(N_FFT)[None, :]] * window
    power = np.abs(np.fft.rfft(frames, axis=1)) ** 2
    mel = mel_filters() @ power[:-1].T
    log_spec = np.log10(np.maximum(mel, 1e-10))
    log_spec = np.maximum(log_spec, log_spec.max() - 8.0)
    return (log_spec + 4.0) / 4.0


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    features = log_mel(read_wav(sys.argv[1]))
    assert features.shape == (N_MELS, N_FRAMES)
    features.astype("<f4").tofile(sys.argv[2])


if __name__ == "__main__":
    main()
