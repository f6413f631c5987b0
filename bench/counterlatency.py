"""The counter scenario: F1 → the ticket on the console, and → its call handed to the
sound output, on SQLite and PostgreSQL.

Run by ``python -m bench --scenario counter`` or directly ``python -m bench.counterlatency
--db URL [--quick]`` (offscreen, in a process of its own).

The real console (`counter.window.CounterWindow`) signed in at window 3 of the demo hall
with tickets waiting; F1 is pressed (a key event on the window, as a clerk's finger),
the ticket shown is finished with F3, and again. The station's announcer speaks with the
real engine (espeak-ng) into a memory output (no sound card here; the voice scenario
measures a real device's own latency): **F1 → announced** is the moment the call's first
sample (the chime) is handed to the output. The chime is always ready, so the lobby hears
a call the moment it is handed over; the words are rendered while it sounds.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.qtstation import as_json, from_json, on_databases
from bench.qtstation import pump as wait_for
from bench.qtstation import run_isolated as run_isolated_json
from bench.stats import Summary

SHOWN_GOAL_MS = 100.0
ANNOUNCED_GOAL_MS = 300.0


@dataclass
class CounterLatency:
    db: str
    calls: int
    f1_to_shown: Summary
    f1_to_announced: Summary
    f3_to_shown: Summary

    def failures(self) -> list[str]:
        return []  # speed goals are reported, not failed


def measure(url: str, calls: int, start_iso: str, cache: Path) -> CounterLatency:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["YIMEN_NOW"] = start_iso
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from bench.voicelatency import TimedOutput
    from counter.window import CounterWindow
    from shared.base.clock import clock_from_env
    from shared.devices.announcer import Announcer, MemoryOutput
    from shared.devices.voice import Voice
    from shared.hall import Desk, Hall
    from shared.qt.i18n import set_language

    app = QApplication.instance() or QApplication([])
    set_language("zh")
    hall = Hall.connect(url, clock_from_env(runs=True))
    for _ in range(calls + 5):
        hall.issue_ticket("gt-zc", kiosk="BENCH")  # no daily cap
    output = TimedOutput(MemoryOutput())
    voice = Voice(hall.settings.voice, cache_dir=cache)
    announcer = Announcer(voice, output)
    window = CounterWindow(hall, 3, announcer=announcer)
    window.show()
    shown: list[tuple[float, Desk]] = []
    window.desk_shown.connect(lambda d: shown.append((time.perf_counter(), d)))

    def pump(until: Any, seconds: float = 60) -> None:
        wait_for(app, until, "console", seconds)

    window.code.setText("1003")
    window.password.setText("demo1234")
    window.submit_sign_in()
    pump(lambda: bool(shown))

    def press(key: Any) -> tuple[float, Desk]:
        n = len(shown)
        t0 = time.perf_counter()
        QTest.keyClick(window, key)
        pump(lambda: len(shown) > n)
        at, desk = shown[n]
        return at - t0, desk

    to_shown: list[float] = []
    to_announced: list[float] = []
    to_finished: list[float] = []
    try:
        for i in range(calls + 2):
            handed = len(output.handed)
            t0 = time.perf_counter()
            took, desk = press(Qt.Key.Key_F1)
            assert desk.ticket is not None, "nobody was called"
            pump(lambda h=handed: len(output.handed) > h)
            announced = output.handed[handed] - t0
            took_f3, _ = press(Qt.Key.Key_F3)
            if i >= 2:  # the first two warm the console and start the speech process
                to_shown.append(took)
                to_announced.append(announced)
                to_finished.append(took_f3)
            announcer.wait_idle(30)  # one call at a time, as a clerk serves
    finally:
        window.close()
        announcer.close()
        voice.close()
        hall.close()
    return CounterLatency(
        db="PostgreSQL" if url.startswith("postgresql") else "SQLite",
        calls=calls,
        f1_to_shown=Summary.of(to_shown),
        f1_to_announced=Summary.of(to_announced),
        f3_to_shown=Summary.of(to_finished),
    )


def run_isolated(url: str, quick: bool, start_iso: str) -> CounterLatency:
    """The measurement in a process of its own (its own Qt application and event loop)."""
    data = run_isolated_json("bench.counterlatency", url, quick, start_iso, "--cache")
    return from_json(CounterLatency, data)


def run_all(quick: bool, which: str, workdir: Path, progress: Any) -> list[CounterLatency]:
    from bench.databases import CLIENTS_START

    start = CLIENTS_START.isoformat(timespec="minutes")
    return on_databases(
        "counter", which, workdir, progress, lambda url: run_isolated(url, quick, start)
    )


def print_counter(r: CounterLatency) -> None:
    print(f"\nCounter console on {r.db} ({r.calls} calls, one at a time)")
    for name, s, goal in (
        ("F1 → ticket on the console", r.f1_to_shown, SHOWN_GOAL_MS),
        ("F1 → call handed to the output", r.f1_to_announced, ANNOUNCED_GOAL_MS),
        ("F3 → finished, console updated", r.f3_to_shown, None),
    ):
        verdict = "" if goal is None else (" met" if s.p95_ms < goal else " MISSED")
        target = "" if goal is None else f"  (goal p95 < {goal:.0f} ms:{verdict})"
        print(
            f"  {name:32} p50 {s.p50_ms:6.1f}  p95 {s.p95_ms:6.1f}  p99 {s.p99_ms:6.1f}  "
            f"max {s.max_ms:6.1f} ms{target}"
        )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.counterlatency")
    p.add_argument("--db", required=True)
    p.add_argument("--start", default="2026-11-24T10:00+08:00")
    p.add_argument("--cache", type=Path, default=None)
    p.add_argument("--quick", action="store_true", help="20 calls instead of 100")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="yimen-voice-cache-") as tmp:
        r = measure(args.db, 20 if args.quick else 100, args.start, args.cache or Path(tmp))
    if args.json:
        print(json.dumps(as_json(r)))
    else:
        print_counter(r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
