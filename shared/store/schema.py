"""The database schema's version: Alembic migrations, run by ``yimen init``.

The same migrations run on SQLite (in batch mode, which rebuilds a table for
changes SQLite cannot ALTER) and on PostgreSQL, in one transaction: an upgrade cut off
half-way leaves the database as it was, at its old revision (PostgreSQL and SQLite both
roll back their DDL), and ``yimen init`` runs it again as a whole.

A station opens only a database at this program's revision: an older one waits for
``yimen init`` (``db.too_old``), a newer one for this PC's program to be upgraded
(``db.too_new``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, event
from sqlalchemy.orm import Session

from shared.base.errors import EnvironmentFault
from shared.store.db import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", db.url.render_as_string(hide_password=False))
    cfg.attributes["database"] = db
    return cfg


@cache
def head_revision() -> str:
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    def look(s: Session) -> str | None:
        return MigrationContext.configure(s.connection()).get_current_revision()

    return db.run_read(look)


@cache
def known_revisions() -> tuple[str, ...]:
    """Every revision of this program's migrations, oldest first."""
    walked = ScriptDirectory(str(MIGRATIONS)).walk_revisions()  # newest first
    return tuple(r.revision for r in walked)[::-1]


def upgrade(db: Database, to: str = "head") -> None:
    """Create the schema, or bring it up to this program's version (``to``: an older
    revision, for the tests of upgrades from it): one transaction, run again as a whole
    if the connection drops. A database a newer program set up is refused (``db.too_new``),
    untouched.

    On SQLite the foreign keys are not enforced while the migrations run: batch mode
    rebuilds a table by copying it, dropping the old one and renaming the copy, and with
    enforcement on, dropping a table other rows refer to (a hall's, with its clerks and
    tickets) fails. They are checked, all of them, before the transaction commits."""
    cfg = alembic_config(db)

    def migrate(s: Session) -> None:
        connection = s.connection()
        current = MigrationContext.configure(connection).get_current_revision()
        if current is not None and current not in known_revisions():
            # A newer program's database: this one cannot know what its upgrades did.
            raise EnvironmentFault("db.too_new", revision=current)
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, to)
        if db.dialect == "sqlite":
            _check_foreign_keys(connection)

    if db.dialect != "sqlite":
        db.run_write(migrate)
        return
    with _foreign_keys_unenforced(db):
        db.run_write(migrate)


@contextmanager
def _foreign_keys_unenforced(db: Database) -> Iterator[None]:
    """The connections this thread takes from ``db``'s pool have SQLite's foreign keys off
    (set as one is taken, outside any transaction: inside one the pragma is ignored);
    afterwards every connection is closed, and the next ones enforce them again."""
    thread = threading.get_ident()

    def off(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if threading.get_ident() == thread:
            dbapi_connection.execute("PRAGMA foreign_keys=OFF")

    event.listen(db.engine, "checkout", off)
    try:
        yield
    finally:
        event.remove(db.engine, "checkout", off)
        db.engine.dispose()


def _check_foreign_keys(connection: Connection) -> None:
    """Every row's foreign keys still point at a row, or the upgrade is rolled back."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise RuntimeError(
            f"the upgrade left {len(broken)} rows pointing at nothing "
            f"(first: {table} row {rowid} -> {parent}); nothing was changed"
        )


def ensure_current(db: Database) -> None:
    """Refuse to work on a database that is not set up, set up by an older program (it
    waits for ``yimen init``), or by a newer one (this PC's program is the old one)."""
    current = current_revision(db)
    if current is None:
        raise EnvironmentFault("db.not_initialised")
    if current != head_revision():
        if current not in known_revisions():
            raise EnvironmentFault("db.too_new", revision=current)
        raise EnvironmentFault("db.too_old", revision=current, ours=head_revision())
