"""What the lobby sees: the calls of the day, the windows, the people waiting.

`read_lobby` takes one look at the database (the snapshot a display starts from and
returns to after a lost connection); `Board` keeps that picture current from the change
feed, one event at a time, so a display shows a call the moment the feed brings it and
never reads the database for it. The board knows nothing of Qt: the lobby display and
the window screens (`kiosk.display`) draw it, and tests drive it directly.

How a call is shown exactly once: the first snapshot records the feed position it was
read at (the newest event id, read *first*, so every call at or before it is in it); the
display starts its feed after that position, and from then on only the feed brings
calls, in commit order, each once. A later snapshot (after a lost connection) brings the
windows and the counts; the feed's events at or before its position leave those alone.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.base.messages import render
from shared.config.catalog import Catalog
from shared.config.halls import HallSettings
from shared.rules.tickets import waiting_by_service, windows_in_hand
from shared.rules.windows import signed_in_today
from shared.store.feed import FeedEvent
from shared.store.model import Event, EventKind, Ticket, Window

#: The events that call a number to a window (the lobby announces each).
CALL_KINDS = ("called", "recalled", "called_back")
#: The events after which a ticket is no longer in the window's hands.
LEAVES_WINDOW = ("finished", "no_show", "held", "transferred", "expired")
#: The events after which the waiting counts may have changed.
CHANGES_WAITING = (
    "issued",
    "called",
    "called_back",
    "requeued",
    "returned",
    "transferred",
    "expired",
)


@dataclass(frozen=True)
class LobbyCall:
    """One call of a number to a window."""

    event_id: int
    kind: str  # called, recalled or called_back
    number: str
    window_no: int
    at: datetime


@dataclass(frozen=True)
class WindowState:
    """One window as the lobby sees it."""

    number: int
    name: str
    staffed: bool  # a clerk signed in today
    clerk_code: str | None
    clerk_name: str | None
    paused: bool
    ticket: str | None  # the number in hand
    ticket_state: str | None  # called or serving

    @property
    def open(self) -> bool:
        """Staffed and not paused: the window takes the next citizen."""
        return self.staffed and not self.paused


@dataclass(frozen=True)
class ZoneWaiting:
    code: str
    name: str
    waiting: int


@dataclass(frozen=True)
class Lobby:
    """One look at the hall, as of feed position ``last_event_id``."""

    last_event_id: int
    business_day: date
    calls: tuple[LobbyCall, ...]  # today's last calls, newest first
    windows: tuple[WindowState, ...]
    zones: tuple[ZoneWaiting, ...]  # in the kiosk's order; zones with no service left out
    notice: str = ""  # the scrolling line (`lobby_notice`)

    @property
    def waiting(self) -> int:
        return sum(z.waiting for z in self.zones)


def feed_position(s: Session) -> int:
    """The id of the newest event: a screen that follows the feed after it misses none."""
    return int(s.scalar(select(func.coalesce(func.max(Event.id), 0))) or 0)


def read_lobby(s: Session, settings: HallSettings, now: datetime, calls: int) -> Lobby:
    """The hall now: today's last ``calls`` calls, every window, the waiting per zone."""
    last = feed_position(s)  # first: see above
    day = settings.business_day(now)
    cat = settings.catalog
    rows = s.execute(
        select(Event.id, Event.kind, Event.at, Ticket.number, Window.number)
        .join(Ticket, Ticket.id == Event.ticket_id)
        .join(Window, Window.id == Event.window_id)
        .where(
            Ticket.hall_id == settings.id,
            Ticket.business_day == day,
            Event.kind.in_([EventKind(k) for k in CALL_KINDS]),
            Event.id <= last,
        )
        .order_by(Event.id.desc())
        .limit(calls)
    )
    recent = tuple(
        LobbyCall(event_id, str(kind), number, window_no, at)
        for event_id, kind, at, number, window_no in rows
    )
    windows = []
    for w, t in windows_in_hand(s, settings):
        staffed = signed_in_today(settings, w, now)
        clerk = cat.clerk_by_id(w.clerk_id) if staffed else None
        windows.append(
            WindowState(
                number=w.number,
                name=cat.window(w.number).name,
                staffed=staffed,
                clerk_code=clerk.code if clerk else None,
                clerk_name=clerk.name if clerk else None,
                paused=w.paused,
                ticket=t.number if t is not None else None,
                ticket_state=t.state.value if t is not None else None,
            )
        )
    waiting = waiting_by_service(s, settings, day)
    notice = lobby_notice(settings, now, windows)
    return Lobby(last, day, recent, tuple(windows), zones_waiting(cat, waiting), notice)


NOTICE_GAP = "\u3000\u3000"  # between the noon line and the hall's notice


def _window_list(numbers: list[int], lang: str) -> str:
    """The windows named in a line of the notice: 3号、5号 / 3, 5."""
    separator = render("list.separator", lang)
    return separator.join(render("lobby.window", lang, number=n) for n in numbers)


def lobby_notice(
    settings: HallSettings, now: datetime, windows: Iterable[WindowState], lang: str = "zh"
) -> str:
    """The lobby's scrolling line at ``now``: during the noon break, the windows still
    serving (or when service resumes) before the hall's notice; past closing time, while
    windows still serve, those windows (延时服务); otherwise the hall's notice."""
    own = settings.display.notice
    opening = settings.opening(settings.business_day(now))
    if opening is None:
        return own
    t = settings.local(now).time()
    serving = sorted(w.number for w in windows if w.open)
    # The lines put before (at noon) or instead of (past closing) the hall's own.
    if opening.noon_break is not None and opening.in_noon_break(t):
        if serving:
            line = render("lobby.noon_duty", lang, windows=_window_list(serving, lang))
        else:
            line = render("lobby.noon_break", lang, until=f"{opening.noon_break[1]:%H:%M}")
        return f"{line}{NOTICE_GAP}{own}"
    if t >= opening.close and serving:
        return render("lobby.after_hours", lang, windows=_window_list(serving, lang))
    paused = _paused_lines(settings, windows, lang) if opening.open <= t else []
    return NOTICE_GAP.join([*paused, own])


def _paused_lines(settings: HallSettings, windows: Iterable[WindowState], lang: str) -> list[str]:
    """For citizens who would walk to a paused window: which open windows serve the same
    services instead ([display] paused_windows)."""
    if not settings.display.paused_windows:
        return []
    cat = settings.catalog
    states = list(windows)
    lines = []
    for w in sorted(states, key=lambda x: x.number):
        if not (w.staffed and w.paused):
            continue
        mine = cat.window(w.number).service_ids
        others = sorted(
            o.number for o in states if o.open and cat.window(o.number).service_ids & mine
        )
        number = _window_list([w.number], lang)
        if others:
            lines.append(
                render("lobby.paused_go", lang, window=number, windows=_window_list(others, lang))
            )
        else:
            lines.append(render("lobby.paused", lang, window=number))
    return lines


def notice_changes_at(settings: HallSettings, now: datetime) -> datetime | None:
    """The next moment of today the notice changes by the clock alone (the noon break
    begins or ends, the hall closes); None when none is left today."""
    day = settings.business_day(now)
    opening = settings.opening(day)
    if opening is None:
        return None
    times = [opening.close, *(opening.noon_break or ())]
    later = sorted(at for at in (settings.at(day, t) for t in times) if at > now)
    return later[0] if later else None


def zones_waiting(cat: Catalog, waiting: dict[int, int]) -> tuple[ZoneWaiting, ...]:
    """The waiting per zone (by service id in ``waiting``), zones in the kiosk's order."""
    zones: dict[str, ZoneWaiting] = {}
    for sv in cat.services:
        z = zones.get(sv.zone_code) or ZoneWaiting(sv.zone_code, sv.zone_name, 0)
        zones[sv.zone_code] = replace(z, waiting=z.waiting + waiting.get(sv.id, 0))
    return tuple(zones.values())


@dataclass(frozen=True)
class Change:
    """What one feed event changed on the board."""

    call: LobbyCall | None = None  # a new call to show (and perhaps to speak)
    window: int | None = None  # the window whose state changed
    waiting: bool = False  # the waiting counts may have changed: read them again
    day_changed: bool = False  # the event belongs to a new day: the board was cleared


class Board:
    """The lobby's picture of the hall, kept current from the change feed.

    Bounded by construction: at most ``keep`` calls and one state per window, however
    long it runs; the calls leave it when the day changes.
    """

    def __init__(self, catalog: Catalog, keep: int) -> None:
        self.catalog = catalog
        self.calls: deque[LobbyCall] = deque(maxlen=keep)  # newest first
        self.windows: dict[int, WindowState] = {}
        self.zones: tuple[ZoneWaiting, ...] = ()
        self.notice = ""  # the scrolling line, as of the last look at the hall
        self.day: date | None = None
        self.fed = 0  # the feed position: the last event taken (or the first snapshot's)
        self.windows_as_of = 0  # the feed position of the window states' snapshot
        self.waiting_as_of = 0  # the position of the last event that changed the waiting

    # -- from the database -------------------------------------------------------------

    def start(self, lobby: Lobby) -> None:
        """The first snapshot: the day's last calls too. The feed goes on after it."""
        self.day = lobby.business_day
        self.calls.clear()
        self.calls.extend(lobby.calls)
        self.windows = {w.number: w for w in lobby.windows}
        self.zones = lobby.zones
        self.notice = lobby.notice
        self.fed = self.windows_as_of = lobby.last_event_id

    def refresh(self, lobby: Lobby, catalog: Catalog | None = None) -> bool:
        """A later snapshot (after a lost connection, or for the counts): the windows and
        the counts, not the calls, which only the feed brings after the first snapshot.
        False when the snapshot is older than an event the board has taken since that
        changed the counts: read them again."""
        if catalog is not None:
            self.catalog = catalog
        self.roll_day(lobby.business_day)
        if lobby.business_day != self.day:  # read just before midnight: of no use now
            return False
        if lobby.last_event_id >= self.fed:  # not older than what the feed brought
            self.windows = {w.number: w for w in lobby.windows}
            self.windows_as_of = lobby.last_event_id
        self.zones = lobby.zones
        self.notice = lobby.notice  # read after the event that asked for it: current
        return lobby.last_event_id >= self.waiting_as_of

    def roll_day(self, day: date) -> bool:
        """The hall's day is ``day``: a new day clears the calls, the numbers in hand and
        the sign-ins (the numbers restart; yesterday's calls leave the screen; clerks
        sign in each morning). True when it changed."""
        if self.day is not None and day <= self.day:
            return False
        self.day = day
        self.calls.clear()
        self.windows = {
            n: replace(w, ticket=None, ticket_state=None, staffed=False)
            for n, w in self.windows.items()
        }
        self.zones = tuple(replace(z, waiting=0) for z in self.zones)
        return True

    # -- from the feed -----------------------------------------------------------------

    def apply(self, ev: FeedEvent) -> Change:
        """Take one event of the feed (in commit order)."""
        if ev.id <= self.fed:
            return Change()  # taken already (or in the first snapshot)
        self.fed = ev.id
        day = ev.local_at().date()
        day_changed = self.roll_day(day)
        window = self._window_event(ev)
        if day != self.day:  # a late event of a day gone by: windows only
            return Change(window=window, day_changed=day_changed)
        call = None
        if ev.kind in CALL_KINDS and ev.number and ev.window_no is not None:
            call = LobbyCall(ev.id, ev.kind, ev.number, ev.window_no, ev.at)
            self.calls.appendleft(call)
        waiting = ev.kind in CHANGES_WAITING
        if waiting:
            self.waiting_as_of = ev.id
        return Change(call=call, window=window, waiting=waiting, day_changed=day_changed)

    def _window_event(self, ev: FeedEvent) -> int | None:
        """Apply ``ev`` to its window's state; the window's number when it changed."""
        if ev.window_no is None or ev.id <= self.windows_as_of:
            return None
        w = self.windows.get(ev.window_no)
        if w is None:
            return None
        if ev.kind in CALL_KINDS:
            new = replace(w, ticket=ev.number, ticket_state="called")
        elif ev.kind == "started":
            new = replace(w, ticket=ev.number, ticket_state="serving")
        elif ev.kind in LEAVES_WINDOW:
            new = replace(w, ticket=None, ticket_state=None) if w.ticket == ev.number else w
        elif ev.kind == "paused":
            new = replace(w, paused=True)
        elif ev.kind == "resumed":
            new = replace(w, paused=False)
        elif ev.kind == "signed_in":
            clerk = next((c for c in self.catalog.clerks if c.code == ev.clerk_code), None)
            new = replace(
                w,
                staffed=True,
                clerk_code=ev.clerk_code,
                clerk_name=clerk.name if clerk else None,
            )
        elif ev.kind == "signed_out":
            new = replace(w, staffed=False, clerk_code=None, clerk_name=None)
        else:
            return None
        self.windows[w.number] = new
        return w.number if new != w else None

    @property
    def newest(self) -> LobbyCall | None:
        return self.calls[0] if self.calls else None
