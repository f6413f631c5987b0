"""The facade every client uses: ``Hall.connect(url)`` → the hall's use-cases.

Each method is one user action: one transaction, with ``now`` from the injected
clock, returning frozen dataclasses (never live ORM objects), or raising a
`HallError` / `EnvironmentFault` whose ``message(lang)`` is the sentence to show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from time import monotonic
from typing import TypeVar

import platformdirs
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from shared import forecast as fc
from shared.base.clock import Clock, SystemClock
from shared.base.errors import HallError, YimenError
from shared.config.catalog import CATALOG_SECONDS
from shared.config.export import hall_tables, to_toml
from shared.config.hall_file import HallConfig
from shared.config.halls import HallSettings, LoadSummary, find_hall, load_config, verify_password
from shared.rules import alarms as al
from shared.rules import appointments as ap
from shared.rules import coverage as cv
from shared.rules import figures as fg
from shared.rules import notices as nt
from shared.rules import overtime as ot
from shared.rules import posts
from shared.rules import reviews as rv
from shared.rules import setup as su
from shared.rules import signin as si
from shared.rules import staff as sf
from shared.rules import stations as st
from shared.rules import tickets as tk
from shared.rules import windows as wn
from shared.rules.alarms import AlarmInfo, Sweep
from shared.rules.coverage import EmptyPost, NoonCoverage
from shared.rules.floor import Floor, read_floor
from shared.rules.lobby import Lobby, feed_position, read_lobby
from shared.rules.overtime import DeclineInfo, ExtendedServiceInfo, OvertimeMonth
from shared.rules.posts import Handed
from shared.rules.reviews import CaseInfo, ReviewInfo, make_review_code, make_short_code
from shared.rules.setup import SettingsChange
from shared.rules.signin import SignedIn
from shared.rules.staff import StaffSignIn
from shared.rules.stations import HelpRequest
from shared.store.db import Database, connect, is_passing, sqlite_url
from shared.store.model import (
    Absence,
    AbsenceReason,
    Clerk,
    ExtendedTrigger,
    HoldKind,
    Notice,
    ReviewCase,
    ReviewChannel,
    Ticket,
    TicketState,
    Window,
)
from shared.store.model import Hall as HallRow
from shared.store.schema import current_revision, ensure_current, head_revision, upgrade

T = TypeVar("T")


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
    #: When it will be called, in minutes from the moment read (`shared.forecast`): the
    #: point, the range worth saying ("约 25–35 分钟", None when the point says enough),
    #: and False when the windows will likely not reach it before closing.
    estimated_wait_minutes: int | None = None
    wait_range: tuple[int, int] | None = None
    wait_today: bool = True
    windows: tuple[int, ...] = ()  # the windows that serve the ticket's service
    window_no: int | None = None  # the window it is called to, if any
    clerk_code: str | None = None
    reprint: bool = False  # the person's open ticket, printed again (补打)
    id_last6: str | None = None
    recalls: int = 0
    transfers: int = 0  # times sent on to another matter or window (转移)
    hold_kind: str | None = None  # set once it has been held (挂起), kept after it returns
    hall_name: str = ""
    short_code: str = ""  # the review code to type at the kiosk (57-483920)
    # The names in English where the hall's file gives them (name_en), for English pages.
    service_name_en: str | None = None
    zone_name_en: str | None = None
    hall_name_en: str | None = None


@dataclass(frozen=True)
class ReviewTicket:
    """A ticket as its review code shows it: live before the service, then its rating."""

    code: str  # the full review code
    ticket: TicketInfo  # with the people ahead, the wait and the window it is called to
    review: ReviewInfo | None  # its rating, once given
    expires_at: datetime  # after this the code is refused

    @property
    def can_rate(self) -> bool:
        return self.ticket.state == "done" and self.review is None


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
    post: PostInfo | None = None  # the window's AB post, and who is away
    closing: datetime | None = None  # today's closing time; None: the hall is closed today
    past_closing: bool = False  # read after it: the service in hand is extended (延时服务)


@dataclass(frozen=True)
class PostInfo:
    """A window's AB post (AB岗) as the console shows it: who is A and B, and whether A
    is away (why, since when, back when, covered by whom)."""

    window: int
    a_code: str
    a_name: str
    b_code: str
    b_name: str
    away: bool = False  # A is away (an open absence)
    reason: str | None = None  # AbsenceReason value
    note: str | None = None
    left_at: datetime | None = None
    expected_return: datetime | None = None
    covered_by: str | None = None  # the code of the clerk covering
    asked: bool = True  # False: B stepped in unasked


@dataclass(frozen=True)
class AppointmentInfo:
    code: str
    service_code: str
    day: date
    slot_start: datetime
    slot_end: datetime


@dataclass(frozen=True)
class AppointmentImport:
    booked: tuple[AppointmentInfo, ...]
    refused: tuple[tuple[ap.Booking, YimenError], ...]  # each row refused, with why


@dataclass(frozen=True)
class NoticeInfo:
    """A one-time notice (一次性告知单) as printed: what the citizen still needs, where
    to come back, who told them and when."""

    serial: str  # QC-20261124-0003: hall, day, record
    hall_name: str
    service_code: str
    service_name: str
    number: str  # the ticket, held while the citizen fetches the materials
    window_no: int
    window_name: str
    clerk_code: str
    clerk_name: str
    at: datetime  # in the hall's time
    materials: tuple[str, ...]  # from the service's list, in its order
    other: str | None  # anything else, in the clerk's words
    contact: str  # the hall's contact line ([notice] contact)
    guide_url: str  # the service's guide (办事指南), printed as a QR code
    reprint: bool = False  # this copy is a reprint (补打)
    reprints: int = 0  # copies printed again so far
    windows: tuple[int, ...] = ()  # the windows that serve the service: any of them
    return_by: str | None = None  # HH:MM the hall closes today, while that is still ahead

    @property
    def file_stem(self) -> str:
        return f"{self.serial}-{self.number}" + (f"-r{self.reprints}" if self.reprint else "")


class Hall:
    """One hall's use-cases over one database."""

    def __init__(self, db: Database, settings: HallSettings, clock: Clock) -> None:
        self.db = db
        self._settings = settings
        self._stale = False
        # The recent service times the forecast draws on, read once an hour (see `_profile`).
        self._profiles: dict[tuple[date, int], fc.Profile] = {}
        self.clock = clock

    @property
    def settings(self) -> HallSettings:
        """The hall's settings and catalogue as last read. Never reads the database, so a
        screen may look at them on its GUI thread: each operation of the facade reads
        them again, in its own transaction, once they are a minute old (so a
        configuration loaded with ``yimen init`` reaches running screens)."""
        return self._settings

    def _fresh(self, s: Session) -> None:
        if self._stale or monotonic() - self._settings.loaded_at > CATALOG_SECONDS:
            self._stale = False
            self._settings = find_hall(s, self._settings.code)

    def mark_stale(self) -> None:
        """The hall's settings changed elsewhere (the feed said so): the next operation
        reads them again, whatever their age. Safe from any thread."""
        self._stale = True

    @contextmanager
    def _read(self) -> Iterator[Session]:
        """One look at the database, with the settings read again when they are old."""
        with self.db.read() as s:
            self._fresh(s)
            yield s

    def _write(self, fn: Callable[[Session], T]) -> T:
        """``fn`` in one write transaction (retried as a whole when the database asks),
        with the settings read again when they are old."""

        def op(s: Session) -> T:
            self._fresh(s)
            return fn(s)

        return self.db.run_write(op)

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
                profile=self._profile(s, now),
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
                slip=(issued.ahead, issued.forecast),
            )

        try:
            return self._write(op)
        except IntegrityError:
            # The same tap, retried while its first try was still committing: the first
            # try's ticket is there now, and the second run finds it.
            if request_id is None:
                raise
            return self._write(op)

    # -- what the stations report ------------------------------------------------

    def request_help(self, kiosk: str) -> HelpRequest:
        return self._write(lambda s: st.request_help(s, self.settings, kiosk, self.now()))

    def help_requests(self, *, open_only: bool = True) -> list[HelpRequest]:
        with self._read() as s:
            return st.help_requests(s, self.settings, self.now(), open_only=open_only)

    def acknowledge_help(self, request: str, clerk_code: str) -> HelpRequest:
        return self._write(
            lambda s: st.acknowledge_help(s, self.settings, request, clerk_code, self.now())
        )

    def report_printer_fault(self, station: str, code: str, detail: str = "") -> None:
        self._write(
            lambda s: st.report_printer_fault(s, self.settings, station, code, detail, self.now())
        )

    def report_printer_ok(self, station: str) -> bool:
        """The station printed after a fault: its printer alarm ends. Cheap to call after
        every print (nothing is written unless the last report was a fault)."""
        return self._write(lambda s: st.report_printer_ok(s, self.settings, station, self.now()))

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
            a = ap.book_appointment(
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

        return self._write(op)

    def import_appointments(
        self, bookings: Sequence[ap.Booking], progress: Callable[[int], None] | None = None
    ) -> AppointmentImport:
        """Book every row of a bookings file (`shared.rules.appointments.read_bookings`),
        each in its own transaction, so a refused row stops nothing; ``progress(n)`` is
        told after every row."""
        booked: list[AppointmentInfo] = []
        refused: list[tuple[ap.Booking, YimenError]] = []
        tz = self.settings.tz
        for done, row in enumerate(bookings, start=1):
            try:
                start, end = ap.parse_slot(tz, row.day, row.slot)
                booked.append(
                    self.book_appointment(
                        row.service, start, end, citizen_name=row.name, id_number=row.id_number
                    )
                )
            except YimenError as exc:
                refused.append((row, exc))
            if progress is not None:
                progress(done)
        return AppointmentImport(tuple(booked), tuple(refused))

    def return_from_hold(self, number: str) -> TicketInfo:
        return self._ticket_op(lambda s, now: tk.return_from_hold(s, self.settings, number, now))

    def requeue(self, number: str) -> TicketInfo:
        return self._ticket_op(lambda s, now: tk.requeue(s, self.settings, number, now))

    # -- signing in -------------------------------------------------------------

    def sign_in(self, clerk_code: str, password: str, window_no: int) -> SignedIn:
        """Sign in at a window (see `shared.rules.signin`); a wrong password is recorded even
        though it is refused."""
        outcome = self._write(
            lambda s: si.sign_in(s, self.settings, clerk_code, password, window_no, self.now())
        )
        return outcome.result()

    def sign_out(self, clerk_code: str, window_no: int, noon_reason: str | None = None) -> None:
        """Leave the window; the last window of a zone serving at noon needs a
        ``noon_reason`` (refused ``noon.last_window`` without one)."""
        with self._conflicts_recorded():  # B leaving the window A left
            self._write(
                lambda s: si.sign_out(
                    s, self.settings, clerk_code, window_no, self.now(), noon_reason=noon_reason
                )
            )

    # -- AB posts ------------------------------------------------------------------

    def hand_over(
        self,
        window_no: int,
        a_code: str,
        reason: AbsenceReason | str,
        *,
        expected_return: datetime | None = None,
        note: str | None = None,
        b_password: str | None = None,
    ) -> Handed:
        """A leaves the window: with B's password B takes it (and the ticket in hand) now;
        without, B's next sign-in at the window takes it."""
        why = AbsenceReason(reason)
        return self._post_op(
            lambda s, now: posts.hand_over(
                s, self.settings, window_no, a_code, why, now,
                expected_return=expected_return, note=note, b_password=b_password,
            )
        )  # fmt: skip

    def step_in(
        self,
        window_no: int,
        b_code: str,
        b_password: str,
        reason: AbsenceReason | str = AbsenceReason.OTHER,
        *,
        note: str | None = None,
    ) -> Handed:
        """B takes the window unasked: A left without handing over."""
        why = AbsenceReason(reason)
        return self._post_op(
            lambda s, now: posts.step_in(
                s, self.settings, window_no, b_code, b_password, why, now, note=note
            )
        )

    def hand_back(
        self, window_no: int, b_code: str, a_password: str, *, report: str | None = None
    ) -> Handed:
        """A is back: B gives the window back with a report; A is signed in at it."""
        return self._post_op(
            lambda s, now: posts.hand_back(
                s, self.settings, window_no, b_code, a_password, now, report=report
            )
        )

    def post(self, window_no: int) -> PostInfo | None:
        with self._read() as s:
            return self._post_info(s, window_no)

    def absences(self, *, open_only: bool = True) -> list[PostInfo]:
        """The posts whose A is away (or, with ``open_only=False``, every absence)."""
        settings = self.settings
        with self._read() as s:
            q = select(Absence).where(Absence.hall_id == settings.id).order_by(Absence.id)
            if open_only:
                q = q.where(Absence.returned_at.is_(None))
            return [self._absence_info(a) for a in s.scalars(q)]

    def _post_op(self, fn: Callable[[Session, datetime], posts.Handed | HallError]) -> Handed:
        """A post operation; a refused departure is recorded for the supervisor (in its own
        transaction), a wrong password after the attempt's record is committed."""
        with self._conflicts_recorded():
            result = self._write(lambda s: fn(s, self.now()))
        if isinstance(result, HallError):
            raise result
        return result

    @contextmanager
    def _conflicts_recorded(self) -> Iterator[None]:
        """A departure refused because A and B would both be away is recorded for the
        supervisor, in a transaction of its own (the refused one is rolled back)."""
        try:
            yield
        except HallError as exc:
            if exc.code == "post.both_away":
                refusal = exc
                self._write(lambda s: posts.record_conflict(s, self.settings, refusal, self.now()))
            raise

    def _post_info(self, s: Session, window_no: int) -> PostInfo | None:
        cat = self.settings.catalog
        entry = cat.window(window_no)
        a, b = cat.clerk_by_id(entry.a_clerk_id), cat.clerk_by_id(entry.b_clerk_id)
        if a is None or b is None:
            return None
        absence = posts.open_absence(s, self.settings, a.id)
        if absence is None or absence.window_id != entry.id:
            return PostInfo(window_no, a.code, a.name, b.code, b.name)
        return self._absence_info(absence)

    def _absence_info(self, absence: Absence) -> PostInfo:
        cat = self.settings.catalog
        entry = cat.window_by_id(absence.window_id)
        assert entry is not None
        a, b = cat.clerk_by_id(entry.a_clerk_id), cat.clerk_by_id(entry.b_clerk_id)
        covering = cat.clerk_by_id(absence.covered_by_id)
        return PostInfo(
            window=entry.number,
            a_code=a.code if a else "",
            a_name=a.name if a else "",
            b_code=b.code if b else "",
            b_name=b.name if b else "",
            away=absence.returned_at is None,
            reason=absence.reason.value,
            note=absence.note,
            left_at=absence.left_at,
            expected_return=absence.expected_return,
            covered_by=covering.code if covering else None,
            asked=absence.asked,
        )

    def staffed_windows(self) -> list[int]:
        """The windows with a clerk signed in today and not paused."""
        with self._read() as s:
            return si.staffed_windows(s, self.settings, self.now())

    # -- the counter -----------------------------------------------------------

    def call_next(self, window_no: int, clerk_code: str) -> TicketInfo | None:
        def op(s: Session) -> TicketInfo | None:
            now = self.now()
            ticket = tk.call_next(s, self.settings, window_no, clerk_code, now)
            return None if ticket is None else self._info(s, ticket, now)

        return self._write(op)

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

    def pause(
        self,
        window_no: int,
        clerk_code: str,
        reason: str | None = None,
        noon_reason: str | None = None,
    ) -> WindowInfo:
        """Pause the window; the last window of a zone serving at noon needs a
        ``noon_reason`` (refused ``noon.last_window`` without one)."""

        def op(s: Session) -> WindowInfo:
            w = tk.pause(
                s, self.settings, window_no, clerk_code, self.now(), reason, noon_reason=noon_reason
            )
            return self._window_info(w, None)

        return self._write(op)

    def resume(self, window_no: int, clerk_code: str) -> WindowInfo:
        def op(s: Session) -> WindowInfo:
            w = tk.resume(s, self.settings, window_no, clerk_code, self.now())
            return self._window_info(w, wn.in_hand(s, w))

        return self._write(op)

    def close_day(self) -> int:
        """Expire every ticket of today still waiting, called or held (未办结), and record
        the day's empty posts still open (空岗)."""
        return self._write(lambda s: tk.close_day(s, self.settings, self.now()))

    # -- noon duty and empty posts (中午值班, 空岗) --------------------------------------

    def noon_coverage(self, day: date | None = None) -> NoonCoverage:
        """The noon duty of ``day`` (today by default) per zone: the comprehensive
        windows that served, from when to when, and the gaps; up to now while it lasts."""
        with self._read() as s:
            now = self.now()
            return cv.noon_coverage(s, self.settings, day or self.settings.business_day(now), now)

    def empty_posts(self, day: date | None = None) -> list[EmptyPost]:
        """The windows with a post left without a clerk too long on ``day`` (today by
        default), the noon break not counted; whether each is recorded yet."""
        with self._read() as s:
            now = self.now()
            return cv.empty_posts(s, self.settings, day or self.settings.business_day(now), now)

    # -- the one-time notice (一次性告知) ------------------------------------------------

    def give_notice(
        self,
        window_no: int,
        clerk_code: str,
        materials: Sequence[str],
        other: str | None = None,
    ) -> NoticeInfo:
        """Tell the citizen at the window, once and in writing, every material still
        missing; the ticket is held while they fetch them (see `shared.rules.notices`)."""

        def op(s: Session) -> NoticeInfo:
            now = self.now()
            n = nt.give_notice(s, self.settings, window_no, clerk_code, materials, other, now)
            return self._notice_info(s, n, now)

        return self._write(op)

    def reprint_notice(self, number: str, window_no: int, clerk_code: str) -> NoticeInfo:
        """Today's notice of ticket ``number`` again, marked 补打 and counted."""

        def op(s: Session) -> NoticeInfo:
            now = self.now()
            n = nt.reprint_notice(s, self.settings, number, window_no, clerk_code, now)
            return self._notice_info(s, n, now, reprint=True)

        return self._write(op)

    def notices(self, day: date | None = None) -> list[NoticeInfo]:
        """The notices of a business day (default today), in the order given."""
        with self._read() as s:
            now = self.now()
            rows = nt.notices_of_day(s, self.settings, day or self.settings.business_day(now))
            return [self._notice_info(s, n, now) for n in rows]

    def _notice_info(
        self, s: Session, n: Notice, now: datetime, *, reprint: bool = False
    ) -> NoticeInfo:
        settings = self.settings
        cat = settings.catalog
        service = cat.service_of(s, n.service_id)
        window = cat.window_by_id(n.window_id)
        clerk = cat.clerk_by_id(n.clerk_id)
        ticket = s.get(Ticket, n.ticket_id)
        opening = settings.opening(n.business_day)
        closes = settings.at(n.business_day, opening.close) if opening else None
        return NoticeInfo(
            serial=nt.notice_serial(settings.code, n.business_day, n.id),
            hall_name=settings.name,
            service_code=service.code,
            service_name=service.name,
            number=ticket.number if ticket else "",
            window_no=window.number if window else 0,
            window_name=window.name if window else "",
            clerk_code=clerk.code if clerk else "",
            clerk_name=clerk.name if clerk else "",
            at=settings.local(n.at),
            materials=tuple(n.materials),
            other=n.other,
            contact=settings.notice.contact,
            guide_url=settings.notice.guide_url.replace("{service}", service.code),
            reprint=reprint,
            reprints=n.reprints,
            windows=tuple(w.number for w in cat.windows_serving(service.id)),
            return_by=f"{opening.close:%H:%M}" if opening and closes and now < closes else None,
        )

    # -- extended-hours service (延时服务) ------------------------------------------------

    def mark_extended(
        self,
        window_no: int,
        clerk_code: str,
        trigger: ExtendedTrigger | str,
        note: str | None = None,
    ) -> TicketInfo:
        """Why the ticket in hand is served past closing (a citizen's request, heavy load or
        urgency, other with a note): recorded with the service when it is finished."""
        why = ExtendedTrigger(trigger)
        return self._ticket_op(
            lambda s, now: ot.mark_extended(s, self.settings, window_no, clerk_code, why, note, now)
        )

    def decline_extended(
        self, window_no: int, clerk_code: str, reason: str, number: str | None = None
    ) -> DeclineInfo:
        """A citizen's request to be served past closing refused, with the reason a
        supervisor will decide on; ``number``: the citizen's ticket, if any."""

        def op(s: Session) -> DeclineInfo:
            row = ot.decline_extended(
                s, self.settings, window_no, clerk_code, reason, number, now=self.now()
            )
            return ot.decline_info(s, self.settings, row)

        return self._write(op)

    def decide_decline(
        self,
        decline_id: int,
        supervisor_code: str,
        supervisor_password: str,
        approved: bool,
        note: str | None = None,
    ) -> DeclineInfo:
        """A supervisor, with their password, approves a refusal (it stands) or overrules it."""
        settings = self.settings
        self._check_password(supervisor_code, supervisor_password, "overtime.bad_password")

        def op(s: Session) -> DeclineInfo:
            row = ot.decide_decline(
                s, settings, decline_id, supervisor_code, approved, note, self.now()
            )
            return ot.decline_info(s, settings, row)

        return self._write(op)

    def overtime_month(self, year: int, month: int) -> OvertimeMonth:
        """A month's extended services per window and per clerk, and its refusals."""
        with self._read() as s:
            return ot.month_report(s, self.settings, year, month)

    def extended_services(self, day: date | None = None) -> list[ExtendedServiceInfo]:
        """The services of a business day (default today) finished past closing."""
        with self._read() as s:
            settings = self.settings
            return ot.extended_services(s, settings, day or settings.business_day(self.now()))

    def declines(self, *, pending_only: bool = True) -> list[DeclineInfo]:
        """Refused requests to be served past closing: those waiting for a decision, or all."""
        with self._read() as s:
            return ot.declines(s, self.settings, pending_only=pending_only)

    # -- good and bad reviews (好差评) ----------------------------------------------------

    def review_ticket(self, code: str, *, short_code: bool = True) -> ReviewTicket:
        """What a review code shows: the ticket live (people ahead, wait, the window it is
        called to) and its rating once given. Altered, truncated, forged, other halls' and
        expired codes are refused with their sentence; so is a short code where
        ``short_code`` is False (the phone page: see `rv.ticket_id_of`)."""
        settings = self.settings
        ticket_id = rv.ticket_id_of(settings, code, short_code=short_code)
        with self._read() as s:
            now = self.now()
            return self._review_ticket(s, rv.rateable_ticket(s, settings, ticket_id, now), now)

    def _review_ticket(self, s: Session, t: Ticket, now: datetime) -> ReviewTicket:
        settings = self.settings
        review = rv.review_of(s, t.id)
        return ReviewTicket(
            code=make_review_code(settings.secret, settings.code, t.id),
            ticket=self._info(s, t, now, detail=True),
            review=rv.review_info(s, settings, review, rv.case_id_of(s, review.id))
            if review
            else None,
            expires_at=t.issued_at + timedelta(days=settings.reviews.code_days),
        )

    def submit_review(
        self,
        code: str,
        level: str,
        *,
        channel: str = "qr",
        reasons: Sequence[str] = (),
        text: str | None = None,
        dimensions: dict[str, str] | None = None,
        name: str | None = None,
        phone: str | None = None,
        short_code: bool = True,
    ) -> ReviewInfo:
        """A citizen's rating of the finished ticket of ``code``, once; 不满意 and 非常不满意
        need a reason tag or words and open a case (差评整改). A short code is refused
        where ``short_code`` is False (the phone page)."""
        settings = self.settings
        ticket_id = rv.ticket_id_of(settings, code, short_code=short_code)
        rating = rv.Rating.of(level, reasons, text, dimensions, name, phone)
        via = ReviewChannel(channel)

        def op(s: Session) -> ReviewInfo:
            review = rv.submit(s, settings, ticket_id, rating, via, self.now())
            return rv.review_info(s, settings, review, rv.case_id_of(s, review.id))

        try:
            return self._write(op)
        except IntegrityError:
            # Another rating of the same ticket committed first (the unique ticket).
            with self._read() as s:
                number = s.scalar(select(Ticket.number).where(Ticket.id == ticket_id))
            raise HallError("review.already", number=number or "") from None

    def ask_review(self, window_no: int, clerk_code: str) -> TicketInfo:
        """F3 (评价): the ticket in hand is finished and the window's evaluator shows the
        five faces to the citizen."""
        return self._ticket_op(lambda s, now: rv.ask(s, self.settings, window_no, clerk_code, now))

    def review_request(self, window_no: int) -> ReviewTicket | None:
        """The ticket the window's evaluator should show now (F3 within the evaluator's
        seconds, not rated yet), or None."""
        with self._read() as s:
            now = self.now()
            t = rv.asked_at_window(s, self.settings, window_no, now)
            return self._review_ticket(s, t, now) if t else None

    def reviews(self, first: date, last: date | None = None) -> list[ReviewInfo]:
        """The reviews of the tickets of business days ``first``..``last`` (both included)."""
        with self._read() as s:
            return rv.reviews_between(s, self.settings, first, last or first)

    def review_summary(self, first: date, last: date | None = None) -> rv.ReviewSummary:
        """Those reviews counted per level and per window, with the satisfaction rate."""
        reviews = self.reviews(first, last)
        names = {w.number: w.name for w in self.settings.catalog.windows}
        return rv.summarize(reviews, names)

    def cases(self, *, open_only: bool = True) -> list[CaseInfo]:
        """Bad-review cases: overdue first, then by their deadline."""
        with self._read() as s:
            today = self.settings.business_day(self.now())
            return rv.cases(s, self.settings, today, open_only=open_only)

    def case(self, case_id: int) -> CaseInfo:
        with self._read() as s:
            settings = self.settings  # read again if they were old (`_read`)
            row = s.get(ReviewCase, case_id)
            if row is None or row.hall_id != settings.id:
                raise HallError("case.unknown", case=case_id)
            return rv.case_info(s, settings, row, settings.business_day(self.now()))

    def case_action(
        self,
        case_id: int,
        action: str,
        clerk_code: str,
        *,
        password: str | None = None,
        window_no: int | None = None,
        note: str | None = None,
        days: int | None = None,
        callback_result: str | None = None,
    ) -> CaseInfo:
        """One step of a case (start, complete, callback, apply_invalid,
        apply_unrectifiable, approve, reject, extend) by a clerk proven by their password,
        or signed in at ``window_no`` (the console). Approvals, rejections and the
        extension are a supervisor's."""
        settings = self.settings
        clerk = settings.catalog.clerk(clerk_code)
        if password is not None:
            self._check_password(clerk_code, password, "case.bad_password")

        def op(s: Session) -> CaseInfo:
            now = self.now()
            if password is None:
                window = wn.lock_window(s, settings, window_no) if window_no else None
                if (
                    window is None
                    or window.clerk_id != clerk.id
                    or not wn.signed_in_today(settings, window, now)
                ):
                    raise HallError("case.not_signed_in", clerk=clerk_code)
            row = rv.act(
                s, settings, case_id, action, clerk, now,
                note=note, days=days, callback_result=callback_result,
            )  # fmt: skip
            return rv.case_info(s, settings, row, settings.business_day(now))

        return self._write(op)

    def _check_password(self, clerk_code: str, password: str, refusal: str) -> None:
        entry = self.settings.catalog.clerk(clerk_code)
        with self._read() as s:
            password_hash = s.scalar(select(Clerk.password_hash).where(Clerk.id == entry.id))
        if not verify_password(password_hash, password):
            raise HallError(refusal, clerk=clerk_code)

    # -- the supervisor's station -----------------------------------------------------
    #
    # Every operation below names the token of a supervisor's sign-in (`sign_in_supervisor`);
    # the core checks it, and the clerk's role, in the operation's own transaction.

    def sign_in_supervisor(self, clerk_code: str, password: str, station: str) -> StaffSignIn:
        """A supervisor signs in at a station without a window (the same lockout as a
        window's sign-in); a clerk who is not a supervisor is refused."""
        outcome = self._write(
            lambda s: sf.open_session(s, self.settings, clerk_code, password, station, self.now())
        )
        return outcome.result()

    def sign_out_supervisor(self, token: str) -> None:
        self._write(lambda s: sf.close_session(s, self.settings, token, self.now()))

    def supervisor(self, token: str) -> str:
        """The code of the supervisor behind ``token``, or the refusal."""
        with self._read() as s:
            return sf.supervisor(s, self.settings, token, self.now()).code

    def floor(self) -> Floor:
        """The live floor: every window, the waiting per zone and service, today's figures."""
        with self._read() as s:
            return read_floor(s, self.settings, self.now())

    def sweep_alarms(self) -> Sweep:
        """Raise the alarms of causes present now and resolve those whose cause ended (any
        station may: an alarm is raised once whoever sweeps)."""

        def op(s: Session) -> Sweep:
            return al.sweep(s, self.settings, self.now())

        try:
            return self._write(op)
        except IntegrityError:  # another station raised the same alarm at the same moment
            return self._write(op)

    def alarms(self, *, since: datetime | None = None) -> list[AlarmInfo]:
        """The open alarms, newest first; with ``since``, also those resolved after it."""
        with self._read() as s:
            return al.alarms(s, self.settings, self.now(), since=since)

    def acknowledge_alarm(self, token: str, alarm_id: int) -> AlarmInfo:
        """A supervisor has seen the alarm; recorded with who and when."""

        def op(s: Session) -> AlarmInfo:
            now = self.now()
            who = sf.supervisor(s, self.settings, token, now)
            return al.acknowledge(s, self.settings, alarm_id, who, now)

        return self._write(op)

    def pause_window(
        self, token: str, window_no: int, reason: str | None = None, noon_reason: str | None = None
    ) -> WindowInfo:
        """A supervisor pauses a window from the floor (nobody is called there until it is
        reopened); the window's rules hold as for its clerk."""

        def op(s: Session) -> WindowInfo:
            now = self.now()
            who = sf.supervisor(s, self.settings, token, now)
            w = tk.supervisor_pause(s, self.settings, window_no, who, now, reason, noon_reason)
            return self._window_info(w, None)

        return self._write(op)

    def reopen_window(self, token: str, window_no: int) -> WindowInfo:
        def op(s: Session) -> WindowInfo:
            now = self.now()
            who = sf.supervisor(s, self.settings, token, now)
            w = tk.supervisor_resume(s, self.settings, window_no, who, now)
            return self._window_info(w, wn.in_hand(s, w))

        return self._write(op)

    def move_ticket(
        self,
        token: str,
        number: str,
        *,
        to_service: str | None = None,
        to_window: int | None = None,
        reason: str | None = None,
    ) -> TicketInfo:
        """A waiting ticket of today sent to another service or window by a supervisor,
        keeping its place as a transfer does (a setting)."""

        def op(s: Session, now: datetime) -> Ticket:
            who = sf.supervisor(s, self.settings, token, now)
            return tk.move_waiting(
                s, self.settings, number, who, now,
                to_service=to_service, to_window=to_window, reason=reason,
            )  # fmt: skip

        return self._ticket_op(op)

    def answer_help(self, token: str, request: str) -> HelpRequest:
        """A help request answered by the supervisor signed in at the station."""

        def op(s: Session) -> HelpRequest:
            now = self.now()
            who = sf.supervisor(s, self.settings, token, now)
            return st.acknowledge_help(s, self.settings, request, who.code, now)

        return self._write(op)

    def close_day_as(self, token: str) -> int:
        """`close_day` by a supervisor from the floor."""

        def op(s: Session) -> int:
            now = self.now()
            sf.supervisor(s, self.settings, token, now)
            return tk.close_day(s, self.settings, now)

        return self._write(op)

    # -- the hall's everyday settings ----------------------------------------------------

    def change_settings(self, token: str, what: str, edits: Sequence[su.Edit]) -> SettingsChange:
        """Edits of `shared.rules.setup` (daily_cap, time_slots, …) made by a supervisor,
        checked as a configuration file is, and recorded with what changed."""

        def op(s: Session) -> tuple[SettingsChange, HallSettings]:
            now = self.now()
            who = sf.supervisor(s, self.settings, token, now)
            return su.change(s, self.settings, who, what, edits, now)

        done, fresh = self._write(op)
        self._settings = fresh
        return done

    def set_daily_cap(self, token: str, service: str, cap: int | None) -> SettingsChange:
        return self.change_settings(token, "daily_cap", [su.daily_cap(service, cap)])

    def set_time_slots(
        self,
        token: str,
        service: str,
        slots: Sequence[tuple[str, str]],
        caps: Sequence[int] = (),
    ) -> SettingsChange:
        return self.change_settings(token, "time_slots", [su.time_slots(service, slots, caps)])

    def set_window_services(
        self, token: str, window_no: int, services: Sequence[str]
    ) -> SettingsChange:
        return self.change_settings(
            token, "window_services", [su.window_services(window_no, services)]
        )

    def set_display_notice(self, token: str, text: str) -> SettingsChange:
        return self.change_settings(token, "display_notice", [su.display_notice(text)])

    def set_calendar_day(self, token: str, kind: str, day: date, present: bool) -> SettingsChange:
        """``kind``: "holidays" (休息日) or "workday_swaps" (调休上班); add or take off ``day``."""
        if kind not in ("holidays", "workday_swaps"):
            raise HallError("setup.bad_path", path=f"calendar.{kind}")
        return self.change_settings(token, kind, [su.calendar_day(kind, day, present)])

    def set_post(self, token: str, window_no: int, a: str | None, b: str | None) -> SettingsChange:
        """The window's AB pair; both None removes the post."""
        return self.change_settings(token, "post", [su.post(window_no, a, b)])

    def add_clerk(
        self, token: str, code: str, name: str, role: str = "clerk", password: str | None = None
    ) -> SettingsChange:
        return self.change_settings(token, "clerk_add", [su.clerk_add(code, name, role, password)])

    def update_clerk(
        self, token: str, code: str, *, name: str | None = None, role: str | None = None
    ) -> SettingsChange:
        return self.change_settings(
            token, "clerk_update", [su.clerk_update(code, name=name, role=role)]
        )

    def disable_clerk(self, token: str, code: str) -> SettingsChange:
        return self.change_settings(token, "clerk_disable", [su.clerk_remove(code)])

    def enable_clerk(self, token: str, code: str) -> SettingsChange:
        """A disabled clerk back on the hall's list, with their name and role."""
        with self._read() as s:
            row = s.scalars(
                select(Clerk).where(Clerk.hall_id == self.settings.id, Clerk.code == code)
            ).first()
        if row is None:
            raise HallError("clerk.unknown", clerk=code)
        return self.change_settings(
            token, "clerk_enable", [su.clerk_add(code, row.name, row.role.value, None)]
        )

    def reset_password(self, token: str, code: str, password: str) -> SettingsChange:
        def op(s: Session) -> SettingsChange:
            now = self.now()
            who = sf.supervisor(s, self.settings, token, now)
            return su.reset_password(s, self.settings, who, code, password, now)

        return self._write(op)

    def set_setting(self, token: str, path: str, value: object) -> SettingsChange:
        """Any one key of the hall's configuration by its path (for scripts)."""
        return self.change_settings(token, "setting", [su.setting(path, value)])

    def setting_changes(
        self, *, since: datetime | None = None, limit: int = 200
    ) -> list[SettingsChange]:
        """The recorded changes of the hall's settings, newest first."""
        with self._read() as s:
            return su.changes(s, self.settings, since, limit)

    def export_config(self) -> str:
        """The hall's configuration as a TOML file (no passwords): ``yimen init --config``
        of it changes nothing."""
        with self._read() as s:
            return to_toml(hall_tables(s, self.settings))

    def reload(self) -> None:
        """Read the hall's settings again now (a screen told of a settings change)."""
        with self.db.read() as s:
            self._settings = find_hall(s, self._settings.code)

    # -- the daily notice, the ranking, the month's report ---------------------------------

    def report(self, first: date, last: date | None = None) -> fg.Report:
        """Every figure of business days ``first``..``last`` per window, clerk, service and
        for the hall (see `shared.rules.figures` for each figure's definition)."""
        with self._read() as s:
            return fg.figures(s, self.settings, first, last or first, self.now())

    def ranking(
        self,
        group: str,
        first: date,
        last: date | None = None,
        *,
        report: fg.Report | None = None,
        earlier: dict[date, fg.Report] | None = None,
    ) -> fg.Ranking:
        """The ranking of the windows or the clerks (``group``) over the range (``report``:
        its figures, when already read). The minimum to be ranked counts the range's
        business days up to today only (a month in progress). For one day, those among
        the last three on the two business days before too are marked (约谈); their
        figures are read into ``earlier`` (given: kept there for the other group's)."""
        last = last or first
        settings = self.settings
        today = settings.business_day(self.now())
        days = len(fg.business_days(settings, first, min(last, today)))
        ranking = fg.rank(report or self.report(first, last), group, days)
        if first != last:
            return ranking
        before = {} if earlier is None else earlier
        ranked = []
        for d in fg.previous_business_days(settings, first, 2):
            if d not in before:
                before[d] = self.report(d)
            ranked.append(fg.rank(before[d], group, 1))
        return fg.with_streak(ranking, ranked)

    # -- looking -------------------------------------------------------------------------

    def ticket(self, number: str, day: date | None = None) -> TicketInfo:
        with self._read() as s:
            now = self.now()
            t = wn.ticket_by_number(
                s, self.settings, number, day or self.settings.business_day(now), lock=False
            )
            return self._info(s, t, now, detail=True)

    def ticket_by_review_code(self, code: str) -> TicketInfo:
        """The ticket of a scanned review code (whole or short); refused when not genuine."""
        return self.review_ticket(code).ticket

    def waiting_counts(self) -> list[WaitingCount]:
        """Waiting tickets of today per service, in the kiosk's order."""
        return [WaitingCount(sv.code, sv.name, sv.prefix, sv.waiting) for sv in self.services()]

    def services(self) -> list[ServiceInfo]:
        with self._read() as s:
            settings = self.settings  # read again if they were old (`_read`)
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
        with self._read() as s:
            settings = self.settings  # read again if they were old (`_read`)
            return [self._window_info(w, ticket) for w, ticket in tk.windows_in_hand(s, settings)]

    def feed_position(self) -> int:
        """The id of the newest event, for a screen about to follow the feed from it."""
        with self._read() as s:
            return feed_position(s)

    def lobby(self, calls: int = 20) -> Lobby:
        """What the lobby display shows: today's last ``calls`` calls, every window's
        state, the waiting per zone, and the feed position they were read at."""
        with self._read() as s:
            return read_lobby(s, self.settings, self.now(), calls)

    def desk(self, window_no: int) -> Desk:
        """A counter's view of its window: the ticket in hand, who waits for it, the next
        numbers, how many it has served today."""
        with self._read() as s:
            settings = self.settings  # read again if they were old (`_read`)
            entry = settings.catalog.window(window_no)
            now = self.now()
            counts = tk.waiting_by_service(s, settings, settings.business_day(now))
            waiting = tuple(
                WaitingCount(sv.code, sv.name, sv.prefix, counts.get(sv.id, 0))
                for sv in settings.catalog.services
                if sv.id in entry.service_ids
            )
            row = s.scalars(select(Window).where(Window.id == entry.id)).one()
            held = wn.in_hand(s, row)
            return Desk(
                window=self._window_info(row, held),
                ticket=None if held is None else self._info(s, held, now),
                waiting=waiting,
                upcoming=tuple(t.number for t in tk.upcoming(s, settings, window_no, now)),
                served_today=tk.served_today(s, settings, window_no, now),
                signed_in=wn.signed_in_today(settings, row, now),
                held=tuple(
                    self._info(s, t, now) for t in tk.held_for_window(s, settings, window_no, now)
                ),
                help=tuple(st.help_requests(s, settings, now)),
                post=self._post_info(s, window_no),
                closing=ot.closing_time(settings, settings.business_day(now)),
                past_closing=ot.past_closing(settings, now),
            )

    # -- plumbing --------------------------------------------------------------------

    def _window_op(self, fn: tk.WindowOp, window_no: int, clerk_code: str) -> TicketInfo:
        return self._ticket_op(lambda s, now: fn(s, self.settings, window_no, clerk_code, now))

    def _ticket_op(self, fn: tk.TicketOp) -> TicketInfo:
        def op(s: Session) -> TicketInfo:
            now = self.now()
            return self._info(s, fn(s, now), now)

        return self._write(op)

    def wait_forecast(self, number: str, day: date | None = None) -> fc.Forecast | None:
        """When a waiting ticket will be called, with the forecast's whole range (what
        the slip and the phone page say, `TicketInfo.estimated_wait_minutes` and
        ``wait_range``, come from it); None once it is not waiting."""
        with self._read() as s:
            now = self.now()
            t = wn.ticket_by_number(
                s, self.settings, number, day or self.settings.business_day(now), lock=False
            )
            return tk.ticket_forecast(s, self.settings, t, now, self._profile(s, now))

    def _profile(self, s: Session, now: datetime) -> fc.Profile:
        """The recent service times at this hour (`shared.forecast.read_profile`), read
        once every ten minutes and kept: a kiosk issues hundreds of tickets an hour."""
        local = self.settings.local(now)
        key = (self.settings.business_day(now), local.hour * 6 + local.minute // 10)
        if key not in self._profiles:
            self._profiles = {key: fc.read_profile(s, self.settings, now)}
        return self._profiles[key]

    def _info(
        self,
        s: Session,
        t: Ticket,
        now: datetime,
        *,
        detail: bool = False,
        reprint: bool = False,
        slip: tuple[int, fc.Forecast | None] | None = None,
    ) -> TicketInfo:
        """The ticket as a client sees it. ``detail`` adds the windows, people ahead and
        the estimated wait (read now); ``slip`` gives those last two as already read."""
        settings = self.settings
        cat = settings.catalog
        service = cat.service_of(s, t.service_id)
        ahead = 0
        estimate: fc.Forecast | None = None
        windows: tuple[int, ...] = ()
        if detail or slip is not None:
            windows = tuple(w.number for w in cat.windows_serving(service.id))
        if slip is not None:
            ahead, estimate = slip
        elif detail and t.state == TicketState.WAITING:
            ahead = tk.people_ahead(s, settings, t)
            estimate = tk.ticket_forecast(s, settings, t, now, self._profile(s, now))
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
            short_code=make_short_code(settings.secret, settings.code, t.id),
            ahead=ahead,
            estimated_wait_minutes=estimate.minutes if estimate else None,
            wait_range=estimate.shown_range if estimate else None,
            wait_today=estimate.today if estimate else True,
            windows=windows,
            window_no=window.number if window else None,
            clerk_code=clerk.code if clerk else None,
            reprint=reprint,
            id_last6=t.id_last6,
            recalls=t.recalls,
            transfers=t.transfers,
            hold_kind=t.hold_kind.value if t.hold_kind else None,
            hall_name=settings.name,
            service_name_en=service.name_en,
            zone_name_en=service.zone_name_en,
            hall_name_en=settings.kiosk.hall_name_en,
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


def worth_waiting(exc: BaseException) -> bool:
    """Opening the hall failed in a way that waiting mends: the server is away for a while
    (not up yet, restarting, the network cut), or the database waits for IT's ``yimen
    init`` after the programs were upgraded. A station or ``yimen serve`` that started
    first says so and tries again; anything else is its refusal at once."""
    return is_passing(exc) or (isinstance(exc, YimenError) and exc.code == "db.too_old")


@dataclass(frozen=True)
class Upgraded:
    """What ``yimen init`` without a hall file did to a database that holds halls."""

    before: str  # the schema's revision it had
    after: str  # the one it has now (this program's)
    halls: tuple[str, ...]  # the codes of the halls it holds


def upgrade_database(url: str | None) -> Upgraded | None:
    """Bring a database that already holds halls up to this program's schema, touching
    nothing else (the halls' settings stay as the supervisors left them). None for a
    database without a hall, which needs a hall file (``init_hall``)."""
    db = connect(url or default_url())
    try:
        before = current_revision(db)
        if before is None:
            return None
        upgrade(db)
        with db.read() as s:
            halls = tuple(s.scalars(select(HallRow.code).order_by(HallRow.code)))
        if not halls:
            return None
        return Upgraded(before=before, after=head_revision(), halls=halls)
    finally:
        db.dispose()


def init_hall(url: str | None, config: HallConfig, clock: Clock | None = None) -> LoadSummary:
    """Create or upgrade the schema, then create or update the hall of ``config``."""
    db = connect(url or default_url())
    try:
        upgrade(db)
        now = (clock or SystemClock()).now()
        with db.write() as s:
            try:
                before = hall_tables(s, find_hall(s, config.hall.code), full=True)
            except HallError:
                before = None  # a new hall
            summary = load_config(s, config, now)
            s.flush()
            changed = su.record_load(s, find_hall(s, config.hall.code), before, now)
            return replace(summary, changes=len(changed))
    finally:
        db.dispose()
