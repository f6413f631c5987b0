"""Time, injected: every use-case takes ``now`` from a clock, so a test or a
simulation can run a whole business day in milliseconds."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol


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
