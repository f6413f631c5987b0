"""Fixtures: the demo hall on a fresh database, on SQLite and on PostgreSQL.

Every test that takes ``db_url`` (or ``hall``) runs twice, once per database.
PostgreSQL is a throwaway server the suite starts itself (tests/pgserver.py), or
the server named by ``YIMEN_TEST_PG_URL``. A PostgreSQL that cannot be started fails
the run: those tests never skip.
"""

from __future__ import annotations

import gc
import itertools
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Cheap password hashes in the tests and the processes they start (shared.config.halls);
# test_signin checks that a hash anywhere else costs what production's does.
os.environ["YIMEN_PASSWORD_COST"] = "test"

import pytest
from sqlalchemy.engine import make_url

from shared.base.clock import FixedClock
from shared.config.hall_file import DEMO_HALL_PATH, load_hall_config
from shared.demo.simulate import initial_passwords, sign_in_a_posts
from shared.hall import Hall, init_hall
from shared.store import db as store_db
from shared.store.db import sqlite_url

from .pgserver import PgServerError, ThrowawayPostgres

ROOT = Path(__file__).resolve().parent.parent
#: The screens' code: none of it may open a database session on the GUI thread.
SCREEN_CODE = tuple(
    str(ROOT / d) + os.sep for d in ("kiosk", "counter", os.path.join("shared", "qt"))
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
#: An ordinary Tuesday morning in the demo hall, outside summer hours.
TUESDAY_0930 = datetime(2026, 11, 24, 9, 30, tzinfo=SHANGHAI)

_db_numbers = itertools.count(1)


def local(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


def _no_session_on_the_gui_thread() -> None:
    """Fail when a screen's code opens a database session on the GUI thread (the main
    thread while a Qt application exists): the screens hand every database call to a
    worker. A test's own calls to the hall, made on the main thread, are allowed."""
    if threading.current_thread() is not threading.main_thread():
        return
    qt_core = sys.modules.get("PySide6.QtCore")
    if qt_core is None or qt_core.QCoreApplication.instance() is None:
        return
    frame = sys._getframe(1)
    while frame is not None:
        path = frame.f_code.co_filename
        if path.startswith(SCREEN_CODE):
            raise AssertionError(
                "a database session was opened on the GUI thread by "
                f"{os.path.relpath(path, ROOT)}:{frame.f_lineno} ({frame.f_code.co_name}); "
                "hand it to the screen's worker"
            )
        frame = frame.f_back


@pytest.fixture(scope="session", autouse=True)
def no_database_on_the_gui_thread() -> Iterator[None]:
    store_db.session_guard = _no_session_on_the_gui_thread
    yield
    store_db.session_guard = None


@pytest.fixture(autouse=True)
def garbage_on_the_main_thread() -> Iterator[None]:
    """No cycle collection during a test (it could run in a worker or feed thread and free
    a widget there); all of it after the test, on the main thread, as a station does
    (`shared.qt.collector`). What survives is frozen, so the next collection is quick."""
    gc.disable()
    yield
    gc.collect()
    gc.freeze()
    gc.enable()


@pytest.fixture(scope="session")
def demo_config():  # type: ignore[no-untyped-def]
    return load_hall_config(DEMO_HALL_PATH)


#: The password every demo clerk starts with.
DEMO_PASSWORD = "demo1234"


def open_the_hall(url: str) -> None:
    """The hall at 9:30: every window's A-post clerk signed in at it (through the core)."""
    with Hall.connect(url, clock=FixedClock(TUESDAY_0930)) as h:
        passwords = initial_passwords(load_hall_config(DEMO_HALL_PATH))
        assert set(passwords.values()) == {DEMO_PASSWORD}
        sign_in_a_posts(h, passwords)


@pytest.fixture(scope="session")
def sqlite_templates(tmp_path_factory: pytest.TempPathFactory, demo_config) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    """The demo hall, as loaded ("unstaffed") and with its A posts signed in ("staffed")."""
    folder = tmp_path_factory.mktemp("sqlite-template")
    unstaffed, staffed = folder / "unstaffed.db", folder / "staffed.db"
    init_hall(sqlite_url(unstaffed), demo_config, FixedClock(TUESDAY_0930))
    shutil.copyfile(unstaffed, staffed)
    open_the_hall(sqlite_url(staffed))
    return {"unstaffed": unstaffed, "staffed": staffed}


@pytest.fixture(scope="session")
def pg_admin_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a PostgreSQL server's maintenance database, for the whole run."""
    external = os.environ.get("YIMEN_TEST_PG_URL")
    if external:
        yield external
        return
    try:
        server = ThrowawayPostgres(tmp_path_factory.mktemp("pg"))
        server.start()
    except PgServerError as exc:
        # Never skipped: every rule is tested on both databases. Without a local server,
        # point YIMEN_TEST_PG_URL at one.
        pytest.fail(f"PostgreSQL could not be started: {exc}", pytrace=False)
    try:
        yield server.url("postgres")
    finally:
        server.close()


def _pg_execute(admin_url: str, sql: str) -> None:
    import psycopg

    url = make_url(admin_url).set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def pg_templates(pg_admin_url: str, demo_config) -> dict[str, str]:  # type: ignore[no-untyped-def]
    names = {}
    for which in ("unstaffed", "staffed"):
        name = f"yimen_template_{which}_{os.getpid()}"
        _pg_execute(pg_admin_url, f"DROP DATABASE IF EXISTS {name}")
        _pg_execute(pg_admin_url, f"CREATE DATABASE {name}")
        url = make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
        init_hall(url, demo_config, FixedClock(TUESDAY_0930))
        if which == "staffed":
            open_the_hall(url)
        names[which] = name
    return names


DB_KINDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test of the hall's rules runs on both databases. A screen's test (marked
    gui) runs on SQLite alone unless the database matters to it: it follows the change
    feed (a ``bridge`` or ``live_console`` fixture; LISTEN/NOTIFY on PostgreSQL, polling
    on SQLite) or is marked ``both_databases`` (processes sharing the database)."""
    if "db_kind" not in metafunc.fixturenames:
        return
    node = metafunc.definition
    if any("db_kind" in str(m.args[0]) for m in node.iter_markers("parametrize") if m.args):
        return  # the test names its database itself
    screen_only = (
        node.get_closest_marker("gui") is not None
        and node.get_closest_marker("both_databases") is None
        and not {"bridge", "live_console"} & set(metafunc.fixturenames)
    )
    metafunc.parametrize("db_kind", DB_KINDS[:1] if screen_only else DB_KINDS, indirect=True)


@pytest.fixture
def db_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _fresh_copy(
    which: str, db_kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[str]:
    if db_kind == "sqlite":
        templates: dict[str, Path] = request.getfixturevalue("sqlite_templates")
        path = tmp_path / "hall.db"
        shutil.copyfile(templates[which], path)
        yield sqlite_url(path)
        return
    admin_url: str = request.getfixturevalue("pg_admin_url")
    template_name: str = request.getfixturevalue("pg_templates")[which]
    name = f"yimen_test_{os.getpid()}_{next(_db_numbers)}"
    _pg_execute(admin_url, f"CREATE DATABASE {name} TEMPLATE {template_name}")
    yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    _pg_execute(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def db_url(db_kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database holding the demo hall (migrated, loaded, no tickets) as at 9:30
    on Tuesday: every window's A-post clerk signed in at it."""
    yield from _fresh_copy("staffed", db_kind, request, tmp_path)


@pytest.fixture
def unstaffed_db_url(db_kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The demo hall before anyone signs in: no window has a clerk."""
    yield from _fresh_copy("unstaffed", db_kind, request, tmp_path)


@pytest.fixture
def empty_db_url(db_kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database (no schema, no hall)."""
    if db_kind == "sqlite":
        yield sqlite_url(tmp_path / "empty.db")
        return
    admin_url: str = request.getfixturevalue("pg_admin_url")
    name = f"yimen_empty_{os.getpid()}_{next(_db_numbers)}"
    _pg_execute(admin_url, f"CREATE DATABASE {name}")
    yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    _pg_execute(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TUESDAY_0930)


@pytest.fixture
def hall(db_url: str, clock: FixedClock) -> Iterator[Hall]:
    h = Hall.connect(db_url, clock=clock)
    yield h
    h.close()


@pytest.fixture
def unstaffed_hall(unstaffed_db_url: str, clock: FixedClock) -> Iterator[Hall]:
    h = Hall.connect(unstaffed_db_url, clock=clock)
    yield h
    h.close()
