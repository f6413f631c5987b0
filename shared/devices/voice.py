"""Who says a call: offline speech rendered to WAV, cached by its words, and composed.

A call sounds like this: the chime (``assets/sounds/chime.wav``), a short breath, the
words, a pause, the words again (the hall's ``repeat``), a short tail. Everything is
16-bit PCM, mono, 22,050 Hz.

The words are spoken by pyttsx3 (espeak-ng's ``cmn-latn-pinyin`` voice on Linux, a Chinese
SAPI5 voice on Windows), offline, in a helper process (`shared.devices.tts_worker`) that owns the
engine; :class:`SpeechEngine` starts and restarts it. :class:`Voice` renders each text once
on its own thread, keeps the result as a WAV in the user's cache folder (bounded in size,
oldest first out), and composes calls from it, so what is played is always a file that can
be checked.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import queue
import subprocess
import sys
import tempfile
import threading
import wave
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

import numpy as np
import platformdirs

from shared.base.errors import EnvironmentFault
from shared.config.hall_file import VoiceConfig
from shared.devices.speech import CallWords

log = logging.getLogger(__name__)

RATE = 22050
"""Samples per second of everything the voice makes and plays."""
CHIME_PATH = Path(__file__).resolve().parent.parent.parent / "assets" / "sounds" / "chime.wav"
AFTER_CHIME = 0.25  # seconds between the chime and the words
BETWEEN = 0.7  # seconds between two sayings of the words
TAIL = 0.3  # seconds of quiet after the words, so the device does not cut the last syllable
WORDS_PEAK = 0.85  # the words are brought to this peak (of full scale); the chime is at 0.5
CACHE_BYTES = 64 * 1024 * 1024
_FORMAT = "1"  # bump when the rendering or composition changes, so old cache files go unused


@dataclass(frozen=True)
class Pcm:
    """Audio as 16-bit little-endian mono samples at ``RATE``."""

    frames: bytes

    @property
    def seconds(self) -> float:
        return len(self.frames) / 2 / RATE

    def samples(self) -> np.ndarray[Any, np.dtype[np.int16]]:
        return np.frombuffer(self.frames, dtype="<i2")


def silence(seconds: float) -> bytes:
    return bytes(2 * round(seconds * RATE))


def read_wav(path: Path) -> Pcm:
    """A WAV file as `Pcm`: any PCM width, mixed down to mono, resampled to ``RATE``."""
    with wave.open(str(path), "rb") as f:
        width, channels, rate = f.getsampwidth(), f.getnchannels(), f.getframerate()
        raw = f.readframes(f.getnframes())
    if (width, channels, rate) == (2, 1, RATE):
        return Pcm(raw)  # already ours: no conversion, bit for bit
    if width == 1:
        data = (np.frombuffer(raw, dtype=np.uint8).astype(np.float64) - 128) / 128
    elif width == 2:
        data = np.frombuffer(raw, dtype="<i2").astype(np.float64) / 32768
    elif width == 3:
        b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        ints = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        data = np.where(ints >= 1 << 23, ints - (1 << 24), ints).astype(np.float64) / (1 << 23)
    else:
        data = np.frombuffer(raw, dtype="<i4").astype(np.float64) / 2**31
    if channels > 1:
        data = data.reshape(-1, channels).mean(axis=1)
    if rate != RATE and len(data):
        n = round(len(data) * RATE / rate)
        data = np.interp(np.arange(n) * rate / RATE, np.arange(len(data)), data)
    return Pcm(_to_int16(data))


def write_wav(path: Path, pcm: Pcm) -> None:
    """Write atomically: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    os.close(fd)
    try:
        with wave.open(tmp, "wb") as f:
            f.setnchannels(1)
            f.setsampwidth(2)
            f.setframerate(RATE)
            f.writeframes(pcm.frames)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _to_int16(data: np.ndarray[Any, np.dtype[np.float64]]) -> bytes:
    return bytes(np.clip(np.round(data * 32767), -32768, 32767).astype("<i2").tobytes())


def tidy(pcm: Pcm, peak: float = WORDS_PEAK) -> Pcm:
    """Trim the engine's leading and trailing quiet (keeping 30 ms) and bring the words to
    a steady peak, so every engine's calls sound alike in level and rhythm."""
    data = pcm.samples().astype(np.float64) / 32768
    if not len(data):
        return pcm
    loud = np.flatnonzero(np.abs(data) > 0.02)
    if not len(loud):
        return pcm
    margin = round(0.03 * RATE)
    data = data[max(0, loud[0] - margin) : loud[-1] + margin]
    top = float(np.max(np.abs(data)))
    return Pcm(_to_int16(data * (peak / top)))


# -- the engine ----------------------------------------------------------------------


class Engine(Protocol):
    """Renders text to a WAV file; raises `EnvironmentFault` (``voice.*``) when it cannot."""

    def identity(self, lang: str) -> str: ...

    def render(self, text: str, lang: str, rate: int, path: Path) -> None: ...

    def close(self) -> None: ...


class SpeechEngine:
    """pyttsx3 in its own long-lived process (`shared.devices.tts_worker`), started on first use and
    started again if it dies; a render that takes longer than ``timeout`` kills it."""

    def __init__(self, timeout: float = 20.0, command: list[str] | None = None) -> None:
        self.timeout = timeout
        self.command = command or [sys.executable, "-m", "shared.devices.tts_worker"]
        self._proc: subprocess.Popen[str] | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._hello: dict[str, Any] = {}
        self._lock = threading.Lock()

    @property
    def driver(self) -> str:
        return str(self._hello.get("driver", ""))

    def voice_of(self, lang: str) -> str | None:
        with self._lock:
            self._ensure_started()
            voice = self._hello.get("voices", {}).get(lang)
            return str(voice) if voice else None

    def identity(self, lang: str) -> str:
        voice = self.voice_of(lang)  # starts the engine, which tells its driver
        return f"{self.driver}:{voice}"

    def render(self, text: str, lang: str, rate: int, path: Path) -> None:
        request = {"text": text, "lang": lang, "rate": rate, "path": str(path)}
        with self._lock:
            for attempt in (1, 2):
                self._ensure_started()
                try:
                    reply = self._ask(request)
                    break
                except _WorkerGone as gone:
                    self._stop()
                    if attempt == 2:
                        raise EnvironmentFault("voice.failed", detail=str(gone)) from None
                    log.warning("the speech process ended (%s); starting it again", gone)
        if not reply.get("ok"):
            code = str(reply.get("code", "voice.failed"))
            raise EnvironmentFault(code, detail=reply.get("detail", ""), language=lang)

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _ensure_started(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            return
        self._stop()
        try:
            self._proc = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
                bufsize=1,
                env={**os.environ, "PYTHONIOENCODING": "utf-8"},
                # A kiosk or counter started without a console must not flash one open.
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError as exc:
            raise EnvironmentFault("voice.no_engine", detail=str(exc)) from None
        self._lines = queue.Queue()
        assert self._proc.stdout is not None
        threading.Thread(
            target=_pump, args=(self._proc.stdout, self._lines), daemon=True, name="yimen-tts-out"
        ).start()
        try:
            hello = self._read()
        except _WorkerGone as gone:
            self._stop()
            raise EnvironmentFault("voice.no_engine", detail=str(gone)) from None
        if not hello.get("ok"):
            self._stop()
            raise EnvironmentFault("voice.no_engine", detail=hello.get("detail", ""))
        self._hello = hello
        log.info("speech engine %s started, voices %s", hello.get("driver"), hello.get("voices"))

    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self._proc is not None and self._proc.stdin is not None
        try:
            self._proc.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
            self._proc.stdin.flush()
        except OSError as exc:
            raise _WorkerGone(str(exc)) from None
        return self._read()

    def _read(self) -> dict[str, Any]:
        try:
            line = self._lines.get(timeout=self.timeout)
        except queue.Empty:
            raise _WorkerGone(f"no answer in {self.timeout:.0f} s") from None
        if line is None:
            raise _WorkerGone("the speech process ended")
        reply: dict[str, Any] = json.loads(line)
        return reply

    def _stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        with contextlib.suppress(OSError):
            if proc.stdin:
                proc.stdin.close()
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class _WorkerGone(Exception):
    pass


def _pump(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


# -- the voice -----------------------------------------------------------------------


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("yimen", appauthor=False)) / "voice"


class Voice:
    """Renders words once (on one thread, through the engine), keeps them as WAV files in a
    bounded cache, and composes calls: chime, words, pause, words."""

    def __init__(
        self,
        settings: VoiceConfig | None = None,
        *,
        engine: Engine | None = None,
        cache_dir: Path | None = None,
        cache_bytes: int = CACHE_BYTES,
        chime_path: Path = CHIME_PATH,
    ) -> None:
        self.settings = settings or VoiceConfig()
        self.engine: Engine = engine or SpeechEngine()
        self.cache_dir = cache_dir or default_cache_dir()
        self.cache_bytes = cache_bytes
        self.chime = read_wav(chime_path)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="yimen-voice")
        self._pending: dict[tuple[str, str], Future[Pcm]] = {}
        self._lock = threading.Lock()

    # What the announcer uses: words ahead of time, then the two parts of a call.

    def words(self, text: str, lang: str) -> Future[Pcm]:
        """The spoken ``text`` as audio, from the cache or rendered on the voice's thread.
        Never blocks; asking again for text being rendered returns the same future."""
        key = (text, lang)
        with self._lock:
            pending = self._pending.get(key)
            if pending is not None:
                return pending
            future = self._executor.submit(self._render_words, text, lang)
            self._pending[key] = future
        future.add_done_callback(lambda _f: self._forget(key))
        return future

    def chime_part(self) -> bytes:
        """The chime and the breath after it: the first thing a call plays."""
        return self.chime.frames + silence(AFTER_CHIME)

    def words_part(self, words: Pcm, repeat: int) -> bytes:
        """The words said ``repeat`` times with a pause between, and a short tail."""
        gap = silence(BETWEEN)
        return gap.join([words.frames] * max(1, repeat)) + silence(TAIL)

    def estimate_seconds(self, text: str, repeat: int, chime: bool) -> float:
        """How long a call will take to say, before it is rendered: about 0.29 s a
        character in Chinese at rate 165 (espeak-ng), 0.067 s a character in English."""
        per_char = 0.29 if any("\u4e00" <= c <= "\u9fff" for c in text) else 0.067
        words = len(text) * per_char * 165 / self.settings.rate
        total = words * repeat + BETWEEN * (repeat - 1) + TAIL
        return total + (self.chime.seconds + AFTER_CHIME if chime else 0.0)

    # Whole calls, for `yimen say --wav`, tests and anyone who wants the file.

    def render_call(self, call: CallWords, repeat: int | None = None, chime: bool = True) -> Pcm:
        """The whole call as the announcer plays it (blocks while the words render)."""
        words = self.words(call.speech, call.lang).result()
        head = self.chime_part() if chime else b""
        return Pcm(head + self.words_part(words, repeat or self.settings.repeat))

    def call_file(self, call: CallWords, repeat: int | None = None) -> Path:
        """The whole call as a WAV file in the cache."""
        repeat = repeat or self.settings.repeat
        path = self._cache_path("call", f"{repeat}|{call.lang}|{call.speech}", call.lang)
        if not self._hit(path):
            write_wav(path, self.render_call(call, repeat))
            self._prune()
        return path

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self.engine.close()

    # The cache.

    def _render_words(self, text: str, lang: str) -> Pcm:
        path = self._cache_path("words", text, lang)
        if self._hit(path):
            return read_wav(path)
        # In a folder of its own: the cache's pruning never sees a file being written.
        work = self._ensure_dir() / "rendering"
        work.mkdir(exist_ok=True)
        fd, raw = tempfile.mkstemp(dir=work, suffix=".wav")
        os.close(fd)
        try:
            self.engine.render(text, lang, self.settings.rate, Path(raw))
            pcm = tidy(read_wav(Path(raw)))
        except (wave.Error, EOFError) as exc:
            raise EnvironmentFault("voice.failed", detail=str(exc)) from None
        finally:
            with contextlib.suppress(OSError):
                os.unlink(raw)
        write_wav(path, pcm)
        self._prune()
        return pcm

    def _cache_path(self, kind: str, text: str, lang: str) -> Path:
        key = "|".join(
            (_FORMAT, kind, self.engine.identity(lang), str(self.settings.rate), lang, text)
        )
        return self._ensure_dir() / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:32]}.wav"

    def _ensure_dir(self) -> Path:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        return self.cache_dir

    @staticmethod
    def _hit(path: Path) -> bool:
        try:
            os.utime(path)  # the newest use keeps a file in the cache longest
            return True
        except OSError:
            return False

    def _prune(self) -> None:
        """Drop the least recently used files until the cache is within its size."""
        files = []
        for p in self.cache_dir.glob("*.wav"):
            with contextlib.suppress(OSError):
                st = p.stat()
                files.append((st.st_mtime, st.st_size, p))
        total = sum(size for _, size, _ in files)
        for _, size, p in sorted(files, key=lambda f: f[0]):
            if total <= self.cache_bytes:
                break
            with contextlib.suppress(OSError):
                p.unlink()
                total -= size

    def _forget(self, key: tuple[str, str]) -> None:
        with self._lock:
            self._pending.pop(key, None)


__all__ = [
    "CHIME_PATH",
    "RATE",
    "Engine",
    "Pcm",
    "SpeechEngine",
    "Voice",
    "read_wav",
    "silence",
    "tidy",
    "write_wav",
]
