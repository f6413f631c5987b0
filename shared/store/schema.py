"""The database schema's version: Alembic migrations, run by ``yimen init``.

The same migrations run on SQLite (in batch mode, which rebuilds a table for
changes SQLite cannot ALTER) and on PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
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


def head_revision() -> str:
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    def look(s: Session) -> str | None:
        return MigrationContext.configure(s.connection()).get_current_revision()

    return db.run_read(look)


def upgrade(db: Database) -> None:
    """Create the schema, or bring it up to this program's version: one transaction, run
    again as a whole if the connection drops."""
    cfg = alembic_config(db)

    def migrate(s: Session) -> None:
        cfg.attributes["connection"] = s.connection()
        command.upgrade(cfg, "head")

    db.run_write(migrate)


def ensure_current(db: Database) -> None:
    """Refuse to work on a database that is not set up, or set up by a newer program."""
    current = current_revision(db)
    if current is None:
        raise EnvironmentFault("db.not_initialised")
    if current != head_revision():
        known = {r.revision for r in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}
        raise EnvironmentFault("db.too_new" if current not in known else "db.not_initialised")
