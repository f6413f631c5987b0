"""What a database or a backup file holds, and reading a backup through before a
restore trusts it.

A backup is one file that is itself a database in its kind's own format: a SQLite
database file, or PostgreSQL's custom-format dump. Its kind is told from its first bytes
(``SQLite format 3\\0`` or ``PGDMP``); a file is trusted only once it was read through:
SQLite's ``PRAGMA quick_check`` over every page, or ``pg_restore`` reading every table's
data (its ``--list`` reads only the table of contents at the start, which a cut-off file
still has). Then its schema revision says whether this program can restore it, and its
halls, tickets and last event what IT would get back (`Contents`).
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, Engine, create_engine, func, inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from shared.base.errors import EnvironmentFault
from shared.store import pg_tools
from shared.store.model import Event, Ticket
from shared.store.model import Hall as HallRow
from shared.store.schema import known_revisions

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class Progress(Protocol):
    """Told each step of a long task, as a code of the message table and its blanks."""

    def __call__(self, code: str, /, **params: Any) -> None: ...


def quiet(code: str, /, **params: Any) -> None:
    """No one to tell."""


# -- what a database or a backup holds ------------------------------------------------------


@dataclass(frozen=True)
class HallName:
    code: str
    name: str


@dataclass(frozen=True)
class Contents:
    """What a database holds, as IT checks a backup: its halls, tickets and last event."""

    revision: str | None
    halls: tuple[HallName, ...]
    tickets: int
    first_day: date | None
    last_day: date | None
    events: int
    last_event_at: datetime | None
    #: The first hall's time zone, for showing the last event's time.
    timezone: str = "UTC"
    #: Tables in the database (a database not set up by Yimen has some but no halls).
    tables: int = 0

    @property
    def last_event_local(self) -> datetime | None:
        if self.last_event_at is None:
            return None
        try:
            return self.last_event_at.astimezone(ZoneInfo(self.timezone))
        except (ZoneInfoNotFoundError, ValueError):
            return self.last_event_at

    @property
    def last_event_text(self) -> str:
        """The last event's local time as the sentences show it; — without one."""
        local = self.last_event_local
        return f"{local:%Y-%m-%d %H:%M}" if local is not None else "—"

    @property
    def hall_codes(self) -> tuple[str, ...]:
        return tuple(h.code for h in self.halls)


@dataclass(frozen=True)
class Archive:
    """A backup file as a restore sees it before it touches anything."""

    path: Path
    kind: str
    bytes: int
    revision: str
    halls: tuple[HallName, ...]
    #: What it holds, for a SQLite file (a dump says so only once restored).
    contents: Contents | None = None
    #: When pg_dump wrote it, as it says (a dump only).
    created: str | None = None
    #: The tables of a dump (a restore drops the database's others of Yimen's).
    tables: frozenset[str] = field(default_factory=frozenset)


# -- the kind of a file -----------------------------------------------------------------------


def kind_of(path: Path) -> str:
    """ "sqlite" or "postgresql", told from the file's first bytes."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise EnvironmentFault("backup.no_file", path=str(path)) from None
    except OSError as exc:
        raise EnvironmentFault(
            "backup.unreadable", path=str(path), detail=exc.strerror or str(exc)
        ) from None
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_MAGIC):
        return "postgresql"
    raise EnvironmentFault("backup.foreign", path=str(path))


def inspect_archive(path: Path, progress: Progress = quiet) -> Archive:
    """Read a backup file through before anything is restored from it: its kind, that it
    is whole, that it is Yimen's and from this program or an older one."""
    path = Path(path)
    kind = kind_of(path)
    progress("backup.step.check_file", path=str(path))
    if kind == "sqlite":
        sqlite_check(path)
        contents = sqlite_file_contents(path)
        if contents is None or contents.revision is None or not contents.tables:
            raise EnvironmentFault("backup.foreign", path=str(path))
        archive = Archive(
            path, kind, path.stat().st_size, contents.revision, contents.halls, contents
        )
    else:
        archive = _pg_archive(path)
    if archive.revision not in known_revisions():
        raise EnvironmentFault("backup.too_new", path=str(path), revision=archive.revision)
    return archive


# -- reading what a database holds -------------------------------------------------------------


def read_contents(conn: Connection) -> Contents | None:
    """What the database on ``conn`` holds; None when it holds no table at all."""
    names = set(inspect(conn).get_table_names())
    if not names:
        return None
    if not {"halls", "tickets", "events"} <= names:
        return Contents(None, (), 0, None, None, 0, None, tables=len(names))
    revision = None
    if "alembic_version" in names:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    halls = conn.execute(
        select(HallRow.code, HallRow.name, HallRow.timezone).order_by(HallRow.id)
    ).all()
    tickets, first, last = conn.execute(
        select(func.count(), func.min(Ticket.business_day), func.max(Ticket.business_day))
    ).one()
    events, last_at = conn.execute(select(func.count(), func.max(Event.at))).one()
    return Contents(
        revision=revision,
        halls=tuple(HallName(h.code, h.name) for h in halls),
        tickets=int(tickets),
        first_day=first,
        last_day=last,
        events=int(events),
        last_event_at=last_at,
        timezone=halls[0].timezone if halls else "UTC",
        tables=len(names),
    )


def ro_uri(path: Path) -> str:
    return Path(path).resolve().as_uri() + "?mode=ro"


def _sqlite_file_engine(path: Path) -> Engine:
    """An engine that only reads the file (and never creates it)."""
    uri = ro_uri(path)
    return create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True), poolclass=NullPool
    )


def sqlite_file_contents(path: Path) -> Contents | None:
    engine = _sqlite_file_engine(path)
    try:
        with engine.connect() as conn:
            return read_contents(conn)
    except DBAPIError as exc:
        raise EnvironmentFault("backup.damaged", path=str(path), detail=str(exc.orig)) from None
    finally:
        engine.dispose()


# -- SQLite -------------------------------------------------------------------------------------


def sqlite_copy(source: Path, dest: Path) -> None:
    """SQLite's backup API: the whole of ``source`` (read only, one read transaction) into
    ``dest``, replacing what it held, as one write transaction of ``dest``."""
    try:
        src = sqlite3.connect(ro_uri(source), uri=True, timeout=30)
    except sqlite3.Error as exc:
        raise EnvironmentFault("db.cannot_open", path=str(source), detail=str(exc)) from None
    try:
        try:
            dst = sqlite3.connect(dest, timeout=30)
        except sqlite3.Error as exc:
            raise EnvironmentFault("db.cannot_open", path=str(dest), detail=str(exc)) from None
        try:
            src.backup(dst)  # every page in one step: the copy is one snapshot
        except sqlite3.Error as exc:
            raise EnvironmentFault(
                "backup.sqlite_failed", source=str(source), dest=str(dest), detail=str(exc)
            ) from None
        finally:
            dst.close()
    finally:
        src.close()


def sqlite_check(path: Path) -> None:
    """SQLite's own check of every page of the file (``quick_check``: the structure of
    every table and index, without matching each index to its table)."""
    try:
        with closing(sqlite3.connect(ro_uri(path), uri=True)) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as exc:
        raise EnvironmentFault("backup.damaged", path=str(path), detail=str(exc)) from None
    if rows != [("ok",)]:
        raise EnvironmentFault("backup.damaged", path=str(path), detail=str(rows[0][0]))


# -- PostgreSQL ---------------------------------------------------------------------------------


def pg_read(path: Path, args: list[str]) -> str:
    """What pg_restore makes of the archive with ``args``; an archive it cannot read
    through is damaged. ``--file=/dev/null`` reads every table's data (``--list`` alone
    reads only the table of contents at the file's start, which a cut-off file still has)."""
    restore = pg_tools.find_program("pg_restore")
    try:
        return pg_tools.run(restore, [*args, str(path)]).stdout
    except EnvironmentFault as exc:
        if exc.code == "backup.pg_failed":
            raise EnvironmentFault(
                "backup.damaged", path=str(path), detail=exc.params.get("detail", "")
            ) from None
        raise


_COPY_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _copy_field(raw: str) -> str | None:
    """One field of COPY's text format."""
    if raw == "\\N":
        return None
    return re.sub(r"\\(.)", lambda m: _COPY_ESCAPES.get(m[1], m[1]), raw)


def _copy_rows(script: str, table: str) -> list[dict[str, str | None]]:
    """The rows of ``table`` in the SQL script pg_restore writes (``COPY … FROM stdin``)."""
    lines = script.splitlines()
    head = re.compile(rf"^COPY (?:public\.)?{table} \((?P<cols>[^)]*)\) FROM stdin;$")
    for i, line in enumerate(lines):
        m = head.match(line)
        if m is None:
            continue
        columns = [c.strip().strip('"') for c in m["cols"].split(",")]
        rows = []
        for row in lines[i + 1 :]:
            if row == "\\.":
                break
            rows.append(dict(zip(columns, map(_copy_field, row.split("\t")), strict=False)))
        return rows
    return []


def _pg_archive(path: Path) -> Archive:
    listing = pg_read(path, ["--list"])
    pg_read(path, ["--file=" + os.devnull])
    script = pg_read(path, ["--data-only", "--table=alembic_version", "--table=halls", "--file=-"])
    versions = _copy_rows(script, "alembic_version")
    revision = versions[0].get("version_num") if versions else None
    if not revision:
        raise EnvironmentFault("backup.foreign", path=str(path))
    halls = tuple(
        HallName(str(h.get("code") or ""), str(h.get("name") or ""))
        for h in _copy_rows(script, "halls")
    )
    created = re.search(r"^;\s+Archive created at (.+)$", listing, re.M)
    tables = frozenset(re.findall(r"^\d+; \d+ \d+ TABLE public (\S+) ", listing, re.M))
    return Archive(
        path,
        "postgresql",
        path.stat().st_size,
        revision,
        halls,
        created=created[1].strip() if created else None,
        tables=tables,
    )
