"""One announcer per station: calls one after another, never overlapping, in order; the
backlog policy when ten windows call within two seconds; silent, and saying so once, when
there is no voice or no sound device; and the caller never waits."""

from __future__ import annotations

import logging
import threading
import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from shared.base.errors import EnvironmentFault
from shared.config.hall_file import VoiceConfig
from shared.devices.announcer import (
    REOPEN_SECONDS,
    Announcer,
    AnnouncerStatus,
    MemoryOutput,
    Outcome,
    OutputUnavailable,
)
from shared.devices.speech import call_words
from shared.devices.voice import RATE, Pcm, Voice


class VirtualClock:
    """Monotonic seconds that move only when told: a morning's calls in milliseconds."""

    def __init__(self) -> None:
        self.now = 1000.0
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self.now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.now += seconds


class VirtualOutput(MemoryOutput):
    """A sound device in virtual time: playing takes the audio's length on the virtual
    clock. It can hold its first sound until the test lets it go."""

    def __init__(self, clock: VirtualClock) -> None:
        super().__init__(clock=clock)
        self.vclock = clock
        self.started = threading.Event()
        self.release = threading.Event()
        self.release.set()

    def hold_first(self) -> None:
        self.release.clear()

    def play(self, frames: bytes) -> None:
        self.started.set()
        assert self.release.wait(10)
        start = self.vclock()
        self.vclock.advance(Pcm(frames).seconds)
        self.plays.append((start, self.vclock(), frames))


class ToneEngine:
    """Renders a text as a tone about as long as a voice would say it (0.3 s a syllable);
    it can be made to fail or to wait."""

    def __init__(self) -> None:
        self.fail: EnvironmentFault | None = None
        self.gate = threading.Event()
        self.gate.set()
        self.renders: list[str] = []

    def identity(self, lang: str) -> str:
        return f"tone:{lang}"

    def render(self, text: str, lang: str, rate: int, path: Path) -> None:
        assert self.gate.wait(10)
        if self.fail is not None:
            raise self.fail
        self.renders.append(text)
        n = round(len(text) * 0.3 * RATE)
        tone = (np.sin(np.arange(n) * 2 * np.pi * 300 / RATE) * 12000).astype("<i2")
        with wave.open(str(path), "wb") as f:
            f.setnchannels(1)
            f.setsampwidth(2)
            f.setframerate(RATE)
            f.writeframes(tone.tobytes())

    def close(self) -> None:
        pass


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock()


@pytest.fixture
def engine() -> ToneEngine:
    return ToneEngine()


@pytest.fixture
def voice(engine: ToneEngine, tmp_path: Path) -> Iterator[Voice]:
    v = Voice(VoiceConfig(), engine=engine, cache_dir=tmp_path / "cache")
    yield v
    v.close()


def test_ten_calls_in_two_seconds_are_said_one_after_another_and_the_lobby_keeps_up(
    voice: Voice, clock: VirtualClock
) -> None:
    output = VirtualOutput(clock)
    output.hold_first()
    announcer = Announcer(voice, output, clock=clock)
    try:
        made: dict[str, float] = {}
        made["A001"] = clock()
        announcer.announce("A001", 1)
        assert output.started.wait(10)  # the first chime is sounding
        for n in range(2, 11):
            clock.advance(0.2)  # ten windows call within two seconds
            made[f"A{n:03d}"] = clock()
            announcer.announce(f"A{n:03d}", n)
        assert announcer.backlog_seconds() > 20  # nine calls are waiting
        output.release.set()
        assert announcer.wait_idle(30)
    finally:
        announcer.close()

    results = list(announcer.results)
    assert [r.number for r in results] == [f"A{n:03d}" for n in range(1, 11)]
    assert all(r.outcome is Outcome.PLAYED for r in results)
    # One sound at a time: every sound starts after the one before it has ended.
    for (_, end, _), (start, _, _) in zip(output.plays, output.plays[1:], strict=False):
        assert start >= end
    # The first call, heard alone, is said twice after its chime; the nine behind it
    # are said once, back to back, without a chime each.
    assert (results[0].repeat, results[0].chime) == (2, True)
    assert all((r.repeat, r.chime) == (1, False) for r in results[1:])
    # The last call is heard within 45 s of being made, not minutes later
    # (said in full, the ten would take over a minute and a half).
    last = results[-1]
    assert last.started is not None and last.started - made["A010"] < 45
    first = results[0]
    assert first.started is not None and first.ended is not None
    assert (first.ended - first.started) * 10 > 90


def test_what_is_played_is_exactly_the_rendered_call(voice: Voice, clock: VirtualClock) -> None:
    output = VirtualOutput(clock)
    announcer = Announcer(voice, output, clock=clock)
    try:
        announcer.announce("B007", 5)
        assert announcer.wait_idle(10)
    finally:
        announcer.close()
    assert output.frames == voice.render_call(call_words("B007", 5), repeat=2).frames


def test_a_recall_of_a_number_already_waiting_is_not_queued_again(
    voice: Voice, clock: VirtualClock
) -> None:
    output = VirtualOutput(clock)
    output.hold_first()
    announcer = Announcer(voice, output, clock=clock)
    try:
        announcer.announce("A001", 1)
        assert output.started.wait(10)
        announcer.announce("A002", 2)
        announcer.announce("A002", 2, kind="recall")  # still waiting: heard anyway
        announcer.announce("A001", 1, kind="recall")  # being said now: the clerk recalls
        announcer.announce("A002", 7)  # transferred and called at another window
        output.release.set()
        assert announcer.wait_idle(30)
    finally:
        announcer.close()
    outcomes = [(r.number, r.announcement.kind, r.outcome) for r in announcer.results]
    assert outcomes == [
        ("A002", "recall", Outcome.MERGED),
        ("A001", "call", Outcome.PLAYED),
        ("A002", "call", Outcome.PLAYED),
        ("A001", "recall", Outcome.PLAYED),
        ("A002", "call", Outcome.PLAYED),
    ]
    assert announcer.results[-1].announcement.words.window == 7


def test_a_call_not_begun_within_the_maximum_delay_is_shown_not_spoken(
    voice: Voice, clock: VirtualClock
) -> None:
    output = VirtualOutput(clock)
    output.hold_first()
    announcer = Announcer(voice, output, clock=clock)
    try:
        announcer.announce("A001", 1)
        assert output.started.wait(10)
        announcer.announce("A002", 2)
        announcer.announce("A003", 3, age=45)  # a display catching up after a reconnection
        clock.advance(VoiceConfig().max_delay_seconds + 1)
        output.release.set()
        assert announcer.wait_idle(30)
        announcer.announce("A004", 4, age=61)
        assert announcer.wait_idle(30)
    finally:
        announcer.close()
    outcomes = {r.number: r.outcome for r in announcer.results}
    assert outcomes == {
        "A001": Outcome.PLAYED,
        "A002": Outcome.STALE,
        "A003": Outcome.STALE,
        "A004": Outcome.STALE,
    }


class NoDevice(MemoryOutput):
    def __init__(self) -> None:
        super().__init__()
        self.broken = True

    def open(self) -> None:
        self.opened += 1
        if self.broken:
            raise OutputUnavailable("sound.no_device", detail="Error querying device -1")


def test_no_sound_device_means_silent_said_once_and_nothing_raised(
    voice: Voice, clock: VirtualClock, caplog: pytest.LogCaptureFixture
) -> None:
    output = NoDevice()
    statuses: list[AnnouncerStatus] = []
    announcer = Announcer(voice, output, clock=clock, on_status=statuses.append)
    try:
        with caplog.at_level(logging.WARNING, logger="shared.devices.announcer"):
            for n in (1, 2, 3):
                announcer.announce(f"A00{n}", n)
            assert announcer.wait_idle(10)
        assert [r.outcome for r in announcer.results] == [Outcome.SILENT] * 3
        assert all(r.code == "sound.no_device" for r in announcer.results)
        assert output.opened == 1  # not tried again for every call
        assert len(statuses) == 1 and not statuses[0].speaking
        assert "没有可用的声音输出设备" in announcer.status.message("zh")
        assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1

        # A speaker plugged in later is found within a minute, without a restart.
        output.broken = False
        clock.advance(REOPEN_SECONDS + 1)
        announcer.announce("A004", 4)
        assert announcer.wait_idle(10)
    finally:
        announcer.close()
    assert announcer.results[-1].outcome is Outcome.PLAYED
    assert announcer.status.speaking and statuses[-1].speaking
    assert announcer.status.message("zh") == "叫号语音正常"
    assert announcer.status.message("en") == "Calls are spoken."


def test_no_voice_for_the_language_still_plays_the_chime(
    voice: Voice, engine: ToneEngine, clock: VirtualClock
) -> None:
    engine.fail = EnvironmentFault("voice.no_voice", detail="zh", language="zh")
    output = VirtualOutput(clock)
    announcer = Announcer(voice, output, clock=clock)
    try:
        announcer.announce("A001", 1)
        assert announcer.wait_idle(10)
    finally:
        announcer.close()
    result = announcer.results[-1]
    assert result.outcome is Outcome.CHIME_ONLY and result.code == "voice.no_voice"
    assert output.frames == voice.chime_part()
    assert not announcer.status.speaking
    assert "没有中文(普通话)语音" in announcer.status.message("zh")
    assert "no Chinese (Mandarin) voice" in announcer.status.message("en")


def test_announcing_never_waits_for_the_voice_or_the_sound(
    voice: Voice, engine: ToneEngine
) -> None:
    """The GUI thread only enqueues: with the voice stuck and the device busy, a hundred
    calls are handed over at once."""
    engine.gate.clear()  # every render waits
    output = MemoryOutput()
    announcer = Announcer(voice, output)
    try:
        done = threading.Event()

        def clerk_clicks() -> None:
            for n in range(1, 101):
                announcer.announce(f"C{n:03d}", n % 12 + 1)
            done.set()

        threading.Thread(target=clerk_clicks).start()
        assert done.wait(5)  # returned while nothing at all could be rendered
        assert not output.plays or output.frames == voice.chime_part()
    finally:
        engine.gate.set()
        announcer.close()


def test_real_time_calls_never_overlap_on_the_device(voice: Voice) -> None:
    """With a device that takes real time, calls from several threads at once."""
    output = MemoryOutput(pace=0.02)
    announcer = Announcer(voice, output)
    try:
        threads = [
            threading.Thread(target=announcer.announce, args=(f"D{n:03d}", n)) for n in range(1, 9)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert announcer.wait_idle(30)
    finally:
        announcer.close()
    assert output.max_active == 1
    assert sorted(r.number for r in announcer.results) == [f"D{n:03d}" for n in range(1, 9)]
    for (_, end, _), (start, _, _) in zip(output.plays, output.plays[1:], strict=False):
        assert start >= end
