"""``yimen doctor``'s run: every check a role needs, each against a deadline.

The checks are grouped by what they need: the hall's own (`hall_checks`: the database,
the clock, the configuration, the calendar) run first, over one connection, and give the
station's checks the hall's settings (its voice, its slip's width); the station's
(`station_checks`: fonts, voice, sound, printer, screen) then run side by side. Each runs
on a thread of its own with a deadline, so a server that does not answer, a printer that
hangs or a speech engine that never starts is a finding, never a doctor that hangs; and
each runs whatever another found.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from shared.config.hall_file import VoiceConfig
from shared.devices import hall_checks, station_checks
from shared.devices.checks import HALL_CHECKS, Finding, HallLook, Probes, Station

T = TypeVar("T")
log = logging.getLogger(__name__)

#: The longest each check may take before it is reported as not answering (seconds). The
#: database's own connection gives up after 5 s; the hall's checks share one connection.
HALL_SECONDS = 20.0
STATION_SECONDS: dict[str, float] = {
    "pdf_font": 10.0,
    "screen_font": 10.0,
    "voice": 25.0,  # the speech process starts, then renders one call
    "sound": 10.0,
    "printer": 15.0,
    "screen": 20.0,  # a Qt process of its own starts
}


class Late(Exception):
    """A check did not answer within its deadline."""


def within(seconds: float, fn: Callable[[], T], name: str) -> T:
    """``fn()`` on a thread of its own, its answer or its exception; `Late` when it has
    not answered within ``seconds`` (the thread is left to end by itself: a daemon, it
    never keeps the command from ending)."""
    done, box = _start(fn, name)
    if not done.wait(seconds):
        raise Late(name)
    if "error" in box:
        raise box["error"]
    value: T = box["value"]
    return value


def _start(fn: Callable[[], Any], name: str) -> tuple[threading.Event, dict[str, Any]]:
    """Run ``fn`` on a daemon thread; the event is set when its answer (``value``) or
    its exception (``error``) is in the box."""
    box: dict[str, Any] = {}
    done = threading.Event()

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed to whoever waits, whatever it is
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=run, daemon=True, name=f"yimen-doctor-{name}").start()
    return done, box


def late(pc: Station, check: str, seconds: float) -> Finding:
    what = pc.say(f"doctor.check.{check}")
    return pc.problem(check, "doctor.late", "doctor.late.fix", what=what, seconds=f"{seconds:g}")


def failed(pc: Station, check: str, exc: BaseException) -> Finding:
    """A check that broke (a bug, not a finding): said as such, its trace logged, and the
    other checks go on."""
    log.error("the %s check failed", check, exc_info=exc)
    detail = f"{type(exc).__name__}: {exc}"[:200]
    what = pc.say(f"doctor.check.{check}")
    return pc.problem(check, "doctor.failed", "doctor.failed.fix", what=what, detail=detail)


def examine(pc: Station, probes: Probes) -> list[Finding]:
    """Every check this PC's role needs, in the table's order."""
    wanted = pc.wanted()
    try:
        look = within(HALL_SECONDS, lambda: hall_checks.look(pc), "hall")
    except Late:
        look = HallLook({c: late(pc, c, HALL_SECONDS) for c in HALL_CHECKS})
    except Exception as exc:
        look = HallLook({c: failed(pc, c, exc) for c in HALL_CHECKS})

    jobs: dict[str, Callable[[], Finding]] = {
        "pdf_font": lambda: station_checks.pdf_font(pc),
        "screen_font": lambda: station_checks.screen_font(pc),
        "voice": lambda: station_checks.voice(pc, look.voice, _speaks(pc, look.voice)),
        "sound": lambda: station_checks.sound(pc, _speaks(pc, look.voice)),
        "printer": lambda: station_checks.printer(pc, probes.system_printer, look.slip_width_mm),
        "screen": lambda: station_checks.screen(pc, probes.screens),
    }
    # All of them at once, each against its own deadline from the same start.
    started: dict[str, tuple[threading.Event, dict[str, Any]]] = {}
    for check in wanted:
        if check in jobs:
            started[check] = _start(jobs[check], check)
    findings: list[Finding] = []
    start = time.monotonic()
    for check in wanted:
        if check in HALL_CHECKS:
            findings.append(look.findings[check])
            continue
        done, box = started[check]
        left = max(0.0, STATION_SECONDS[check] - (time.monotonic() - start))
        if not done.wait(left):
            findings.append(late(pc, check, STATION_SECONDS[check]))
        elif "error" in box:
            findings.append(failed(pc, check, box["error"]))
        else:
            findings.append(box["value"])
    return findings


def _speaks(pc: Station, voice: VoiceConfig | None) -> str | None:
    """Why this PC need not speak, as a sentence code; None when it speaks: a counter
    only where the hall's calls are spoken at the counters, the display only where the
    display speaks them."""
    speaker = (voice or VoiceConfig()).speaker
    if pc.role == "counter" and speaker != "counter":
        return "doctor.not_here.display"
    if pc.role == "display" and speaker != "display":
        return "doctor.not_here.counter"
    return None


__all__ = ["HALL_SECONDS", "STATION_SECONDS", "Late", "examine", "within"]
