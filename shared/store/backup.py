"""Backing up the hall's database and restoring it, on SQLite and on PostgreSQL.

A backup is one file that is itself a database in its kind's own format, so that IT can
also open it with the kind's own tools:

* **SQLite**: a SQLite database file, made with SQLite's online backup API (Python's
  ``Connection.backup``) in one read transaction. In WAL mode readers never wait for the
  writer nor the writer for readers, so the stations go on issuing and calling while it
  copies, and the copy is the database as at one commit. Its journal is set back to
  ``DELETE``, so it is one file with nothing beside it.
* **PostgreSQL**: a custom-format dump (``pg_dump -Fc``, `shared.store.pg_tools`). What
  the backup says it holds (halls, tickets, the last event) is read in a transaction whose
  snapshot ``pg_dump`` is given (``--snapshot``), so it is exactly what the file holds.

Either is written under a temporary name beside the file and renamed onto it at the end,
after it was read through (`shared.store.archive`): a backup cut off by a full disk or a
power cut never leaves a half file under the name IT will look for.

A restore replaces the whole database. It checks the file first (the same checks, and the
schema revision it was written at: one from a newer program is refused, an older one is
brought up to this program's schema), saves what the database holds now as a backup of
its own (a restore can be undone), and only then replaces it:

* SQLite into SQLite: SQLite's backup API again, the other way, into the live file, while
  holding the writers' lock beside it (`shared.store.db`): a station that writes in the
  meantime waits for the restore and then writes into the restored database. Readers see
  the old database or the new one, never a mix (one transaction in the WAL).
* PostgreSQL into PostgreSQL: ``pg_restore --clean --if-exists --no-owner --no-privileges
  --single-transaction``: all of it or nothing.
* SQLite into PostgreSQL (moving a hall from one PC onto the LAN's server): every table's
  rows copied in the order of their foreign keys with COPY, ids kept, each sequence set
  past the highest id, in one transaction.
* PostgreSQL into SQLite cannot be done without a PostgreSQL server to read the dump, and
  is refused with a sentence.

The running stations keep what they read in memory (the hall's settings, the last event
they saw): after a restore they are started again. What a file holds and how it is read
through is `shared.store.archive`; dated backups in a folder and the nightly thread are
`shared.store.nightly`.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import time as timer
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from sqlalchemy import inspect
from sqlalchemy.exc import DBAPIError

from shared.base.errors import EnvironmentFault
from shared.store import pg_tools
from shared.store.archive import (
    Archive,
    Contents,
    Progress,
    inspect_archive,
    kind_of,
    pg_read,
    quiet,
    read_contents,
    ro_uri,
    sqlite_check,
    sqlite_copy,
    sqlite_file_contents,
)
from shared.store.db import (
    Database,
    connect,
    parse_url,
    sqlite_url,
    translate_db_error,
    writer_lock_path,
)
from shared.store.model import Base
from shared.store.schema import alembic_config, head_revision, known_revisions, upgrade

#: The file name's ending for each kind of backup.
EXTENSIONS = {"sqlite": "db", "postgresql": "dump"}
#: A backup is written under such a name beside its file, then renamed onto it.
PART_PREFIX, PART_SUFFIX = ".yimen-", ".part"


@dataclass(frozen=True)
class BackupResult:
    path: Path
    kind: str  # "sqlite" or "postgresql"
    bytes: int
    seconds: float
    database: str  # the URL, without its password
    contents: Contents


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    kind: str  # the backup's kind
    database: str  # the URL restored into, without its password
    dialect: str  # the database's kind
    undo: Path | None  # the database as it was before, saved (None: it was empty)
    upgraded_from: str | None  # the backup's older schema revision, brought up to date
    copied: bool  # a SQLite backup copied into PostgreSQL, table by table
    seconds: float
    contents: Contents


# -- what the database holds now ---------------------------------------------------------------


def contents_of(url: str) -> Contents | None:
    """What the database at ``url`` holds now; None when it is empty (or, for SQLite, its
    file does not exist yet)."""
    db = connect(url)
    try:
        return _database_contents(db)
    finally:
        db.dispose()


def _database_contents(db: Database) -> Contents | None:
    if db.dialect == "sqlite":
        path = _sqlite_path(db)
        if not path.exists() or path.stat().st_size == 0:
            return None
        return sqlite_file_contents(path)
    try:
        with db.engine.connect() as conn:
            return read_contents(conn)
    except DBAPIError as exc:
        raise translate_db_error(exc, db) from exc


def _sqlite_path(db: Database) -> Path:
    return Path(db.url.database or "").expanduser()


def _database_name(db: Database) -> str:
    if db.dialect == "sqlite":
        return _sqlite_path(db).stem
    return db.url.database or "postgres"


def file_name(contents: Contents | None, db: Database) -> str:
    """The hall's code in a file's name when the database holds one hall, else the
    database's own name; only letters, digits, ``_`` and ``.``."""
    name = (
        contents.halls[0].code if contents is not None and len(contents.halls) == 1 else None
    ) or _database_name(db)
    return re.sub(r"[^0-9A-Za-z_.]+", "_", name).strip("._") or "yimen"


# -- SQLite -------------------------------------------------------------------------------------


def _sqlite_backup(db: Database, dest: Path, progress: Progress) -> Contents:
    source = _sqlite_path(db)
    if not source.exists():
        raise EnvironmentFault("backup.no_database", path=str(source))
    progress("backup.step.copy", database=str(source))
    sqlite_copy(source, dest)
    with closing(sqlite3.connect(dest)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")  # one file, nothing beside it
    progress("backup.step.verify")
    sqlite_check(dest)
    contents = sqlite_file_contents(dest)
    return _yimen_contents(contents, db)


def _yimen_contents(contents: Contents | None, db: Database) -> Contents:
    if contents is None:
        raise EnvironmentFault("backup.nothing", database=db.safe_url)
    if contents.revision is None:
        raise EnvironmentFault("backup.not_yimen", database=db.safe_url)
    return contents


@contextmanager
def _writers_held(db: Database, progress: Progress) -> Iterator[None]:
    progress("backup.step.lock", path=str(writer_lock_path(_sqlite_path(db))))
    with db.writers_held():  # after the write in progress
        yield


# -- PostgreSQL ---------------------------------------------------------------------------------


@contextmanager
def _pg_snapshot(db: Database) -> Iterator[tuple[str, Contents | None, int]]:
    """A transaction whose snapshot is exported for pg_dump, what it holds, and the
    server's major version; the snapshot lives until the block ends."""
    try:
        with db.engine.connect() as conn:
            conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                snapshot = str(conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one())
                version = conn.exec_driver_sql("SHOW server_version_num").scalar_one()
                contents = read_contents(conn)
                yield snapshot, contents, int(version) // 10000
    except DBAPIError as exc:
        raise translate_db_error(exc, db) from exc


def _pg_backup(db: Database, dest: Path, progress: Progress) -> Contents:
    with _pg_snapshot(db) as (snapshot, contents, server):
        contents = _yimen_contents(contents, db)
        dump = pg_tools.find_program("pg_dump", server)
        progress("backup.step.dump", database=db.safe_url, program=str(dump.path))
        pg_tools.run(
            dump,
            [
                "--format=custom",
                f"--snapshot={snapshot}",
                f"--lock-wait-timeout={pg_tools.LOCK_WAIT}",
                f"--file={dest}",
                f"--dbname={pg_tools.conninfo(db.url)}",
            ],
            db.url,
        )
    progress("backup.step.verify")
    pg_read(dest, ["--file=" + os.devnull])
    return contents


def _yimen_tables() -> list[str]:
    """Every table a Yimen database has had: today's model's (no migration drops one)."""
    return ["alembic_version", *(t.name for t in Base.metadata.sorted_tables)]


def _pg_restore(db: Database, archive: Archive, progress: Progress) -> None:
    restore = pg_tools.find_program("pg_restore")
    try:
        with db.engine.connect() as conn, conn.begin():
            present = set(inspect(conn).get_table_names())
            # Tables of a newer schema than the backup's: pg_restore --clean drops only
            # what the backup holds, and the upgrade after it creates these again.
            extra = [t for t in _yimen_tables() if t in present and t not in archive.tables]
            if extra:
                conn.exec_driver_sql(
                    "DROP TABLE IF EXISTS " + ", ".join(f'"{t}"' for t in extra) + " CASCADE"
                )
    except DBAPIError as exc:
        raise translate_db_error(exc, db) from exc
    progress("backup.step.restore", database=db.safe_url, program=str(restore.path))
    pg_tools.run(
        restore,
        [
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={pg_tools.conninfo(db.url)}",
            str(archive.path),
        ],
        db.url,
    )


def _copy_into_pg(source: Path, db: Database, progress: Progress) -> None:
    """Every row of a SQLite database at this program's schema into PostgreSQL, in one
    transaction: the schema made again by the migrations, each table copied with COPY in
    the order of its foreign keys with its ids, and each sequence set past the highest."""
    tables = Base.metadata.sorted_tables
    src = sqlite3.connect(ro_uri(source), uri=True)
    try:
        with db.engine.connect() as conn, conn.begin():
            conn.exec_driver_sql(
                "DROP TABLE IF EXISTS " + ", ".join(f'"{t}"' for t in _yimen_tables()) + " CASCADE"
            )
            cfg = alembic_config(db)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            # What the migrations put in (the event clock's row) comes from the backup.
            conn.exec_driver_sql(
                "TRUNCATE " + ", ".join(f'"{t.name}"' for t in tables) + " RESTART IDENTITY"
            )
            # SQLite holds times as UTC without a zone: read as UTC.
            conn.exec_driver_sql("SET LOCAL TimeZone = 'UTC'")
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            for table in tables:
                columns = ", ".join(f'"{c.name}"' for c in table.columns)
                rows = src.execute(f'SELECT {columns} FROM "{table.name}"')
                n = 0
                with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row)
                        n += 1
                progress("backup.step.table", table=table.name, rows=n)
                if "id" in table.c and table.c.id.autoincrement is not False:
                    conn.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                        f'coalesce(max(id), 0) + 1, false) FROM "{table.name}"'
                    )
    except DBAPIError as exc:
        raise translate_db_error(exc, db) from exc
    finally:
        src.close()


def _analyze(db: Database) -> None:
    """Fresh statistics for the planner: a restored database has none."""
    try:
        with db.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    except DBAPIError as exc:
        raise translate_db_error(exc, db) from exc


def _other_connections(db: Database) -> int:
    """How many other sessions are connected to the PostgreSQL database (stations)."""
    try:
        with db.engine.connect() as conn:
            return int(
                conn.exec_driver_sql(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "AND backend_type = 'client backend'"
                ).scalar_one()
            )
    except DBAPIError as exc:
        raise translate_db_error(exc, db) from exc


# -- files written whole or not at all ----------------------------------------------------------


def part_in(folder: Path, final: Path | None = None) -> Path:
    """A new temporary file in ``folder``; a backup is written there, then renamed."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=PART_PREFIX, suffix=PART_SUFFIX, dir=folder)
    except OSError as exc:
        raise EnvironmentFault(
            "backup.unwritable",
            path=str(final if final is not None else folder),
            detail=exc.strerror or str(exc),
        ) from None
    os.close(fd)
    return Path(name)


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def discard(path: Path) -> None:
    for p in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        with suppress(OSError):
            p.unlink()


def write_checked(
    db: Database, folder: Path, progress: Progress, final: Path | None = None
) -> tuple[Path, Contents]:
    """A checked backup of ``db`` under a temporary name in ``folder``, and what it holds."""
    part = part_in(folder, final)
    try:
        if db.dialect == "sqlite":
            contents = _sqlite_backup(db, part, progress)
        else:
            contents = _pg_backup(db, part, progress)
        _fsync(part)
    except BaseException:
        discard(part)
        raise
    return part, contents


def placed(
    db: Database, part: Path, final: Path, contents: Contents, started: float
) -> BackupResult:
    """The checked backup ``part`` of ``db`` renamed onto ``final`` (`put_in_place`), begun
    at ``started`` (``time.perf_counter``)."""
    put_in_place(part, final)
    return BackupResult(
        path=final,
        kind=db.dialect,
        bytes=final.stat().st_size,
        seconds=timer.perf_counter() - started,
        database=db.safe_url,
        contents=contents,
    )


def put_in_place(part: Path, final: Path) -> None:
    try:
        os.replace(part, final)
    except OSError as exc:
        discard(part)
        raise EnvironmentFault(
            "backup.unwritable", path=str(final), detail=exc.strerror or str(exc)
        ) from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


# -- backup -------------------------------------------------------------------------------------


def backup(
    url: str, path: Path, *, replace: bool = False, progress: Progress = quiet
) -> BackupResult:
    """A backup of the database at ``url`` into the file ``path`` (an existing file is
    replaced only with ``replace``)."""
    started = timer.perf_counter()
    path = Path(path)
    db = connect(url)
    try:
        if db.dialect == "sqlite" and _same_file(path, _sqlite_path(db)):
            raise EnvironmentFault("backup.onto_database", path=str(path))
        if path.is_dir():
            raise EnvironmentFault("backup.is_folder", path=str(path))
        if path.exists() and not replace:
            raise EnvironmentFault("backup.exists", path=str(path))
        part, contents = write_checked(db, path.parent, progress, path)
        return placed(db, part, path, contents, started)
    finally:
        db.dispose()


# -- restore ------------------------------------------------------------------------------------


def undo_name(name: str, kind: str, at: datetime) -> str:
    """The name of what a database held before a restore: never a dated backup's, so no
    rotation ever deletes it."""
    return f"yimen-{name}-before-restore-{at.strftime('%Y%m%d-%H%M%S')}.{EXTENSIONS[kind]}"


def _unused(path: Path) -> Path:
    """``path``, or with -2, -3… before its ending when a file has the name already (two
    restores within a second: the second must not save over the backup it restores)."""
    n = 1
    candidate = path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def restore(
    url: str,
    path: Path,
    *,
    replace: bool = False,
    undo_dir: Path | None = None,
    now: datetime | None = None,
    progress: Progress = quiet,
    seen: Callable[[Archive], None] | None = None,
    confirm: Callable[[Archive, Contents], bool] | None = None,
) -> RestoreResult:
    """Replace the database at ``url`` with the backup ``path``.

    A database that holds data is replaced only with ``replace``, or when ``confirm``
    (asked with the backup and what the database holds) says yes; what it holds is first
    saved as a backup in ``undo_dir`` (default: beside a SQLite database; beside the
    backup for PostgreSQL). A backup at an older schema is brought up to this program's.
    ``seen`` is told what the backup holds once it was read through."""
    started = timer.perf_counter()
    path = Path(path)
    at = now if now is not None else datetime.now().astimezone()
    if parse_url(url).drivername == "sqlite" and kind_of(path) == "postgresql":
        raise EnvironmentFault("backup.pg_into_sqlite", path=str(path))
    archive = inspect_archive(path, progress)
    if seen is not None:
        seen(archive)
    db = connect(url)
    try:
        if db.dialect == "sqlite":
            target = _sqlite_path(db)
            if _same_file(path, target):
                raise EnvironmentFault("backup.onto_database", path=str(path))
        current = _database_contents(db)
        if current is not None and not replace and confirm is not None:
            if not confirm(archive, current):
                raise EnvironmentFault("backup.cancelled")
            replace = True
        if current is not None and not replace:
            raise EnvironmentFault(
                "backup.would_replace",
                database=db.safe_url,
                halls=list(current.hall_codes) or "—",
                tickets=current.tickets,
                last=current.last_event_text,
            )
        if current is not None and current.revision not in (None, *known_revisions()):
            raise EnvironmentFault("db.too_new")
        if db.dialect == "postgresql":
            others = _other_connections(db)
            if others:
                progress("backup.step.others", count=others)
        folder = Path(
            undo_dir
            if undo_dir is not None
            else (target.parent if db.dialect == "sqlite" else path.parent)
        )
        undo = (
            _unused(folder / undo_name(file_name(current, db), db.dialect, at))
            if current is not None
            else None
        )
        older = archive.revision if archive.revision != head_revision() else None
        if db.dialect == "sqlite":
            _restore_sqlite(db, archive, undo, older, progress)
        elif archive.kind == "sqlite":
            _save_undo(db, undo, progress)
            with _staged(archive, tempfile.gettempdir(), older, progress) as stage:
                progress("backup.step.copy_into_pg", database=db.safe_url)
                _copy_into_pg(stage, db, progress)
            _analyze(db)
        else:
            _save_undo(db, undo, progress)
            _pg_restore(db, archive, progress)
            if older is not None:
                progress("backup.step.upgrade", old=older, new=head_revision())
                upgrade(db)
            _analyze(db)
        contents = _database_contents(db)
        assert contents is not None
        return RestoreResult(
            path=path,
            kind=archive.kind,
            database=db.safe_url,
            dialect=db.dialect,
            undo=undo,
            upgraded_from=older,
            copied=archive.kind != db.dialect,
            seconds=timer.perf_counter() - started,
            contents=contents,
        )
    finally:
        db.dispose()


def _save_undo(db: Database, undo: Path | None, progress: Progress) -> None:
    if undo is None:
        return
    progress("backup.step.undo", path=str(undo))
    try:
        part, _ = write_checked(db, undo.parent, progress, undo)
    except EnvironmentFault as exc:
        if exc.code != "backup.unwritable":
            raise
        raise EnvironmentFault(
            "backup.undo_unwritable", folder=str(undo.parent), detail=exc.params.get("detail")
        ) from None
    put_in_place(part, undo)


@contextmanager
def _staged(
    archive: Archive, folder: str | Path, older: str | None, progress: Progress
) -> Iterator[Path]:
    """The SQLite backup as this program's schema: the file itself when it already is,
    else a copy in ``folder`` upgraded, removed afterwards."""
    if older is None:
        yield archive.path
        return
    part = part_in(Path(folder))
    try:
        sqlite_copy(archive.path, part)
        progress("backup.step.upgrade", old=older, new=head_revision())
        staged = connect(sqlite_url(part))
        try:
            upgrade(staged)
        finally:
            staged.dispose()
        yield part
    finally:
        discard(part)
        with suppress(OSError):
            writer_lock_path(part).unlink()


def _restore_sqlite(
    db: Database, archive: Archive, undo: Path | None, older: str | None, progress: Progress
) -> None:
    target = _sqlite_path(db)
    with (
        _staged(archive, target.parent, older, progress) as source,
        _writers_held(db, progress),
    ):
        _save_undo(db, undo, progress)
        progress("backup.step.restore", database=str(target), program="sqlite3")
        sqlite_copy(source, target)
        with closing(sqlite3.connect(target, timeout=30)) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
