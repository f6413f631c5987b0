"""The voice scenario: a call handed to the announcer → its first sample reaching the output.

Run by ``python -m bench --scenario voice`` (in a process of its own, so that its sound
device and cache are its own) or directly: ``python -m bench.voicelatency [--quick]``.

* The output is PortAudio (sounddevice, as at a station) opened on ALSA's ``file`` device
  over ``null`` (a private ``~/.asoundrc``), so the device is real to PortAudio but nothing
  is heard; on a machine without ALSA it falls back to `shared.devices.announcer.MemoryOutput`.
  A wrapper notes the moment each block of samples is handed to the output.
* The voice is the real one: pyttsx3 in its helper process, espeak-ng here.
* Calls are announced one at a time (the next after the last has been played), so every
  latency is that of a station at rest, the everyday case:
  - **warm**: the same call again (its words in the cache);
  - **cold**: a number never said before (its words rendered from scratch);
  - **first**: the very first call after start-up (the speech process starts).
  For each: announce → first sample (the chime), and announce → first sample of the words.
* Also the time ``announce()`` itself takes: what the GUI thread pays.

Prints a table, or JSON with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.stats import Summary
from shared.config.hall_file import VoiceConfig
from shared.devices.announcer import Announcer, MemoryOutput, Output, SoundDeviceOutput
from shared.devices.voice import Voice

COLD_P95_GOAL_MS = 300.0


class TimedOutput:
    """Notes when each block of samples is handed to the wrapped output."""

    def __init__(self, inner: Output) -> None:
        self.inner = inner
        self.handed: list[float] = []

    def open(self) -> None:
        self.inner.open()

    def play(self, frames: bytes) -> None:
        self.handed.append(time.perf_counter())
        self.inner.play(frames)

    def close(self) -> None:
        self.inner.close()


@dataclass
class VoiceLatency:
    output: str
    engine: str
    calls: int
    first_chime_ms: float
    first_words_ms: float
    warm_chime: Summary
    warm_words: Summary
    cold_chime: Summary
    cold_words: Summary
    announce_call: Summary  # the time announce() itself takes

    def failures(self) -> list[str]:
        if self.cold_chime.p95_ms >= COLD_P95_GOAL_MS:
            return [f"voice: cold p95 {self.cold_chime.p95_ms:.0f} ms ≥ {COLD_P95_GOAL_MS:.0f}"]
        return []


def measure(calls: int, workdir: Path) -> VoiceLatency:
    device: Output
    try:
        sound = SoundDeviceOutput()
        sound.open()
        device = sound
        output_name = f"PortAudio → ALSA file device, its latency {sound.latency * 1000:.0f} ms"
    except Exception:
        device = MemoryOutput()
        output_name = "memory (no sound device)"
    output = TimedOutput(device)
    voice = Voice(VoiceConfig(), cache_dir=workdir / "cache")
    announcer = Announcer(voice, output)
    announce_s: list[float] = []

    def one(number: str, window: int) -> tuple[float, float]:
        before = len(output.handed)
        t0 = time.perf_counter()
        announcer.announce(number, window)
        announce_s.append(time.perf_counter() - t0)
        if not announcer.wait_idle(60):
            raise RuntimeError("the announcer did not finish in 60 s")
        if len(output.handed) < before + 2:
            raise RuntimeError(f"{number} was not played: {announcer.status}")
        chime_at, words_at = output.handed[before], output.handed[before + 1]
        return chime_at - t0, words_at - t0

    try:
        first = one("Z999", 99)
        engine = voice.engine.identity("zh")
        cold = [one(f"C{n:03d}", n % 20 + 1) for n in range(1, calls + 1)]
        warm = [one("C001", 2) for _ in range(calls)]
    finally:
        announcer.close()
        voice.close()
    return VoiceLatency(
        output=output_name,
        engine=engine,
        calls=calls,
        first_chime_ms=first[0] * 1000,
        first_words_ms=first[1] * 1000,
        warm_chime=Summary.of([c for c, _ in warm]),
        warm_words=Summary.of([w for _, w in warm]),
        cold_chime=Summary.of([c for c, _ in cold]),
        cold_words=Summary.of([w for _, w in cold]),
        announce_call=Summary.of(announce_s),
    )


def print_voice(r: VoiceLatency) -> None:
    print()
    print(f"Voice: a call handed to the announcer → first sample at the output ({r.calls} calls)")
    print(f"  output: {r.output}; engine: {r.engine}")
    print(f"  {'':32} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8}  (ms)")
    for label, s in (
        ("warm, first sample (chime)", r.warm_chime),
        ("warm, words handed over", r.warm_words),
        ("cold, first sample (chime)", r.cold_chime),
        ("cold, words handed over", r.cold_words),
    ):
        print(f"  {label:32} {s.p50_ms:8.1f} {s.p95_ms:8.1f} {s.p99_ms:8.1f} {s.max_ms:8.1f}")
    print(
        f"  first call after start-up: chime {r.first_chime_ms:.0f} ms, "
        f"words {r.first_words_ms:.0f} ms (starts the speech process)"
    )
    print(
        "  (words handed over = rendered and ready; a device plays them after the chime's 1.55 s)"
    )
    a = r.announce_call
    print(
        f"  announce() itself: p50 {a.p50_ms * 1000:.0f} µs, p95 {a.p95_ms * 1000:.0f} µs, "
        f"max {a.max_ms * 1000:.0f} µs"
    )
    goal = "met" if not r.failures() else "MISSED"
    print(f"  goal cold p95 < {COLD_P95_GOAL_MS:.0f} ms: {goal}")


def as_json(r: VoiceLatency) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in asdict(r).items():
        out[k] = {kk: round(vv, 3) for kk, vv in v.items()} if isinstance(v, dict) else v
    return out


def from_json(data: dict[str, Any]) -> VoiceLatency:
    fields = {
        k: Summary(**{kk: vv for kk, vv in v.items()}) if isinstance(v, dict) else v
        for k, v in data.items()
    }
    return VoiceLatency(**fields)


def run_isolated(quick: bool) -> VoiceLatency:
    """Run the scenario in a process of its own with a private ALSA device and cache."""
    import subprocess

    with tempfile.TemporaryDirectory(prefix="yimen-voice-bench-") as tmp:
        home = Path(tmp)
        (home / ".asoundrc").write_text(
            f'pcm.!default {{\n type file\n slave.pcm "null"\n file "{home}/out.raw"\n'
            ' format "raw"\n}\n'
        )
        env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache")}
        argv = [sys.executable, "-m", "bench.voicelatency", "--json"]
        done = subprocess.run(
            argv + (["--quick"] if quick else []),
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    return from_json(json.loads(done.stdout))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.voicelatency")
    parser.add_argument("--quick", action="store_true", help="20 calls instead of 100")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="yimen-voice-") as tmp:
        result = measure(20 if args.quick else 100, Path(tmp))
    if args.json:
        print(json.dumps(as_json(result)))
    else:
        print_voice(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
