"""The database: engines and sessions, tables, migrations, and the change feed."""
