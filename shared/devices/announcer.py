"""One announcer per station: calls spoken strictly one after another, never overlapping.

Any thread (the GUI thread above all) hands a call to :meth:`Announcer.announce`, which
only enqueues and returns at once. One player thread takes the calls in order and plays
each through one `Output`, so two calls can never overlap or cut each other off. The
words of every queued call are rendered ahead (`Voice.words`) while earlier calls play,
and each call begins with the chime, which is always ready: the lobby hears the chime the
moment a clerk calls, while the words finish rendering.

The backlog policy keeps the lobby from falling minutes behind when many windows call at
once (hall settings ``backlog_seconds``, default 10, and ``max_delay_seconds``, default 60):

1. A call is said ``repeat`` times (default twice) after the chime.
2. When the call about to play has waited more than ``backlog_seconds``, or the calls
   queued behind it would take more than ``backlog_seconds`` to say, it is said once;
   and if another call ended less than a second before, its chime is left out (the lobby
   is already listening).
3. A recall of a number still waiting in the queue for the same window is not queued
   again (it will be heard anyway); nor is a repeated call of it.
4. A call not begun within ``max_delay_seconds`` of being made is dropped: the screens
   show it, the voice does not read out stale calls.

With no voice or no sound device the station goes on silently: the status says why (one
log line when it changes, and `AnnouncerStatus` for the screen), every call is recorded
as not played, and the output is tried again every minute (a speaker plugged in later
works without a restart). A voice that fails while the sound works still plays the chime.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from shared.base.errors import EnvironmentFault, YimenError
from shared.base.messages import render
from shared.config.hall_file import VoiceConfig
from shared.devices.speech import CallWords, call_words
from shared.devices.voice import RATE, Pcm, Voice

log = logging.getLogger(__name__)

REOPEN_SECONDS = 60.0  # how often a silent station tries its sound output again
IDLE_CLOSE_SECONDS = 30.0  # an idle output is closed, releasing the device
CHIME_GAP_SECONDS = 1.0  # under backlog, a call this soon after another skips the chime
RENDER_WAIT_SECONDS = 20.0


class Outcome(StrEnum):
    PLAYED = "played"  # chime and words
    CHIME_ONLY = "chime_only"  # the words could not be rendered; the chime was played
    MERGED = "merged"  # the same number for the same window was already waiting in the queue
    STALE = "stale"  # not begun within max_delay_seconds: shown, not spoken
    SILENT = "silent"  # no voice or no sound device: not played


@dataclass(frozen=True)
class Announcement:
    words: CallWords
    kind: str  # "call", "recall" or "call_back" (all say the same words), or "say"
    queued: float  # monotonic time it was handed over
    deadline: float  # monotonic time after which it is not spoken
    chime: bool = True
    repeat: int | None = None  # None: the hall's setting and the backlog policy


@dataclass(frozen=True)
class AnnouncementResult:
    announcement: Announcement
    outcome: Outcome
    repeat: int = 0
    chime: bool = False
    started: float | None = None  # monotonic time the first sample went to the output
    ended: float | None = None
    code: str | None = None  # why it was not (fully) played
    seconds: float = 0.0  # how much sound was handed to the output

    @property
    def number(self) -> str:
        return self.announcement.words.number


@dataclass(frozen=True)
class AnnouncerStatus:
    """Whether the station speaks; ``code`` and ``detail`` say why not."""

    speaking: bool = True
    code: str | None = None
    detail: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "zh") -> str:
        """What the screen says of it: "calls are spoken", or why not."""
        if self.code is None:
            return render("announce.speaking", lang)
        return render(self.code, lang, **{"detail": self.detail, **self.params})


class OutputUnavailable(EnvironmentFault):
    """The output cannot play (no library, no device, the device went away)."""


class Output(Protocol):
    """Where a station's sound goes: one device, one announcement at a time."""

    def open(self) -> None:
        """Get the device ready; raises `OutputUnavailable` when there is none."""

    def play(self, frames: bytes) -> None:
        """Play 16-bit mono ``RATE`` samples; returns when the device has taken them."""

    def close(self) -> None: ...


class SoundDeviceOutput:
    """The station's default sound output through PortAudio (sounddevice): the same code on
    Windows (its wheel ships PortAudio), Linux (Debian's libportaudio2) and macOS."""

    def __init__(self, device: int | str | None = None) -> None:
        self.device = device
        self._stream: Any = None

    def open(self) -> None:
        if self._stream is not None:
            return
        try:
            import sounddevice as sd
        except OSError as exc:  # the PortAudio library itself is missing
            raise OutputUnavailable("sound.no_library", detail=str(exc)) from None
        try:
            sd.query_devices(self.device, kind="output")
            stream = sd.RawOutputStream(
                samplerate=RATE, channels=1, dtype="int16", device=self.device
            )
            stream.start()
        except (sd.PortAudioError, ValueError) as exc:
            raise OutputUnavailable("sound.no_device", detail=str(exc)) from None
        self._stream = stream

    @property
    def latency(self) -> float | None:
        """Seconds from a sample handed over to its sound, as PortAudio reports it."""
        return None if self._stream is None else float(self._stream.latency)

    def play(self, frames: bytes) -> None:
        if self._stream is None:
            self.open()
        try:
            self._stream.write(frames)
        except Exception as exc:  # the device went away mid-call
            self.close()
            raise OutputUnavailable("sound.failed", detail=str(exc)) from None

    def close(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.stop()
                stream.close()


class MemoryOutput:
    """An output that keeps what it is given, with when: for tests, benchmarks and a
    headless demo. ``pace`` > 0 makes play() take that fraction of the audio's length, as
    a device would."""

    def __init__(self, pace: float = 0.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.pace = pace
        self.clock = clock
        self.plays: list[tuple[float, float, bytes]] = []  # (start, end, frames)
        self.opened = 0
        self._lock = threading.Lock()
        self._active = 0
        self.max_active = 0  # more than 1 would mean two sounds at once

    def open(self) -> None:
        self.opened += 1

    def play(self, frames: bytes) -> None:
        with self._lock:
            self._active += 1
            self.max_active = max(self.max_active, self._active)
        start = self.clock()
        try:
            if self.pace:
                time.sleep(Pcm(frames).seconds * self.pace)
        finally:
            with self._lock:
                self._active -= 1
            self.plays.append((start, self.clock(), frames))

    def close(self) -> None:
        pass

    @property
    def frames(self) -> bytes:
        return b"".join(f for _, _, f in self.plays)


class Announcer:
    """The station's one queue of calls to speak (see the module's notes for the policy).

    ``on_result`` is called on the player thread with each `AnnouncementResult`;
    ``on_status`` with each change of `AnnouncerStatus`. Both must return quickly (a Qt
    app emits a signal from them).
    """

    def __init__(
        self,
        voice: Voice,
        output: Output | None = None,
        settings: VoiceConfig | None = None,
        *,
        on_result: Callable[[AnnouncementResult], None] | None = None,
        on_status: Callable[[AnnouncerStatus], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.voice = voice
        self.output: Output = output if output is not None else SoundDeviceOutput()
        self.settings = settings or voice.settings
        self.on_result = on_result
        self.on_status = on_status
        self.clock = clock
        self.results: deque[AnnouncementResult] = deque(maxlen=500)
        self._status = AnnouncerStatus()
        self._queue: deque[Announcement] = deque()
        self._cond = threading.Condition()
        self._busy = False
        self._closing = False
        self._output_open = False
        self._output_fault: OutputUnavailable | None = None
        self._next_try = 0.0
        self._last_end = float("-inf")
        self._thread = threading.Thread(target=self._run, name="yimen-announcer", daemon=True)
        self._thread.start()

    @property
    def status(self) -> AnnouncerStatus:
        return self._status

    def announce(
        self,
        number: str,
        window: int,
        *,
        kind: str = "call",
        lang: str | None = None,
        age: float = 0.0,
    ) -> None:
        """Queue a call of ``number`` to ``window``; returns at once. ``age`` is how many
        seconds ago the call was made (a display catching up after a reconnection), so
        a call older than ``max_delay_seconds`` is not read out."""
        words = call_words(number, window, self.settings, lang)
        now = self.clock()
        item = Announcement(
            words=words,
            kind=kind,
            queued=now,
            deadline=now + self.settings.max_delay_seconds - age,
        )
        with self._cond:
            if self._closing:
                return
            waiting = any(
                q.kind != "say" and q.words.number == words.number and q.words.window == window
                for q in self._queue
            )
            if not waiting:
                self._queue.append(item)
                self.voice.words(words.speech, words.lang)  # render ahead while others play
                self._cond.notify_all()
        if waiting:
            self._report(AnnouncementResult(item, Outcome.MERGED))

    def say(self, speech: str, *, lang: str = "zh") -> None:
        """Queue a sentence that is not a call (the kiosk reading a choice aloud to an
        elderly citizen): said once, without the chime, in turn with the calls."""
        now = self.clock()
        words = CallWords(number="", window=0, lang=lang, text=speech, speech=speech)
        item = Announcement(
            words, "say", now, now + self.settings.max_delay_seconds, chime=False, repeat=1
        )
        with self._cond:
            if self._closing:
                return
            self._queue.append(item)
            self.voice.words(speech, lang)
            self._cond.notify_all()

    def backlog_seconds(self) -> float:
        """About how long the calls waiting in the queue will take to say."""
        with self._cond:
            return sum(self._estimate(q, 1, chime=False) for q in self._queue)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until every queued call has been dealt with; False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while self._queue or self._busy:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def close(self, timeout: float = 5.0) -> None:
        """Stop: calls not yet begun are dropped, the one playing is left to finish."""
        with self._cond:
            self._closing = True
            self._queue.clear()
            self._cond.notify_all()
        self._thread.join(timeout)
        self.output.close()

    # -- the player thread -------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._closing:
                    if not self._cond.wait(IDLE_CLOSE_SECONDS) and self._output_open:
                        self._close_output()
                if self._closing:
                    return
                item = self._queue.popleft()
                behind = sum(self._estimate(q, 1, chime=False) for q in self._queue)
                self._busy = True
            try:
                self._report(self._play(item, behind))
            except Exception:  # a bug: log it, lose this call, keep the station speaking
                log.exception("announcing %s failed", item.words.number)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()

    def _play(self, item: Announcement, behind: float) -> AnnouncementResult:
        now = self.clock()
        if now > item.deadline:
            return AnnouncementResult(item, Outcome.STALE, code="announce.stale")
        fault = self._ensure_output(now)
        if fault is not None:
            return AnnouncementResult(item, Outcome.SILENT, code=fault.code)

        backlog = self.settings.backlog_seconds
        pressed = now - item.queued > backlog or behind > backlog
        repeat = item.repeat or (1 if pressed else self.settings.repeat)
        chime = item.chime and not (pressed and now - self._last_end < CHIME_GAP_SECONDS)
        words = self.voice.words(item.words.speech, item.words.lang)
        started: float | None = None
        played = 0.0
        try:
            if chime:
                started = self.clock()
                head = self.voice.chime_part()
                self.output.play(head)
                played = Pcm(head).seconds
            try:
                pcm = words.result(timeout=RENDER_WAIT_SECONDS)
            except TimeoutError:
                raise EnvironmentFault("voice.failed", detail="timeout") from None
            except YimenError:
                raise
            except Exception as exc:
                raise EnvironmentFault("voice.failed", detail=str(exc)) from None
            if started is None:
                started = self.clock()
            rest = self.voice.words_part(pcm, repeat)
            self.output.play(rest)
            played += Pcm(rest).seconds
        except OutputUnavailable as exc:
            self._output_down(exc)
            return AnnouncementResult(
                item, Outcome.SILENT, started=started, code=exc.code, seconds=played
            )
        except EnvironmentFault as exc:  # the voice failed; the chime (if any) was heard
            self._set_status(
                AnnouncerStatus(False, exc.code, str(exc.params.get("detail", "")), exc.params)
            )
            self._last_end = self.clock()
            outcome = Outcome.CHIME_ONLY if chime else Outcome.SILENT
            return AnnouncementResult(
                item, outcome, 0, chime, started, self._last_end, exc.code, played
            )
        self._last_end = self.clock()
        self._set_status(AnnouncerStatus())
        return AnnouncementResult(
            item, Outcome.PLAYED, repeat, chime, started, self._last_end, seconds=played
        )

    def _estimate(self, item: Announcement, repeat: int, chime: bool) -> float:
        return self.voice.estimate_seconds(item.words.speech, repeat, chime)

    def _ensure_output(self, now: float) -> OutputUnavailable | None:
        if self._output_open:
            return None
        if self._output_fault is not None and now < self._next_try:
            return self._output_fault
        try:
            self.output.open()
        except OutputUnavailable as exc:
            self._output_down(exc)
            return exc
        self._output_open = True
        self._output_fault = None
        return None

    def _output_down(self, exc: OutputUnavailable) -> None:
        self._close_output()
        self._output_fault = exc
        self._next_try = self.clock() + REOPEN_SECONDS
        self._set_status(AnnouncerStatus(False, exc.code, str(exc.params.get("detail", ""))))

    def _close_output(self) -> None:
        self._output_open = False
        with contextlib.suppress(Exception):
            self.output.close()

    def _set_status(self, status: AnnouncerStatus) -> None:
        if (status.speaking, status.code) == (self._status.speaking, self._status.code):
            return
        self._status = status
        if status.speaking:
            log.info("calls are spoken again")
        else:
            log.warning("calls are not spoken: %s", status.message("en"))
        if self.on_status is not None:
            self.on_status(status)

    def _report(self, result: AnnouncementResult) -> None:
        self.results.append(result)
        if self.on_result is not None:
            try:
                self.on_result(result)
            except Exception:
                log.exception("on_result failed")


__all__ = [
    "Announcement",
    "AnnouncementResult",
    "Announcer",
    "AnnouncerStatus",
    "MemoryOutput",
    "Outcome",
    "Output",
    "OutputUnavailable",
    "SoundDeviceOutput",
]
