"""Alembic migrations of the hall's database (see `shared.store.schema`)."""
