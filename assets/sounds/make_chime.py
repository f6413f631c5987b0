"""Makes chime.wav, the two-tone "ding-dong" before every call (ours: synthesised here).

Two bell-like notes a major third apart (E5 then C5), each a fundamental with two soft
overtones, a 5 ms attack and an exponential decay; 22,050 Hz, 16-bit PCM, mono, peak at
half of full scale so the words after it are the loudest part of a call.

    python assets/sounds/make_chime.py            # rewrites assets/sounds/chime.wav
    python assets/sounds/make_chime.py out.wav    # writes elsewhere

Standard library only, and deterministic: the same script writes the same bytes.
"""

from __future__ import annotations

import math
import sys
import wave
from array import array
from pathlib import Path

RATE = 22050
PEAK = 0.5  # of full scale
NOTES = ((0.0, 659.25), (0.5, 523.25))  # (start in seconds, frequency in Hz): E5, C5
OVERTONES = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.12))  # (multiple of the note, relative level)
ATTACK = 0.005  # seconds
DECAY = 0.32  # seconds for the level to fall to 1/e
LENGTH = 1.3  # seconds in all


def samples() -> list[float]:
    n = round(LENGTH * RATE)
    out = [0.0] * n
    for start, freq in NOTES:
        first = round(start * RATE)
        for i in range(first, n):
            t = (i - first) / RATE
            envelope = min(1.0, t / ATTACK) * math.exp(-t / DECAY)
            out[i] += envelope * sum(
                level * math.sin(2 * math.pi * freq * k * t) for k, level in OVERTONES
            )
    # The last 50 ms fade to nothing, so the chime ends without a click.
    fade = round(0.05 * RATE)
    for j in range(fade):
        out[n - fade + j] *= 1 - (j + 1) / fade
    top = max(abs(v) for v in out)
    return [v / top * PEAK for v in out]


def write(path: Path) -> None:
    pcm = array("h", (round(v * 32767) for v in samples()))
    if sys.byteorder == "big":
        pcm.byteswap()
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes(pcm.tobytes())


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("chime.wav"))
