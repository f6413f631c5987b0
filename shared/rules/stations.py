"""What the hall's stations report of themselves: a citizen asking for help at a kiosk
(需要帮助, 帮办代办) and its acknowledgement by a clerk or guide, and a printer fault.

Each is an event on the append-only log, so it reaches every screen through the change
feed at once, and a supervisor can later read how long help took to come.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.base.errors import HallError
from shared.config.halls import HallSettings
from shared.rules.windows import event
from shared.store.model import Event, EventKind


@dataclass(frozen=True)
class HelpRequest:
    request: str  # the request's own id (from the help_requested event's data)
    kiosk: str
    at: datetime
    acknowledged_by: str | None = None  # the clerk's code
    acknowledged_at: datetime | None = None


def request_help(s: Session, hall: HallSettings, kiosk: str, now: datetime) -> HelpRequest:
    """A citizen pressed 需要帮助 at ``kiosk``: the guides and the counters are told."""
    request = uuid.uuid4().hex
    event(s, hall, now, EventKind.HELP_REQUESTED, kiosk=kiosk, request=request)
    return HelpRequest(request, kiosk, now)


def help_requests(
    s: Session, hall: HallSettings, now: datetime, *, open_only: bool = True
) -> list[HelpRequest]:
    """Today's help requests, oldest first; by default only those nobody has answered."""
    start = hall.day_start(hall.business_day(now))
    rows = s.scalars(
        select(Event)
        .where(
            Event.hall_id == hall.id,
            Event.at >= start,
            Event.kind.in_((EventKind.HELP_REQUESTED, EventKind.HELP_ACKNOWLEDGED)),
        )
        .order_by(Event.id)
    ).all()
    asked: dict[str, HelpRequest] = {}
    for ev in rows:
        data = ev.data or {}
        key = str(data.get("request", ""))
        if ev.kind == EventKind.HELP_REQUESTED:
            asked[key] = HelpRequest(key, str(data.get("kiosk", "")), ev.at)
        elif key in asked:
            clerk = hall.catalog.clerk_by_id(ev.clerk_id)
            asked[key] = HelpRequest(
                key, asked[key].kiosk, asked[key].at, clerk.code if clerk else None, ev.at
            )
    found = list(asked.values())
    return [h for h in found if h.acknowledged_at is None] if open_only else found


def acknowledge_help(
    s: Session, hall: HallSettings, request: str, clerk_code: str, now: datetime
) -> HelpRequest:
    """A clerk or guide answers a help request (who, when); answering twice is refused."""
    clerk = hall.catalog.clerk(clerk_code)
    for h in help_requests(s, hall, now, open_only=False):
        if h.request != request:
            continue
        if h.acknowledged_at is not None:
            raise HallError("help.already_answered", kiosk=h.kiosk, clerk=h.acknowledged_by)
        event(
            s, hall, now, EventKind.HELP_ACKNOWLEDGED, clerk=clerk, kiosk=h.kiosk, request=request
        )
        return HelpRequest(h.request, h.kiosk, h.at, clerk.code, now)
    raise HallError("help.unknown")


def report_printer_fault(
    s: Session, hall: HallSettings, station: str, code: str, detail: str, now: datetime
) -> None:
    """A station's printer failed (``code``: printer.offline, printer.no_paper, …); the
    ticket it was printing was issued all the same and shown on the screen."""
    event(s, hall, now, EventKind.PRINTER_FAULT, reason=detail[:500], kiosk=station, code=code)


def report_printer_ok(s: Session, hall: HallSettings, station: str, now: datetime) -> bool:
    """The station's printer printed again: recorded only after a fault (the supervisor's
    printer alarm ends). Whether it was recorded."""
    last = s.scalars(
        select(Event)
        .where(
            Event.hall_id == hall.id,
            Event.kind.in_((EventKind.PRINTER_FAULT, EventKind.PRINTER_OK)),
        )
        .order_by(Event.id.desc())
        .limit(200)
    ).all()
    for ev in last:
        if (ev.data or {}).get("kiosk") == station:
            if ev.kind != EventKind.PRINTER_FAULT:
                return False
            event(s, hall, now, EventKind.PRINTER_OK, kiosk=station)
            return True
    return False
