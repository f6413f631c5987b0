"""A clerk signing in at a window, and out again.

* The password is checked against the clerk's argon2id hash. Five wrong ones in a row lock
  the clerk for five minutes. The count and the lock are columns of the clerk's row,
  changed under its row lock, so the lock holds on every PC of the hall at once.
* The clerk who signs in becomes the window's serving clerk; the event says whether on the
  window's A or B post (AB岗). A clerk serves one window at a time: signing in at another
  signs out of the first, unless a ticket is still in hand there.
* A window has one clerk signed in; another must sign out first (the hand-over of a post
  is the staffing rules' business). A sign-in holds for the business day it was made:
  the window operations of `shared.rules.tickets` are refused to anyone else, and a sign-in
  left from an earlier day neither blocks the window nor counts as staffing it. Signing
  out with a ticket in hand is refused: finish it, hold it or transfer it first.
* A wrong password is recorded (an event, the count) even though the sign-in fails: the
  caller commits the outcome and raises afterwards (`SignInOutcome.raise_if_refused`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.base.errors import HallError
from shared.config.halls import HallSettings
from shared.rules import posts
from shared.rules.coverage import noon_departure, record_empty_posts
from shared.rules.windows import (
    check_password,
    clerk_row,
    end_sign_in,
    event,
    in_hand,
    lock_window,
    signed_in_today,
    signed_in_window,
)
from shared.store.model import Clerk, EventKind, Post, Role, Window


@dataclass(frozen=True)
class SignedIn:
    clerk: str  # the clerk's code
    name: str
    role: Role
    window: int
    post: str | None  # "A", "B", or None (the window has no post, or not this clerk's)
    at: datetime
    ticket_in_hand: str | None  # the number the window still holds (after a restart)


@dataclass(frozen=True)
class SignInOutcome:
    signed_in: SignedIn | None
    refusal: HallError | None

    def result(self) -> SignedIn:
        """The sign-in, or the refusal raised (after the attempt has been recorded)."""
        if self.refusal is not None:
            raise self.refusal
        assert self.signed_in is not None
        return self.signed_in


def sign_in(
    s: Session, hall: HallSettings, code: str, password: str, window_no: int, now: datetime
) -> SignInOutcome:
    clerk, refusal = check_password(s, hall, code, password, window_no, now)
    if refusal is not None:
        return SignInOutcome(None, refusal)

    window = lock_window(s, hall, window_no)
    if signed_in_today(hall, window, now) and window.clerk_id != clerk.id:
        other = hall.catalog.clerk_by_id(window.clerk_id)
        return SignInOutcome(
            None,
            HallError(
                "window.signed_in_by_other",
                window=window_no,
                clerk=other.name if other else "",
            ),
        )
    elsewhere = signed_in_window(s, hall, clerk)
    if elsewhere is not None and elsewhere.id != window.id:
        ticket = in_hand(s, elsewhere)
        if ticket is not None:
            return SignInOutcome(
                None,
                HallError(
                    "clerk.ticket_at_other_window",
                    window=elsewhere.number,
                    number=ticket.number,
                ),
            )
        end_sign_in(s, hall, elsewhere, clerk, now, reason=f"signed in at window {window_no}")
    post = s.scalars(select(Post).where(Post.window_id == window.id)).first()
    kind = None
    if post is not None:
        kind = "A" if post.a_clerk_id == clerk.id else "B" if post.b_clerk_id == clerk.id else None
    if window.clerk_id not in (None, clerk.id):
        # Someone who signed in on an earlier day and never signed out: their day is over.
        stale = s.get(Clerk, window.clerk_id)
        if stale is not None:
            end_sign_in(s, hall, window, stale, now, reason="signed in on an earlier day")
    if not signed_in_today(hall, window, now) or window.clerk_id != clerk.id:
        window.signed_in_at = now
    window.clerk_id = clerk.id
    event(s, hall, now, EventKind.SIGNED_IN, window=window, clerk=clerk, post=kind)
    record_empty_posts(s, hall, now, window=window)  # the window's empty post (空岗) ends
    posts.on_sign_in(s, hall, window, clerk, now)
    held = in_hand(s, window)
    return SignInOutcome(
        SignedIn(
            clerk=clerk.code,
            name=clerk.name,
            role=clerk.role,
            window=window_no,
            post=kind,
            at=now,
            ticket_in_hand=held.number if held is not None else None,
        ),
        None,
    )


def sign_out(
    s: Session,
    hall: HallSettings,
    code: str,
    window_no: int,
    now: datetime,
    *,
    noon_reason: str | None = None,
) -> None:
    """The clerk leaves the window; the last window of a zone serving at noon leaves only
    with ``noon_reason`` (`shared.rules.coverage`)."""
    clerk = clerk_row(s, hall, code)
    window = lock_window(s, hall, window_no)
    if window.signed_in_at is None or window.clerk_id != clerk.id:  # any day: they may leave
        raise HallError("window.not_signed_in", window=window_no, clerk=code)
    ticket = in_hand(s, window)
    if ticket is not None:
        raise HallError("window.ticket_in_hand", window=window_no, number=ticket.number)
    posts.check_leaving(s, hall, window, clerk, now)
    noon_departure(s, hall, window, clerk, now, noon_reason, action="sign_out")
    end_sign_in(s, hall, window, clerk, now)


def staffed_windows(s: Session, hall: HallSettings, now: datetime) -> list[int]:
    """The windows with a clerk signed in today and not paused, by number."""
    return sorted(
        s.scalars(
            select(Window.number).where(
                Window.hall_id == hall.id,
                Window.clerk_id.is_not(None),
                Window.signed_in_at >= hall.day_start(hall.business_day(now)),
                Window.paused.is_(False),
                Window.active.is_(True),
            )
        ).all()
    )
