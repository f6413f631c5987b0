"""The hall's voice rendered offline to WAV and checked as a person would: loud enough,
as long as a chime and two sayings, 16-bit mono; the chime is ours and reproducible; each
text is rendered once; the speech process is restarted when it dies."""

from __future__ import annotations

import os
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from shared.base.errors import EnvironmentFault
from shared.config.hall_file import VoiceConfig
from shared.devices.speech import call_words
from shared.devices.tts_worker import choose_voice
from shared.devices.voice import (
    AFTER_CHIME,
    BETWEEN,
    CHIME_PATH,
    RATE,
    Pcm,
    SpeechEngine,
    Voice,
    read_wav,
    write_wav,
)

ROOT = Path(__file__).resolve().parent.parent


def rms(pcm: Pcm) -> float:
    data = pcm.samples().astype(np.float64) / 32768
    return float(np.sqrt(np.mean(data**2)))


def wav_format(path: Path) -> tuple[int, int, int]:
    with wave.open(str(path), "rb") as f:
        return f.getnchannels(), f.getsampwidth(), f.getframerate()


class CountingEngine:
    """The real engine, counting the renders it is asked for."""

    def __init__(self) -> None:
        self.inner = SpeechEngine()
        self.renders: list[str] = []

    def identity(self, lang: str) -> str:
        return self.inner.identity(lang)

    def render(self, text: str, lang: str, rate: int, path: Path) -> None:
        self.renders.append(text)
        self.inner.render(text, lang, rate, path)

    def close(self) -> None:
        self.inner.close()


@pytest.fixture
def voice(tmp_path: Path):  # type: ignore[no-untyped-def]
    v = Voice(VoiceConfig(), engine=CountingEngine(), cache_dir=tmp_path / "cache")
    yield v
    v.close()


def test_the_chime_is_a_short_clear_two_tone_16_bit_mono_wav() -> None:
    assert wav_format(CHIME_PATH) == (1, 2, RATE)
    chime = read_wav(CHIME_PATH)
    assert 0.8 < chime.seconds < 2.0
    assert rms(chime) > 0.05
    data = chime.samples().astype(np.float64)
    # Two notes: the loudness rises twice (E5 at the start, C5 half a second later).
    first, second = data[: RATE // 2], data[RATE // 2 : RATE]
    assert np.abs(first[:500]).max() > 8000 and np.abs(second[:500]).max() > 8000
    # Ending in quiet, so nothing clicks when the words follow.
    assert np.abs(data[-100:]).max() < 100


def test_the_chime_in_assets_is_exactly_what_its_script_makes(tmp_path: Path) -> None:
    out = tmp_path / "chime.wav"
    subprocess.run(
        [sys.executable, str(ROOT / "assets" / "sounds" / "make_chime.py"), str(out)], check=True
    )
    assert out.read_bytes() == CHIME_PATH.read_bytes()


def test_a_call_renders_to_a_wav_a_lobby_can_hear(voice: Voice, tmp_path: Path) -> None:
    words = call_words("A001", 3)
    path = voice.call_file(words)
    assert wav_format(path) == (1, 2, RATE)
    call = read_wav(path)
    saying = voice.words(words.speech, "zh").result()
    # 请A零零一号到三号窗口办理 is 13 syllables: two to five seconds at a hall's pace.
    assert 2.0 < saying.seconds < 5.0
    expected = voice.chime.seconds + AFTER_CHIME + 2 * saying.seconds + BETWEEN
    assert expected < call.seconds < expected + 0.5
    assert rms(call) > 0.05  # not silent
    # The chime comes first, exactly as in its file, then the words twice.
    assert call.frames.startswith(voice.chime.frames)
    assert call.frames.count(saying.frames) == 2
    # Loud but never clipped.
    peak = int(np.abs(call.samples().astype(np.int32)).max())
    assert 20000 < peak < 32767


def test_the_words_are_mandarin_phonemes_throughout() -> None:
    """espeak-ng's own reading of what the voice is given: Mandarin syllables with tones,
    no English letter names for the digits, the window read as 十二."""
    words = call_words("B010", 12)
    phonemes = subprocess.run(
        ["espeak-ng", "-q", "-v", "cmn-latn-pinyin", "-x", words.speech],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    syllables = phonemes.replace("\n", "").split("_|")
    syllables = [s.strip() for s in syllables if s.strip()]
    assert len(syllables) == 14  # 请 B 零 一 零 号 到 十 二 号 窗 口 办 理
    assert all(any(tone in s for tone in ("55", "35", "214", "21", "51")) for s in syllables)
    assert "s.'i.35" in phonemes and "'@r51" in phonemes  # 十二


def test_an_english_call_is_rendered_too(voice: Voice) -> None:
    call = voice.render_call(call_words("C100", 20, lang="en"), repeat=1)
    assert rms(call) > 0.05
    assert 3.0 < call.seconds < 9.0


def test_each_text_is_rendered_once_then_read_from_the_cache(voice: Voice) -> None:
    engine = voice.engine
    assert isinstance(engine, CountingEngine)
    words = call_words("A002", 4)
    first = voice.render_call(words)
    again = voice.render_call(words)
    voice.call_file(words)
    assert first == again
    assert engine.renders == [words.speech]
    # A fresh voice over the same cache folder (a restarted app) renders nothing.
    other = Voice(VoiceConfig(), engine=engine, cache_dir=voice.cache_dir)
    assert other.render_call(words) == first
    assert engine.renders == [words.speech]


def test_the_same_text_asked_for_twice_at_once_is_rendered_once(voice: Voice) -> None:
    engine = voice.engine
    assert isinstance(engine, CountingEngine)
    futures = [voice.words("请A003号", "zh") for _ in range(5)]
    results = {f.result().frames for f in futures}
    assert len(results) == 1
    assert engine.renders.count("请A003号") == 1


def test_the_cache_stays_within_its_size_dropping_the_oldest(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    v = Voice(VoiceConfig(), cache_dir=cache, cache_bytes=600_000)
    try:
        for n in range(1, 9):
            v.call_file(call_words(f"A{n:03d}", 1))
        total = sum(p.stat().st_size for p in cache.glob("*.wav"))
        assert total <= 600_000
        newest = v.call_file(call_words("A008", 1))
        assert newest.exists()
    finally:
        v.close()


def test_a_rendered_file_from_another_engine_rate_or_width_is_read_as_ours(
    tmp_path: Path,
) -> None:
    """SAPI5 voices write 16 kHz or 44.1 kHz, sometimes stereo: read_wav makes it ours."""
    t = np.arange(44100) / 44100
    tone = (np.sin(2 * np.pi * 440 * t) * 0.5 * 32767).astype("<i2")
    stereo = np.repeat(tone, 2)
    path = tmp_path / "sapi.wav"
    with wave.open(str(path), "wb") as f:
        f.setnchannels(2)
        f.setsampwidth(2)
        f.setframerate(44100)
        f.writeframes(stereo.tobytes())
    pcm = read_wav(path)
    assert abs(pcm.seconds - 1.0) < 0.001
    assert abs(rms(pcm) - 0.5 / np.sqrt(2)) < 0.01
    write_wav(tmp_path / "ours.wav", pcm)
    assert wav_format(tmp_path / "ours.wav") == (1, 2, RATE)


def test_the_speech_process_is_started_again_when_it_dies(tmp_path: Path) -> None:
    engine = SpeechEngine()
    try:
        engine.render("请A001号", "zh", 165, tmp_path / "one.wav")
        assert engine._proc is not None
        engine._proc.kill()
        engine._proc.wait()
        engine.render("请A002号", "zh", 165, tmp_path / "two.wav")
        assert read_wav(tmp_path / "two.wav").seconds > 0.5
    finally:
        engine.close()


def test_no_speech_engine_is_a_sentence_not_a_crash(tmp_path: Path) -> None:
    engine = SpeechEngine(command=[sys.executable, "-c", "import sys; sys.exit(3)"])
    with pytest.raises(EnvironmentFault) as caught:
        engine.render("请A001号", "zh", 165, tmp_path / "x.wav")
    assert caught.value.code == "voice.no_engine"
    assert "不播报" in caught.value.message("zh")


def test_a_worker_that_cannot_load_the_engine_says_so(tmp_path: Path) -> None:
    # pyttsx3 present but its library missing, as on a PC without libespeak-ng1.
    fake = tmp_path / "pyttsx3"
    fake.mkdir()
    (fake / "__init__.py").write_text("def init():\n    raise OSError('libespeak-ng.so.1')\n")
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"}
    out = subprocess.run(
        [sys.executable, "-m", "shared.devices.tts_worker"],
        input="",
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    ).stdout
    assert '"code": "voice.no_engine"' in out and "libespeak-ng.so.1" in out


SAPI5_VOICES = [
    (
        r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Speech\Voices\Tokens\TTS_MS_EN-US_ZIRA_11.0",
        "Microsoft Zira Desktop - English (United States)",
        [],
    ),
    (
        r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Speech\Voices\Tokens\TTS_MS_ZH-CN_HUIHUI_11.0",
        "Microsoft Huihui Desktop - Chinese (Simplified)",
        [],
    ),
]
ESPEAK_VOICES = [
    ("sit/cmn", "Chinese (Mandarin, latin as English)", ["cmn"]),
    ("sit/cmn-latn-pinyin", "Chinese (Mandarin, latin as Pinyin)", ["cmn-latn-pinyin"]),
    ("gmw/en", "English (Great Britain)", ["en-gb"]),
    ("gmw/en-us", "English (America)", ["en-us"]),
]


def test_a_voice_is_chosen_by_language_on_windows_and_linux() -> None:
    assert choose_voice(SAPI5_VOICES, "zh") == SAPI5_VOICES[1][0]
    assert choose_voice(SAPI5_VOICES, "en") == SAPI5_VOICES[0][0]
    assert choose_voice(ESPEAK_VOICES, "zh") == "sit/cmn-latn-pinyin"
    assert choose_voice(ESPEAK_VOICES, "en") == "gmw/en"
    # An unknown Chinese SAPI5 voice is found by its language tag in the id.
    other = [(r"...\Tokens\ACME_ZH-CN_XIAOMING", "Acme Xiaoming", [])]
    assert choose_voice(other, "zh") == other[0][0]


def test_a_pc_without_a_chinese_voice_gets_none_not_an_english_one() -> None:
    # An English-only Windows: no Chinese voice, and sit/cmn alone is not good enough.
    assert choose_voice(SAPI5_VOICES[:1], "zh") is None
    assert choose_voice(ESPEAK_VOICES[:1], "zh") is None


def test_a_fresh_speech_process_on_a_busy_pc_writes_the_whole_call(tmp_path: Path) -> None:
    """espeak-ng finishes a file after pyttsx3's runAndWait has returned; with both cores
    busy that gap is wide. Every first render of a new process must still be complete."""
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        for n in range(8):
            engine = SpeechEngine()
            try:
                path = tmp_path / f"first{n}.wav"
                engine.render("请Z九九九号到九十九号窗口办理", "zh", 165, path)
                assert read_wav(path).seconds > 3.0
            finally:
                engine.close()
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()


# A pyttsx3 whose espeak driver writes an empty file the first ``EMPTY`` times it is asked
# (as the real one does when all the samples come with the end of the utterance).
_FAKE_PYTTSX3 = """
import os, struct, wave

EMPTY = int(os.environ["FAKE_EMPTY"])
COUNT = os.environ["FAKE_COUNT"]


class _Voice:
    def __init__(self, vid, name, languages):
        self.id, self.name, self.languages = vid, name, languages


class _Engine:
    driver_name = "espeak"

    def __init__(self):
        self._done, self._job = None, None

    def getProperty(self, name):
        return [_Voice("cmn", "Chinese (Mandarin)", ["cmn"]), _Voice("en", "English", ["en"])]

    def setProperty(self, name, value):
        pass

    def connect(self, topic, callback):
        self._done = callback

    def save_to_file(self, text, path):
        self._job = path

    def runAndWait(self):
        with open(COUNT, "a") as f:
            f.write("x")
        asked = os.path.getsize(COUNT)
        with wave.open(self._job, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(22050)
            if asked > EMPTY:
                w.writeframes(struct.pack("<h", 1000) * 2205)
        self._done("utterance", True)


def init():
    return _Engine()
"""


@pytest.mark.parametrize(("empty", "said"), [(2, True), (5, False)])
def test_an_utterance_the_driver_left_empty_is_said_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, empty: int, said: bool
) -> None:
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "pyttsx3.py").write_text(_FAKE_PYTTSX3, encoding="utf-8")
    count = tmp_path / "asked"
    count.write_text("", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(fake), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv("FAKE_EMPTY", str(empty))
    monkeypatch.setenv("FAKE_COUNT", str(count))
    engine = SpeechEngine()
    out = tmp_path / "call.wav"
    try:
        if said:
            engine.render("请A001号到1号窗口办理", "zh", 180, out)
            assert read_wav(out).seconds > 0.05
            assert count.read_text(encoding="utf-8") == "xxx"  # twice empty, then heard
        else:
            with pytest.raises(EnvironmentFault) as failed:
                engine.render("请A001号到1号窗口办理", "zh", 180, out)
            assert failed.value.code == "voice.failed"
            assert "no audio" in failed.value.message("en")
            assert count.read_text(encoding="utf-8") == "xxx"  # three tries, then given up
    finally:
        engine.close()
