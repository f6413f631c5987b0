"""``yimen demo``: the demo hall opens at a time it takes tickets, and without a screen it
leaves every kiosk screen, the slips and some calls in files someone can open."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import wave
from datetime import datetime
from pathlib import Path

import pytest

from shared.demo.run import demo_moment, has_screen
from shared.hall import Hall

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
