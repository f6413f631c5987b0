"""一次性告知 (one-time notice): when a citizen's materials are incomplete, the clerk tells
them everything still missing, once, in writing, so nobody comes back twice.

`give_notice` acts on the ticket in the window's hands: it records which of the service's
materials are missing (and any other requirement, in the clerk's words), then holds the
ticket as *fetching materials* (`HoldKind.FETCH_MATERIALS`) in the same transaction. When
the citizen comes back (`shared.rules.tickets.return_from_hold`) the ticket waits ahead of the
line for every window of its service: no new ticket, no second queue.

A visit gets one notice (the table allows one per ticket). Asked again, the core refuses
and names the notice already given; the clerk reprints that one instead
(`reprint_notice`), which counts the reprint and marks the slip 补打.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.base.errors import HallError, YimenError
from shared.base.messages import has, render
from shared.config.halls import HallSettings
from shared.rules import tickets as tk
from shared.rules import windows as wn
from shared.store.model import EventKind, HoldKind, Notice, Ticket

__all__ = [
    "give_notice",
    "notice_of_ticket",
    "notice_serial",
    "notices_of_day",
    "print_fault_sentence",
    "reprint_notice",
]


def notice_serial(hall_code: str, day: date, notice_id: int) -> str:
    """The number printed on the slip, e.g. ``QC-20261124-0003``: hall, day and record."""
    return f"{hall_code}-{day:%Y%m%d}-{notice_id:04d}"


def notice_of_ticket(s: Session, ticket: Ticket, *, lock: bool = False) -> Notice | None:
    q = select(Notice).where(Notice.ticket_id == ticket.id)
    if lock:
        q = q.with_for_update()
    return s.scalars(q).one_or_none()


def give_notice(
    s: Session,
    hall: HallSettings,
    window_no: int,
    clerk_code: str,
    materials: Sequence[str],
    other: str | None,
    now: datetime,
) -> Notice:
    """Record the one-time notice for the ticket in hand and hold the ticket while the
    citizen fetches what is missing. ``materials`` are names from the service's list
    (kept in the list's order); ``other`` is anything else, in the clerk's words."""
    at = wn.at_window(s, hall, window_no, clerk_code, now)
    ticket = wn.ticket_in_hand(s, hall, at)
    already = notice_of_ticket(s, ticket)
    if already is not None:
        raise HallError(
            "notice.already_given",
            number=ticket.number,
            time=f"{hall.local(already.at):%H:%M}",
        )
    service = hall.catalog.service_of(s, ticket.service_id)
    wanted = {m.strip() for m in materials if m.strip()}
    unknown = sorted(wanted - set(service.materials))
    if unknown:
        raise HallError(
            "notice.unknown_material", material="、".join(unknown), service=service.name
        )
    missing = [m for m in service.materials if m in wanted]
    other_text = (other or "").strip() or None
    if not missing and other_text is None:
        raise HallError("notice.empty", number=ticket.number)

    day = hall.business_day(now)
    notice = Notice(
        hall_id=hall.id,
        business_day=day,
        ticket_id=ticket.id,
        service_id=service.id,
        window_id=at.window.id,
        clerk_id=at.clerk.id,
        at=now,
        materials=missing,
        other=other_text,
        reprints=0,
    )
    s.add(notice)
    s.flush()
    serial = notice_serial(hall.code, day, notice.id)
    wn.event(
        s, hall, now, EventKind.NOTICE_GIVEN, ticket,
        window=at.window, clerk=at.clerk, from_state=ticket.state,
        materials=missing, other=other_text, service=service.code, serial=serial,
    )  # fmt: skip
    # The hold's reason is a record, written like the clerks' own reasons, in Chinese.
    tk.hold(
        s, hall, window_no, clerk_code, now, HoldKind.FETCH_MATERIALS,
        reason=render("hold_reason.notice", "zh", serial=serial),
    )  # fmt: skip
    return notice


def reprint_notice(
    s: Session,
    hall: HallSettings,
    number: str,
    window_no: int,
    clerk_code: str,
    now: datetime,
) -> Notice:
    """Today's notice of ticket ``number``, printed again (补打) by the clerk signed in at
    ``window_no``: the reprint is counted and recorded; the notice itself is unchanged."""
    # A copy of a slip is not a window operation: a paused window stays paused.
    at = wn.at_window(s, hall, window_no, clerk_code, now, resume_paused=False)
    ticket = wn.ticket_by_number(s, hall, number, hall.business_day(now), lock=False)
    notice = notice_of_ticket(s, ticket, lock=True)
    if notice is None:
        raise HallError("notice.none", number=ticket.number)
    notice.reprints += 1
    wn.event(
        s, hall, now, EventKind.NOTICE_REPRINTED, ticket,
        window=at.window, clerk=at.clerk, from_state=ticket.state,
        serial=notice_serial(hall.code, notice.business_day, notice.id), reprints=notice.reprints,
    )  # fmt: skip
    return notice


def notices_of_day(s: Session, hall: HallSettings, day: date) -> list[Notice]:
    """The notices given on a business day, in the order they were given."""
    return list(
        s.scalars(
            select(Notice)
            .where(Notice.hall_id == hall.id, Notice.business_day == day)
            .order_by(Notice.at, Notice.id)
        )
    )


def print_fault_sentence(number: str, fault: YimenError, lang: str = "zh") -> str:
    """What a clerk reads when a notice was recorded but its slip did not print: that the
    notice stands, and the printer's trouble (in the notice's words where there are some:
    the printer's own sentences speak of ticket slips)."""
    own = "notice." + fault.code.replace(".", "_", 1)
    problem = render(own, lang, **fault.params) if has(own) else fault.message(lang)
    return render("notice.not_printed", lang, number=number, problem=problem)
