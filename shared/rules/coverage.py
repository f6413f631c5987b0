"""Noon duty (中午值班) and empty posts (空岗), read from the windows' own record.

The staffing timeline
---------------------
Who was at which window, and when, is rebuilt from the append-only events ``signed_in``,
``signed_out``, ``paused`` and ``resumed`` of a business day (`staffing_timeline`): per
window, the spans a clerk was signed in, and the spans it was *serving* (signed in and not
paused). A sign-in holds for its own business day only, so every window starts the day
with nobody signed in; whether it starts paused comes from its last pause or resume
before the day. A hand-over of an AB post (A signed out, B signed in at the same instant)
leaves no gap: touching spans are one.

Noon duty
---------
On a day with a noon break (workdays; not a weekend day, not a closed day) every active
zone keeps at least ``[staffing] noon_windows_per_zone`` comprehensive windows serving
through it. The windows that count for a zone are its own comprehensive windows and the
comprehensive windows of no zone, which serve the whole hall. `noon_coverage` reports,
per zone, which of them served from when to when, and the gaps: the times fewer served.

Before the last of them stops, its clerk is warned (`noon_departure`, called by a pause,
a sign-out, and by whatever else takes a clerk from a window): without a reason the
departure is refused (``noon.last_window``); with one it goes ahead and a
``noon_uncovered`` event records the window, the clerk, the zones left uncovered and why.

Empty posts
-----------
A window with an AB post and nobody signed in for more than ``[staffing]
empty_post_minutes`` of open hours (opening to closing, the noon break not counted) is an
empty post (`empty_posts`). Each is recorded once, as an ``empty_post`` event, when it
ends: when a clerk signs in at the window, or, still open, when the day is closed
(`record_empty_posts`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.base.errors import HallError
from shared.config.catalog import ClerkEntry, WindowEntry
from shared.config.halls import HallSettings
from shared.rules.windows import event, signed_in_today
from shared.store.model import Clerk, Event, EventKind, Window, Zone

__all__ = [
    "EmptyPost",
    "NoonCoverage",
    "NoonWindow",
    "Span",
    "WindowTimeline",
    "ZoneNoon",
    "empty_posts",
    "noon_coverage",
    "noon_departure",
    "noon_period",
    "record_empty_posts",
    "staffing_timeline",
]

#: The events the staffing timeline is rebuilt from.
STAFFING_KINDS = (EventKind.SIGNED_IN, EventKind.SIGNED_OUT, EventKind.PAUSED, EventKind.RESUMED)


@dataclass(frozen=True)
class Span:
    """A stretch of time; ``end`` None: it still goes on at the moment read."""

    start: datetime
    end: datetime | None


@dataclass(frozen=True)
class WindowTimeline:
    """One window's business day: when a clerk was signed in, and when it served."""

    number: int
    signed_in: tuple[Span, ...]
    serving: tuple[Span, ...]  # signed in and not paused


@dataclass(frozen=True)
class NoonWindow:
    """A comprehensive window counting for a zone's noon duty, and when it served then."""

    window: int
    name: str
    zone: str | None  # its zone's code; None: a window of the whole hall
    served: tuple[Span, ...]  # within the noon break


@dataclass(frozen=True)
class ZoneNoon:
    """One zone's noon duty: its windows, the gaps (fewer serving than needed), covered
    when there was no gap (so far)."""

    code: str
    name: str
    windows: tuple[NoonWindow, ...]
    gaps: tuple[Span, ...]
    covered: bool


@dataclass(frozen=True)
class NoonCoverage:
    """A day's noon duty. ``state``: ``none`` (no noon break that day: a weekend day, a
    closed day), ``ahead`` (not begun), ``in_progress`` (read up to now) or ``over``."""

    day: date
    state: str
    start: datetime | None  # the noon break; None with ``none``
    end: datetime | None
    needed: int  # comprehensive windows serving per zone
    zones: tuple[ZoneNoon, ...] = ()
    covered: bool = True  # every zone, so far


@dataclass(frozen=True)
class EmptyPost:
    """A window with a post and nobody signed in for too long (空岗)."""

    window: int
    name: str
    start: datetime
    end: datetime | None  # None: still nobody signed in
    minutes: int  # open-hours minutes, the noon break not counted, rounded up
    recorded: bool = False  # its ``empty_post`` event is written


@dataclass
class _Track:
    """A window's state while its events are replayed."""

    paused: bool
    clerk_id: int | None = None
    signed_since: datetime | None = None
    serving_since: datetime | None = None
    signed: list[tuple[datetime, datetime | None]] = field(default_factory=list)
    serving: list[tuple[datetime, datetime | None]] = field(default_factory=list)

    @property
    def is_serving(self) -> bool:
        return self.signed_since is not None and not self.paused

    def apply(self, kind: EventKind, at: datetime, clerk_id: int | None) -> None:
        was_serving = self.is_serving
        if kind == EventKind.SIGNED_IN:
            if self.signed_since is None:
                self.signed_since = at
            self.clerk_id = clerk_id  # another clerk taking over: no gap
        elif kind == EventKind.SIGNED_OUT:
            # A sign-out of someone no longer here (a hand-over recorded the other way
            # round, a sign-in left from an earlier day) changes nothing.
            if self.signed_since is not None and clerk_id in (None, self.clerk_id):
                self.signed.append((self.signed_since, at))
                self.signed_since = None
                self.clerk_id = None
        elif kind == EventKind.PAUSED:
            self.paused = True
        elif kind == EventKind.RESUMED:
            self.paused = False
        if self.is_serving and not was_serving:
            self.serving_since = at
        elif was_serving and not self.is_serving:
            assert self.serving_since is not None
            self.serving.append((self.serving_since, at))
            self.serving_since = None

    def close(self, end: datetime | None) -> None:
        if self.signed_since is not None:
            self.signed.append((self.signed_since, end))
        if self.serving_since is not None:
            self.serving.append((self.serving_since, end))


def _spans(pairs: Iterable[tuple[datetime, datetime | None]]) -> tuple[Span, ...]:
    """Spans in order, the empty ones left out, touching ones joined."""
    out: list[Span] = []
    for start, end in pairs:
        if end is not None and end <= start:
            continue
        last_end = out[-1].end if out else None
        if last_end is not None and last_end >= start:
            out[-1] = Span(out[-1].start, None if end is None else max(end, last_end))
            continue
        out.append(Span(start, end))
    return tuple(out)


def _paused_before(
    s: Session, hall: HallSettings, ids: Sequence[int], before: datetime
) -> set[int]:
    """The windows whose last pause or resume before ``before`` was a pause."""
    last = (
        select(func.max(Event.id).label("id"))
        .where(
            Event.hall_id == hall.id,
            Event.kind.in_((EventKind.PAUSED, EventKind.RESUMED)),
            Event.window_id.in_(ids),
            Event.at < before,
        )
        .group_by(Event.window_id)
        .subquery()
    )
    rows = s.execute(select(Event.window_id, Event.kind).join(last, last.c.id == Event.id))
    return {window_id for window_id, kind in rows if window_id and kind == EventKind.PAUSED}


def staffing_timeline(
    s: Session,
    hall: HallSettings,
    day: date,
    now: datetime,
    *,
    windows: Sequence[WindowEntry] | None = None,
    pauses: bool = True,
) -> dict[int, WindowTimeline]:
    """The windows' day (every active window, or ``windows``), by window number, up to
    ``now``: a span still going on then has no end (after the day, it ends at midnight).
    Without ``pauses`` only the sign-ins are wanted: the serving spans may be wrong."""
    entries = tuple(hall.catalog.windows if windows is None else windows)
    day_start, day_end = hall.day_start(day), hall.day_end(day)
    bound = min(now, day_end)
    ids = [w.id for w in entries]
    if not ids or bound <= day_start:
        return {w.number: WindowTimeline(w.number, (), ()) for w in entries}
    paused = _paused_before(s, hall, ids, day_start) if pauses else set()
    tracks = {w.id: _Track(paused=w.id in paused) for w in entries}
    rows = s.execute(
        select(Event.window_id, Event.kind, Event.at, Event.clerk_id)
        .where(
            Event.hall_id == hall.id,
            Event.kind.in_(STAFFING_KINDS),
            Event.window_id.in_(ids),
            Event.at >= day_start,
            Event.at <= bound,
        )
        .order_by(Event.at, Event.id)
    )
    for window_id, kind, at, clerk_id in rows:
        if window_id is not None:  # the query asks for these windows only
            tracks[window_id].apply(kind, at, clerk_id)
    still = None if now < day_end else day_end
    out: dict[int, WindowTimeline] = {}
    for w in entries:
        track = tracks[w.id]
        track.close(still)
        out[w.number] = WindowTimeline(w.number, _spans(track.signed), _spans(track.serving))
    return out


# -- noon duty ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Zone:
    id: int
    code: str
    name: str


def _zones(s: Session, hall: HallSettings) -> list[_Zone]:
    return [
        _Zone(z.id, z.code, z.name)
        for z in s.scalars(
            select(Zone).where(Zone.hall_id == hall.id, Zone.active.is_(True)).order_by(Zone.id)
        )
    ]


def _counts_for(w: WindowEntry, zone_id: int) -> bool:
    """A comprehensive window counts for its own zone's noon duty, or, without a zone,
    for every zone's."""
    return w.comprehensive and w.zone_id in (None, zone_id)


def _utc(hall: HallSettings, day: date, t: time) -> datetime:
    """A wall-clock time of the hall's day, in UTC like every time the core returns."""
    return hall.at(day, t).astimezone(UTC)


def noon_period(hall: HallSettings, day: date) -> tuple[datetime, datetime] | None:
    """The day's noon break as two moments; None when the day has none (closed, or a
    weekend day with its own hours)."""
    opening = hall.opening(day)
    if opening is None or opening.noon_break is None:
        return None
    a, b = opening.noon_break
    return _utc(hall, day, a), _utc(hall, day, b)


def _clip(
    spans: Sequence[Span], start: datetime, end: datetime, *, still: bool
) -> tuple[Span, ...]:
    """The parts of ``spans`` within [start, end); a span going on when read stays open
    while ``still``, else it ends at ``end``."""
    out = []
    for sp in spans:
        if sp.start >= end or (sp.end is not None and sp.end <= start):
            continue
        stop = (None if still else end) if sp.end is None else min(sp.end, end)
        out.append(Span(max(sp.start, start), stop))
    return tuple(out)


def _gaps(
    served: Sequence[tuple[Span, ...]],
    start: datetime,
    until: datetime,
    needed: int,
    open_end: bool,
) -> tuple[Span, ...]:
    """The times in [start, until) when fewer than ``needed`` of the windows served;
    a gap still going on at ``until`` has no end when ``open_end``."""
    if until <= start:
        return ()
    points = {start, until}
    for spans in served:
        for sp in spans:
            points.add(sp.start)
            points.add(until if sp.end is None else sp.end)
    cuts = sorted(p for p in points if start <= p <= until)
    pieces: list[tuple[datetime, datetime]] = []
    for a, b in pairwise(cuts):
        n = sum(
            1
            for spans in served
            if any(sp.start <= a and (sp.end is None or sp.end > a) for sp in spans)
        )
        if n < needed:
            if pieces and pieces[-1][1] == a:
                pieces[-1] = (pieces[-1][0], b)
            else:
                pieces.append((a, b))
    return tuple(Span(a, None if open_end and b == until else b) for a, b in pieces)


def noon_coverage(s: Session, hall: HallSettings, day: date, now: datetime) -> NoonCoverage:
    """The day's noon duty per active zone, up to ``now`` while it is in progress."""
    needed = hall.staffing.noon_windows_per_zone
    period = noon_period(hall, day)
    if period is None:
        return NoonCoverage(day, "none", None, None, needed)
    start, end = period
    if now <= start:
        state = "ahead"
    elif now < end:
        state = "in_progress"
    else:
        state = "over"
    until = min(now, end)
    counting = [w for w in hall.catalog.windows if w.comprehensive]
    timeline = staffing_timeline(s, hall, day, until, windows=counting) if counting else {}
    zones = []
    for z in _zones(s, hall):
        mine = [w for w in counting if _counts_for(w, z.id)]
        windows = tuple(
            NoonWindow(
                w.number,
                w.name,
                w.zone_code,
                _clip(timeline[w.number].serving, start, end, still=state == "in_progress")
                if state != "ahead"
                else (),
            )
            for w in mine
        )
        gaps = _gaps(
            [w.served for w in windows], start, until, needed, open_end=state == "in_progress"
        )
        zones.append(ZoneNoon(z.code, z.name, windows, gaps, covered=not gaps))
    return NoonCoverage(
        day, state, start, end, needed, tuple(zones), covered=all(z.covered for z in zones)
    )


def noon_departure(
    s: Session,
    hall: HallSettings,
    window: Window,
    clerk: ClerkEntry | Clerk,
    now: datetime,
    reason: str | None,
    *,
    action: str | None = None,
) -> tuple[str, ...]:
    """A clerk is about to stop ``window`` serving (a pause, a sign-out, leaving the
    post): during the noon break, if it is one of the last ``noon_windows_per_zone``
    comprehensive windows serving for a zone, refuse without a ``reason``
    (``noon.last_window``); with one, record ``noon_uncovered`` and let it go ahead.

    Call it with the window's row locked, before its state changes. The other windows
    that count are locked too, so two of the last windows cannot both leave unwarned.
    Returns the codes of the zones left short (empty: nothing to warn of)."""
    entry = hall.catalog.window_by_id(window.id)
    if entry is None or not entry.comprehensive:
        return ()
    if not signed_in_today(hall, window, now) or window.paused:
        return ()  # not serving: its leaving takes nothing from the noon duty
    day = hall.business_day(now)
    period = noon_period(hall, day)
    if period is None or not period[0] <= now < period[1]:
        return ()
    zones = [z for z in _zones(s, hall) if entry.zone_id in (None, z.id)]
    counting = [w for w in hall.catalog.windows if any(_counts_for(w, z.id) for z in zones)]
    others = sorted(w.id for w in counting if w.id != window.id)
    rows = s.scalars(
        select(Window).where(Window.id.in_(others)).order_by(Window.id).with_for_update()
    ).all()
    serving = {w.id for w in rows if w.active and signed_in_today(hall, w, now) and not w.paused}
    serving.add(window.id)
    needed = hall.staffing.noon_windows_per_zone
    short = [
        z
        for z in zones
        if sum(1 for w in counting if w.id in serving and _counts_for(w, z.id)) <= needed
    ]
    if not short:
        return ()
    until = f"{hall.local(period[1]):%H:%M}"
    text = (reason or "").strip()
    if not text:
        raise HallError(
            "noon.last_window",
            zone="、".join(z.name for z in short),
            window=window.number,
            until=until,
        )
    codes = tuple(z.code for z in short)
    event(
        s, hall, now, EventKind.NOON_UNCOVERED,
        window=window, clerk=clerk, reason=text, zones=list(codes), until=until, action=action,
    )  # fmt: skip
    return codes


# -- empty posts ------------------------------------------------------------------------------


def _recorded(s: Session, hall: HallSettings, day: date) -> set[tuple[int, datetime]]:
    """The empty posts of ``day`` already recorded: (window id, start)."""
    out = set()
    for window_id, data in s.execute(
        select(Event.window_id, Event.data).where(
            Event.hall_id == hall.id,
            Event.kind == EventKind.EMPTY_POST,
            Event.at >= hall.day_start(day),
        )
    ):
        start = (data or {}).get("start")
        if window_id is not None and start:
            out.add((window_id, datetime.fromisoformat(start)))
    return out


def _stretches(
    s: Session, hall: HallSettings, day: date, now: datetime, entries: Sequence[WindowEntry]
) -> list[tuple[WindowEntry, EmptyPost]]:
    """The windows' stretches of open hours without a clerk longer than the limit."""
    opening = hall.opening(day)
    if opening is None or not entries:
        return []
    open_at, close_at = _utc(hall, day, opening.open), _utc(hall, day, opening.close)
    noon = noon_period(hall, day)
    bound = min(now, hall.day_end(day))
    if bound <= open_at:
        return []
    limit = timedelta(minutes=hall.staffing.empty_post_minutes)
    timeline = staffing_timeline(s, hall, day, now, windows=entries, pauses=False)
    recorded = _recorded(s, hall, day)
    out = []
    for w in entries:
        gaps: list[tuple[datetime, datetime | None]] = []
        cursor: datetime | None = hall.day_start(day)
        for sp in timeline[w.number].signed_in:
            assert cursor is not None
            if sp.start > cursor:
                gaps.append((cursor, sp.start))
            cursor = sp.end
            if cursor is None:
                break
        if cursor is not None:
            gaps.append((cursor, None))  # nobody signed in since
        for a, b in gaps:
            start = max(a, open_at)
            still = b is None and now < close_at
            end = min(bound if b is None else b, close_at)
            if end <= start:
                continue
            counted = end - start
            if noon is not None:
                counted -= max(timedelta(0), min(end, noon[1]) - max(start, noon[0]))
            if counted <= limit:
                continue
            minutes = math.ceil(counted.total_seconds() / 60)
            post = EmptyPost(
                w.number, w.name, start, None if still else end, minutes, (w.id, start) in recorded
            )
            out.append((w, post))
    return out


def _with_post(hall: HallSettings) -> list[WindowEntry]:
    return [w for w in hall.catalog.windows if w.a_clerk_id is not None]


def empty_posts(s: Session, hall: HallSettings, day: date, now: datetime) -> list[EmptyPost]:
    """The day's empty posts up to ``now``, by window, then time."""
    return [post for _w, post in _stretches(s, hall, day, now, _with_post(hall))]


def record_empty_posts(
    s: Session, hall: HallSettings, now: datetime, *, window: Window | None = None
) -> list[EmptyPost]:
    """Record today's empty posts not recorded yet (of one ``window``, or of every
    window): one still open ends ``now`` (a clerk signs in at it; the day is closed).
    Returns those recorded now."""
    entries = [w for w in _with_post(hall) if window is None or w.id == window.id]
    if not entries:
        return []
    # Locked, so a sign-in and the close of day cannot both record one stretch.
    rows = {
        w.id: w
        for w in s.scalars(
            select(Window)
            .where(Window.id.in_([w.id for w in entries]))
            .order_by(Window.id)
            .with_for_update()
        )
    }
    done = []
    for w, post in _stretches(s, hall, hall.business_day(now), now, entries):
        if post.recorded:
            continue
        end = post.end if post.end is not None else now
        event(
            s, hall, now, EventKind.EMPTY_POST,
            window=rows[w.id], start=post.start, end=end, minutes=post.minutes,
        )  # fmt: skip
        done.append(EmptyPost(post.window, post.name, post.start, end, post.minutes, True))
    return done
