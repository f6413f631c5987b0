"""Time, injected: every use-case takes ``now`` from a clock, so a test or a
simulation can run a whole business day in milliseconds."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol


def minutes_between(a: datetime, b: datetime) -> float:
    """From ``a`` to ``b`` in minutes (negative when ``b`` is earlier)."""
    return (b - a).total_seconds() / 60


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock that stands still until told to move (tests, simulations)."""

    at: datetime

    def __post_init__(self) -> None:
        if self.at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")

    def now(self) -> datetime:
        return self.at.astimezone(UTC)

    def advance(self, **delta: float) -> datetime:
        self.at = self.at + timedelta(**delta)
        return self.now()

    def set(self, at: datetime) -> None:
        self.at = at


@dataclass
class OffsetClock:
    """Real time shifted to start at ``start`` when created (picklable, for
    simulations that run in several processes at once)."""

    start: datetime
    _origin: float = field(default_factory=time.time)

    def now(self) -> datetime:
        return (self.start + timedelta(seconds=time.time() - self._origin)).astimezone(UTC)


def clock_from_env(runs: bool) -> Clock:
    """The system clock, or the moment in ``YIMEN_NOW`` (ISO 8601 with its offset) for
    training, demos and tests: a command stands at that moment (``runs=False``); an app's
    clock starts there and runs on (``runs=True``), so a demo at 21:00 sees an open hall."""
    import os

    fixed = os.environ.get("YIMEN_NOW")
    if not fixed:
        return SystemClock()
    at = datetime.fromisoformat(fixed)
    at = at if at.tzinfo else at.astimezone()
    return OffsetClock(at) if runs else FixedClock(at)
