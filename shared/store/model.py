"""The hall's tables (SQLAlchemy 2.0 typed mappings).

Every row belongs to a hall, so one database serves one hall or a whole district.
The ticket row caches a ticket's current state; its history is the append-only
`Event` table, from which reports are computed. Nothing here is ever deleted by a
normal action.

Times are stored as UTC (naive on SQLite, ``timestamptz`` on PostgreSQL) and come
back as aware UTC datetimes; the business day is computed in the hall's zone.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# An auto-incrementing primary key on both databases (SQLite needs INTEGER for rowid).
IdType = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """A point in time stored as UTC and returned as an aware UTC datetime."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC time is stored")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }
    # Named constraints, so migrations can alter them on both databases.
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(column_0_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    # Stored by value as plain strings with a CHECK (named: one per column), the same
    # on both databases.
    return Enum(
        cls,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda e: [m.value for m in e],
        name=name,
    )


class TicketState(enum.StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    HELD = "held"
    EXPIRED = "expired"


#: States in which a ticket is still open (counts for "one open ticket per person").
OPEN_STATES = (TicketState.WAITING, TicketState.CALLED, TicketState.SERVING, TicketState.HELD)
#: States in which a ticket is in a clerk's hands at a window.
IN_HAND_STATES = (TicketState.CALLED, TicketState.SERVING)


def in_hand_where() -> Any:
    """A ticket in a window's hands, as a query's condition: the partial index
    ``ux_tickets_in_hand``'s own condition with its literal values. SQLite uses a partial
    index only for a query that repeats its condition so; with the states as bound
    parameters it scanned every ticket of every day (a hall-year: each window's call)."""
    return text("tickets.state IN ('called', 'serving')")


class HoldKind(enum.StrEnum):
    """The three kinds of hold (挂起) of the field."""

    FETCH_MATERIALS = "fetch_materials"  # citizen fetches materials, returns ahead of the line
    MATERIALS_AT_WINDOW = "materials_at_window"  # materials stay; back to the same window
    AWAITING_STEP = "awaiting_step"  # another step must happen first (e.g. a seal carved)


class Priority(enum.StrEnum):
    ORDINARY = "ordinary"
    GREEN = "green"  # 绿色通道: elderly, disabled, pregnant
    APPOINTMENT = "appointment"  # 预约, checked in


class Role(enum.StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"


class EventKind(enum.StrEnum):
    ISSUED = "issued"
    REPRINTED = "reprinted"
    CALLED = "called"
    RECALLED = "recalled"
    STARTED = "started"
    FINISHED = "finished"
    NO_SHOW = "no_show"
    REQUEUED = "requeued"
    HELD = "held"
    RETURNED = "returned"  # back from a hold into the line
    CALLED_BACK = "called_back"
    TRANSFERRED = "transferred"
    EXPIRED = "expired"
    PAUSED = "paused"
    RESUMED = "resumed"
    HELP_REQUESTED = "help_requested"  # a citizen pressed 需要帮助 at a kiosk
    HELP_ACKNOWLEDGED = "help_acknowledged"  # a clerk or guide is on the way
    PRINTER_FAULT = "printer_fault"  # a station's printer is offline or out of paper
    SIGNED_IN = "signed_in"  # a clerk signed in at a window
    SIGNED_OUT = "signed_out"
    SIGN_IN_FAILED = "sign_in_failed"  # a wrong password (data: window, attempts, locked)
    # The staffing rules (shared.rules: posts, coverage, overtime, notices).
    HANDED_OVER = "handed_over"  # AB岗: A's window taken by B (asked, or B stepped in)
    HANDED_BACK = "handed_back"  # B gives the window back to A, with a report
    POST_CONFLICT = "post_conflict"  # a departure refused: A and B would both be away
    EMPTY_POST = "empty_post"  # 空岗: a window without a clerk too long (data: start, end)
    NOON_UNCOVERED = "noon_uncovered"  # the last serving window of a zone left at noon
    EXTENDED_MARKED = "extended_marked"  # why the ticket in hand is served past closing
    EXTENDED_SERVICE = "extended_service"  # a service finished past closing (延时服务)
    EXTENDED_DECLINED = "extended_declined"  # a citizen's request to stay refused, why
    DECLINE_DECIDED = "decline_decided"  # a supervisor approved or overruled that refusal
    NOTICE_GIVEN = "notice_given"  # 一次性告知: the missing materials, told once in writing
    NOTICE_REPRINTED = "notice_reprinted"  # the same notice printed again (补打)
    # Good and bad reviews (shared.rules.reviews).
    REVIEW_ASKED = "review_asked"  # F3: the window's evaluator shows the five faces
    REVIEWED = "reviewed"  # a citizen rated a finished service (data: level, channel)
    CASE_UPDATED = "case_updated"  # a bad review's case moved on (data: case, action, state)
    PRINTER_OK = "printer_ok"  # a station's printer printed again after a fault
    # The supervisor's station (shared.rules.staff, alarms, setup).
    STAFF_SIGNED_IN = "staff_signed_in"  # a supervisor opened a station (no window)
    STAFF_SIGNED_OUT = "staff_signed_out"
    ALARM_RAISED = "alarm_raised"  # data: alarm, alarm_kind, subject, params
    ALARM_ACKNOWLEDGED = "alarm_acknowledged"  # who saw it (clerk), data: alarm
    ALARM_RESOLVED = "alarm_resolved"  # its cause ended, data: alarm
    SETTING_CHANGED = "setting_changed"  # who, data: what, changes [{path, old, new}]


class AbsenceReason(enum.StrEnum):
    """Why a post holder is away (AB岗)."""

    LEAVE = "leave"  # 请假
    STUDY = "study"  # 学习培训
    MEETING = "meeting"  # 会议
    BUSINESS_TRIP = "business_trip"  # 出差
    LUNCH = "lunch"  # 午餐
    OTHER = "other"  # 其他


class ExtendedTrigger(enum.StrEnum):
    """Why a service ran past closing time (延时服务)."""

    UNFINISHED_AT_CLOSING = "unfinished_at_closing"  # in service when the hall closed
    CITIZEN_REQUEST = "citizen_request"  # the citizen asked, reasonably
    HEAVY_LOAD = "heavy_load"  # heavy load or urgency
    OTHER = "other"


class ReviewLevel(enum.StrEnum):
    """The five levels of a rating (好差评), stored by name: national documents disagree on
    the direction of the numeric codes, so codes are given only at export."""

    VERY_SATISFIED = "very_satisfied"  # 非常满意
    SATISFIED = "satisfied"  # 满意
    BASICALLY_SATISFIED = "basically_satisfied"  # 基本满意
    DISSATISFIED = "dissatisfied"  # 不满意
    VERY_DISSATISFIED = "very_dissatisfied"  # 非常不满意


class ReviewChannel(enum.StrEnum):
    """Where a rating was given."""

    QR = "qr"  # the slip's QR code, on the citizen's phone (码上监督)
    KIOSK = "kiosk"  # the kiosk's 评价 screen
    EVALUATOR = "evaluator"  # the window's evaluator facing the citizen (F3)
    OTHER = "other"


class CaseState(enum.StrEnum):
    """A bad review's case (差评整改)."""

    PENDING = "pending"  # 待整改
    RECTIFYING = "rectifying"  # 整改中
    RECTIFIED = "rectified"  # 整改完成
    INVALID_APPLIED = "invalid_applied"  # 申请认定无效, waiting for a supervisor
    INVALID = "invalid"  # 认定无效 (approved)
    UNRECTIFIABLE_APPLIED = "unrectifiable_applied"  # 申请无法整改, waiting for a supervisor
    UNRECTIFIABLE = "unrectifiable"  # 无法整改 (approved)


#: Case states still to be worked on (they count against the deadline).
OPEN_CASE_STATES = (
    CaseState.PENDING,
    CaseState.RECTIFYING,
    CaseState.INVALID_APPLIED,
    CaseState.UNRECTIFIABLE_APPLIED,
)


class AppointmentState(enum.StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    CANCELLED = "cancelled"


class Hall(Base):
    __tablename__ = "halls"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64))
    # The hall's configuration as loaded (calendar and rules), kept for the core to read.
    calendar: Mapped[dict[str, Any]] = mapped_column(JSON)
    rules: Mapped[dict[str, Any]] = mapped_column(JSON)
    # How calls are spoken ([voice] of the configuration).
    voice: Mapped[dict[str, Any]] = mapped_column(JSON, server_default=text("'{}'"))
    # The kiosk and its slip ([kiosk]).
    kiosk: Mapped[dict[str, Any]] = mapped_column(JSON, server_default=text("'{}'"))
    # The lobby display and the window screens ([display]).
    display: Mapped[dict[str, Any]] = mapped_column(JSON, server_default=text("'{}'"))
    # The staffing rules ([staffing]) and the one-time notice slip ([notice]).
    staffing: Mapped[dict[str, Any]] = mapped_column(JSON, server_default=text("'{}'"))
    notice: Mapped[dict[str, Any]] = mapped_column(JSON, server_default=text("'{}'"))
    # Good and bad reviews and their cases ([reviews]).
    reviews: Mapped[dict[str, Any]] = mapped_column(JSON, server_default=text("'{}'"))
    # The supervisor's alarms and their thresholds ([alarms]).
    alarms: Mapped[dict[str, Any]] = mapped_column(JSON, server_default=text("'{}'"))
    # Per-hall secret for review codes and ID hashes; generated once, never exported.
    secret: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime]


class Zone(Base):
    __tablename__ = "zones"
    __table_args__ = (UniqueConstraint("hall_id", "code"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Service(Base):
    __tablename__ = "services"
    __table_args__ = (UniqueConstraint("hall_id", "code"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    zone_id: Mapped[int] = mapped_column(ForeignKey("zones.id"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    prefix: Mapped[str] = mapped_column(String(1))
    materials: Mapped[list[Any]] = mapped_column(JSON, default=list)
    daily_cap: Mapped[int | None]
    handling_minutes: Mapped[int] = mapped_column(Integer, default=10)
    # [["09:00", "11:30"], ...]; empty: whenever the hall issues tickets.
    time_slots: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # The most tickets issued within each of ``time_slots`` (None: no quota), in its order.
    slot_caps: Mapped[list[Any]] = mapped_column(JSON, default=list, server_default=text("'[]'"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Window(Base):
    __tablename__ = "windows"
    __table_args__ = (UniqueConstraint("hall_id", "number"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("zones.id"))
    number: Mapped[int]
    name: Mapped[str] = mapped_column(String(100))
    comprehensive: Mapped[bool] = mapped_column(Boolean, default=False)
    kinds: Mapped[list[Any]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Live state, a cache of the window's events.
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    # When ``clerk_id`` signed in here; None: nobody is signed in at this window.
    signed_in_at: Mapped[datetime | None]


class WindowService(Base):
    __tablename__ = "window_services"

    window_id: Mapped[int] = mapped_column(ForeignKey("windows.id"), primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), primary_key=True)


class Clerk(Base):
    __tablename__ = "clerks"
    __table_args__ = (UniqueConstraint("hall_id", "code"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[Role] = mapped_column(_enum(Role, "ck_clerks_role"))
    # argon2id hash; None: no password set yet, the clerk cannot sign in.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Wrong passwords in a row, and the lock they brought (kept here, so every PC sees it).
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    locked_until: Mapped[datetime | None]


class Post(Base):
    """AB岗: a window's post holder (A) and backup (B)."""

    __tablename__ = "posts"
    __table_args__ = (UniqueConstraint("window_id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    window_id: Mapped[int] = mapped_column(ForeignKey("windows.id"))
    a_clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    b_clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))


class NumberCounter(Base):
    """The last number issued per hall, business day and prefix: A001, A002…"""

    __tablename__ = "number_counters"

    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), primary_key=True)
    business_day: Mapped[date] = mapped_column(Date, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(1), primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)


class Appointment(Base):
    __tablename__ = "appointments"
    __table_args__ = (
        UniqueConstraint("hall_id", "code"),
        # A day's appointments (the forecast reads those still to check in).
        Index("ix_appointments_day", "hall_id", "day"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    code: Mapped[str] = mapped_column(String(16))
    day: Mapped[date] = mapped_column(Date)
    slot_start: Mapped[datetime]
    slot_end: Mapped[datetime]
    citizen_name: Mapped[str] = mapped_column(String(100))
    id_hash: Mapped[str | None] = mapped_column(String(64))
    id_last6: Mapped[str | None] = mapped_column(String(6))
    state: Mapped[AppointmentState] = mapped_column(
        _enum(AppointmentState, "ck_appointments_state")
    )
    booked_at: Mapped[datetime]


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("hall_id", "business_day", "number"),
        # The queue: only waiting tickets, in calling order, per service.
        Index(
            "ix_tickets_queue",
            "hall_id",
            "service_id",
            "lane",
            "queue_key",
            postgresql_where=text("state = 'waiting'"),
            sqlite_where=text("state = 'waiting'"),
        ),
        # At most one ticket in a window's hands.
        Index(
            "ux_tickets_in_hand",
            "window_id",
            unique=True,
            postgresql_where=text("state IN ('called', 'serving')"),
            sqlite_where=text("state IN ('called', 'serving')"),
        ),
        Index("ix_tickets_service_day", "hall_id", "service_id", "business_day"),
        # A day's or a month's tickets of the whole hall (the reports).
        Index("ix_tickets_day", "hall_id", "business_day"),
        Index("ix_tickets_person", "hall_id", "id_hash"),
        # One tap, one ticket: a kiosk's retried request finds the ticket it already got.
        UniqueConstraint("hall_id", "request_id"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    business_day: Mapped[date] = mapped_column(Date)
    number: Mapped[str] = mapped_column(String(8))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    # The service the ticket was issued for (service_id changes on a transfer).
    issued_service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    state: Mapped[TicketState] = mapped_column(_enum(TicketState, "ck_tickets_state"))
    priority: Mapped[Priority] = mapped_column(_enum(Priority, "ck_tickets_priority"))
    issued_at: Mapped[datetime]
    # Calling order: lane 0 (back from a hold) before lane 1 (the line), then queue_key.
    lane: Mapped[int] = mapped_column(Integer, default=1)
    queue_key: Mapped[datetime]
    # Only this window may call the ticket (a transfer to a window, a hold at a window).
    target_window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id"))
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    called_at: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    requeues: Mapped[int] = mapped_column(Integer, default=0)
    transfers: Mapped[int] = mapped_column(Integer, default=0)
    hold_kind: Mapped[HoldKind | None] = mapped_column(_enum(HoldKind, "ck_tickets_hold_kind"))
    held_window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id"))
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.id"))
    # Salted (per-hall HMAC) hash of an ID number and its last six digits; never the number.
    id_hash: Mapped[str | None] = mapped_column(String(64))
    id_last6: Mapped[str | None] = mapped_column(String(6))
    # The kiosk's own id of the tap that asked for the ticket, and the kiosk's code.
    request_id: Mapped[str | None] = mapped_column(String(64))
    kiosk: Mapped[str | None] = mapped_column(String(32))


class Event(Base):
    """The append-only log of every ticket, window and post event.

    Ids are handed out at commit time from `EventClock`, so id order is commit
    order on both databases: a reader that has seen id N has seen every event
    committed before it.
    """

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_ticket", "ticket_id"),
        # The events of one kind over a span of time (printer faults, help, reports).
        Index("ix_events_kind_at", "hall_id", "kind", "at"),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    at: Mapped[datetime]
    kind: Mapped[EventKind] = mapped_column(_enum(EventKind, "ck_events_kind"))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id"))
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    from_state: Mapped[TicketState | None] = mapped_column(
        _enum(TicketState, "ck_events_from_state")
    )
    to_state: Mapped[TicketState | None] = mapped_column(_enum(TicketState, "ck_events_to_state"))
    reason: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Absence(Base):
    """AB岗: a post holder away from their window, who covers, and the return.

    Open (``returned_at`` None) while the clerk is away; it may span days (a business
    trip). The events ``handed_over`` / ``handed_back`` are the record; this row is the
    current state the rules read (A and B of one post never away at once)."""

    __tablename__ = "absences"
    __table_args__ = (Index("ix_absences_open", "hall_id", "clerk_id", "returned_at"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    window_id: Mapped[int] = mapped_column(ForeignKey("windows.id"))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))  # who is away
    reason: Mapped[AbsenceReason] = mapped_column(_enum(AbsenceReason, "ck_absences_reason"))
    note: Mapped[str | None] = mapped_column(Text)
    expected_return: Mapped[datetime | None]
    left_at: Mapped[datetime]
    # True: A handed over before leaving; False: B stepped in unasked.
    asked: Mapped[bool] = mapped_column(Boolean, default=True)
    covered_by_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    covered_from: Mapped[datetime | None]
    returned_at: Mapped[datetime | None]
    report: Mapped[str | None] = mapped_column(Text)  # B's report on handing back


class ExtendedService(Base):
    """延时服务: one service finished past the day's closing time, by itself."""

    __tablename__ = "extended_services"
    __table_args__ = (
        UniqueConstraint("ticket_id"),
        Index("ix_extended_services_day", "hall_id", "business_day"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    business_day: Mapped[date] = mapped_column(Date)
    window_id: Mapped[int] = mapped_column(ForeignKey("windows.id"))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    trigger: Mapped[ExtendedTrigger] = mapped_column(
        _enum(ExtendedTrigger, "ck_extended_services_trigger")
    )
    note: Mapped[str | None] = mapped_column(Text)
    closing: Mapped[datetime]  # the day's closing time
    started_at: Mapped[datetime]  # when the service started
    ended_at: Mapped[datetime]
    minutes: Mapped[int] = mapped_column(Integer)  # minutes past closing, rounded up


class ExtendedDecline(Base):
    """A citizen's request to be served past closing, refused with a reason, waiting for
    (or given) a supervisor's decision."""

    __tablename__ = "extended_declines"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    business_day: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime]
    window_id: Mapped[int] = mapped_column(ForeignKey("windows.id"))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    reason: Mapped[str] = mapped_column(Text)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    decided_at: Mapped[datetime | None]
    approved: Mapped[bool | None] = mapped_column(Boolean)
    decision_note: Mapped[str | None] = mapped_column(Text)


class Notice(Base):
    """一次性告知: the materials a citizen still needs, told once, in writing."""

    __tablename__ = "notices"
    __table_args__ = (
        UniqueConstraint("ticket_id"),  # once per visit
        Index("ix_notices_day", "hall_id", "business_day"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    business_day: Mapped[date] = mapped_column(Date)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    window_id: Mapped[int] = mapped_column(ForeignKey("windows.id"))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    at: Mapped[datetime]
    materials: Mapped[list[Any]] = mapped_column(JSON, default=list)
    other: Mapped[str | None] = mapped_column(Text)
    reprints: Mapped[int] = mapped_column(Integer, default=0)


class Review(Base):
    """A citizen's rating of one finished service (好差评): once per ticket. Nothing about
    the citizen is kept but what they typed (a name and phone make it a real-name review)."""

    __tablename__ = "reviews"
    __table_args__ = (
        UniqueConstraint("ticket_id"),  # once per ticket, whatever the channel
        Index("ix_reviews_day", "hall_id", "business_day"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    business_day: Mapped[date] = mapped_column(Date)  # the ticket's day
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id"))
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    at: Mapped[datetime]
    level: Mapped[ReviewLevel] = mapped_column(_enum(ReviewLevel, "ck_reviews_level"))
    channel: Mapped[ReviewChannel] = mapped_column(_enum(ReviewChannel, "ck_reviews_channel"))
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)  # reason tags
    text: Mapped[str | None] = mapped_column(Text)
    dimensions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # name -> level
    name: Mapped[str | None] = mapped_column(String(50))
    phone: Mapped[str | None] = mapped_column(String(20))


class ReviewCase(Base):
    """The follow-up of a bad review (差评整改), with its deadline and callback (回访)."""

    __tablename__ = "review_cases"
    __table_args__ = (
        UniqueConstraint("review_id"),
        Index("ix_review_cases_state", "hall_id", "state"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"))
    state: Mapped[CaseState] = mapped_column(_enum(CaseState, "ck_review_cases_state"))
    opened_at: Mapped[datetime]
    due: Mapped[date] = mapped_column(Date)  # the last day to rectify, extension included
    extended_days: Mapped[int] = mapped_column(Integer, default=0)  # one extension at most
    callback_needed: Mapped[bool] = mapped_column(Boolean, default=False)  # real-name
    called_back_at: Mapped[datetime | None]
    callback_result: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None]


class CaseStep(Base):
    """One step of a case: who did what, when, from which state to which."""

    __tablename__ = "case_steps"
    __table_args__ = (Index("ix_case_steps_case", "case_id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("review_cases.id"))
    at: Mapped[datetime]
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))  # None: opened
    action: Mapped[str] = mapped_column(String(24))
    from_state: Mapped[CaseState | None] = mapped_column(
        _enum(CaseState, "ck_case_steps_from_state")
    )
    to_state: Mapped[CaseState] = mapped_column(_enum(CaseState, "ck_case_steps_to_state"))
    note: Mapped[str | None] = mapped_column(Text)
    days: Mapped[int | None]  # an extension's working days
    result: Mapped[str | None] = mapped_column(String(16))  # a callback's result


class Alarm(Base):
    """A supervisor's alarm (shared.rules.alarms): raised once when its cause appears, open
    until the cause ends (resolved); acknowledged by a supervisor, who is recorded.

    ``kind`` and ``subject`` (a service's code, a window's number, a case's id, a kiosk…)
    name the cause: at most one open alarm per cause."""

    __tablename__ = "alarms"
    __table_args__ = (
        Index(
            "ux_alarms_open",
            "hall_id",
            "kind",
            "subject",
            unique=True,
            postgresql_where=text("resolved_at IS NULL"),
            sqlite_where=text("resolved_at IS NULL"),
        ),
        Index("ix_alarms_raised", "hall_id", "raised_at"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    kind: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(64))
    raised_at: Mapped[datetime]
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # for its sentence
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    resolved_at: Mapped[datetime | None]


class StaffSession(Base):
    """A supervisor signed in at a station without a window (the supervisor's station, a
    script): the operations of a supervisor name it by its token, kept only as a hash."""

    __tablename__ = "staff_sessions"
    __table_args__ = (UniqueConstraint("token_hash"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    token_hash: Mapped[str] = mapped_column(String(64))
    station: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]


class EventClock(Base):
    """One row: the last event id handed out (see `Event`)."""

    __tablename__ = "event_clock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_id: Mapped[int] = mapped_column(BigInteger, default=0)
