"""Appointments (预约): booking a slot, one booking per person per day, and many at once
from a CSV file; a booked appointment is checked in at the kiosk (`shared.rules.tickets`).
"""

from __future__ import annotations

import csv
import io
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.base.errors import HallError
from shared.config.halls import HallSettings
from shared.rules.identity import identity_key
from shared.store.model import Appointment, AppointmentState

#: The columns of a bookings file, in a header line of their own.
CSV_COLUMNS = ("service", "day", "slot", "name", "id_number")


def book_appointment(
    s: Session,
    hall: HallSettings,
    service_code: str,
    slot_start: datetime,
    slot_end: datetime,
    citizen_name: str,
    id_number: str,
    now: datetime,
) -> Appointment:
    """Book a slot (the booking channels come later; kiosks check appointments in).
    One appointment per person per day; the slot must lie in that day's hours."""
    service = hall.catalog.service(service_code)
    ident = identity_key(id_number, hall.secret)
    day = hall.business_day(slot_start)
    opening = hall.opening(day)
    if (
        opening is None
        or slot_end <= slot_start
        or hall.local(slot_start).time() < opening.open
        or hall.local(slot_end).time() > opening.close
    ):
        raise HallError("appointment.bad_slot")
    same_day = s.scalars(
        select(Appointment).where(
            Appointment.hall_id == hall.id,
            Appointment.id_hash == ident.hash,
            Appointment.day == day,
            Appointment.state != AppointmentState.CANCELLED,
        )
    ).first()
    if same_day is not None:
        raise HallError("appointment.duplicate", code=same_day.code)
    while True:
        code = f"{secrets.randbelow(10**8):08d}"
        taken = s.scalar(
            select(Appointment.id).where(Appointment.hall_id == hall.id, Appointment.code == code)
        )
        if taken is None:
            break
    appt = Appointment(
        hall_id=hall.id,
        service_id=service.id,
        code=code,
        day=day,
        slot_start=slot_start,
        slot_end=slot_end,
        citizen_name=citizen_name,
        id_hash=ident.hash,
        id_last6=ident.last6,
        state=AppointmentState.BOOKED,
        booked_at=now,
    )
    s.add(appt)
    s.flush()
    return appt


def parse_slot(tz: tzinfo, day: str, slot: str) -> tuple[datetime, datetime]:
    """``2026-11-25`` and ``10:00-10:30`` (or ``10:00–10:30``) as the hall's local start
    and end; anything else is refused with the sentence that shows how to write them."""
    try:
        d = date.fromisoformat(day.strip())
        a, b = (part.strip() for part in slot.replace("–", "-").split("-"))
        start = datetime.combine(d, time.fromisoformat(a), tzinfo=tz)
        end = datetime.combine(d, time.fromisoformat(b), tzinfo=tz)
    except ValueError:
        raise HallError("appointment.bad_input", day=day, slot=slot) from None
    return start, end


@dataclass(frozen=True)
class Booking:
    """One row of a bookings file, as written (``line``: its line in the file)."""

    line: int
    service: str
    day: str
    slot: str
    name: str
    id_number: str


def read_bookings(text: str, source: str) -> list[Booking]:
    """The rows of a bookings CSV (``service,day,slot,name,id_number``, a header first);
    a file without those columns, or without a row, is refused as a whole."""
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    if not rows or any(c not in (reader.fieldnames or ()) for c in CSV_COLUMNS):
        raise HallError("appointment.csv_columns", path=source, columns=",".join(CSV_COLUMNS))
    return [
        Booking(
            line=line,
            service=(row["service"] or "").strip(),
            day=row["day"] or "",
            slot=row["slot"] or "",
            name=(row["name"] or "").strip(),
            id_number=(row["id_number"] or "").strip(),
        )
        for line, row in enumerate(rows, start=2)  # line 1 is the header
    ]
