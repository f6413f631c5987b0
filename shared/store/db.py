"""Connecting to the hall's database: engines, sessions, and each database's quirks.

``connect(url)`` gives a `Database`. Every user action is one transaction:
``with db.write() as s:`` for a change, ``with db.read() as s:`` for a look.

How concurrent writers stay correct and fair:

* PostgreSQL: row locks. Numbers come from one counter row per prefix, taken with
  ``SELECT … FOR UPDATE``; a window's ``call next`` takes the first waiting ticket
  with ``FOR UPDATE SKIP LOCKED``, so two windows never get the same ticket.
* SQLite: WAL (readers never wait for the writer), ``BEGIN IMMEDIATE`` (a write
  transaction takes the write lock up front, so it never fails half-way on a
  lock upgrade), and a blocking OS file lock beside the database that writers of
  every process queue on. SQLite's own busy handler retries with sleeps of up to
  100 ms and lets the process that just committed win again and again; a blocking
  file lock wakes a waiter the moment the lock is free, so no process starves.

Event ids are handed out at commit (see `shared.store.model.Event`), and on PostgreSQL
one ``NOTIFY`` is sent per transaction that wrote events.

When the database drops a connection (a restart, a network cut, an administrator) or asks
for a transaction to be run again (a deadlock, a serialisation failure, a locked SQLite
file), what can be run again is: ``run_read`` and ``run_write`` run their function again
as a whole, on a new connection (a pooled one is pinged before use). A write whose
COMMIT was cut off is not run again, since it may have been saved. What cannot be run
again, or still fails, ends as an `EnvironmentFault` whose sentence says the database is
unavailable and what to do (``db.unavailable``, ``db.busy``, ``db.commit_unknown``): never
as a raw driver error.
"""

from __future__ import annotations

import enum
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, TypeVar

import portalocker
from sqlalchemy import Connection, Engine, create_engine, event, insert, text, update
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

from shared.base.errors import EnvironmentFault
from shared.store.model import Event, EventClock

#: Called before every session opens (``read``, ``write``): the tests set one that fails
#: when a screen's code opens a session on the GUI thread. None: nothing is checked.
session_guard: Callable[[], None] | None = None

NOTIFY_CHANNEL = "yimen_events"
_PENDING_EVENTS = "yimen.pending_events"
T = TypeVar("T")
#: The faults that pass: the server not up yet, restarting, the network cut, every
#: connection busy. Worth waiting for and trying again; any other fault is not.
PASSING_FAULTS = frozenset({"db.unreachable", "db.unavailable", "db.busy"})


def is_passing(exc: BaseException) -> bool:
    """Whether ``exc`` is the database being away for a while (`PASSING_FAULTS`)."""
    return isinstance(exc, EnvironmentFault) and exc.code in PASSING_FAULTS


def parse_url(url: str) -> URL:
    """A database URL made explicit: ``postgresql://`` means psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise EnvironmentFault("db.bad_url", url=url) from None
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername == "sqlite+pysqlite":
        parsed = parsed.set(drivername="sqlite")
    if parsed.drivername not in ("sqlite", "postgresql+psycopg"):
        raise EnvironmentFault("db.bad_url", url=url)
    return parsed


def writer_lock_path(database: Path) -> Path:
    """The file beside an SQLite database that its writers, of every process, queue on
    (and a restore holds, so that no station writes while the file is replaced)."""
    return database.with_name(database.name + ".lock")


def server_address(url: URL) -> str:
    """``host:port`` of a PostgreSQL URL, as the sentences name the server."""
    return f"{url.host or 'localhost'}:{url.port or 5432}"


def sqlite_url(path: Path) -> str:
    return URL.create("sqlite", database=str(path)).render_as_string()


class Database:
    """An engine and the session factories of one database."""

    def __init__(self, url: str, *, pool_size: int = 5) -> None:
        self.url = parse_url(url)
        self.dialect = "sqlite" if self.url.drivername == "sqlite" else "postgresql"
        self._write_lock = threading.Lock()
        self._local = threading.local()  # this thread's write: has its COMMIT been sent?
        self._lock_file: IO[str] | None = None
        self._lock_path: Path | None = None
        try:
            if self.dialect == "sqlite":
                self.engine = self._sqlite_engine()
            else:
                self.engine = create_engine(
                    self.url,
                    pool_size=pool_size,
                    max_overflow=5,
                    pool_pre_ping=True,
                    connect_args={"connect_timeout": 5, "application_name": "yimen"},
                )
        except NoSuchModuleError:
            raise EnvironmentFault("db.bad_url", url=self.safe_url) from None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(yimen_write=True), expire_on_commit=False
        )
        event.listen(self._writer, "before_commit", self._before_commit)
        event.listen(self.engine, "commit", self._on_commit)

    @property
    def safe_url(self) -> str:
        return self.url.render_as_string(hide_password=True)

    # -- SQLite ---------------------------------------------------------------

    def _sqlite_engine(self) -> Engine:
        database = self.url.database or ""
        if database in ("", ":memory:"):
            raise EnvironmentFault("db.bad_url", url=self.safe_url)
        path = Path(database).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock_path = writer_lock_path(path)
        engine = create_engine(
            self.url.set(database=str(path)),
            connect_args={"timeout": 30, "check_same_thread": False},
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            options = conn.get_execution_options()
            if options.get("isolation_level") == "AUTOCOMMIT":
                return  # each statement its own transaction (the change feed's reads)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("yimen_write") else "BEGIN")

        return engine

    def writers_held(self) -> AbstractContextManager[None]:
        """The SQLite database's writers' lock, held for the block: every writer, of every
        process, waits until it ends (a restore, while it replaces the file)."""
        return self._sqlite_writer_turn()

    @contextmanager
    def _sqlite_writer_turn(self) -> Iterator[None]:
        """Queue for the write lock on a blocking OS lock, fairly across processes."""
        assert self._lock_path is not None
        with self._write_lock:
            if self._lock_file is None:
                self._lock_file = open(self._lock_path, "a", encoding="utf-8")  # noqa: SIM115
            portalocker.lock(self._lock_file, portalocker.LockFlags.EXCLUSIVE)
            try:
                yield
            finally:
                portalocker.unlock(self._lock_file)

    # -- sessions -------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: commits at the end, rolls back on any error. Not run
        again when the connection drops (the block cannot be): `EnvironmentFault`;
        ``run_write`` runs a function again instead."""
        with self._write(retry=False) as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One read-only look at a consistent snapshot. A dropped connection ends it
        with `EnvironmentFault`; ``run_read`` runs a function again instead."""
        with self._read(retry=False) as session:
            yield session

    def run_write(self, fn: Callable[[Session], T], attempts: int = 3) -> T:
        """Run ``fn`` in a write transaction, again as a whole if the database asked to
        retry (a PostgreSQL deadlock or serialisation failure, a dropped connection), up
        to ``attempts`` times; then `EnvironmentFault`."""
        return self._again(lambda: self._write(retry=True), fn, attempts)

    def run_read(self, fn: Callable[[Session], T], attempts: int = 3) -> T:
        """Run ``fn`` in a read transaction, again as a whole after a dropped connection,
        up to ``attempts`` times; then `EnvironmentFault`."""
        return self._again(lambda: self._read(retry=True), fn, attempts)

    @staticmethod
    def _again(
        open_session: Callable[[], AbstractContextManager[Session]],
        fn: Callable[[Session], T],
        attempts: int,
    ) -> T:
        for attempt in range(attempts):
            try:
                with open_session() as s:
                    return fn(s)
            except _Retry as again:
                if attempt == attempts - 1:
                    raise again.fault from again.__cause__
        raise AssertionError("unreachable")

    @contextmanager
    def _write(self, *, retry: bool) -> Iterator[Session]:
        if session_guard is not None:
            session_guard()
        turn = self._sqlite_writer_turn() if self.dialect == "sqlite" else _nothing()
        self._local.committing = False
        try:
            with turn, self._translated(retry=retry), self._writer.begin() as session:
                yield session
        finally:
            self._local.committing = False

    @contextmanager
    def _read(self, *, retry: bool) -> Iterator[Session]:
        if session_guard is not None:
            session_guard()
        with self._translated(retry=retry), self._sessions() as session, session.begin():
            yield session

    def _on_commit(self, conn: Connection) -> None:
        """Just before a write's COMMIT is sent: from now on, a dropped connection leaves
        it unknown whether the transaction was saved."""
        if conn.get_execution_options().get("yimen_write"):
            self._local.committing = True

    def _before_commit(self, session: Session) -> None:
        """Give this transaction's events their ids, the next ones of the event clock,
        whose row stays locked until commit: so id order is commit order."""
        pending: list[dict[str, Any]] = session.info.pop(_PENDING_EVENTS, [])
        if not pending:
            return
        session.flush()  # the tickets the events point to have their ids now
        n = len(pending)
        rows = []
        for ev in pending:
            ticket = ev.pop("ticket")
            rows.append({**ev, "ticket_id": None if ticket is None else int(ticket.id)})
        if self.dialect == "postgresql":
            # One statement: take n ids from the clock, write the events, and notify
            # the listeners (delivered at commit).
            payload = json.dumps(
                [{**r, "ord": i} for i, r in enumerate(rows, 1)], default=_json_value
            )
            session.execute(_PG_WRITE_EVENTS, {"n": n, "rows": payload})
            return
        last = session.execute(
            update(EventClock)
            .where(EventClock.id == 1)
            .values(last_id=EventClock.last_id + n)
            .returning(EventClock.last_id)
        ).scalar_one()
        # One executemany needs the same columns in every row: events recorded by
        # different code in one transaction may name different ones.
        columns = {k for row in rows for k in row}
        for offset, row in enumerate(rows):
            for k in columns - row.keys():
                row[k] = None
            row["id"] = last - n + 1 + offset
        session.connection().execute(insert(Event), rows)

    @contextmanager
    def _translated(self, *, retry: bool) -> Iterator[None]:
        """Database errors as the person's sentence; with ``retry``, those worth running
        the transaction again for as `_Retry` (which never leaves this module)."""
        try:
            yield
        except DBAPIError as exc:
            fault = self._retry_fault(exc)
            if fault is None:
                raise translate_db_error(exc, self) from exc
            if retry and fault.code != "db.commit_unknown":
                raise _Retry(fault) from exc
            raise fault from exc
        except PoolTimeout as exc:  # every pooled connection in use for too long
            raise EnvironmentFault("db.busy") from exc

    def _retry_fault(self, exc: DBAPIError) -> EnvironmentFault | None:
        """What a retryable error says when it is not (or no longer) retried; None for
        an error that running again would not cure."""
        if not _is_retryable(exc):
            return None
        if not _connection_lost(exc):
            return EnvironmentFault("db.busy")
        where = str(self.url.database) if self.dialect == "sqlite" else server_address(self.url)
        if self.dialect == "postgresql" and getattr(self._local, "committing", False):
            return EnvironmentFault("db.commit_unknown", host=where)
        return EnvironmentFault("db.unavailable", host=where)

    def dispose(self) -> None:
        self.engine.dispose()
        if self._lock_file is not None:
            with suppress(OSError):
                self._lock_file.close()
            self._lock_file = None


class _Retry(Exception):
    """Run the transaction again; ``fault`` is what to say when the tries are spent."""

    def __init__(self, fault: EnvironmentFault) -> None:
        super().__init__(fault.code)
        self.fault = fault


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def record(session: Session, ticket: Any, **columns: Any) -> None:
    """Add an event (columns of `Event`, about ``ticket`` or None) to this transaction;
    it is written at commit, with the next id of the event clock. Times and enums in its
    ``data`` are stored as on either database: ISO 8601 in UTC, and the enum's value."""
    if columns.get("data"):
        columns["data"] = json.loads(json.dumps(columns["data"], default=_json_value))
    session.info.setdefault(_PENDING_EVENTS, []).append({"ticket": ticket, **columns})


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    raise TypeError(f"not JSON: {value!r}")


_PG_WRITE_EVENTS = text(
    f"""
    WITH clock AS (
        UPDATE event_clock SET last_id = last_id + :n WHERE id = 1
        RETURNING last_id, pg_notify('{NOTIFY_CHANNEL}', last_id::text)
    )
    INSERT INTO events (id, hall_id, at, kind, ticket_id, window_id, clerk_id,
                        from_state, to_state, reason, data)
    SELECT clock.last_id - :n + r.ord, r.hall_id, r.at, r.kind, r.ticket_id, r.window_id,
           r.clerk_id, r.from_state, r.to_state, r.reason, r.data
    FROM clock, json_to_recordset(CAST(:rows AS json)) AS r(
        ord int, hall_id bigint, at timestamptz, kind varchar, ticket_id bigint,
        window_id bigint, clerk_id bigint, from_state varchar, to_state varchar,
        reason text, data json)
    ORDER BY r.ord
    """
)


def _is_retryable(exc: DBAPIError) -> bool:
    code = getattr(exc.orig, "sqlstate", None)
    if code in ("40001", "40P01"):
        return True
    if _connection_lost(exc):
        return True
    return "database is locked" in str(exc.orig)


def _connection_lost(exc: DBAPIError) -> bool:
    """The connection broke under the transaction (the server restarted or ended it, the
    network was cut): SQLAlchemy has thrown it and every pooled one away."""
    return exc.connection_invalidated


def translate_db_error(exc: DBAPIError, db: Database) -> Exception:
    """The one sentence a person can act on, for faults of the environment;
    other database errors are bugs and keep their trace."""
    text = str(exc.orig)
    host = server_address(db.url)
    if db.dialect == "sqlite":
        if "unable to open database file" in text or "readonly" in text:
            return EnvironmentFault("db.cannot_open", path=db.url.database, detail=text)
        if "no such table" in text:
            return EnvironmentFault("db.not_initialised")
        if "disk" in text or "full" in text:
            return EnvironmentFault("db.cannot_open", path=db.url.database, detail=text)
        return exc
    if "password authentication failed" in text or "no password supplied" in text:
        return EnvironmentFault("db.auth_failed", host=host)
    if "does not exist" in text and "database" in text:
        return EnvironmentFault("db.no_database", database=db.url.database)
    if "relation" in text and "does not exist" in text:
        return EnvironmentFault("db.not_initialised")
    if isinstance(exc, OperationalError):
        return EnvironmentFault("db.unreachable", host=host)
    return exc


def connect(url: str, *, pool_size: int = 5) -> Database:
    return Database(url, pool_size=pool_size)
