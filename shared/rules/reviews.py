"""Good and bad reviews (好差评, 码上监督): the signed code on every ticket, the rating of a
finished service (once per ticket, from the phone, the kiosk or the window's evaluator),
and the case that follows every bad review to its end (差评整改).

A code names its hall and ticket and carries an HMAC (SHA-256, per-hall secret), so a
code cannot be forged for another ticket or altered; the ticket is found from the code
alone. A short code (the ticket and six check digits) is printed for typing at the kiosk.

Levels are stored by name (`ReviewLevel`); numbers are given only at export, on the scale
the receiving system wants. A bad level (不满意, 非常不满意) needs a reason tag or words and
opens a case: 待整改 → 整改中 → 整改完成, or an application to have the review found invalid
or the matter found impossible to rectify, decided by a supervisor; the deadline is counted
in the hall's working days from the review, with one extension at most; a real-name review
is called back (回访) before the case is completed. Every step records who and when.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.base.errors import HallError
from shared.base.messages import render, word
from shared.config.calendar import add_working_days
from shared.config.catalog import ClerkEntry
from shared.config.halls import HallSettings
from shared.rules.tickets import end_service
from shared.rules.windows import event
from shared.store.model import (
    OPEN_CASE_STATES,
    CaseState,
    CaseStep,
    Event,
    EventKind,
    Review,
    ReviewCase,
    ReviewChannel,
    ReviewLevel,
    Role,
    Ticket,
    TicketState,
    Window,
)

_MAC_BYTES = 10  # 80 bits: far beyond guessing, short enough for a small QR code
_CODE = re.compile(r"^([A-Za-z0-9_-]{1,32})\.([0-9a-z]{1,13})\.([A-Z2-7]{16})$")


@dataclass(frozen=True)
class ReviewRef:
    hall_code: str
    ticket_id: int


def _mac(secret: bytes, hall_code: str, ticket_id: int) -> str:
    digest = hmac.new(secret, f"review:{hall_code}:{ticket_id}".encode(), hashlib.sha256)
    return base64.b32encode(digest.digest()[:_MAC_BYTES]).decode()


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def make_review_code(secret: bytes, hall_code: str, ticket_id: int) -> str:
    """``HALL.ID.MAC``, e.g. ``QC.2s.HZ4Q7…``."""
    return f"{hall_code}.{_b36(ticket_id)}.{_mac(secret, hall_code, ticket_id)}"


def parse_review_code(code: str) -> ReviewRef:
    """The hall and ticket a code names, before its MAC is checked."""
    m = _CODE.match(code.strip())
    if not m:
        raise HallError("review.invalid")
    return ReviewRef(hall_code=m.group(1), ticket_id=int(m.group(2), 36))


def verify_review_code(secret: bytes, code: str) -> ReviewRef:
    """The ticket a genuine code names; ``HallError("review.invalid")`` otherwise."""
    ref = parse_review_code(code)
    mac = code.strip().rsplit(".", 1)[1]
    if not hmac.compare_digest(mac, _mac(secret, ref.hall_code, ref.ticket_id)):
        raise HallError("review.invalid")
    return ref


# -- short codes: typed at the kiosk ------------------------------------------------------

_SHORT = re.compile(r"^(\d{1,12})\D?(\d{6})$")


def make_short_code(secret: bytes, hall_code: str, ticket_id: int) -> str:
    """The code printed under the slip's QR for typing at the kiosk, ``57-483920``: the
    ticket and six check digits (a typed guess is right once in a million)."""
    digest = hmac.new(secret, f"short:{hall_code}:{ticket_id}".encode(), hashlib.sha256)
    return f"{ticket_id}-{int.from_bytes(digest.digest()[:8], 'big') % 1_000_000:06d}"


def verify_short_code(secret: bytes, hall_code: str, short: str) -> int:
    """The ticket id a typed short code names; ``review.invalid`` otherwise."""
    m = _SHORT.match(re.sub(r"\s", "", short))
    if not m:
        raise HallError("review.invalid")
    ticket_id = int(m.group(1))
    if not hmac.compare_digest(make_short_code(secret, hall_code, ticket_id), f"{m[1]}-{m[2]}"):
        raise HallError("review.invalid")
    return ticket_id


def code_in(text: str) -> str:
    """The review code in what a scanner read: the slip's whole address, or the code."""
    return text.strip().rsplit("/", 1)[-1].split("?", 1)[0]


# -- the rating ---------------------------------------------------------------------------


def _both(kind: str, value: str) -> tuple[str, str]:
    """A word of the message table in Chinese and in English, for the pages that still
    pick one of the two by its place; everyone else asks ``word(kind, value, lang)``."""
    return word(kind, value, "zh"), word(kind, value, "en")


#: The levels, best first (非常满意 5 stars … 非常不满意 1), with their words (``level.*``).
LEVELS: tuple[tuple[ReviewLevel, str, str], ...] = tuple(
    (level, *_both("level", level))
    for level in (
        ReviewLevel.VERY_SATISFIED,
        ReviewLevel.SATISFIED,
        ReviewLevel.BASICALLY_SATISFIED,
        ReviewLevel.DISSATISFIED,
        ReviewLevel.VERY_DISSATISFIED,
    )
)
BAD_LEVELS = frozenset({ReviewLevel.DISSATISFIED, ReviewLevel.VERY_DISSATISFIED})
#: Codes at export only: which number a level gets depends on the receiving system.
EXPORT_SCALES: dict[str, dict[ReviewLevel, int]] = {
    "5-1": {level: 5 - i for i, (level, _, _) in enumerate(LEVELS)},  # stars: 非常满意 5
    "1-5": {level: 1 + i for i, (level, _, _) in enumerate(LEVELS)},  # 非常满意 1
}
#: Why a service was bad: a tag (or the citizen's own words) is required for a bad level.
#: In the order offered, with their words (``review_reason.*``).
REASONS: dict[str, tuple[str, str]] = {
    tag: _both("review_reason", tag)
    for tag in ("attitude", "slow", "unclear", "refused", "rules", "facilities", "other")
}
#: What else may be rated, each on the same five levels (``review_dimension.*``).
DIMENSIONS: dict[str, tuple[str, str]] = {
    key: _both("review_dimension", key) for key in ("efficiency", "attitude", "service")
}
TEXT_MAX = 500
NAME_MAX = 50
_PHONE = re.compile(r"^\+?[0-9][0-9 -]{4,18}$")


#: How a review's channel reads (``review_channel.*``).
CHANNEL_WORDS: dict[str, tuple[str, str]] = {
    channel: _both("review_channel", channel) for channel in ("qr", "kiosk", "evaluator", "other")
}


def level_words(level: ReviewLevel | str, lang: str = "zh") -> str:
    """A level in words: 非常满意 / Very satisfied."""
    return word("level", str(level), lang)


def export_code(level: ReviewLevel | str, scale: str = "5-1") -> int:
    """A level's number in an export: ``scale`` "5-1" (非常满意 5) or "1-5" (非常满意 1)."""
    return EXPORT_SCALES[scale][ReviewLevel(level)]


@dataclass(frozen=True)
class Rating:
    """What the citizen chose and typed, checked."""

    level: ReviewLevel
    reasons: tuple[str, ...] = ()
    text: str | None = None
    dimensions: tuple[tuple[str, ReviewLevel], ...] = ()
    name: str | None = None
    phone: str | None = None

    @classmethod
    def of(
        cls,
        level: str,
        reasons: Iterable[str] = (),
        text: str | None = None,
        dimensions: Mapping[str, str] | None = None,
        name: str | None = None,
        phone: str | None = None,
    ) -> Rating:
        """Check a rating as it came from a form; ``HallError`` with the sentence if not."""
        try:
            lv = ReviewLevel(level)
        except ValueError:
            raise HallError("review.level") from None
        tags = tuple(dict.fromkeys(r for r in reasons if r))
        for tag in tags:
            if tag not in REASONS:
                raise HallError("review.unknown_reason", reason=tag[:20])
        words = (text or "").strip() or None
        if words is not None and len(words) > TEXT_MAX:
            raise HallError("review.text_long", max=TEXT_MAX)
        if lv in BAD_LEVELS and not tags and words is None:
            raise HallError("review.reason_needed", level=lv.value)
        if lv in BAD_LEVELS and tags == ("other",) and words is None:
            raise HallError("review.reason_words")
        dims = []
        for key, value in (dimensions or {}).items():
            if not value:
                continue
            if key not in DIMENSIONS:
                raise HallError("review.dimension", dimension=key[:20])
            try:
                dims.append((key, ReviewLevel(value)))
            except ValueError:
                raise HallError("review.level") from None
        who = (name or "").strip() or None
        if who is not None and len(who) > NAME_MAX:
            raise HallError("review.name_long", max=NAME_MAX)
        tel = (phone or "").strip() or None
        if tel is not None and not _PHONE.match(tel):
            raise HallError("review.phone")
        return cls(lv, tags, words, tuple(dims), who, tel)


def rateable_ticket(
    s: Session, hall: HallSettings, ticket_id: int, now: datetime, *, lock: bool = False
) -> Ticket:
    """The hall's ticket a genuine code names, while it may still be rated."""
    q = select(Ticket).where(Ticket.id == ticket_id, Ticket.hall_id == hall.id)
    t = s.scalars(q.with_for_update() if lock else q).one_or_none()
    if t is None:
        raise HallError("review.invalid")
    if now - t.issued_at > timedelta(days=hall.reviews.code_days):
        raise HallError("review.expired", days=hall.reviews.code_days)
    return t


def ticket_id_of(hall: HallSettings, code: str, *, short_code: bool = True) -> int:
    """The ticket of a scanned or typed code (whole code or short code), checked: altered,
    truncated, forged with another key and other halls' codes are refused.

    ``short_code=False`` for a channel where nobody watches the typing (the phone page):
    six digits can be guessed by a script within the code's days, so there a short code
    is refused as ``review.invalid`` without being checked, the same answer for a genuine
    one and a guess. The kiosk and the window's evaluator, where the citizen stands,
    accept it."""
    code = code_in(code)
    if _SHORT.match(re.sub(r"\s", "", code)):
        if not short_code:
            raise HallError("review.invalid")
        return verify_short_code(hall.secret, hall.code, code)
    ref = parse_review_code(code)
    if ref.hall_code != hall.code:
        raise HallError("review.other_hall")
    verify_review_code(hall.secret, code)
    return ref.ticket_id


def review_of(s: Session, ticket_id: int) -> Review | None:
    return s.scalars(select(Review).where(Review.ticket_id == ticket_id)).one_or_none()


def case_id_of(s: Session, review_id: int) -> int | None:
    """The case a (bad) review opened, if any."""
    return s.scalar(select(ReviewCase.id).where(ReviewCase.review_id == review_id))


def submit(
    s: Session,
    hall: HallSettings,
    ticket_id: int,
    rating: Rating,
    channel: ReviewChannel,
    now: datetime,
) -> Review:
    """The citizen's rating of a finished ticket, once; a bad one opens its case."""
    t = rateable_ticket(s, hall, ticket_id, now, lock=True)
    if t.state != TicketState.DONE:
        raise HallError("review.not_finished", number=t.number, state=t.state.value)
    if review_of(s, t.id) is not None:
        raise HallError("review.already", number=t.number)
    review = Review(
        hall_id=hall.id,
        ticket_id=t.id,
        business_day=t.business_day,
        service_id=t.service_id,
        window_id=t.window_id,
        clerk_id=t.clerk_id,
        at=now,
        level=rating.level,
        channel=channel,
        reasons=list(rating.reasons),
        text=rating.text,
        dimensions={k: v.value for k, v in rating.dimensions},
        name=rating.name,
        phone=rating.phone,
    )
    s.add(review)
    s.flush()  # a second rating racing this one fails here, on the unique ticket
    window = s.get(Window, t.window_id) if t.window_id else None
    clerk = hall.catalog.clerk_by_id(t.clerk_id)
    event(
        s, hall, now, EventKind.REVIEWED, t, window=window, clerk=clerk,
        level=rating.level, channel=channel,
    )  # fmt: skip
    if rating.level in BAD_LEVELS:
        open_case(s, hall, review, now)
    return review


def ask(s: Session, hall: HallSettings, window_no: int, clerk_code: str, now: datetime) -> Ticket:
    """F3 (评价): the service is over and the window's evaluator asks for the rating."""
    t = end_service(s, hall, window_no, clerk_code, now)
    window = s.get(Window, t.window_id) if t.window_id else None
    event(s, hall, now, EventKind.REVIEW_ASKED, t, window=window,
          clerk=hall.catalog.clerk(clerk_code))  # fmt: skip
    return t


def asked_at_window(s: Session, hall: HallSettings, window_no: int, now: datetime) -> Ticket | None:
    """The ticket the window's evaluator shows now: asked for within the evaluator's
    time, and not rated yet."""
    window = hall.catalog.window(window_no)
    since = now - timedelta(seconds=hall.reviews.evaluator_seconds)
    ev = s.scalars(
        select(Event)
        .where(
            Event.hall_id == hall.id,
            Event.window_id == window.id,
            Event.kind == EventKind.REVIEW_ASKED,
            Event.at >= since,
        )
        .order_by(Event.id.desc())
        .limit(1)
    ).one_or_none()
    if ev is None or ev.ticket_id is None or review_of(s, ev.ticket_id) is not None:
        return None
    return s.get(Ticket, ev.ticket_id)


# -- bad-review cases (差评整改) -------------------------------------------------------------

#: What a case step does: the states it starts from, the state it leads to (None: the
#: same), whether a note is required and whether only a supervisor may take it.
ACTIONS: dict[str, tuple[tuple[CaseState, ...], CaseState | None, bool, bool]] = {
    "start": ((CaseState.PENDING,), CaseState.RECTIFYING, True, False),
    "complete": ((CaseState.RECTIFYING,), CaseState.RECTIFIED, True, False),
    "apply_invalid": (
        (CaseState.PENDING, CaseState.RECTIFYING),
        CaseState.INVALID_APPLIED,
        True,
        False,
    ),
    "apply_unrectifiable": (
        (CaseState.PENDING, CaseState.RECTIFYING),
        CaseState.UNRECTIFIABLE_APPLIED,
        True,
        False,
    ),
    "approve": ((CaseState.INVALID_APPLIED, CaseState.UNRECTIFIABLE_APPLIED), None, False, True),
    "reject": ((CaseState.INVALID_APPLIED, CaseState.UNRECTIFIABLE_APPLIED), None, True, True),
    "extend": ((CaseState.PENDING, CaseState.RECTIFYING), None, True, True),
    "callback": (
        (*OPEN_CASE_STATES, CaseState.RECTIFIED, CaseState.UNRECTIFIABLE),
        None,
        False,
        False,
    ),
}
CLOSED_BY = {
    CaseState.RECTIFIED: "rectified",
    CaseState.INVALID: "invalid",
    CaseState.UNRECTIFIABLE: "unrectifiable",
}


def open_case(s: Session, hall: HallSettings, review: Review, now: datetime) -> ReviewCase:
    """A bad review's case: to rectify within the hall's working days of the review; a
    real-name review (a name or phone given) needs a callback (回访)."""
    day = hall.business_day(now)
    case = ReviewCase(
        hall_id=hall.id,
        review_id=review.id,
        state=CaseState.PENDING,
        opened_at=now,
        due=add_working_days(hall.calendar, day, hall.reviews.rectify_working_days),
        extended_days=0,
        callback_needed=bool(review.name or review.phone),
    )
    s.add(case)
    s.flush()
    s.add(CaseStep(case_id=case.id, at=now, clerk_id=None, action="opened",
                   from_state=None, to_state=CaseState.PENDING))  # fmt: skip
    event(s, hall, now, EventKind.CASE_UPDATED, case=case.id, action="opened",
          state=CaseState.PENDING)  # fmt: skip
    return case


def act(
    s: Session,
    hall: HallSettings,
    case_id: int,
    action: str,
    clerk: ClerkEntry,
    now: datetime,
    *,
    note: str | None = None,
    days: int | None = None,
    callback_result: str | None = None,
) -> ReviewCase:
    """One step of a case, by ``clerk``, recorded with who and when."""
    rule = ACTIONS.get(action)
    if rule is None:
        raise HallError("case.unknown_action", action=action[:24])
    starts, leads_to, needs_note, supervisor_only = rule
    case = s.scalars(
        select(ReviewCase)
        .where(ReviewCase.id == case_id, ReviewCase.hall_id == hall.id)
        .with_for_update()
    ).one_or_none()
    if case is None:
        raise HallError("case.unknown", case=case_id)
    if supervisor_only and clerk.role != Role.SUPERVISOR:
        raise HallError("case.not_supervisor", clerk=clerk.code)
    if case.state not in starts:
        raise HallError(
            "case.wrong_state", case=case_id, case_state=case.state.value, action=action
        )
    words = (note or "").strip() or None
    if needs_note and words is None:
        raise HallError("case.note_needed", action=action)
    before = case.state
    after = leads_to or before
    if action == "complete" and case.callback_needed and case.called_back_at is None:
        raise HallError("case.callback_first", case=case_id)
    if action == "approve":
        after = (
            CaseState.INVALID if before == CaseState.INVALID_APPLIED else (CaseState.UNRECTIFIABLE)
        )
    elif action == "reject":
        after = _before_application(s, case)
    elif action == "extend":
        if case.extended_days:
            raise HallError("case.extended_once", case=case_id)
        limit = hall.reviews.extension_working_days
        if days is None or not 1 <= days <= limit:
            raise HallError("case.extension_days", max=limit)
        case.extended_days = days
        case.due = add_working_days(hall.calendar, case.due, days)
    elif action == "callback":
        if callback_result not in CALLBACK_RESULTS:
            raise HallError("case.callback_result")
        case.called_back_at = now
        case.callback_result = callback_result
    case.state = after
    if after in CLOSED_BY:
        case.closed_at = now
    step = CaseStep(
        case_id=case.id,
        at=now,
        clerk_id=clerk.id,
        action=action,
        from_state=before,
        to_state=after,
        note=words,
        days=days if action == "extend" else None,
        result=callback_result if action == "callback" else None,
    )
    s.add(step)
    event(s, hall, now, EventKind.CASE_UPDATED, clerk=clerk, case=case.id, action=action,
          state=after)  # fmt: skip
    return case


#: How a callback (回访) went (``callback.*``).
CALLBACK_RESULTS: dict[str, tuple[str, str]] = {
    result: _both("callback", result) for result in ("satisfied", "unsatisfied", "unreachable")
}


def reason_words(tags: Iterable[str], lang: str = "zh") -> str:
    """A review's reason tags in words, ``、``/``, `` between them."""
    return render("list.separator", lang).join(word("review_reason", t, lang) for t in tags)


def step_words(step: CaseStepInfo, lang: str = "zh") -> str:
    """A step's details for a person: a callback's result and an extension's working days
    in words, then the note."""
    parts = []
    if step.result in CALLBACK_RESULTS:
        parts.append(word("callback", step.result, lang))
    if step.days is not None:
        if step.days == 1:
            parts.append(render("step.extension_one", lang, days=step.days))
        else:
            parts.append(render("step.extension", lang, days=step.days))
    if step.note:
        parts.append(step.note)
    return render("list.clauses", lang).join(parts)


def _before_application(s: Session, case: ReviewCase) -> CaseState:
    """The state a case was in before its pending application (where a rejection leads)."""
    step = s.scalars(
        select(CaseStep)
        .where(CaseStep.case_id == case.id, CaseStep.to_state == case.state)
        .order_by(CaseStep.id.desc())
        .limit(1)
    ).one()
    return step.from_state or CaseState.PENDING


# -- what screens and reports read ---------------------------------------------------------


@dataclass(frozen=True)
class ReviewInfo:
    id: int
    number: str  # the ticket
    business_day: date
    service_code: str
    service_name: str
    window_no: int | None
    clerk_code: str | None
    clerk_name: str | None
    at: datetime
    level: str  # ReviewLevel value
    channel: str  # ReviewChannel value
    reasons: tuple[str, ...]
    text: str | None
    dimensions: tuple[tuple[str, str], ...]
    real_name: bool  # the citizen left a name or phone to be called back
    case_id: int | None = None


@dataclass(frozen=True)
class CaseStepInfo:
    at: datetime
    clerk_code: str | None  # None: opened by the review itself
    clerk_name: str | None
    action: str
    from_state: str | None
    to_state: str
    note: str | None
    days: int | None = None  # an extension's working days
    result: str | None = None  # a callback's result (CALLBACK_RESULTS)


@dataclass(frozen=True)
class CaseInfo:
    """A bad review's case as the supervisor sees it."""

    id: int
    state: str  # CaseState value
    review: ReviewInfo
    opened_at: datetime
    due: date  # the last day to rectify (extension included)
    days_left: int  # calendar days from today to ``due``; negative: overdue
    extended_days: int
    callback_needed: bool
    called_back_at: datetime | None
    callback_result: str | None
    closed_at: datetime | None
    name: str | None  # what the citizen typed, for the callback
    phone: str | None
    steps: tuple[CaseStepInfo, ...] = ()

    @property
    def open(self) -> bool:
        return CaseState(self.state) in OPEN_CASE_STATES

    @property
    def overdue(self) -> bool:
        return self.open and self.days_left < 0


def review_info(
    s: Session, hall: HallSettings, r: Review, case_id: int | None = None
) -> ReviewInfo:
    cat = hall.catalog
    t = s.get(Ticket, r.ticket_id)
    service = cat.service_of(s, r.service_id)
    window = cat.window_by_id(r.window_id)
    clerk = cat.clerk_by_id(r.clerk_id)
    return ReviewInfo(
        id=r.id,
        number=t.number if t else "",
        business_day=r.business_day,
        service_code=service.code,
        service_name=service.name,
        window_no=window.number if window else None,
        clerk_code=clerk.code if clerk else None,
        clerk_name=clerk.name if clerk else None,
        at=r.at,
        level=r.level.value,
        channel=r.channel.value,
        reasons=tuple(r.reasons or ()),
        text=r.text,
        dimensions=tuple(sorted((r.dimensions or {}).items())),
        real_name=bool(r.name or r.phone),
        case_id=case_id,
    )


def case_info(
    s: Session, hall: HallSettings, case: ReviewCase, today: date, *, steps: bool = True
) -> CaseInfo:
    review = s.get(Review, case.review_id)
    assert review is not None
    rows: list[CaseStepInfo] = []
    if steps:
        for step in s.scalars(
            select(CaseStep).where(CaseStep.case_id == case.id).order_by(CaseStep.id)
        ):
            who = hall.catalog.clerk_by_id(step.clerk_id)
            rows.append(
                CaseStepInfo(
                    at=step.at,
                    clerk_code=who.code if who else None,
                    clerk_name=who.name if who else None,
                    action=step.action,
                    from_state=step.from_state.value if step.from_state else None,
                    to_state=step.to_state.value,
                    note=step.note,
                    days=step.days,
                    result=step.result,
                )
            )
    return CaseInfo(
        id=case.id,
        state=case.state.value,
        review=review_info(s, hall, review, case.id),
        opened_at=case.opened_at,
        due=case.due,
        days_left=(case.due - today).days,
        extended_days=case.extended_days,
        callback_needed=case.callback_needed,
        called_back_at=case.called_back_at,
        callback_result=case.callback_result,
        closed_at=case.closed_at,
        name=review.name,
        phone=review.phone,
        steps=tuple(rows),
    )


def cases(s: Session, hall: HallSettings, today: date, *, open_only: bool = True) -> list[CaseInfo]:
    """The hall's cases, without their steps (`case_info` reads one in full): overdue
    first, then by how soon they are due."""
    q = select(ReviewCase).where(ReviewCase.hall_id == hall.id)
    if open_only:
        q = q.where(ReviewCase.state.in_(OPEN_CASE_STATES))
    out = [case_info(s, hall, c, today, steps=False) for c in s.scalars(q.order_by(ReviewCase.id))]
    return sorted(out, key=lambda c: (not c.overdue, not c.open, c.due, c.id))


def reviews_between(s: Session, hall: HallSettings, first: date, last: date) -> list[ReviewInfo]:
    """The reviews of the tickets of these business days (both included), oldest first."""
    q = (
        select(Review, ReviewCase.id)
        .outerjoin(ReviewCase, ReviewCase.review_id == Review.id)
        .where(Review.hall_id == hall.id, Review.business_day.between(first, last))
        .order_by(Review.id)
    )
    return [review_info(s, hall, r, case_id) for r, case_id in s.execute(q)]


#: The levels counted as satisfied (满意及以上) in the satisfaction rate.
GOOD_LEVELS = frozenset({ReviewLevel.VERY_SATISFIED, ReviewLevel.SATISFIED})


def share(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` in percent, to one decimal; None of nothing."""
    return round(100 * part / whole, 1) if whole else None


@dataclass(frozen=True)
class LevelCount:
    level: str  # ReviewLevel value
    count: int
    share: float | None  # percent of the reviews


@dataclass(frozen=True)
class WindowCount:
    window: int | None
    name: str
    count: int
    good: int  # 满意 or better
    good_share: float | None  # percent


@dataclass(frozen=True)
class ReviewSummary:
    """Reviews counted: in all, satisfied or better, per level (every level, the best
    first), per window (by number; reviews without a window last)."""

    reviews: tuple[ReviewInfo, ...]
    count: int
    good: int
    good_share: float | None  # the satisfaction rate, percent
    by_level: tuple[LevelCount, ...]
    by_window: tuple[WindowCount, ...]


def summarize(reviews: Sequence[ReviewInfo], window_names: Mapping[int, str]) -> ReviewSummary:
    total = len(reviews)
    good_levels = {lv.value for lv in GOOD_LEVELS}
    good = sum(1 for r in reviews if r.level in good_levels)
    by_level = tuple(
        LevelCount(lv.value, n, share(n, total))
        for lv, _zh, _en in LEVELS
        for n in [sum(1 for r in reviews if r.level == lv.value)]
    )
    by_window = []
    for no in sorted({r.window_no for r in reviews}, key=lambda n: (n is None, n or 0)):
        mine = [r for r in reviews if r.window_no == no]
        mine_good = sum(1 for r in mine if r.level in good_levels)
        name = window_names.get(no, "") if no is not None else ""
        by_window.append(WindowCount(no, name, len(mine), mine_good, share(mine_good, len(mine))))
    return ReviewSummary(
        tuple(reviews), total, good, share(good, total), by_level, tuple(by_window)
    )
