"""A played day written again on another day, in bulk: how the simulator fills a
hall-year in minutes rather than days.

`copy_day` reads every row a day's play through the core's operations left, and writes
the same rows on the target day, their times moved by whole days: the tickets with
their numbers and the day's number counters, the appointments they came by, every
event of those tickets, the day's other events (sign-ins, pauses, hand-overs, empty
posts, help), its absences, reviews, notices, extended services and declines, and the
bad reviews' cases as they stood at the day's closing (the steps that come later are
taken through the core, as on a played day: `shared.demo.traffic`).

What a copy changes is what must be unique: row ids, appointment codes, a kiosk
request's id, a help request's id, a notice's serial (it carries its day). The events
take new ids from the event clock, in the order of the source's ids. Alarms and staff
sessions belong to the live floor and are not copied.

Both days must open at the same hours (``settings.opening`` alike): a day copied into
summer hours from a winter day would serve through the longer noon break.
"""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.orm import Session

from shared.config.calendar import add_working_days
from shared.config.halls import HallSettings
from shared.rules.notices import notice_serial
from shared.store.model import (
    Absence,
    Appointment,
    CaseStep,
    Event,
    EventClock,
    EventKind,
    ExtendedDecline,
    ExtendedService,
    Notice,
    NumberCounter,
    Review,
    ReviewCase,
    Ticket,
    TicketState,
)

#: Rows written per statement.
CHUNK = 2000
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T")
_EXTENSION = "extend"  # the case action that adds working days to its deadline


@dataclass(frozen=True)
class Copied:
    """What one copy wrote."""

    source: date
    day: date
    tickets: int
    events: int
    reviews: int
    #: The source's bad reviews' cases → the copy's (its later steps are still to come).
    cases: Mapping[int, int]


class CopyRefused(Exception):
    """The day cannot be copied (said in the simulator's words by its caller)."""


def copy_day(s: Session, settings: HallSettings, source: date, day: date) -> Copied:
    """Write ``source``'s rows again on ``day`` (one transaction: all or nothing)."""
    if hours(settings, source) is None or hours(settings, source) != hours(settings, day):
        raise CopyRefused(f"{source} and {day} do not open at the same hours")
    hall_id = settings.id
    shift = timedelta(days=(day - source).days)
    start, end = settings.day_start(source), settings.day_end(source)
    mover = _Mover(shift, source, day)

    if s.scalar(select(Ticket.id).where(Ticket.hall_id == hall_id, Ticket.business_day == day)):
        raise CopyRefused(f"{day} has tickets already")
    tickets = _rows(s, Ticket, Ticket.hall_id == hall_id, Ticket.business_day == source)
    if any(t["state"] in (TicketState.CALLED, TicketState.SERVING) for t in tickets):
        raise CopyRefused(f"{source} has tickets still in a window's hands")

    counters = _rows(
        s, NumberCounter, NumberCounter.hall_id == hall_id, NumberCounter.business_day == source
    )
    _write(s, NumberCounter, [mover.row(c) for c in counters])

    appointments = _rows(s, Appointment, Appointment.hall_id == hall_id, Appointment.day == source)
    taken = set(s.scalars(select(Appointment.code).where(Appointment.hall_id == hall_id)))
    codes = random.Random(f"yimen-bulk/{settings.code}/{day.isoformat()}")
    new_rows = []
    for a in appointments:
        code = a["code"]
        while code in taken:
            code = f"{codes.randrange(10**8):08d}"
        taken.add(code)
        new_rows.append(mover.row(a, code=code))
    appointment_ids = _insert(s, Appointment, appointments, new_rows)

    ticket_ids = _insert(
        s,
        Ticket,
        tickets,
        [
            mover.row(
                t,
                appointment_id=appointment_ids.get(t["appointment_id"]),
                request_id=mover.unique(t["request_id"]),
            )
            for t in tickets
        ],
    )

    reviews = _rows(s, Review, Review.hall_id == hall_id, Review.business_day == source)
    review_ids = _insert(
        s, Review, reviews, [mover.row(r, ticket_id=ticket_ids[r["ticket_id"]]) for r in reviews]
    )

    # The cases as they stood at the day's end: opened, nothing more yet.
    cases = _rows(s, ReviewCase, ReviewCase.review_id.in_(review_ids)) if review_ids else []
    steps = (
        _rows(s, CaseStep, CaseStep.case_id.in_([c["id"] for c in cases]), CaseStep.at < end)
        if cases
        else []
    )
    case_ids = _insert(
        s,
        ReviewCase,
        cases,
        [_case_at_closing(settings, c, steps, mover, review_ids, day) for c in cases],
    )
    _write(s, CaseStep, [mover.row(st, case_id=case_ids[st["case_id"]]) for st in steps])

    notices = _rows(s, Notice, Notice.hall_id == hall_id, Notice.business_day == source)
    notice_ids = _insert(
        s, Notice, notices, [mover.row(r, ticket_id=ticket_ids[r["ticket_id"]]) for r in notices]
    )
    for old, new in notice_ids.items():
        mover.serials[notice_serial(settings.code, source, old)] = notice_serial(
            settings.code, day, new
        )
    extended = _rows(
        s,
        ExtendedService,
        ExtendedService.hall_id == hall_id,
        ExtendedService.business_day == source,
    )
    _write(
        s, ExtendedService, [mover.row(r, ticket_id=ticket_ids[r["ticket_id"]]) for r in extended]
    )
    declines = _rows(
        s,
        ExtendedDecline,
        ExtendedDecline.hall_id == hall_id,
        ExtendedDecline.business_day == source,
    )
    _write(
        s,
        ExtendedDecline,
        [mover.row(r, ticket_id=ticket_ids.get(r["ticket_id"])) for r in declines],
    )
    absences = _rows(
        s, Absence, Absence.hall_id == hall_id, Absence.left_at >= start, Absence.left_at < end
    )
    _write(s, Absence, [mover.row(r) for r in absences])

    events = _events(s, hall_id, source, start, end, set(case_ids))
    moved = []
    for e in events:
        data = mover.data(e["data"])
        if e["kind"] == EventKind.CASE_UPDATED and data is not None:
            data["case"] = case_ids[int(data["case"])]
        tid = e["ticket_id"]
        moved.append(
            mover.row(
                e,
                ticket_id=None if tid is None else ticket_ids[tid],
                data=data,
                reason=mover.text(e["reason"]),
            )
        )
    if moved:
        last = s.execute(
            update(EventClock)
            .where(EventClock.id == 1)
            .values(last_id=EventClock.last_id + len(moved))
            .returning(EventClock.last_id)
        ).scalar_one()
        for i, row in enumerate(moved):
            row["id"] = last - len(moved) + 1 + i
        _write(s, Event, moved)
    return Copied(source, day, len(tickets), len(moved), len(reviews), case_ids)


def hours(settings: HallSettings, day: date) -> tuple[Any, ...] | None:
    """The day's opening hours (None: closed): days alike in these may be copied."""
    o = settings.opening(day)
    if o is None:
        return None
    return (o.open, o.close, o.noon_break, o.tickets_from, o.tickets_until)


def _rows(s: Session, model: Any, *where: Any) -> list[dict[str, Any]]:
    table: Table = model.__table__
    order = list(table.primary_key.columns)
    return [dict(r) for r in s.execute(select(table).where(*where).order_by(*order)).mappings()]


def _insert(
    s: Session, model: Any, old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> dict[int, int]:
    """Insert ``new`` (the copies of ``old``, in order) with ids taken for them at once
    (the writer holds SQLite's lock; PostgreSQL's sequence hands them out); old id → new
    id."""
    if not new:
        return {}
    table: Table = model.__table__
    ids = _new_ids(s, table, len(new))
    for row, id_ in zip(new, ids, strict=True):
        row["id"] = id_
    _write(s, model, new)
    return {o["id"]: n for o, n in zip(old, ids, strict=True)}


def _new_ids(s: Session, table: Table, n: int) -> list[int]:
    if s.get_bind().dialect.name == "postgresql":
        sequence = s.scalar(text(f"SELECT pg_get_serial_sequence('{table.name}', 'id')"))
        return list(
            s.scalars(
                text("SELECT nextval(:sequence) FROM generate_series(1, :n)"),
                {"sequence": sequence, "n": n},
            )
        )
    first = (s.scalar(select(func.max(table.c.id))) or 0) + 1
    return list(range(first, first + n))


def _write(s: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    for chunk in _chunks(rows):
        s.connection().execute(insert(model.__table__), chunk)


def _chunks(rows: list[dict[str, Any]]) -> Iterable[list[dict[str, Any]]]:
    for i in range(0, len(rows), CHUNK):
        yield rows[i : i + CHUNK]


def _events(
    s: Session, hall_id: int, source: date, start: datetime, end: datetime, cases: set[int]
) -> list[dict[str, Any]]:
    """The day's events, in id order: its tickets' (whenever they happened), the ones of
    no ticket within the day (but the cases'), and the opening of the day's cases."""
    table = Event.__table__
    day_tickets = select(Ticket.id).where(Ticket.hall_id == hall_id, Ticket.business_day == source)
    of_tickets = select(table).where(table.c.ticket_id.in_(day_tickets))
    others = select(table).where(
        table.c.hall_id == hall_id,
        # Every kind named: the (hall, kind, at) index then reads the day's events alone.
        table.c.kind.in_(list(EventKind)),
        table.c.ticket_id.is_(None),
        table.c.at >= start,
        table.c.at < end,
    )
    rows = [dict(r) for r in s.execute(of_tickets).mappings()]
    for r in s.execute(others).mappings():
        if r["kind"] != EventKind.CASE_UPDATED or int((r["data"] or {}).get("case", 0)) in cases:
            rows.append(dict(r))
    rows.sort(key=lambda r: r["id"])
    return rows


def _case_at_closing(
    settings: HallSettings,
    case: dict[str, Any],
    steps: list[dict[str, Any]],
    mover: _Mover,
    review_ids: Mapping[int, int],
    day: date,
) -> dict[str, Any]:
    """The copy of a case as it stood at the source day's end: the state of its last
    step by then, its deadline counted from ``day`` as the core counts it."""
    mine = [st for st in steps if st["case_id"] == case["id"]]
    extended = sum(st["days"] or 0 for st in mine if st["action"] == _EXTENSION)
    due = add_working_days(settings.calendar, day, settings.reviews.rectify_working_days)
    if extended:
        due = add_working_days(settings.calendar, due, extended)
    last = mine[-1] if mine else None

    def kept(at: datetime | None) -> datetime | None:
        return None if at is None or last is None or at > last["at"] else at + mover.shift

    return {
        **mover.row(case, review_id=review_ids[case["review_id"]]),
        "state": last["to_state"] if last else case["state"],
        "due": due,
        "extended_days": extended,
        "called_back_at": kept(case["called_back_at"]),
        "callback_result": case["callback_result"] if kept(case["called_back_at"]) else None,
        "closed_at": kept(case["closed_at"]),
    }


class _Mover:
    """Moves a row's times and days by whole days, and makes its unique values anew."""

    def __init__(self, shift: timedelta, source: date, day: date) -> None:
        self.shift = shift
        self.source, self.day = source, day
        self._unique: dict[str, str] = {}
        self.serials: dict[str, str] = {}  # a notice's serial on the source → on the copy

    def row(self, row: Mapping[str, Any], **changed: Any) -> dict[str, Any]:
        out = {k: self.value(v) for k, v in row.items() if k != "id"}
        out.update(changed)
        return out

    def value(self, v: Any) -> Any:
        if isinstance(v, date):  # a datetime is a date too
            return v + self.shift
        return v

    def unique(self, value: str | None) -> str | None:
        """A new id for a request id or a help request's, the same each time it is met."""
        if value is None:
            return None
        if value not in self._unique:
            name = f"{value}/{self.day.isoformat()}"
            self._unique[value] = uuid.uuid5(uuid.NAMESPACE_URL, name).hex
        return self._unique[value]

    def data(self, data: Mapping[str, Any] | None) -> dict[str, Any] | None:
        if data is None:
            return None
        out: dict[str, Any] = {}
        for k, v in data.items():
            if isinstance(v, str) and _ISO_MOMENT.match(v):
                v = (datetime.fromisoformat(v) + self.shift).isoformat()
            elif isinstance(v, str) and _ISO_DAY.match(v):
                v = (date.fromisoformat(v) + self.shift).isoformat()
            elif k == "request":
                v = self.unique(v)
            elif k == "serial" and isinstance(v, str):
                v = self.serials.get(v, v)
            out[k] = v
        return out

    def text(self, text: str | None) -> str | None:
        """A reason that names a notice's serial (a hold for materials) names the copy's."""
        if text is None or not self.serials:
            return text
        for old, new in self.serials.items():
            if old in text:
                text = text.replace(old, new)
        return text
