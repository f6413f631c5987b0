"""The facade every client uses: ``Hall.connect(url)`` → the hall's use-cases.

Each method is one user action: one transaction, with ``now`` from the injected
clock, returning frozen dataclasses (never live ORM objects), or raising a
`HallError` / `EnvironmentFault` whose ``message(lang)`` is the sentence to show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from time import monotonic

import platformdirs
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from shared import signin as si
from shared import stations as st
from shared import tickets as tk
from shared.catalog import CATALOG_SECONDS
from shared.clock import Clock, SystemClock
from shared.config import HallConfig
from shared.db import Database, connect, sqlite_url
from shared.errors import HallError
from shared.halls import HallSettings, LoadSummary, find_hall, load_config
from shared.lobby import Lobby, read_lobby
from shared.model import (
    HoldKind,
    Ticket,
    TicketState,
    Window,
)
from shared.reviews import make_review_code, parse_review_code, verify_review_code
from shared.schema import ensure_current, upgrade
from shared.signin import SignedIn
from shared.stations import HelpRequest


def default_database_path() -> Path:
    """The embedded database of a single-PC hall, in the user's data folder."""
    return Path(platformdirs.user_data_dir("yimen", appauthor=False)) / "yimen.db"


def default_url() -> str:
    return sqlite_url(default_database_path())


@dataclass(frozen=True)
class TicketInfo:
    number: str
    service_code: str
    service_name: str
    zone_name: str
    state: str
    priority: str  # "ordinary", "green" or "appointment"
    business_day: date
    issued_at: datetime
    review_code: str
    ahead: int = 0
    estimated_wait_minutes: int | None = None
    windows: tuple[int, ...] = ()  # the windows that serve the ticket's service
    window_no: int | None = None  # the window it is called to, if any
    clerk_code: str | None = None
    reprint: bool = False  # the person's open ticket, printed again (补打)
    id_last6: str | None = None
    recalls: int = 0
    transfers: int = 0  # times sent on to another matter or window (转移)
    hold_kind: str | None = None  # set once it has been held (挂起), kept after it returns
    hall_name: str = ""


@dataclass(frozen=True)
class ServiceInfo:
    code: str
    name: str
    zone_code: str
    zone_name: str
    prefix: str
    materials: tuple[str, ...]
    daily_cap: int | None
    handling_minutes: int
    time_slots: tuple[tuple[str, str], ...]
    waiting: int
    issued_recently: int = 0  # tickets of the last 30 days: the kiosk's "most used first"


@dataclass(frozen=True)
class WindowInfo:
    number: int
    name: str
    zone_code: str | None
    zone_name: str | None
    comprehensive: bool
    kinds: tuple[str, ...]
    services: tuple[str, ...]
    clerk_code: str | None
    clerk_name: str | None
    paused: bool
    a_clerk: str | None
    b_clerk: str | None
    ticket: str | None  # the number in hand
    ticket_state: str | None


@dataclass(frozen=True)
class WaitingCount:
    service_code: str
    service_name: str
    prefix: str
    waiting: int


@dataclass(frozen=True)
class Desk:
    """What a counter console shows of its window, read in one transaction."""

    window: WindowInfo
    ticket: TicketInfo | None  # in hand: called or being served
    waiting: tuple[WaitingCount, ...]  # the services this window serves
    upcoming: tuple[str, ...]  # the numbers it would call next, in order
    served_today: int
    signed_in: bool  # a clerk signed in at it today
    held: tuple[TicketInfo, ...] = ()  # today's held tickets it may call back (F8)
    help: tuple[HelpRequest, ...] = ()  # the kiosks' help requests nobody has answered


@dataclass(frozen=True)
class AppointmentInfo:
    code: str
    service_code: str
    day: date
    slot_start: datetime
    slot_end: datetime


class Hall:
    """One hall's use-cases over one database."""

    def __init__(self, db: Database, settings: HallSettings, clock: Clock) -> None:
        self.db = db
        self._settings = settings
        self.clock = clock

    @property
    def settings(self) -> HallSettings:
        """The hall's settings and catalogue, read again once they are a minute old (so
        a configuration loaded with ``yimen init`` reaches running screens)."""
        if monotonic() - self._settings.loaded_at > CATALOG_SECONDS:
            with self.db.read() as s:
                self._settings = find_hall(s, self._settings.code)
        return self._settings

    @classmethod
    def connect(
        cls,
        url: str | None = None,
        clock: Clock | None = None,
        *,
        hall_code: str | None = None,
        pool_size: int = 5,
    ) -> Hall:
        """Open the hall in the database at ``url`` (default: the embedded SQLite file
        in the user's data folder). The only hall, or the one with ``hall_code``."""
        db = connect(url or default_url(), pool_size=pool_size)
        try:
            ensure_current(db)
            with db.read() as s:
                settings = find_hall(s, hall_code)
        except BaseException:
            db.dispose()
            raise
        return cls(db, settings, clock or SystemClock())

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> Hall:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def code(self) -> str:
        return self.settings.code

    @property
    def name(self) -> str:
        return self.settings.name

    def now(self) -> datetime:
        return self.clock.now()

    # -- the kiosk -------------------------------------------------------------

    def issue_ticket(
        self,
        service_code: str,
        *,
        green: bool = False,
        id_number: str | None = None,
        appointment_code: str | None = None,
        request_id: str | None = None,
        kiosk: str | None = None,
    ) -> TicketInfo:
        """A ticket for a service. ``request_id`` (the kiosk's id of one tap) makes the
        call safe to repeat: the same id returns the ticket already issued for it."""
        return self._issue(
            lambda s, now: tk.issue(
                s,
                self.settings,
                service_code,
                now,
                green=green,
                id_number=id_number,
                appointment_code=appointment_code,
                request_id=request_id,
                kiosk=kiosk,
            ),
            request_id,
        )

    def check_in(
        self, code: str, *, request_id: str | None = None, kiosk: str | None = None
    ) -> TicketInfo:
        """An appointment checked in by its code alone: its ticket, marked 预约."""
        return self._issue(
            lambda s, now: tk.check_in(
                s, self.settings, code, now, request_id=request_id, kiosk=kiosk
            ),
            request_id,
        )

    def _issue(
        self, fn: Callable[[Session, datetime], tk.Issued], request_id: str | None
    ) -> TicketInfo:
        def op(s: Session) -> TicketInfo:
            now = self.now()
            issued = fn(s, now)
            return self._info(
                s,
                issued.ticket,
                now,
                reprint=issued.reprint,
                slip=(issued.ahead, issued.estimated_wait_minutes),
            )

        try:
            return self.db.run_write(op)
        except IntegrityError:
            # The same tap, retried while its first try was still committing: the first
            # try's ticket is there now, and the second run finds it.
            if request_id is None:
                raise
            return self.db.run_write(op)

    # -- what the stations report ------------------------------------------------

    def request_help(self, kiosk: str) -> HelpRequest:
        return self.db.run_write(lambda s: st.request_help(s, self.settings, kiosk, self.now()))

    def help_requests(self, *, open_only: bool = True) -> list[HelpRequest]:
        with self.db.read() as s:
            return st.help_requests(s, self.settings, self.now(), open_only=open_only)

    def acknowledge_help(self, request: str, clerk_code: str) -> HelpRequest:
        return self.db.run_write(
            lambda s: st.acknowledge_help(s, self.settings, request, clerk_code, self.now())
        )

    def report_printer_fault(self, station: str, code: str, detail: str = "") -> None:
        self.db.run_write(
            lambda s: st.report_printer_fault(s, self.settings, station, code, detail, self.now())
        )

    def book_appointment(
        self,
        service_code: str,
        slot_start: datetime,
        slot_end: datetime,
        *,
        citizen_name: str,
        id_number: str,
    ) -> AppointmentInfo:
        def op(s: Session) -> AppointmentInfo:
            a = tk.book_appointment(
                s,
                self.settings,
                service_code,
                slot_start,
                slot_end,
                citizen_name,
                id_number,
                self.now(),
            )
            return AppointmentInfo(a.code, service_code, a.day, a.slot_start, a.slot_end)

        return self.db.run_write(op)

    def return_from_hold(self, number: str) -> TicketInfo:
        return self._ticket_op(lambda s, now: tk.return_from_hold(s, self.settings, number, now))

    def requeue(self, number: str) -> TicketInfo:
        return self._ticket_op(lambda s, now: tk.requeue(s, self.settings, number, now))

    # -- signing in -------------------------------------------------------------

    def sign_in(self, clerk_code: str, password: str, window_no: int) -> SignedIn:
        """Sign in at a window (see `shared.signin`); a wrong password is recorded even
        though it is refused."""
        outcome = self.db.run_write(
            lambda s: si.sign_in(s, self.settings, clerk_code, password, window_no, self.now())
        )
        return outcome.result()

    def sign_out(self, clerk_code: str, window_no: int) -> None:
        self.db.run_write(
            lambda s: si.sign_out(s, self.settings, clerk_code, window_no, self.now())
        )

    def staffed_windows(self) -> list[int]:
        """The windows with a clerk signed in today and not paused."""
        with self.db.read() as s:
            return si.staffed_windows(s, self.settings, self.now())

    # -- the counter -----------------------------------------------------------

    def call_next(self, window_no: int, clerk_code: str) -> TicketInfo | None:
        def op(s: Session) -> TicketInfo | None:
            now = self.now()
            ticket = tk.call_next(s, self.settings, window_no, clerk_code, now)
            return None if ticket is None else self._info(s, ticket, now)

        return self.db.run_write(op)

    def recall(self, window_no: int, clerk_code: str) -> TicketInfo:
        return self._window_op(tk.recall, window_no, clerk_code)

    def start(self, window_no: int, clerk_code: str) -> TicketInfo:
        return self._window_op(tk.start, window_no, clerk_code)

    def finish(self, window_no: int, clerk_code: str) -> TicketInfo:
        return self._window_op(tk.finish, window_no, clerk_code)

    def end_service(self, window_no: int, clerk_code: str) -> TicketInfo:
        """Finish the ticket in hand, starting it first if it was only called."""
        return self._window_op(tk.end_service, window_no, clerk_code)

    def no_show(self, window_no: int, clerk_code: str) -> TicketInfo:
        return self._window_op(tk.no_show, window_no, clerk_code)

    def hold(
        self,
        window_no: int,
        clerk_code: str,
        kind: HoldKind | str = HoldKind.FETCH_MATERIALS,
        reason: str | None = None,
    ) -> TicketInfo:
        k = HoldKind(kind)
        return self._ticket_op(
            lambda s, now: tk.hold(s, self.settings, window_no, clerk_code, now, k, reason)
        )

    def call_back(self, window_no: int, clerk_code: str, number: str) -> TicketInfo:
        return self._ticket_op(
            lambda s, now: tk.call_back(s, self.settings, window_no, clerk_code, number, now)
        )

    def transfer(
        self,
        window_no: int,
        clerk_code: str,
        *,
        to_service: str | None = None,
        to_window: int | None = None,
        reason: str | None = None,
    ) -> TicketInfo:
        return self._ticket_op(
            lambda s, now: tk.transfer(
                s,
                self.settings,
                window_no,
                clerk_code,
                now,
                to_service=to_service,
                to_window=to_window,
                reason=reason,
            )
        )

    def pause(self, window_no: int, clerk_code: str, reason: str | None = None) -> WindowInfo:
        def op(s: Session) -> WindowInfo:
            w = tk.pause(s, self.settings, window_no, clerk_code, self.now(), reason)
            return self._window_info(w, None)

        return self.db.run_write(op)

    def resume(self, window_no: int, clerk_code: str) -> WindowInfo:
        def op(s: Session) -> WindowInfo:
            w = tk.resume(s, self.settings, window_no, clerk_code, self.now())
            return self._window_info(w, tk.in_hand(s, w))

        return self.db.run_write(op)

    def close_day(self) -> int:
        """Expire every ticket of today still waiting, called or held (未办结)."""
        return self.db.run_write(lambda s: tk.close_day(s, self.settings, self.now()))

    # -- looking -------------------------------------------------------------------

    def ticket(self, number: str, day: date | None = None) -> TicketInfo:
        with self.db.read() as s:
            now = self.now()
            t = tk.ticket_by_number(
                s, self.settings, number, day or self.settings.business_day(now), lock=False
            )
            return self._info(s, t, now, detail=True)

    def ticket_by_review_code(self, code: str) -> TicketInfo:
        ref = parse_review_code(code)
        if ref.hall_code != self.settings.code:
            raise HallError("review.invalid")
        verify_review_code(self.settings.secret, code)
        with self.db.read() as s:
            t = s.get(Ticket, ref.ticket_id)
            if t is None or t.hall_id != self.settings.id:
                raise HallError("review.invalid")
            return self._info(s, t, self.now())

    def waiting_counts(self) -> list[WaitingCount]:
        """Waiting tickets of today per service, in the kiosk's order."""
        return [WaitingCount(sv.code, sv.name, sv.prefix, sv.waiting) for sv in self.services()]

    def services(self) -> list[ServiceInfo]:
        settings = self.settings
        with self.db.read() as s:
            day = settings.business_day(self.now())
            waiting = tk.waiting_by_service(s, settings, day)
            rows_recent = s.execute(
                select(Ticket.issued_service_id, func.count(Ticket.id))
                .where(
                    Ticket.hall_id == settings.id,
                    Ticket.business_day > day - timedelta(days=30),
                    Ticket.business_day <= day,
                )
                .group_by(Ticket.issued_service_id)
            )
            recent = {service_id: n for service_id, n in rows_recent}
        return [
            ServiceInfo(
                code=sv.code,
                name=sv.name,
                zone_code=sv.zone_code,
                zone_name=sv.zone_name,
                prefix=sv.prefix,
                materials=sv.materials,
                daily_cap=sv.daily_cap,
                handling_minutes=sv.handling_minutes,
                time_slots=sv.time_slots,
                waiting=waiting.get(sv.id, 0),
                issued_recently=recent.get(sv.id, 0),
            )
            for sv in settings.catalog.services
        ]

    def windows(self) -> list[WindowInfo]:
        settings = self.settings
        with self.db.read() as s:
            return [self._window_info(w, ticket) for w, ticket in tk.windows_in_hand(s, settings)]

    def lobby(self, calls: int = 20) -> Lobby:
        """What the lobby display shows: today's last ``calls`` calls, every window's
        state, the waiting per zone, and the feed position they were read at."""
        with self.db.read() as s:
            return read_lobby(s, self.settings, self.now(), calls)

    def desk(self, window_no: int) -> Desk:
        """A counter's view of its window: the ticket in hand, who waits for it, the next
        numbers, how many it has served today."""
        settings = self.settings
        entry = settings.catalog.window(window_no)
        with self.db.read() as s:
            now = self.now()
            counts = tk.waiting_by_service(s, settings, settings.business_day(now))
            waiting = tuple(
                WaitingCount(sv.code, sv.name, sv.prefix, counts.get(sv.id, 0))
                for sv in settings.catalog.services
                if sv.id in entry.service_ids
            )
            row = s.scalars(select(Window).where(Window.id == entry.id)).one()
            held = tk.in_hand(s, row)
            return Desk(
                window=self._window_info(row, held),
                ticket=None if held is None else self._info(s, held, now),
                waiting=waiting,
                upcoming=tuple(t.number for t in tk.upcoming(s, settings, window_no, now)),
                served_today=tk.served_today(s, settings, window_no, now),
                signed_in=tk.signed_in_today(settings, row, now),
                held=tuple(
                    self._info(s, t, now) for t in tk.held_for_window(s, settings, window_no, now)
                ),
                help=tuple(st.help_requests(s, settings, now)),
            )

    # -- plumbing --------------------------------------------------------------------

    def _window_op(self, fn: tk.WindowOp, window_no: int, clerk_code: str) -> TicketInfo:
        return self._ticket_op(lambda s, now: fn(s, self.settings, window_no, clerk_code, now))

    def _ticket_op(self, fn: tk.TicketOp) -> TicketInfo:
        def op(s: Session) -> TicketInfo:
            now = self.now()
            return self._info(s, fn(s, now), now)

        return self.db.run_write(op)

    def _info(
        self,
        s: Session,
        t: Ticket,
        now: datetime,
        *,
        detail: bool = False,
        reprint: bool = False,
        slip: tuple[int, int | None] | None = None,
    ) -> TicketInfo:
        """The ticket as a client sees it. ``detail`` adds the windows, people ahead and
        the estimated wait (read now); ``slip`` gives those last two as already read."""
        settings = self.settings
        cat = settings.catalog
        service = cat.service_of(s, t.service_id)
        ahead = 0
        estimate: int | None = None
        windows: tuple[int, ...] = ()
        if detail or slip is not None:
            windows = tuple(w.number for w in cat.windows_serving(service.id))
        if slip is not None:
            ahead, estimate = slip
        elif detail and t.state == TicketState.WAITING:
            ahead = tk.people_ahead(s, settings, t)
            estimate = tk.estimated_wait_minutes(s, settings, service, ahead, now)
        window = cat.window_by_id(t.window_id)
        clerk = cat.clerk_by_id(t.clerk_id)
        return TicketInfo(
            number=t.number,
            service_code=service.code,
            service_name=service.name,
            zone_name=service.zone_name,
            state=t.state.value,
            priority=t.priority.value,
            business_day=t.business_day,
            issued_at=t.issued_at,
            review_code=make_review_code(settings.secret, settings.code, t.id),
            ahead=ahead,
            estimated_wait_minutes=estimate,
            windows=windows,
            window_no=window.number if window else None,
            clerk_code=clerk.code if clerk else None,
            reprint=reprint,
            id_last6=t.id_last6,
            recalls=t.recalls,
            transfers=t.transfers,
            hold_kind=t.hold_kind.value if t.hold_kind else None,
            hall_name=settings.name,
        )

    def _window_info(self, w: Window, ticket: Ticket | None) -> WindowInfo:
        cat = self.settings.catalog
        entry = cat.window(w.number)
        clerk = cat.clerk_by_id(w.clerk_id)
        a = cat.clerk_by_id(entry.a_clerk_id)
        b = cat.clerk_by_id(entry.b_clerk_id)
        return WindowInfo(
            number=w.number,
            name=entry.name,
            zone_code=entry.zone_code,
            zone_name=entry.zone_name,
            comprehensive=entry.comprehensive,
            kinds=entry.kinds,
            services=tuple(sv.code for sv in cat.services if sv.id in entry.service_ids),
            clerk_code=clerk.code if clerk else None,
            clerk_name=clerk.name if clerk else None,
            paused=w.paused,
            a_clerk=a.code if a else None,
            b_clerk=b.code if b else None,
            ticket=ticket.number if ticket else None,
            ticket_state=ticket.state.value if ticket else None,
        )


def init_hall(url: str | None, config: HallConfig, clock: Clock | None = None) -> LoadSummary:
    """Create or upgrade the schema, then create or update the hall of ``config``."""
    db = connect(url or default_url())
    try:
        upgrade(db)
        now = (clock or SystemClock()).now()
        with db.write() as s:
            return load_config(s, config, now)
    finally:
        db.dispose()
