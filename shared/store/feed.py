"""The change feed: every screen learns of every ticket and window event at once,
in commit order, exactly once, and keeps going when the database goes away.

``Feed.connect(url)`` then ``for ev in feed.events(after=None): …`` blocks and yields
`FeedEvent` (a row of the append-only event log, with the ticket's number, the window
and the clerk) and `ConnectionChange` (the link to the database was lost / restored).
``feed.close()``, from any thread, ends the iteration within a fraction of a second.

How nothing is lost or repeated: event ids are handed out at commit from one clock row
(`shared.store.db`), so id order is commit order and a reader that has seen id N has seen
every event before it. The feed remembers the last id it yielded and always reads
``id > last`` in id order; a notification only says "look now".

* PostgreSQL: the writer's transaction sends one ``NOTIFY`` at commit; the feed
  ``LISTEN``s on its own connection, *then* reads, so a notification that arrives while
  it reads is not missed, and a merged or lost one costs nothing (it also reads every
  few seconds regardless).
* SQLite (one PC): the feed reads the event table by id every 100 ms, on the primary
  key: a display left on for weeks costs a few microseconds a look.
* Lost connection (server restart, network cut): the feed yields
  ``ConnectionChange("connection_lost")``, retries with back-off (0.2 s doubling to 5 s),
  yields ``ConnectionChange("connection_restored")`` and catches up from the last id.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import DBAPIError, OperationalError

from shared.base.errors import EnvironmentFault, HallError
from shared.store.db import NOTIFY_CHANNEL, Database, connect, is_passing
from shared.store.model import Clerk, Event, Hall, Service, Ticket, Window

log = logging.getLogger(__name__)

POLL_SECONDS = 0.1  # SQLite: how often the event table is read
SAFETY_READ_SECONDS = 5.0  # PostgreSQL: read even without a notification this often
WAKE_SECONDS = 0.2  # how soon close() takes effect
BATCH = 500
BACKOFF = (0.2, 0.5, 1.0, 2.0, 5.0)


@dataclass(frozen=True)
class FeedEvent:
    """One committed event of the hall: a ticket's step or a window's pause/resume."""

    id: int
    kind: str  # issued, called, recalled, started, finished, no_show, held, transferred, …
    at: datetime
    hall_code: str
    hall_timezone: str  # IANA name: show ``at`` in the hall's own time
    number: str | None  # the ticket's number (None for a window event)
    service_code: str | None
    window_no: int | None
    clerk_code: str | None
    from_state: str | None
    to_state: str | None
    reason: str | None
    data: tuple[tuple[str, Any], ...] = ()

    def detail(self, key: str) -> Any:
        return dict(self.data).get(key)

    def local_at(self) -> datetime:
        """``at`` in the hall's own time zone."""
        return self.at.astimezone(ZoneInfo(self.hall_timezone))


@dataclass(frozen=True)
class ConnectionChange:
    """The feed's link to the database: ``connection_lost`` or ``connection_restored``."""

    kind: str
    at: datetime
    detail: str = ""


FeedItem = FeedEvent | ConnectionChange


class Feed:
    """A subscription to the event log of one database (optionally one hall)."""

    def __init__(self, db: Database, hall_code: str | None = None) -> None:
        self.db = db
        self.hall_code = hall_code
        self._closed = threading.Event()
        self._conn: Connection | None = None
        self._hall_id: int | None = None

    @classmethod
    def connect(cls, url: str, *, hall_code: str | None = None) -> Feed:
        return cls(connect(url, pool_size=1), hall_code)

    def close(self) -> None:
        """End the iteration (from any thread); the connection is closed by the iterator."""
        self._closed.set()

    @property
    def closed(self) -> bool:
        return self._closed.is_set()

    def events(self, after: int | None = None) -> Iterator[FeedItem]:
        """Every event committed after id ``after`` (None: after the newest one now),
        in commit order, each once; blocks until there is one or the feed is closed."""
        last = after
        failures = 0
        lost = False
        try:
            while not self._closed.is_set():
                try:
                    self._open()
                    if last is None:
                        last = self._newest()
                    if lost:
                        lost = False
                        yield ConnectionChange("connection_restored", _now())
                    failures = 0
                    for ev in self._read(last):
                        last = ev.id
                        yield ev
                    self._wait()
                except (DBAPIError, EnvironmentFault, OSError) as exc:
                    if not _is_connection_fault(exc):
                        raise
                    self._drop()
                    if not lost:
                        lost = True
                        yield ConnectionChange("connection_lost", _now(), _short(exc))
                    delay = BACKOFF[min(failures, len(BACKOFF) - 1)]
                    failures += 1
                    log.info("feed: connection lost (%s); retrying in %.1f s", exc, delay)
                    self._closed.wait(delay)
        finally:
            self._drop()
            self.db.dispose()

    # -- the connection ------------------------------------------------------------------

    def _open(self) -> None:
        if self._conn is not None:
            return
        conn = self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            if self.db.dialect == "postgresql":
                conn.exec_driver_sql(f"LISTEN {NOTIFY_CHANNEL}")
            if self.hall_code is not None and self._hall_id is None:
                hall_id = conn.scalar(select(Hall.id).where(Hall.code == self.hall_code))
                if hall_id is None:
                    raise HallError("hall.not_found", hall=self.hall_code)
                self._hall_id = hall_id
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.invalidate()
                conn.close()
            except Exception:  # the connection is already gone; nothing to tidy
                log.debug("feed: closing a broken connection", exc_info=True)

    def _newest(self) -> int:
        assert self._conn is not None
        return int(self._conn.scalar(select(func.coalesce(func.max(Event.id), 0))) or 0)

    def _read(self, last: int) -> Iterator[FeedEvent]:
        """Events after ``last`` in id order, in batches (a long catch-up stays cheap)."""
        assert self._conn is not None
        while not self._closed.is_set():
            q = (
                select(
                    Event.id,
                    Event.kind,
                    Event.at,
                    Event.from_state,
                    Event.to_state,
                    Event.reason,
                    Event.data,
                    Hall.code,
                    Hall.timezone,
                    Ticket.number,
                    Service.code,
                    Window.number,
                    Clerk.code,
                )
                .join(Hall, Hall.id == Event.hall_id)
                .outerjoin(Ticket, Ticket.id == Event.ticket_id)
                .outerjoin(Service, Service.id == Ticket.service_id)
                .outerjoin(Window, Window.id == Event.window_id)
                .outerjoin(Clerk, Clerk.id == Event.clerk_id)
                .where(Event.id > last)
                .order_by(Event.id)
                .limit(BATCH)
            )
            if self._hall_id is not None:
                q = q.where(Event.hall_id == self._hall_id)
            rows = self._conn.execute(q).all()
            for row in rows:
                (ev_id, kind, at, from_state, to_state, reason, data) = row[:7]
                hall_code, hall_tz, number, service_code, window_no, clerk_code = row[7:]
                last = ev_id
                yield FeedEvent(
                    id=ev_id,
                    kind=kind.value,
                    at=at,
                    hall_code=hall_code,
                    hall_timezone=hall_tz,
                    number=number,
                    service_code=service_code,
                    window_no=window_no,
                    clerk_code=clerk_code,
                    from_state=from_state.value if from_state else None,
                    to_state=to_state.value if to_state else None,
                    reason=reason,
                    data=tuple(sorted((data or {}).items())),
                )
            if len(rows) < BATCH:
                return

    def _wait(self) -> None:
        """Until there may be something new: a notification (PostgreSQL), the poll
        interval (SQLite), or close()."""
        assert self._conn is not None
        if self.db.dialect != "postgresql":
            self._closed.wait(POLL_SECONDS)
            return
        raw = self._conn.connection.driver_connection
        deadline = time.monotonic() + SAFETY_READ_SECONDS
        while not self._closed.is_set() and time.monotonic() < deadline:
            try:
                got = list(raw.notifies(timeout=WAKE_SECONDS, stop_after=1))  # type: ignore[union-attr]
            except Exception as exc:  # psycopg's OperationalError: the server went away
                raise OperationalError("LISTEN", None, exc) from exc
            if got:
                return


def _is_connection_fault(exc: BaseException) -> bool:
    if isinstance(exc, EnvironmentFault):
        return is_passing(exc)
    if isinstance(exc, OSError):
        return True
    if isinstance(exc, OperationalError):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def _short(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _now() -> datetime:
    return datetime.now(UTC)
