"""The migrations build exactly the tables the code expects, on both databases, and a
program refuses a database it does not know how to read."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from shared.base.errors import EnvironmentFault
from shared.hall import Hall
from shared.store.db import connect
from shared.store.model import Base
from shared.store.schema import current_revision, head_revision, upgrade


def test_the_migrations_match_the_model(empty_db_url: str) -> None:
    db = connect(empty_db_url)
    try:
        upgrade(db)
        assert current_revision(db) == head_revision()
        with db.read() as s:
            ctx = MigrationContext.configure(s.connection(), opts={"compare_type": True})
            assert compare_metadata(ctx, Base.metadata) == []
        upgrade(db)  # running it again changes nothing
        assert current_revision(db) == head_revision()
    finally:
        db.dispose()


def test_a_database_from_a_newer_program_is_refused(db_url: str) -> None:
    db = connect(db_url)
    try:
        with db.write() as s:
            s.execute(text("UPDATE alembic_version SET version_num = 'fffffffff'"))
    finally:
        db.dispose()
    with pytest.raises(EnvironmentFault) as exc:
        Hall.connect(db_url)
    assert exc.value.code == "db.too_new"
    assert "升级" in exc.value.message("zh")
