"""The supervisor's alarms: what on the floor needs a manager now.

Each kind of alarm is a rule over the hall's live state at a moment, with its threshold
in the hall's settings ([alarms], and [staffing] for the empty post):

=============  =====================================================  ==================
kind           raised when                                            subject
=============  =====================================================  ==================
long_wait      a ticket of the service waits longer than its limit    the service's code
long_service   a window holds one ticket longer than factor × the     window:number
               service's handling time
empty_post     a window with a post has had nobody signed in for      the window
               longer than the empty-post minutes (空岗)
both_away      a post's A is away and nobody is at the window in      the window
               open hours for longer than both_away_minutes
noon_gap       a zone has fewer comprehensive windows serving than    the zone's code
               noon duty needs, during the noon break (中午值班)
case_due       a bad review's open case is due within warn days       the case's id
case_overdue   … and past its deadline                                the case's id
printer        a station's printer last reported a fault (no paper,   the station
               offline) and has not printed since
help           a kiosk's help request unanswered for help_minutes     the request
=============  =====================================================  ==================

`sweep` compares the causes present now with the open alarms: a new cause raises an
alarm (once: at most one open alarm per cause, by a unique index), a cause gone
resolves its alarm; both are events on the log, so every supervisor's station hears of
them through the change feed. Acknowledging (a supervisor's, recorded with who) takes
an alarm off the list of those to look at; it stays open until its cause ends.

Every limit is "longer than": a ticket waiting exactly 30 minutes does not raise the
30-minute alarm; the first sweep after that does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.base.errors import HallError
from shared.base.messages import render
from shared.config.halls import HallSettings
from shared.rules import coverage as cv
from shared.rules import reviews as rv
from shared.rules import stations as st
from shared.rules.windows import event
from shared.store.model import (
    Absence,
    Alarm,
    Clerk,
    Event,
    EventKind,
    Ticket,
    TicketState,
    Window,
    in_hand_where,
)

KINDS = (
    "long_wait",
    "long_service",
    "empty_post",
    "both_away",
    "noon_gap",
    "case_due",
    "case_overdue",
    "printer",
    "help",
)

#: How far back a station's last printer report is looked for.
PRINTER_DAYS = 7


@dataclass(frozen=True)
class Cause:
    """One cause of an alarm present now."""

    kind: str
    subject: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AlarmInfo:
    id: int
    kind: str
    subject: str
    raised_at: datetime
    params: tuple[tuple[str, Any], ...]
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None  # the supervisor's code
    acknowledged_by_name: str | None = None
    resolved_at: datetime | None = None

    @property
    def open(self) -> bool:
        return self.resolved_at is None

    @property
    def to_look_at(self) -> bool:
        """Shown on the supervisor's list: open and nobody has acknowledged it."""
        return self.resolved_at is None and self.acknowledged_at is None

    def detail(self, key: str) -> Any:
        return dict(self.params).get(key)

    def sentence(self, lang: str = "zh") -> str:
        return render(f"alarm.{self.kind}", lang, **dict(self.params))


@dataclass(frozen=True)
class Sweep:
    raised: tuple[AlarmInfo, ...]
    resolved: tuple[AlarmInfo, ...]
    open: tuple[AlarmInfo, ...]  # every open alarm after the sweep, newest first


def _minutes(delta: timedelta) -> int:
    return max(0, math.floor(delta.total_seconds() / 60))


# -- the causes ------------------------------------------------------------------------


def _long_waits(s: Session, hall: HallSettings, now: datetime) -> list[Cause]:
    day = hall.business_day(now)
    rows = s.execute(
        select(Ticket.service_id, Ticket.issued_at).where(
            Ticket.hall_id == hall.id,
            Ticket.business_day == day,
            Ticket.state == TicketState.WAITING,
            Ticket.hold_kind.is_(None),  # back from a hold: the time away is the citizen's
        )
    ).all()
    by_service: dict[int, list[datetime]] = {}
    for service_id, issued_at in rows:
        by_service.setdefault(service_id, []).append(issued_at)
    out = []
    for sv in hall.catalog.services:
        limit = hall.alarms.wait_for(sv.code)
        late = [at for at in by_service.get(sv.id, ()) if now - at > timedelta(minutes=limit)]
        if late:
            out.append(
                Cause(
                    "long_wait",
                    sv.code,
                    {
                        "service": sv.name,
                        "code": sv.code,
                        "count": len(late),
                        "longest": _minutes(now - min(late)),
                        "limit": limit,
                    },
                )
            )
    return out


def _long_services(s: Session, hall: HallSettings, now: datetime) -> list[Cause]:
    cat = hall.catalog
    factor = hall.alarms.long_service_factor
    out = []
    for t in s.scalars(
        select(Ticket).where(
            in_hand_where(),
            Ticket.window_id.in_([w.id for w in cat.windows]),
            # A ticket left in hand overnight is the close of day's business, not an alarm.
            Ticket.business_day == hall.business_day(now),
        )
    ):
        window = cat.window_by_id(t.window_id)
        since = t.called_at or t.started_at
        if window is None or since is None:
            continue
        service = cat.service_of(s, t.service_id)
        usual = service.handling_minutes
        if now - since > timedelta(minutes=usual * factor):
            out.append(
                Cause(
                    "long_service",
                    f"{window.number}:{t.number}",
                    {
                        "window": window.number,
                        "number": t.number,
                        "service": service.name,
                        "minutes": _minutes(now - since),
                        "usual": usual,
                    },
                )
            )
    return out


def _empty_posts(s: Session, hall: HallSettings, now: datetime) -> list[Cause]:
    return [
        Cause(
            "empty_post",
            str(p.window),
            {
                "window": p.window,
                "since": hall.hhmm(p.start),
                "limit": hall.staffing.empty_post_minutes,
            },
        )
        for p in cv.empty_posts(s, hall, hall.business_day(now), now)
        if p.end is None
    ]


def _both_away(s: Session, hall: HallSettings, now: datetime) -> list[Cause]:
    day = hall.business_day(now)
    opening = hall.opening(day)
    if opening is None:
        return []
    t = hall.local(now).time()
    if not opening.open <= t < opening.close or opening.in_noon_break(t):
        return []
    starts = [hall.at(day, opening.open)]
    if opening.noon_break is not None and t >= opening.noon_break[1]:
        starts.append(hall.at(day, opening.noon_break[1]))
    limit = timedelta(minutes=hall.alarms.both_away_minutes)
    out = []
    for absence in s.scalars(
        select(Absence).where(Absence.hall_id == hall.id, Absence.returned_at.is_(None))
    ):
        window = s.get(Window, absence.window_id)
        entry = hall.catalog.window_by_id(absence.window_id)
        if window is None or entry is None or entry.a_clerk_id != absence.clerk_id:
            continue
        if window.signed_in_at is not None and window.signed_in_at >= hall.day_start(day):
            continue  # somebody works the window: B, or another clerk
        left = s.scalar(
            select(func.max(Event.at)).where(
                Event.hall_id == hall.id,
                Event.kind == EventKind.SIGNED_OUT,
                Event.window_id == window.id,
                Event.at >= hall.day_start(day),
            )
        )
        since = max([absence.left_at, *starts, *([left] if left else [])])
        if now - since <= limit:
            continue
        a = hall.catalog.clerk_by_id(absence.clerk_id)
        b = hall.catalog.clerk_by_id(entry.b_clerk_id)
        out.append(
            Cause(
                "both_away",
                str(entry.number),
                {
                    "window": entry.number,
                    "a": a.name if a else "",
                    "b": b.name if b else "",
                    "since": hall.hhmm(since),
                    "absence": absence.reason.value,
                },
            )
        )
    return out


def _noon_gaps(s: Session, hall: HallSettings, now: datetime) -> list[Cause]:
    noon = cv.noon_coverage(s, hall, hall.business_day(now), now)
    if noon.state != "in_progress":
        return []
    out = []
    for z in noon.zones:
        serving = sum(
            1
            for w in z.windows
            if any(sp.start <= now and (sp.end is None or sp.end > now) for sp in w.served)
        )
        if serving >= noon.needed:
            continue
        last = z.gaps[-1] if z.gaps else None
        since = last.start if last is not None and (last.end is None or last.end >= now) else now
        out.append(
            Cause(
                "noon_gap",
                z.code,
                {"zone": z.name, "since": hall.hhmm(since), "needed": noon.needed},
            )
        )
    return out


def _cases(s: Session, hall: HallSettings, now: datetime) -> list[Cause]:
    warn = hall.alarms.case_warn_days
    out = []
    for c in rv.cases(s, hall, hall.business_day(now), open_only=True):
        if c.days_left > warn:
            continue
        params = {
            "case": c.id,
            "number": c.review.number,
            "window": c.review.window_no or "",
            "due": c.due.isoformat(),
            "days": abs(c.days_left),
        }
        out.append(Cause("case_overdue" if c.days_left < 0 else "case_due", str(c.id), params))
    return out


def _fault(code: str) -> str:
    """The printer's fault as the alarm's sentence words it (`printer_fault.*`)."""
    return code if code in ("printer.offline", "printer.no_paper") else "printer.failed"


def _printers(s: Session, hall: HallSettings, now: datetime) -> list[Cause]:
    last: dict[str, Event] = {}
    for ev in s.scalars(
        select(Event)
        .where(
            Event.hall_id == hall.id,
            Event.kind.in_((EventKind.PRINTER_FAULT, EventKind.PRINTER_OK)),
            Event.at >= now - timedelta(days=PRINTER_DAYS),
        )
        .order_by(Event.id)
    ):
        station = str((ev.data or {}).get("kiosk", ""))
        if station:
            last[station] = ev
    return [
        Cause(
            "printer",
            station[:64],
            {
                "station": station,
                "fault": _fault(str((ev.data or {}).get("code", ""))),
                "since": hall.hhmm(ev.at),
            },
        )
        for station, ev in sorted(last.items())
        if ev.kind == EventKind.PRINTER_FAULT
    ]


def _help(s: Session, hall: HallSettings, now: datetime) -> list[Cause]:
    limit = timedelta(minutes=hall.alarms.help_minutes)
    return [
        Cause(
            "help",
            h.request[:64],
            {"kiosk": h.kiosk, "since": hall.hhmm(h.at), "minutes": _minutes(now - h.at)},
        )
        for h in st.help_requests(s, hall, now)
        if now - h.at > limit
    ]


def causes(s: Session, hall: HallSettings, now: datetime) -> list[Cause]:
    """Every cause of an alarm present at ``now``."""
    return [
        *_long_waits(s, hall, now),
        *_long_services(s, hall, now),
        *_empty_posts(s, hall, now),
        *_both_away(s, hall, now),
        *_noon_gaps(s, hall, now),
        *_cases(s, hall, now),
        *_printers(s, hall, now),
        *_help(s, hall, now),
    ]


# -- raising, resolving, acknowledging ---------------------------------------------------


def alarm_info(hall: HallSettings, row: Alarm) -> AlarmInfo:
    by = hall.catalog.clerk_by_id(row.acknowledged_by_id)
    return AlarmInfo(
        id=row.id,
        kind=row.kind,
        subject=row.subject,
        raised_at=row.raised_at,
        params=tuple(sorted((row.params or {}).items())),
        acknowledged_at=row.acknowledged_at,
        acknowledged_by=by.code if by else None,
        acknowledged_by_name=by.name if by else None,
        resolved_at=row.resolved_at,
    )


def _open_rows(s: Session, hall: HallSettings) -> list[Alarm]:
    return list(
        s.scalars(
            select(Alarm)
            .where(Alarm.hall_id == hall.id, Alarm.resolved_at.is_(None))
            .order_by(Alarm.raised_at.desc(), Alarm.id.desc())
        )
    )


def sweep(s: Session, hall: HallSettings, now: datetime) -> Sweep:
    """Raise the alarms of new causes and resolve those whose cause has ended."""
    present = {(c.kind, c.subject): c for c in causes(s, hall, now)}
    rows = {(r.kind, r.subject): r for r in _open_rows(s, hall)}
    raised, resolved = [], []
    for key, row in rows.items():
        cause = present.get(key)
        if cause is None:
            row.resolved_at = now
            event(s, hall, now, EventKind.ALARM_RESOLVED, alarm=row.id, alarm_kind=row.kind)
            resolved.append(row)
        elif cause.params != row.params:
            row.params = dict(cause.params)  # the count and minutes as they are now
    for key, cause in present.items():
        if key in rows:
            continue
        row = Alarm(
            hall_id=hall.id,
            kind=cause.kind,
            subject=cause.subject,
            raised_at=now,
            params=dict(cause.params),
        )
        s.add(row)
        s.flush()
        event(
            s, hall, now, EventKind.ALARM_RAISED,
            alarm=row.id, alarm_kind=cause.kind, subject=cause.subject,
        )  # fmt: skip
        raised.append(row)
    return Sweep(
        tuple(alarm_info(hall, r) for r in raised),
        tuple(alarm_info(hall, r) for r in resolved),
        tuple(alarm_info(hall, r) for r in _open_rows(s, hall)),
    )


def alarms(
    s: Session, hall: HallSettings, now: datetime, *, since: datetime | None = None
) -> list[AlarmInfo]:
    """The open alarms (newest first), and with ``since`` also those closed after it."""
    q = select(Alarm).where(Alarm.hall_id == hall.id)
    if since is None:
        q = q.where(Alarm.resolved_at.is_(None))
    else:
        q = q.where((Alarm.resolved_at.is_(None)) | (Alarm.resolved_at >= since))
    return [
        alarm_info(hall, r) for r in s.scalars(q.order_by(Alarm.raised_at.desc(), Alarm.id.desc()))
    ]


def acknowledge(
    s: Session, hall: HallSettings, alarm_id: int, supervisor: Clerk, now: datetime
) -> AlarmInfo:
    """A supervisor has seen the alarm (recorded with who and when); twice is refused."""
    row = s.scalars(
        select(Alarm).where(Alarm.id == alarm_id, Alarm.hall_id == hall.id).with_for_update()
    ).one_or_none()
    if row is None:
        raise HallError("alarm.unknown", alarm=alarm_id)
    if row.acknowledged_at is not None:
        by = hall.catalog.clerk_by_id(row.acknowledged_by_id)
        raise HallError(
            "alarm.already_acknowledged",
            alarm=alarm_id,
            clerk=by.name if by else "",
            at=hall.hhmm(row.acknowledged_at),
        )
    row.acknowledged_at = now
    row.acknowledged_by_id = supervisor.id
    event(
        s, hall, now, EventKind.ALARM_ACKNOWLEDGED, clerk=supervisor,
        alarm=row.id, alarm_kind=row.kind,
    )  # fmt: skip
    return alarm_info(hall, row)


__all__ = ["KINDS", "AlarmInfo", "Cause", "Sweep", "acknowledge", "alarms", "causes", "sweep"]
