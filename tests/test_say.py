"""`yimen say`: hall IT tests a station's voice. The words printed, the call written to a
WAV or played through the station's sound device, the hall's own settings used, and one
sentence when the station cannot speak."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from shared.cli import main
from shared.config.hall_file import DEMO_HALL_PATH
from shared.devices.voice import read_wav

ROOT = Path(__file__).resolve().parent.parent


def yimen(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("YIMEN_LANG", raising=False)


def test_say_writes_the_call_of_the_hall_to_a_wav(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wav = tmp_path / "call.wav"
    code, out, _ = yimen(capsys, "say", "A001", "3", "--wav", str(wav), "--db", db_url)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "请A001号到3号窗口办理"
    assert lines[1] == "播报：请A零零一号到三号窗口办理"
    assert "call.wav" in lines[2] and "22050 Hz" in lines[2]
    with wave.open(str(wav), "rb") as f:
        assert (f.getnchannels(), f.getsampwidth(), f.getframerate()) == (1, 2, 22050)
    assert 7.0 < read_wav(wav).seconds < 14.0  # chime and two sayings


def test_say_uses_the_halls_own_voice_settings(
    empty_db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hall = tmp_path / "hall.toml"
    hall.write_text(
        DEMO_HALL_PATH.read_text(encoding="utf-8")
        .replace('one = "一"', 'one = "幺"')
        .replace("repeat = 2 ", "repeat = 1 "),
        encoding="utf-8",
    )
    assert yimen(capsys, "init", "--config", str(hall), "--db", empty_db_url)[0] == 0
    once, twice = tmp_path / "once.wav", tmp_path / "twice.wav"
    code, out, _ = yimen(
        capsys, "say", "B011", "12", "--wav", str(once), "--db", empty_db_url, "--json"
    )
    said = json.loads(out)
    assert code == 0 and said["speech"] == "请B零幺幺号到十二号窗口办理"
    assert said["voice"].endswith("cmn-latn-pinyin")
    yimen(capsys, "init", "--demo", "--db", empty_db_url)  # back to saying it twice
    yimen(capsys, "say", "B011", "12", "--wav", str(twice), "--db", empty_db_url)
    assert read_wav(twice).seconds > read_wav(once).seconds + 2.0


def test_say_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wav = tmp_path / "en.wav"
    db = f"sqlite:///{tmp_path}/none.db"
    code, out, err = yimen(
        capsys, "say", "C100", "20", "--lang", "en", "--wav", str(wav), "--db", db
    )
    assert code == 0
    assert out.splitlines()[:2] == [
        "Number C100, please go to window 20",
        "Spoken: Number C-one zero zero, please go to window twenty",
    ]
    assert "default voice settings" in err  # no hall in that database yet


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("AA1", "3"), "不是有效的票号"),
        (("A001", "0"), "窗口号 0 无效"),
        (("A001", "10000"), "窗口号 10000 无效"),
    ],
)
def test_a_bad_number_or_window_is_one_sentence(
    argv: tuple[str, str], says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = yimen(capsys, "say", *argv, "--db", f"sqlite:///{tmp_path}/n.db")
    assert code == 2 and out == ""
    assert says in err and "Traceback" not in err


def station(tmp_path: Path, asoundrc: str) -> dict[str, str]:
    """The environment of a station PC whose sound card is described by ``asoundrc``."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    (home / ".asoundrc").write_text(asoundrc)
    return {
        **os.environ,
        "HOME": str(home),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PYTHONPATH": str(ROOT),
    }


def say(env: dict[str, str], tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shared.cli", "say", *argv, "--db", f"sqlite:///{tmp_path}/n.db"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_say_plays_the_call_through_the_sound_card_exactly_as_rendered(tmp_path: Path) -> None:
    # The station's sound card is ALSA's file plugin: what PortAudio plays lands in a file.
    raw = tmp_path / "played.raw"
    env = station(
        tmp_path,
        f'pcm.!default {{\n type file\n slave.pcm "null"\n file "{raw}"\n format "raw"\n}}\n',
    )
    played = say(env, tmp_path, "A001", "3")
    assert played.returncode == 0, played.stderr
    assert played.stdout.splitlines()[-1].startswith("已播放（")
    wav = tmp_path / "call.wav"
    assert say(env, tmp_path, "A001", "3", "--wav", str(wav)).returncode == 0
    assert raw.read_bytes() == read_wav(wav).frames


def test_a_station_without_a_sound_device_says_so_once_and_shows_the_words(
    tmp_path: Path,
) -> None:
    env = station(tmp_path, "pcm.!default {\n type hw\n card 99\n}\n")
    result = say(env, tmp_path, "A001", "3")
    assert result.returncode == 2
    assert result.stdout.splitlines()[0] == "请A001号到3号窗口办理"
    complaints = [line for line in result.stderr.splitlines() if "声音输出设备" in line]
    assert len(complaints) == 1
    assert "叫号将只显示、不播报" in complaints[0]
    assert "Traceback" not in result.stderr
