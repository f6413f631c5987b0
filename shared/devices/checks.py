"""What ``yimen doctor`` looks at on one of the hall's PCs: the checks, which of them
each role needs, and what a check finds (`Finding`) about the PC it is told of (`Station`).

A hall's IT person sets up a kiosk, a counter or the lobby display and wants to know,
before the doors open, whether this PC can do its job: reach the database, keep time
with it, print the slip, speak the call, show the screen. Each check gives one `Finding`:
OK or a problem, the sentence of what it saw and, for a problem, what to do. The checks
themselves are in `hall_checks` and `station_checks`; `doctor` runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from shared.base.messages import render
from shared.config.hall_file import VoiceConfig

Status = Literal["ok", "problem", "not_checked"]

#: Every check, in the order the table lists them.
CHECKS = (
    "database",
    "clock",
    "config",
    "calendar",
    "pdf_font",
    "screen_font",
    "voice",
    "sound",
    "printer",
    "screen",
)
HALL_CHECKS = ("database", "clock", "config", "calendar")

#: What each role's PC needs. A kiosk prints the slip (a PDF with the CJK font embedded)
#: and reads its screens aloud in elderly mode; a counter prints one-time notices and
#: speaks its calls (where the hall's [voice] speaker is the counter); the lobby display
#: speaks them where the speaker is the display; the evaluator only shows; the
#: supervisor prints reports and sounds its alarms; the server holds the database.
ROLES: dict[str, tuple[str, ...]] = {
    "kiosk": (*HALL_CHECKS, "pdf_font", "screen_font", "voice", "sound", "printer", "screen"),
    "counter": (*HALL_CHECKS, "pdf_font", "screen_font", "voice", "sound", "printer", "screen"),
    "display": (*HALL_CHECKS, "screen_font", "voice", "sound", "screen"),
    "evaluator": ("database", "clock", "config", "screen_font", "screen"),
    "supervisor": (*HALL_CHECKS, "pdf_font", "screen_font", "sound", "screen"),
    "server": HALL_CHECKS,
}


@dataclass(frozen=True)
class Finding:
    """What one check found, said in the reader's language."""

    check: str
    status: Status
    sentence: str
    fix: str | None = None
    #: What was measured, for a program reading ``--json`` (seconds off, the font's path…).
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class ScreenInfo:
    """One screen as Qt sees it, in the logical pixels the layouts are worked out in."""

    name: str
    width: int
    height: int
    free_width: int  # less the taskbar and docks: what a window may take
    free_height: int
    primary: bool
    platform: str  # Qt's platform plugin: xcb, wayland, windows, offscreen…


@dataclass(frozen=True)
class Probes:
    """What only Qt can tell, handed in by the front door (the core never imports Qt):
    the screens, and the state of a system printer by name ("missing", "idle",
    "active", "aborted", "error")."""

    screens: Callable[[], Sequence[ScreenInfo]]
    system_printer: Callable[[str], str]


@dataclass(frozen=True)
class Station:
    """The PC being checked: its role, its database and printer, the reader's language."""

    role: str | None
    url: str
    lang: str
    now: Callable[[], datetime]  # the hall's clock (``YIMEN_NOW`` for training and tests)
    hall_code: str | None = None
    printer: str | None = None  # the printer setting; None: the role's default
    config_file: Path | None = None  # a hall file to check rather than the stored hall

    def say(self, code: str, /, **params: Any) -> str:
        """The sentence on one line: a driver's message may hold line breaks."""
        return " ".join(render(code, self.lang, **params).split())

    def ok(self, check: str, code: str, /, **params: Any) -> Finding:
        return Finding(check, "ok", self.say(code, **params), None, _plain(params))

    def problem(self, check: str, code: str, fix: str, /, **params: Any) -> Finding:
        """A problem: ``code``'s sentence, and ``fix``'s for what to do (both filled from
        ``params``)."""
        return Finding(
            check, "problem", self.say(code, **params), self.say(fix, **params), _plain(params)
        )

    def not_checked(self, check: str, code: str, /, **params: Any) -> Finding:
        return Finding(check, "not_checked", self.say(code, **params), None, _plain(params))

    def wanted(self) -> tuple[str, ...]:
        return ROLES[self.role] if self.role else CHECKS


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    """The parameters as JSON holds them: numbers as numbers, lists as lists of text."""

    def one(v: Any) -> Any:
        if isinstance(v, list | tuple):
            return [str(x) for x in v]
        return v if isinstance(v, int | float | bool | None) else str(v)

    return {k: one(v) for k, v in params.items()}


@dataclass(frozen=True)
class HallLook:
    """What the hall's checks found, and what the station's need of the hall."""

    findings: dict[str, Finding]
    voice: VoiceConfig | None = None  # None: the hall could not be read
    slip_width_mm: int = 80


__all__ = [
    "CHECKS",
    "HALL_CHECKS",
    "ROLES",
    "Finding",
    "HallLook",
    "Probes",
    "ScreenInfo",
    "Station",
]
