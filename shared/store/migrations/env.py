"""Alembic environment: runs on the connection `shared.store.schema.upgrade` hands over,
or on the URL of alembic's own command line."""

from alembic import context
from sqlalchemy import Connection, create_engine

from shared.store.model import Base

config = context.config
target_metadata = Base.metadata


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as conn:
        run(conn)
