"""AB posts (AB岗工作制度): every window with a post has an A clerk and a B backup; when
A is away, B takes the window so service never stops.

* **Hand-over** (`hand_over`): A, signed in at the window, leaves with a reason and an
  expected return. With B at the desk (B's password), B takes the window at once: the
  ticket in hand moves to B (the citizen does not queue again) and B is signed in. Without
  B, A's absence is recorded and A signed out; B's next sign-in at that window takes it.
* **Stepping in** (`step_in`): A left with no time to hand over: B takes the window
  unasked, with the reason B knows of; A's sign-in (still open at the window) ends.
* **Hand-back** (`hand_back`): A is back; B gives the window back with a short report, and
  the record lists what B finished meanwhile.
* **Never both away**: a departure that would leave A and B of one post away at once is
  refused (`post.both_away`), and the refusal is recorded for the supervisor as a
  ``post_conflict`` event (`record_conflict`, in its own transaction).

The absence (`Absence`) is the current state; the events ``handed_over``, ``handed_back``,
``signed_in``/``signed_out`` and ``post_conflict`` are the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from shared.base.errors import HallError
from shared.base.messages import word
from shared.config.halls import HallSettings
from shared.rules import windows as si
from shared.rules.coverage import noon_departure
from shared.rules.windows import at_window, event, in_hand, lock_window, signed_in_today
from shared.store.model import (
    Absence,
    AbsenceReason,
    Clerk,
    Event,
    EventKind,
    Post,
    Ticket,
    TicketState,
    Window,
)

#: The reasons in the clerk's words, Chinese and English (``absence.*`` of the message
#: table; the record keeps the English value).
REASON_WORDS: dict[AbsenceReason, tuple[str, str]] = {
    reason: (word("absence", reason, "zh"), word("absence", reason, "en"))
    for reason in AbsenceReason
}


@dataclass(frozen=True)
class Handed:
    """The outcome of a hand-over, a step-in or a hand-back."""

    window: int
    from_clerk: str  # the code of the clerk who left the window
    to_clerk: str | None  # who has it now (None: A left, B has not come yet)
    ticket: str | None  # the number in hand that moved with the window
    reason: str | None  # the absence's reason (hand-over, step-in)
    served: tuple[str, ...] = ()  # hand-back: the numbers B finished at the window


def post_of(s: Session, window: Window) -> Post | None:
    return s.scalars(select(Post).where(Post.window_id == window.id)).first()


def open_absence(s: Session, hall: HallSettings, clerk_id: int) -> Absence | None:
    """The clerk's absence still open (they are away), if any."""
    return s.scalars(
        select(Absence)
        .where(
            Absence.hall_id == hall.id,
            Absence.clerk_id == clerk_id,
            Absence.returned_at.is_(None),
        )
        .order_by(Absence.id.desc())
        .limit(1)
    ).first()


def _name(hall: HallSettings, clerk_id: int | None) -> str:
    entry = hall.catalog.clerk_by_id(clerk_id)
    return entry.name if entry else ""


def check_departure(s: Session, hall: HallSettings, clerk: Clerk) -> None:
    """Refuse a departure of ``clerk`` that would leave a post's A and B away at once."""
    posts = s.scalars(
        select(Post).where(
            Post.hall_id == hall.id,
            or_(Post.a_clerk_id == clerk.id, Post.b_clerk_id == clerk.id),
        )
    ).all()
    for post in posts:
        partner = post.b_clerk_id if post.a_clerk_id == clerk.id else post.a_clerk_id
        absence = open_absence(s, hall, partner)
        if absence is not None:
            window = hall.catalog.window_by_id(post.window_id)
            raise HallError(
                "post.both_away",
                clerk=clerk.name,
                clerk_code=clerk.code,
                partner=_name(hall, partner),
                window=window.number if window else "",
                since=hall.hhmm(absence.left_at),
            )


def check_leaving(
    s: Session, hall: HallSettings, window: Window, clerk: Clerk, now: datetime
) -> None:
    """A clerk covering for an absent A may not leave the window empty during open hours
    (the noon break and after closing they may): A and B would both be away."""
    covering = s.scalars(
        select(Absence).where(
            Absence.hall_id == hall.id,
            Absence.window_id == window.id,
            Absence.covered_by_id == clerk.id,
            Absence.returned_at.is_(None),
        )
    ).first()
    if covering is None:
        return
    day = hall.business_day(now)
    opening = hall.opening(day)
    if opening is None:
        return
    t = hall.local(now).time()
    if opening.open <= t < opening.close and not opening.in_noon_break(t):
        raise HallError(
            "post.both_away",
            clerk=clerk.name,
            clerk_code=clerk.code,
            partner=_name(hall, covering.clerk_id),
            window=window.number,
            since=hall.hhmm(covering.left_at),
        )


def record_conflict(s: Session, hall: HallSettings, refusal: HallError, now: datetime) -> None:
    """The supervisor's warning of a refused departure (``post_conflict``)."""
    params = refusal.params
    clerk = hall.catalog.clerk(str(params["clerk_code"]))
    window_no = params.get("window")
    window = None
    if isinstance(window_no, int):
        window = s.scalars(
            select(Window).where(Window.id == hall.catalog.window(window_no).id)
        ).one()
    event(
        s, hall, now, EventKind.POST_CONFLICT,
        window=window, clerk=clerk, partner=params.get("partner"), since=params.get("since"),
    )  # fmt: skip


def _move_ticket(s: Session, window: Window, to: Clerk) -> Ticket | None:
    ticket = in_hand(s, window)
    if ticket is not None:
        ticket.clerk_id = to.id
    return ticket


def _held_here(s: Session, hall: HallSettings, window: Window, now: datetime) -> list[str]:
    """Today's tickets held at this window (their materials or the citizen's return): the
    hand-over's record names them, as the window's B now answers for them."""
    return list(
        s.scalars(
            select(Ticket.number).where(
                Ticket.hall_id == hall.id,
                Ticket.business_day == hall.business_day(now),
                Ticket.held_window_id == window.id,
                Ticket.state == TicketState.HELD,
            )
        )
    )


def _take_window(
    s: Session,
    hall: HallSettings,
    window: Window,
    clerk: Clerk,
    now: datetime,
    covering_for: str | None = None,
    noon_reason: str | None = None,
) -> None:
    """Sign ``clerk`` in at ``window`` (already free of its former clerk), leaving the
    window they were signed in at, if any, unless a ticket is in hand there; if that is
    the last window of a zone serving at noon, only with ``noon_reason`` (noon duty)."""
    elsewhere = si.signed_in_window(s, hall, clerk)
    if elsewhere is not None and elsewhere.id != window.id:
        ticket = in_hand(s, elsewhere)
        if ticket is not None:
            raise HallError(
                "clerk.ticket_at_other_window", window=elsewhere.number, number=ticket.number
            )
    window.clerk_id = clerk.id  # counted as serving while the other one's leaving is weighed
    window.signed_in_at = now
    if elsewhere is not None and elsewhere.id != window.id:
        noon_departure(s, hall, elsewhere, clerk, now, noon_reason, action="hand_over")
        si.end_sign_in(s, hall, elsewhere, clerk, now, reason=f"took over window {window.number}")
    if window.paused:  # the newcomer serves at once
        window.paused = False
        event(s, hall, now, EventKind.RESUMED, window=window, clerk=clerk, automatic=True)
    post = post_of(s, window)
    kind = None
    if post is not None:
        kind = "A" if post.a_clerk_id == clerk.id else "B" if post.b_clerk_id == clerk.id else None
    event(
        s, hall, now, EventKind.SIGNED_IN,
        window=window, clerk=clerk, post=kind, covering_for=covering_for,
    )  # fmt: skip


def hand_over(
    s: Session,
    hall: HallSettings,
    window_no: int,
    a_code: str,
    reason: AbsenceReason,
    now: datetime,
    *,
    expected_return: datetime | None = None,
    note: str | None = None,
    b_password: str | None = None,
) -> Handed | HallError:
    """A leaves the window (see the module). With ``b_password`` the post's B takes it now;
    a wrong password is raised after it has been recorded, as at a sign-in."""
    if reason == AbsenceReason.OTHER and not (note or "").strip():
        raise HallError("post.reason_needed")
    at = at_window(s, hall, window_no, a_code, now, resume_paused=False)
    window = at.window
    post = post_of(s, window)
    if post is None:
        raise HallError("post.none", window=window_no)
    a = s.get(Clerk, at.clerk.id)
    assert a is not None
    if post.a_clerk_id != a.id:
        raise HallError("post.not_a", window=window_no, clerk=a.name)
    check_departure(s, hall, a)
    b = s.get(Clerk, post.b_clerk_id)
    assert b is not None
    if b_password is not None:
        _b, refusal = si.check_password(s, hall, b.code, b_password, window_no, now)
        if refusal is not None:
            return refusal
    ticket = in_hand(s, window)
    if b_password is None and ticket is not None:
        raise HallError("post.ticket_in_hand", window=window_no, number=ticket.number)
    if b_password is None:  # the window stops serving until B comes
        noon_departure(s, hall, window, a, now, note, action="hand_over")
    s.add(
        Absence(
            hall_id=hall.id,
            window_id=window.id,
            clerk_id=a.id,
            reason=reason,
            note=(note or "").strip() or None,
            expected_return=expected_return,
            left_at=now,
            asked=True,
            covered_by_id=b.id if b_password is not None else None,
            covered_from=now if b_password is not None else None,
        )
    )
    held = _held_here(s, hall, window, now)
    si.end_sign_in(s, hall, window, a, now, reason="hand-over")
    if b_password is not None:
        _move_ticket(s, window, b)
        _take_window(s, hall, window, b, now, covering_for=a.code, noon_reason=note)
    event(
        s, hall, now, EventKind.HANDED_OVER, ticket,
        window=window, clerk=a, reason=(note or "").strip() or None,
        to=b.code if b_password is not None else None,
        awaited=b.code if b_password is None else None,
        why=reason.value, expected_return=expected_return, asked=True,
        in_hand=ticket.number if ticket else None, held=held or None,
    )  # fmt: skip
    return Handed(
        window=window_no,
        from_clerk=a.code,
        to_clerk=b.code if b_password is not None else None,
        ticket=ticket.number if ticket else None,
        reason=reason.value,
    )


def step_in(
    s: Session,
    hall: HallSettings,
    window_no: int,
    b_code: str,
    b_password: str,
    reason: AbsenceReason,
    now: datetime,
    *,
    note: str | None = None,
) -> Handed | HallError:
    """B takes the window unasked: A left without time to hand over (or has not come)."""
    window = lock_window(s, hall, window_no)
    post = post_of(s, window)
    if post is None:
        raise HallError("post.none", window=window_no)
    b, refusal = si.check_password(s, hall, b_code, b_password, window_no, now)
    if refusal is not None:
        return refusal
    if post.b_clerk_id != b.id:
        raise HallError("post.not_b", window=window_no, clerk=b.name)
    a = s.get(Clerk, post.a_clerk_id)
    assert a is not None
    absence = open_absence(s, hall, a.id)
    if absence is not None and absence.covered_by_id not in (None, b.id):
        raise HallError("post.covered", window=window_no, clerk=_name(hall, absence.covered_by_id))
    ticket = None
    if absence is None:
        check_departure(s, hall, a)
        absence = Absence(
            hall_id=hall.id,
            window_id=window.id,
            clerk_id=a.id,
            reason=reason,
            note=(note or "").strip() or None,
            left_at=now,
            asked=False,
        )
        s.add(absence)
    absence.covered_by_id = b.id
    absence.covered_from = now
    if signed_in_today(hall, window, now) and window.clerk_id not in (None, b.id):
        gone = s.get(Clerk, window.clerk_id)
        assert gone is not None
        si.end_sign_in(s, hall, window, gone, now, reason="B stepped in")
    elif window.clerk_id is not None and window.clerk_id != b.id:
        stale = s.get(Clerk, window.clerk_id)  # a sign-in left from an earlier day
        if stale is not None:
            si.end_sign_in(s, hall, window, stale, now, reason="signed in on an earlier day")
    ticket = _move_ticket(s, window, b)
    if window.clerk_id != b.id:
        _take_window(s, hall, window, b, now, covering_for=a.code, noon_reason=note)
    event(
        s, hall, now, EventKind.HANDED_OVER, ticket,
        window=window, clerk=a, reason=(note or "").strip() or None,
        to=b.code, why=absence.reason.value, asked=absence.asked, stepped_in=True,
        in_hand=ticket.number if ticket else None,
        held=_held_here(s, hall, window, now) or None,
    )  # fmt: skip
    return Handed(
        window=window_no,
        from_clerk=a.code,
        to_clerk=b.code,
        ticket=ticket.number if ticket else None,
        reason=absence.reason.value,
    )


def hand_back(
    s: Session,
    hall: HallSettings,
    window_no: int,
    b_code: str,
    a_password: str,
    now: datetime,
    *,
    report: str | None = None,
) -> Handed | HallError:
    """A is back: B gives the window back, with a report; A is signed in at it.

    Each of these returns the refusal of a wrong password instead of raising it, so the
    attempt's record is committed; the facade raises it then."""
    at = at_window(s, hall, window_no, b_code, now, resume_paused=False)
    window = at.window
    post = post_of(s, window)
    if post is None:
        raise HallError("post.none", window=window_no)
    absence = open_absence(s, hall, post.a_clerk_id)
    if absence is None or absence.window_id != window.id:
        raise HallError("post.nobody_away", window=window_no)
    a_entry = hall.catalog.clerk_by_id(post.a_clerk_id)
    assert a_entry is not None
    a, refusal = si.check_password(s, hall, a_entry.code, a_password, window_no, now)
    if refusal is not None:
        return refusal
    b = s.get(Clerk, at.clerk.id)
    assert b is not None
    since = absence.covered_from or absence.left_at
    served = tuple(
        s.scalars(
            select(Ticket.number)
            .join(Event, Event.ticket_id == Ticket.id)
            .where(
                Event.hall_id == hall.id,
                Event.kind == EventKind.FINISHED,
                Event.window_id == window.id,
                Event.clerk_id == b.id,
                Event.at >= since,
            )
            .order_by(Event.id)
        )
    )
    text = (report or "").strip() or None
    absence.returned_at = now
    absence.report = text
    ticket = _move_ticket(s, window, a)
    si.end_sign_in(s, hall, window, b, now, reason="hand-back")
    _take_window(s, hall, window, a, now)
    event(
        s, hall, now, EventKind.HANDED_BACK, ticket,
        window=window, clerk=b, reason=text, to=a.code, served=list(served),
        away_minutes=int((now - absence.left_at).total_seconds() // 60),
        in_hand=ticket.number if ticket else None,
    )  # fmt: skip
    return Handed(
        window=window_no,
        from_clerk=b.code,
        to_clerk=a.code,
        ticket=ticket.number if ticket else None,
        reason=absence.reason.value,
        served=served,
    )


def on_sign_in(s: Session, hall: HallSettings, window: Window, clerk: Clerk, now: datetime) -> None:
    """A sign-in's part in the posts: a clerk who was away is back (their absence ends);
    the B of a window whose A left it awaiting B takes it over."""
    mine = open_absence(s, hall, clerk.id)
    if mine is not None:
        mine.returned_at = now
        away = s.get(Window, mine.window_id)
        event(
            s, hall, now, EventKind.HANDED_BACK,
            window=away, clerk=clerk, to=clerk.code, by_sign_in=True,
            away_minutes=int((now - mine.left_at).total_seconds() // 60),
        )  # fmt: skip
    post = post_of(s, window)
    if post is None or post.b_clerk_id != clerk.id:
        return
    awaited = open_absence(s, hall, post.a_clerk_id)
    if awaited is not None and awaited.window_id == window.id and awaited.covered_by_id is None:
        awaited.covered_by_id = clerk.id
        awaited.covered_from = now
