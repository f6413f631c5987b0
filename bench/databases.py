"""The databases the benchmark runs on, and the machine it runs on.

PostgreSQL is a throwaway server (tests/pgserver.py) in a temporary directory, unless
``YIMEN_BENCH_PG_URL`` names one (its maintenance database, e.g. ``.../postgres``). The
throwaway server is configured for tests (fsync off); the benchmark turns durability back
on with ``ALTER SYSTEM`` (postgresql.auto.conf is read after the test settings) and a
restart, so the numbers are those of a server that keeps its commits through a power cut.
A server named by the URL is used as it is, and its settings are reported.

SQLite is a file in the temporary directory, with the settings shared/store/db.py gives every
connection (WAL, synchronous=FULL).
"""

from __future__ import annotations

import os
import platform
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import psycopg
import sqlalchemy
from sqlalchemy.engine import make_url

from shared.base.clock import FixedClock
from shared.config.hall_file import DEMO_HALL_PATH, load_hall_config
from shared.demo.simulate import initial_passwords, sign_in_a_posts
from shared.hall import Hall, init_hall
from shared.store.db import sqlite_url

SHANGHAI = ZoneInfo("Asia/Shanghai")
#: The demo hall is loaded as of an ordinary Tuesday morning (as in the tests) ...
LOADED_AT = datetime(2026, 11, 24, 9, 30, tzinfo=SHANGHAI)
#: ... and the clients' clocks start at 10:00 that day and run in real time.
CLIENTS_START = datetime(2026, 11, 24, 10, 0, tzinfo=SHANGHAI)
PG_URL_ENV = "YIMEN_BENCH_PG_URL"
DURABILITY_SETTINGS = ("fsync", "full_page_writes", "synchronous_commit", "wal_sync_method")


def load_demo_hall(url: str) -> None:
    """The demo hall at 9:30, its A-post clerks signed in at their windows."""
    config = load_hall_config(DEMO_HALL_PATH)
    init_hall(url, config, FixedClock(LOADED_AT))
    with Hall.connect(url, clock=FixedClock(LOADED_AT)) as hall:
        sign_in_a_posts(hall, initial_passwords(config))


def _plain(url: str) -> str:
    """A SQLAlchemy URL as libpq wants it."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _admin_execute(admin_url: str, *statements: str) -> None:
    with psycopg.connect(_plain(admin_url), autocommit=True, connect_timeout=10) as conn:
        for sql in statements:
            conn.execute(sql.encode())


def _show(admin_url: str, names: tuple[str, ...]) -> dict[str, str]:
    with psycopg.connect(_plain(admin_url), autocommit=True, connect_timeout=10) as conn:
        return {name: str(conn.execute(f"SHOW {name}".encode()).fetchone()[0]) for name in names}  # type: ignore[index]


@dataclass
class PostgresServer:
    admin_url: str
    origin: str  # "throwaway server (tests/pgserver.py)" or "YIMEN_BENCH_PG_URL"
    version: str = ""
    settings: dict[str, str] = field(default_factory=dict)
    data_dir: Path | None = None

    def fresh_database(self, name: str) -> str:
        """A new database holding the demo hall (dropped first if it exists)."""
        _admin_execute(
            self.admin_url,
            f"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
            f"CREATE DATABASE {name}",
        )
        url = make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)
        load_demo_hall(url)
        _admin_execute(url, "CHECKPOINT")
        return url

    @property
    def postmaster_pid(self) -> int | None:
        """The server's main process (on this machine), for measuring its CPU."""
        if self.data_dir is None:
            return None
        try:
            first = (self.data_dir / "postmaster.pid").read_text(encoding="ascii").split()[0]
        except (OSError, IndexError):
            return None
        return int(first) if first.isdigit() else None

    def drop_database(self, name: str) -> None:
        _admin_execute(self.admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    @contextmanager
    def database(self, name: str) -> Iterator[str]:
        """A fresh database holding the demo hall for one scenario, dropped after it."""
        url = self.fresh_database(name)
        try:
            yield url
        finally:
            self.drop_database(name)


@contextmanager
def postgres(workdir: Path) -> Iterator[PostgresServer]:
    """A PostgreSQL server with durable commits (see the module docstring)."""
    external = os.environ.get(PG_URL_ENV)
    if external:
        server = PostgresServer(external, PG_URL_ENV)
        _describe(server)
        yield server
        return
    from tests.pgserver import ThrowawayPostgres  # the project's tests, not an installed module

    with ThrowawayPostgres(workdir) as pg:
        admin_url = pg.url("postgres")
        # The test settings (throwaway.conf) turn fsync and full-page writes off; settings
        # made by ALTER SYSTEM (postgresql.auto.conf) are read after them and win.
        _admin_execute(
            admin_url,
            "ALTER SYSTEM SET fsync = on",
            "ALTER SYSTEM SET full_page_writes = on",
            "ALTER SYSTEM SET synchronous_commit = on",
        )
        pg.restart()
        _admin_execute(admin_url, "CHECKPOINT")
        server = PostgresServer(
            admin_url, "throwaway server (tests/pgserver.py), fsync turned on", data_dir=pg.data_dir
        )
        _describe(server)
        if server.settings.get("fsync") != "on":
            raise RuntimeError(f"could not turn fsync on: {server.settings}")
        yield server


def _describe(server: PostgresServer) -> None:
    shown = _show(server.admin_url, ("server_version", *DURABILITY_SETTINGS))
    server.version = shown.pop("server_version")
    server.settings = shown


def sqlite_template(workdir: Path) -> Path:
    """The demo hall in a SQLite file, to copy for each scenario."""
    path = workdir / "template.db"
    load_demo_hall(sqlite_url(path))
    return path


def fresh_sqlite(template: Path, path: Path) -> str:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, path)
    return sqlite_url(path)


def sqlite_settings(url: str) -> dict[str, str]:
    """What a connection of shared/store/db.py gets (journal mode, synchronous)."""
    from shared.store.db import connect

    db = connect(url)
    try:
        with db.engine.connect() as conn:
            journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            sync = conn.exec_driver_sql("PRAGMA synchronous").scalar()
    finally:
        db.dispose()
    names = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}
    return {"journal_mode": str(journal), "synchronous": names.get(int(sync or 0), str(sync))}


# -- the machine -----------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return platform.processor() or "unknown"
    for line in text.splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _filesystem(path: Path) -> str:
    """The type of the filesystem ``path`` is on (tmpfs would make fsync free)."""
    try:
        result = subprocess.run(
            ["df", "--output=fstype", str(path)], capture_output=True, text=True, check=False
        )
    except OSError:
        return "unknown"
    lines = result.stdout.split()
    return lines[-1] if result.returncode == 0 and len(lines) > 1 else "unknown"


def machine(workdir: Path) -> dict[str, Any]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "host": platform.node(),
        "os": platform.platform(),
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "sqlalchemy": sqlalchemy.__version__,
        "psycopg": psycopg.__version__,
        "sqlite": sqlite3.sqlite_version,
        "filesystem": _filesystem(workdir),
        "load_average_at_start": [round(x, 2) for x in load],
    }
