"""``yimen demo``: the demo hall opens at a time it takes tickets, and without a screen it
leaves every kiosk screen, the slips and some calls in files someone can open."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import wave
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from shared.demo import run as demo
from shared.demo.run import demo_moment, has_screen, opened_lines
from shared.hall import Hall
from shared.store.db import sqlite_url

from .conftest import local


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (local(24, 9, 30), None),  # a Tuesday morning: the real time
        (local(24, 7, 0), local(24, 9, 30)),  # before opening: this morning
        (local(24, 20, 0), local(25, 9, 30)),  # an evening: tomorrow
        (local(24, 12, 30), local(25, 9, 30)),  # the noon break
        (local(28, 10, 0), None),  # the demo hall's Saturday morning
        (local(28, 15, 0), local(30, 9, 30)),  # Saturday afternoon: Monday
    ],
)
def test_the_demo_runs_at_a_time_the_hall_gives_tickets(
    hall: Hall, now: datetime, expected: datetime | None
) -> None:
    assert demo_moment(hall, now) == expected


def test_a_screen_is_there_only_with_a_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert not has_screen()
    monkeypatch.setenv("DISPLAY", ":0")
    assert has_screen()


CHINESE = re.compile(r"[\u4e00-\u9fff]")


def test_the_demo_says_what_it_opened_in_the_language_given() -> None:
    url, now, staffed = "sqlite:///demo.db", "2026-11-30T09:30+08:00", [(1, "1001"), (3, "1003")]
    zh = opened_lines(url, now, staffed, "zh").splitlines()
    assert zh[:2] == [f"示范服务中心 · 数据库 {url}", f"演示时间：{now}（服务中心当前不取号）"]
    assert (
        "2 个窗口的叫号终端已打开：以窗口的工号登录，密码 demo1234（1号窗口 1001、3号窗口 1003）"
        in zh[4]
    )
    en = opened_lines(url, now, staffed, "en").splitlines()
    assert en[:2] == [
        f"Demo hall · database {url}",
        f"Demo time: {now} (the hall does not issue tickets right now)",
    ]
    assert "password demo1234 (window 1: 1001, window 3: 1003)" in en[4]
    assert not any(CHINESE.search(line) for line in en)
    # The commands to type are the same in both.
    assert (
        zh[-2:]
        == en[-2:]
        == [
            f"  export YIMEN_NOW={now}; yimen sign-in 1 --clerk 1001 --db {url}",
            f"  yimen call 1 --clerk 1001 --db {url}",
        ]
    )
    assert len(opened_lines(url, None, staffed, "en").splitlines()) == len(en) - 1


def test_the_headless_demo_tells_its_progress_in_the_language_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The demo sets both for the apps it runs; monkeypatch puts them back afterwards.
    monkeypatch.setenv("YIMEN_NOW", "2026-11-28T15:00+08:00")  # a Saturday
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    started: list[str] = []

    def app_main(module: str) -> Callable[[list[str]], int]:
        def main(argv: list[str]) -> int:
            started.append(module)
            return 1  # the kiosk's screens failed: the demo stops there

        return main

    monkeypatch.setattr(demo, "app_main", app_main)
    out = tmp_path / "demo-out"
    assert demo.run_headless(out, "en") == 1
    assert started == ["kiosk.demo"]
    assert capsys.readouterr().out.splitlines() == [
        f"Demo hall · database {sqlite_url(out / 'demo.db')} · demo time 2026-11-30T09:30+08:00",
        "Every screen of the kiosk (PNG) and the slips (PDF):",
    ]


def png_size(path: Path) -> tuple[int, int]:
    with path.open("rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)


@pytest.mark.gui
def test_the_headless_demo_leaves_screens_slips_and_calls(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(YIMEN_NOW="2026-11-28T15:00+08:00", QT_QPA_PLATFORM="offscreen")  # a Saturday
    out = tmp_path / "demo-out"
    run = subprocess.run(
        [sys.executable, "-m", "shared.cli", "demo", "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "2026-11-30T09:30+08:00" in run.stdout  # Monday morning, not the closed Saturday
    shots = sorted(out.glob("kiosk-*.png"))
    assert {p.name for p in shots} >= {
        "kiosk-home.png",
        "kiosk-services.png",
        "kiosk-ticket.png",
        "kiosk-elderly-home.png",
        "kiosk-refusal.png",
        "kiosk-home-landscape.png",
    }
    for shot in shots:
        assert png_size(shot) in ((1080, 1920), (1920, 1080)), shot.name
    assert len(list((out / "slips").glob("*.pdf"))) >= 3
    calls = sorted((out / "calls").glob("*.wav"))
    assert len(calls) >= 2
    for call in calls:
        with wave.open(str(call)) as w:
            assert w.getnframes() / w.getframerate() > 2  # chime and words, said twice
        assert call.stem.split("-")[0] in run.stdout  # the call it says it made
    consoles = sorted(out.glob("counter-window*.png"))
    # One console per window with a clerk (1–12 in the demo hall), and one compact bar.
    assert {p.name for p in consoles} == {f"counter-window{n}.png" for n in range(1, 13)} | {
        "counter-window1-compact.png"
    }
    for shot in consoles:
        width, height = png_size(shot)
        assert (width > 3 * height) == shot.name.endswith("compact.png"), shot.name
    assert "12 个窗口用键盘办理" in run.stdout and "办结" in run.stdout
    # The lobby display at its three layouts, with the connection lost, and window screens.
    lobby = {p.name: png_size(p) for p in out.glob("display-*.png") if "window" not in p.name}
    assert lobby == {
        "display-1920x1080.png": (1920, 1080),
        "display-1080x1920.png": (1080, 1920),
        "display-tv-1366x768.png": (1366, 768),
        "display-1920x1080-connection-lost.png": (1920, 1080),
    }
    windows = {p.name.split("-")[-1] for p in out.glob("display-window*.png")}
    assert {"called.png", "open.png"} <= windows
