"""A lobby display left on for a week, in minutes: a day's calls each day from the
clerks, the display's clock moved on through every midnight (an injected clock). After
each midnight the screen has left yesterday's calls and counts behind; the display
process's memory after day 7 is within a few MB of day 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

import pytest

from shared.base.clock import FixedClock
from shared.config.hall_file import DEMO_HALL_PATH, load_hall_config
from shared.demo.simulate import initial_passwords, next_open_day, sign_in_a_posts
from shared.hall import Hall, init_hall
from shared.store.db import sqlite_url

from ..conftest import TUESDAY_0930

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parent.parent.parent
DAYS = 7
CALLS_A_DAY = 60  # the last calls list fills many times over each day
MEMORY_SLACK = 4 * 1024 * 1024  # "within a few MB"


class Display:
    """The display process: commands in, STATE lines out."""

    def __init__(self, url: str, start: datetime) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        argv = [sys.executable, "-m", "tests.kiosk.display_process", url, start.isoformat()]
        self.proc = subprocess.Popen(
            argv, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self._wait(lambda: "READY" in self.lines, "start")

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.strip())

    def _wait(self, until: Any, what: str, seconds: float = 60) -> None:
        end = time.monotonic() + seconds
        while not until():
            assert self.proc.poll() is None, "the display process ended"
            assert time.monotonic() < end, f"the display did not {what} in {seconds} s"
            time.sleep(0.02)

    def send(self, command: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def state(self) -> dict[str, Any]:
        before = len(self.lines)
        self.send("state")
        self._wait(lambda: any(x.startswith("STATE ") for x in self.lines[before:]), "answer")
        line = next(x for x in self.lines[before:] if x.startswith("STATE "))
        return json.loads(line.removeprefix("STATE "))  # type: ignore[no-any-return]

    def until(self, check: Any, what: str, seconds: float = 60) -> dict[str, Any]:
        end = time.monotonic() + seconds
        while True:
            s = self.state()
            if check(s):
                return s
            assert time.monotonic() < end, f"the display did not {what}: {s}"
            time.sleep(0.1)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.send("quit")
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def a_days_calls(hall: Hall, clock: FixedClock, every: list[str]) -> list[str]:
    """The clerks of windows 1–10 take turns: each call finishes the window's last ticket."""
    windows = [w for w in hall.windows() if w.number <= 10]
    called = []
    for i in range(CALLS_A_DAY):
        clock.advance(seconds=30)
        w = windows[i % len(windows)]
        assert w.a_clerk is not None
        services = w.services or tuple(every)
        hall.issue_ticket(services[i % len(services)])
        hall.issue_ticket(services[(i + 1) % len(services)])  # the lobby fills up a little
        if hall.desk(w.number).ticket is not None:
            hall.end_service(w.number, w.a_clerk)
        t = hall.call_next(w.number, w.a_clerk)
        assert t is not None
        called.append(t.number)
    return called


def test_a_week_on_the_wall_stays_right_and_does_not_grow(tmp_path: Path) -> None:
    config = load_hall_config(DEMO_HALL_PATH)
    url = sqlite_url(tmp_path / "hall.db")
    clock = FixedClock(TUESDAY_0930)
    init_hall(url, config, clock)
    passwords = initial_passwords(config)
    hall = Hall.connect(url, clock)
    tz = hall.settings.tz
    every = [sv.code for sv in hall.services()]
    display = Display(url, TUESDAY_0930)
    shown = 0
    memory: list[int] = []
    try:
        day: date = TUESDAY_0930.date()
        for n in range(1, DAYS + 1):
            clock.set(datetime.combine(day, clock_time(8, 50), tzinfo=tz))
            display.send(f"now {clock.now().isoformat()}")
            sign_in_a_posts(hall, passwords)
            called = a_days_calls(hall, clock, every)
            shown += len(called)
            s = display.until(lambda s: s["shown"] >= shown, f"show day {n}'s calls")  # noqa: B023
            assert s["shown"] == shown and s["day"] == str(day)
            assert s["newest"] == called[-1]
            assert s["rows"] == called[-2 : -len(s["rows"]) - 2 : -1]  # newest first
            assert any(count != "0人" for count in s["zones"].values())
            # The evening: the day is closed; then midnight in the hall's time zone.
            clock.set(datetime.combine(day, clock_time(17, 45), tzinfo=tz))
            hall.close_day()
            tomorrow = next_open_day(hall, day + timedelta(days=1))
            midnight = datetime.combine(day + timedelta(days=1), clock_time(0, 0, 1), tzinfo=tz)
            display.send(f"now {midnight.isoformat()}")
            s = display.until(
                lambda s: (
                    s["day"] == str(midnight.date())  # noqa: B023
                    and set(s["zones"].values()) == {"0人"}
                ),
                f"leave day {n} behind",
            )
            assert s["newest"] == "" and s["rows"] == []
            memory.append(s["rss"])
            day = tomorrow
    finally:
        display.close()
        hall.close()
    grown = memory[-1] - memory[0]
    print(f"display RSS: day 1 {memory[0] / 2**20:.1f} MB, day {DAYS} {memory[-1] / 2**20:.1f} MB")
    assert grown < MEMORY_SLACK, f"the display grew {grown / 2**20:.1f} MB in {DAYS - 1} days"
