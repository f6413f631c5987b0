"""Who may do a supervisor's work: a supervisor signed in at a station without a window.

The supervisor's station (and a script through ``yimen``) signs in with a supervisor's
code and password, under the same lockout as a window's sign-in (five wrong passwords
lock the clerk for a while, on every PC). The core hands back a random token and keeps
only its hash; every supervisor's operation names its token, and the core finds the
clerk behind it and checks, at that moment, that they are still an active supervisor.
So the rule holds whatever calls the facade: a clerk can change no setting, acknowledge
no alarm, and a token from another hall or an earlier day is refused.

A session holds for the business day it was opened, like a window's sign-in.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.base.errors import HallError
from shared.config.halls import HallSettings
from shared.rules.windows import check_password, event
from shared.store.model import Clerk, EventKind, Role, StaffSession


@dataclass(frozen=True)
class StaffSignIn:
    """A supervisor signed in at a station: the token their operations name."""

    token: str
    clerk: str  # the supervisor's code
    name: str
    station: str
    at: datetime


@dataclass(frozen=True)
class Opened:
    """The sign-in, or its refusal (raised by the facade after the attempt is recorded)."""

    signed_in: StaffSignIn | None
    refusal: HallError | None

    def result(self) -> StaffSignIn:
        if self.refusal is not None:
            raise self.refusal
        assert self.signed_in is not None
        return self.signed_in


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def open_session(
    s: Session, hall: HallSettings, code: str, password: str, station: str, now: datetime
) -> Opened:
    """Sign a supervisor in at ``station``; a clerk who is not a supervisor is refused
    once their password is right (a wrong one is counted as at a window)."""
    clerk, refusal = check_password(s, hall, code, password, None, now)
    if refusal is not None:
        return Opened(None, refusal)
    if clerk.role != Role.SUPERVISOR:
        return Opened(None, HallError("staff.not_supervisor", clerk=code))
    token = secrets.token_urlsafe(32)
    station = station.strip()[:64] or "?"
    s.add(
        StaffSession(
            hall_id=hall.id,
            clerk_id=clerk.id,
            token_hash=_digest(token),
            station=station,
            opened_at=now,
        )
    )
    event(s, hall, now, EventKind.STAFF_SIGNED_IN, clerk=clerk, station=station)
    return Opened(StaffSignIn(token, clerk.code, clerk.name, station, now), None)


def _session(s: Session, hall: HallSettings, token: str) -> StaffSession | None:
    row = s.scalars(select(StaffSession).where(StaffSession.token_hash == _digest(token))).first()
    return row if row is not None and row.hall_id == hall.id else None


def supervisor(s: Session, hall: HallSettings, token: str, now: datetime) -> Clerk:
    """The supervisor behind ``token``, checked now: a session of this hall, of today, not
    closed, whose clerk is still active and still a supervisor. Anything else is refused."""
    row = _session(s, hall, token)
    if row is None or row.closed_at is not None:
        raise HallError("staff.signed_out")
    if hall.business_day(row.opened_at) != hall.business_day(now):
        raise HallError("staff.session_old")
    clerk = s.get(Clerk, row.clerk_id)
    if clerk is None or not clerk.active:
        raise HallError("staff.signed_out")
    if clerk.role != Role.SUPERVISOR:
        raise HallError("staff.not_supervisor", clerk=clerk.code)
    return clerk


def close_session(s: Session, hall: HallSettings, token: str, now: datetime) -> None:
    """Sign out; a session already closed or unknown is left as it is."""
    row = _session(s, hall, token)
    if row is None or row.closed_at is not None:
        return
    row.closed_at = now
    clerk = s.get(Clerk, row.clerk_id)
    event(s, hall, now, EventKind.STAFF_SIGNED_OUT, clerk=clerk, station=row.station)
