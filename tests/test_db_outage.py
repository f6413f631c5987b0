"""The hall's PostgreSQL going away under it: connections ended by the server (a restart,
an administrator, a network cut), a database that refuses new connections, a server
stopped and started again.

What is proven: a read or write after the connections were dropped simply works (the pool
pings a connection before use, and a transaction cut off half-way is run again as a
whole); when it cannot work, the core says so with an `EnvironmentFault` and its sentence,
never a raw driver error; the phone page answers 503 with ``Retry-After`` and its own
sentence (JSON on the status URL, a page elsewhere), then 200 once the database is back;
the ``yimen`` command exits 2 with one sentence and no traceback.

PostgreSQL only (the fixtures here are copies of the session's PostgreSQL templates): an
SQLite file has no connection to drop (its faults, a file taken away, are in test_phone
and test_cli). Nothing here sleeps a fixed time: each wait is for a
condition, with a deadline.
"""

from __future__ import annotations

import html
import itertools
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import httpx
import psycopg
import pytest
from psycopg import sql as pgsql
from sqlalchemy import Connection, event, func, select
from sqlalchemy import text as sql
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from shared.base.clock import FixedClock
from shared.base.errors import EnvironmentFault
from shared.base.messages import render
from shared.hall import Hall, init_hall
from shared.phone import create_app
from shared.phone.server import BackgroundServer
from shared.store.db import Database
from shared.store.model import Ticket

from .conftest import TUESDAY_0930, _pg_execute, open_the_hall
from .pgserver import ThrowawayPostgres

ROOT = Path(__file__).resolve().parent.parent
TRACE_MARKS = ("Traceback", 'File "')
TUESDAY = "2026-11-24T09:30:00+08:00"
DEADLINE_S = 30.0
T = TypeVar("T")

_numbers = itertools.count(1)


# -- the databases: copies of the session's templates, on PostgreSQL ---------------------------


def _fresh_database(admin_url: str, template: str | None) -> Iterator[str]:
    name = f"yimen_outage_{os.getpid()}_{next(_numbers)}"
    _pg_execute(
        admin_url, f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else "")
    )
    yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    _allow_connections(admin_url, name, True)
    _pg_execute(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def db_url(pg_admin_url: str, pg_templates: dict[str, str]) -> Iterator[str]:
    """The demo hall as at 9:30 on Tuesday, its A posts signed in, on PostgreSQL."""
    yield from _fresh_database(pg_admin_url, pg_templates["staffed"])


@pytest.fixture
def empty_db_url(pg_admin_url: str) -> Iterator[str]:
    """An empty database on PostgreSQL (no schema, no hall)."""
    yield from _fresh_database(pg_admin_url, None)


@pytest.fixture
def hall(db_url: str) -> Iterator[Hall]:
    with Hall.connect(db_url, clock=FixedClock(TUESDAY_0930)) as h:
        yield h


# -- the server's side ----------------------------------------------------------------------


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _admin(admin_url: str, statement: str | pgsql.Composed, *params: Any) -> list[Any]:
    with psycopg.connect(_libpq(admin_url), autocommit=True) as conn:
        cur = conn.execute(statement, params or None)  # type: ignore[arg-type]
        return cur.fetchall() if cur.description else []


def drop_connections(admin_url: str, database: str) -> int:
    """End every connection to ``database`` (but our own), as a restart or an
    administrator would, and wait until each one is gone. How many there were."""
    rows = _admin(
        admin_url,
        "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
        " WHERE datname = %s AND pid <> pg_backend_pid()",
        database,
    )
    assert all(ended for (ended,) in rows)
    return len(rows)


def _allow_connections(admin_url: str, database: str, allow: bool) -> None:
    _admin(
        admin_url,
        pgsql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS {}").format(
            pgsql.Identifier(database), pgsql.SQL("true" if allow else "false")
        ),
    )


@contextmanager
def database_away(admin_url: str, database: str) -> Iterator[None]:
    """The database refuses new connections and its open ones are ended; back after."""
    _allow_connections(admin_url, database, False)
    try:
        drop_connections(admin_url, database)
        yield
    finally:
        _allow_connections(admin_url, database, True)


def wait_until(condition: Callable[[], T | None], what: str) -> T:
    """``condition()`` once it is truthy, asked again and again until the deadline."""
    deadline = time.monotonic() + DEADLINE_S
    while True:
        got = condition()
        if got:
            return got
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {DEADLINE_S:.0f} s: {what}")
        time.sleep(0.05)


def _name(db_url: str) -> str:
    return str(make_url(db_url).database)


@contextmanager
def cut(
    db: Database,
    when: Callable[[str], bool] | None = None,
    *,
    times: int = 1,
    at_commit: bool = False,
) -> Iterator[list[str]]:
    """The server ends this database's connection right before a statement ``when``
    picks (or right before COMMIT), ``times`` times: a transaction cut off half-way (or as
    it commits). Yields the statements that were cut off."""
    done: list[str] = []

    def end_own_backend(conn: Connection, what: str) -> None:
        if len(done) >= times:
            return
        done.append(what)
        pid = conn.connection.driver_connection.info.backend_pid  # type: ignore[union-attr]
        _admin(db.url.render_as_string(hide_password=False),
               "SELECT pg_terminate_backend(%s, 5000)", pid)  # fmt: skip

    def before_statement(conn: Connection, _c: Any, statement: str, *_rest: Any) -> None:
        if when is not None and when(statement):
            end_own_backend(conn, statement)

    def before_commit(conn: Connection) -> None:
        if conn.get_execution_options().get("yimen_write"):
            end_own_backend(conn, "COMMIT")

    target, name, fn = (
        (db.engine, "commit", before_commit)
        if at_commit
        else (db.engine, "before_cursor_execute", before_statement)
    )
    event.listen(target, name, fn)
    try:
        yield done
    finally:
        event.remove(target, name, fn)


def _inserts_a_ticket(statement: str) -> bool:
    return statement.lstrip().upper().startswith("INSERT INTO TICKETS")


def _tickets(hall: Hall) -> list[str]:
    with hall.db.read() as s:
        return list(s.scalars(select(Ticket.number).order_by(Ticket.id)))


def _unavailable(hall: Hall, code: str = "db.unavailable") -> str:
    url = hall.db.url
    return render(code, "zh", host=f"{url.host}:{url.port}")


# -- (a) the core -------------------------------------------------------------------------------


def test_reads_and_writes_after_the_connections_were_dropped_just_work(
    hall: Hall, db_url: str, pg_admin_url: str
) -> None:
    name = _name(db_url)
    first = hall.issue_ticket("qy-sl")
    assert drop_connections(pg_admin_url, name) >= 1  # the hall's pooled connection
    second = hall.issue_ticket("qy-sl")  # a write
    assert (first.number, second.number) == ("A001", "A002")
    assert drop_connections(pg_admin_url, name) >= 1
    assert hall.review_ticket(second.review_code).ticket.ahead == 1  # a read
    assert drop_connections(pg_admin_url, name) >= 1
    assert [w.waiting for w in hall.waiting_counts() if w.service_code == "qy-sl"] == [2]
    assert drop_connections(pg_admin_url, name) >= 1
    called = hall.call_next(1, "1001")
    assert called is not None and called.number == "A001"


def test_a_write_cut_off_half_way_is_run_again_as_a_whole_and_counts_once(hall: Hall) -> None:
    with cut(hall.db, _inserts_a_ticket) as done:
        t = hall.issue_ticket("qy-sl")
    assert len(done) == 1  # the first try was cut off; the second one went through
    assert t.number == "A001" and _tickets(hall) == ["A001"]
    assert hall.issue_ticket("qy-sl").number == "A002"  # no number was used up


def test_a_read_cut_off_half_way_is_run_again(hall: Hall) -> None:
    def count(s: Session) -> int:
        return int(s.scalar(select(func.count()).select_from(Ticket)) or 0)

    hall.issue_ticket("qy-sl")
    with cut(hall.db, lambda st: "count(" in st.lower()) as done:
        assert hall.db.run_read(count) == 1
    assert len(done) == 1


def test_when_every_try_is_cut_off_the_sentence_says_the_database_is_unavailable(
    hall: Hall,
) -> None:
    with cut(hall.db, _inserts_a_ticket, times=99) as done, pytest.raises(EnvironmentFault) as got:
        hall.issue_ticket("qy-sl")
    assert len(done) == 3  # three tries, then the sentence
    assert got.value.code == "db.unavailable"
    assert got.value.message("zh") == _unavailable(hall)
    assert "try again in a moment" in got.value.message("en")
    assert _tickets(hall) == []
    assert hall.issue_ticket("qy-sl").number == "A001"  # and all is well once it is back


def test_a_block_that_cannot_be_run_again_ends_as_the_sentence(hall: Hall) -> None:
    """``with db.write()`` / ``with db.read()`` (the schema's upgrade, loading a hall's
    file): the block cannot be run again, so a dropped connection is the sentence."""
    with cut(hall.db, lambda st: "pg_sleep(0)" in st, times=2) as done:
        for block in (hall.db.write, hall.db.read):
            with pytest.raises(EnvironmentFault) as got, block() as s:
                s.execute(sql("SELECT pg_sleep(0)"))
            assert got.value.code == "db.unavailable"
            assert got.value.message("zh") == _unavailable(hall)
    assert len(done) == 2
    assert hall.issue_ticket("qy-sl").number == "A001"


def test_a_write_cut_off_as_it_commits_is_not_run_twice(hall: Hall) -> None:
    """The COMMIT may have been saved before the connection broke: running the write
    again could issue a second ticket, so the sentence says to look first."""
    with cut(hall.db, at_commit=True) as done, pytest.raises(EnvironmentFault) as got:
        hall.issue_ticket("qy-sl")
    assert done == ["COMMIT"]  # one try only
    assert got.value.code == "db.commit_unknown"
    assert got.value.message("zh") == _unavailable(hall, "db.commit_unknown")
    assert _tickets(hall) == []  # (ended before the COMMIT arrived: not saved)


# -- (b) the phone page ----------------------------------------------------------------------


def _no_trace(r: httpx.Response) -> None:
    for mark in TRACE_MARKS:
        assert mark not in r.text


def _says_unavailable(page: httpx.Response, status: httpx.Response, lang: str) -> None:
    sentence = render("web.unavailable", lang)
    assert status.status_code == 503, status.text
    assert status.headers["content-type"].startswith("application/json")
    assert status.json() == {"error": "web.unavailable", "message": sentence}
    assert int(status.headers["retry-after"]) > 0
    assert page.status_code == 503, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert sentence in html.unescape(page.text)
    assert int(page.headers["retry-after"]) > 0
    for r in (page, status):
        _no_trace(r)


LANGS = {"zh": "zh-CN,zh;q=0.9", "en": "en-GB,en;q=0.9"}


def test_the_phone_page_says_503_while_the_database_is_away_and_200_once_it_is_back(
    hall: Hall, db_url: str, pg_admin_url: str
) -> None:
    name = _name(db_url)
    t = hall.issue_ticket("qy-sl")
    page, status = f"/r/{t.review_code}", f"/r/{t.review_code}/status"
    with (
        BackgroundServer(create_app(hall)) as server,
        httpx.Client(base_url=server.url, timeout=20) as client,
    ):
        assert client.get(page).status_code == 200
        drop_connections(pg_admin_url, name)  # between two requests: nobody notices
        assert client.get(status).json()["view"] == "waiting"
        assert client.get(page).status_code == 200

        # During a request: that one is refused (a look may be asked for again: the
        # page polls), the next one is answered.
        for url, kind in ((status, "application/json"), (page, "text/html")):
            with cut(hall.db, lambda st: "FROM tickets" in st) as done:
                r = client.get(url)
            assert done and r.status_code == 503 and int(r.headers["retry-after"]) > 0
            assert r.headers["content-type"].startswith(kind)
            assert render("web.unavailable", "zh") in html.unescape(r.text)
            _no_trace(r)
            assert client.get(url).status_code == 200

        with database_away(pg_admin_url, name):
            for lang, accept in LANGS.items():
                headers = {"Accept-Language": accept}
                _says_unavailable(
                    client.get(page, headers=headers), client.get(status, headers=headers), lang
                )
            posted = client.post(
                page,
                data={"level": "satisfied", "token": "0.0"},
                headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"},
            )
            assert posted.status_code == 503 and int(posted.headers["retry-after"]) > 0
            assert render("web.unavailable", "zh") in html.unescape(posted.text)
            _no_trace(posted)

        back = wait_until(
            lambda: (r := client.get(status)).status_code == 200 and r, "the status is 200 again"
        )
        assert back.json()["view"] == "waiting"
        assert client.get(page).status_code == 200


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThrowawayPostgres]:
    """A PostgreSQL server of this module's own, to stop and start."""
    with ThrowawayPostgres(tmp_path_factory.mktemp("own-pg")) as server:
        yield server


@pytest.fixture
def own_db_url(own_server: ThrowawayPostgres, demo_config: Any) -> Iterator[str]:
    """The demo hall, staffed, on the module's own server."""
    own_server.start()
    name = f"yimen_own_{os.getpid()}_{next(_numbers)}"
    own_server.admin_execute(f"CREATE DATABASE {name}")
    url = own_server.url(name)
    init_hall(url, demo_config, FixedClock(TUESDAY_0930))
    open_the_hall(url)
    yield url
    own_server.start()
    own_server.admin_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_the_phone_page_rides_out_a_restart_of_the_server(
    own_server: ThrowawayPostgres, own_db_url: str
) -> None:
    with Hall.connect(own_db_url, clock=FixedClock(TUESDAY_0930)) as hall:
        t = hall.issue_ticket("qy-sl")
        page, status = f"/r/{t.review_code}", f"/r/{t.review_code}/status"
        with (
            BackgroundServer(create_app(hall)) as server,
            httpx.Client(base_url=server.url, timeout=20) as client,
        ):
            assert client.get(status).status_code == 200
            own_server.stop("fast")
            try:
                _says_unavailable(client.get(page), client.get(status), "zh")
            finally:
                own_server.start()
            wait_until(lambda: client.get(status).status_code == 200, "the status is 200 again")
            assert client.get(page).status_code == 200
            assert hall.issue_ticket("qy-sl").number == "A002"


# -- (c) the yimen command -----------------------------------------------------------------------

#: Runs ``python -m shared.cli ARGS`` after arranging for the server to end the command's
#: connection right before each statement matching PATTERN, TIMES times (argv: the
#: database's admin URL, PATTERN, TIMES, then the command's arguments).
_CUTTING = textwrap.dedent(
    """
    import re, runpy, sys
    import psycopg
    from sqlalchemy import Engine, event

    admin, pattern, times = sys.argv[1], re.compile(sys.argv[2]), int(sys.argv[3])
    sys.argv = ["yimen", *sys.argv[4:]]

    @event.listens_for(Engine, "before_cursor_execute")
    def _cut(conn, cursor, statement, parameters, context, executemany):
        global times
        if times > 0 and pattern.search(statement):
            times -= 1
            pid = conn.connection.driver_connection.info.backend_pid
            with psycopg.connect(admin, autocommit=True) as c:
                c.execute("SELECT pg_terminate_backend(%s, 5000)", (pid,))

    runpy.run_module("shared.cli", run_name="__main__", alter_sys=True)
    """
)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("YIMEN_DB", "YIMEN_LANG")}
    env["YIMEN_NOW"] = TUESDAY
    return env


def yimen(*argv: str) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, as hall IT runs it."""
    return subprocess.run(
        [sys.executable, "-m", "shared.cli", *argv],
        capture_output=True, text=True, cwd=ROOT, env=_env(), timeout=120, check=False,
    )  # fmt: skip


def yimen_cut(
    db_url: str, pattern: str, times: int, *argv: str
) -> subprocess.CompletedProcess[str]:
    """The command, with its connection ended right before statements matching
    ``pattern`` (``times`` times)."""
    return subprocess.run(
        [sys.executable, "-c", _CUTTING, _libpq(db_url), pattern, str(times), *argv],
        capture_output=True, text=True, cwd=ROOT, env=_env(), timeout=120, check=False,
    )  # fmt: skip


def _refused_with(run: subprocess.CompletedProcess[str], sentence: str) -> None:
    assert run.returncode == 2, (run.returncode, run.stdout, run.stderr)
    assert run.stderr.strip() == sentence, run.stderr
    for mark in TRACE_MARKS:
        assert mark not in run.stderr and mark not in run.stdout


def _unreachable(url: str) -> str:
    u = make_url(url)
    return render("db.unreachable", "zh", host=f"{u.host}:{u.port}")


def test_the_command_against_a_database_that_refuses_connections_says_so(
    db_url: str, empty_db_url: str, pg_admin_url: str
) -> None:
    for url, argv in ((empty_db_url, ("init", "--demo")), (db_url, ("ticket", "qy-sl"))):
        with database_away(pg_admin_url, _name(url)):
            _refused_with(yimen(*argv, "--db", url), _unreachable(url))
    assert yimen("ticket", "qy-sl", "--db", db_url).stdout.splitlines()[0] == "A001"


def test_the_command_while_the_server_restarts_says_so_then_works(
    own_server: ThrowawayPostgres, own_db_url: str
) -> None:
    own_server.stop("fast")
    try:
        _refused_with(yimen("ticket", "qy-sl", "--db", own_db_url), _unreachable(own_db_url))
        _refused_with(yimen("init", "--demo", "--db", own_db_url), _unreachable(own_db_url))
    finally:
        own_server.start()
    done = yimen("ticket", "qy-sl", "--db", own_db_url)
    assert done.returncode == 0 and done.stdout.splitlines()[0] == "A001", done.stderr


def _host_of(url: str) -> str:
    u = make_url(url)
    return f"{u.host}:{u.port}"


def test_init_cut_off_during_the_schema_upgrade_runs_it_again(empty_db_url: str) -> None:
    run = yimen_cut(empty_db_url, r"^\s*CREATE TABLE", 1, "init", "--demo", "--db", empty_db_url)
    assert run.returncode == 0, run.stderr
    assert "QC" in run.stdout
    again = yimen("ticket", "qy-sl", "--db", empty_db_url)
    assert again.returncode == 0 and again.stdout.splitlines()[0] == "A001", again.stderr


@pytest.mark.parametrize(
    ("what", "pattern", "times", "argv"),
    [
        ("every try of the schema upgrade", r"^\s*CREATE TABLE", 99, ("init", "--demo")),
        ("loading the hall's file", r"^\s*INSERT INTO halls", 1, ("init", "--demo")),
        ("every try of a ticket", r"^\s*INSERT INTO tickets", 99, ("ticket", "qy-sl")),
    ],
)
def test_the_command_cut_off_for_good_exits_2_with_the_sentence(
    db_url: str, empty_db_url: str, what: str, pattern: str, times: int, argv: tuple[str, ...]
) -> None:
    url = empty_db_url if argv[0] == "init" else db_url
    run = yimen_cut(url, pattern, times, *argv, "--db", url)
    _refused_with(run, render("db.unavailable", "zh", host=_host_of(url)))
    en = yimen_cut(url, pattern, times, *argv, "--db", url, "--lang", "en")
    _refused_with(en, render("db.unavailable", "en", host=_host_of(url)))


def test_a_ticket_cut_off_once_is_issued_once(db_url: str) -> None:
    run = yimen_cut(db_url, r"^\s*INSERT INTO tickets", 1, "ticket", "qy-sl", "--db", db_url)
    assert run.returncode == 0 and run.stdout.splitlines()[0] == "A001", run.stderr
    assert yimen("ticket", "qy-sl", "--db", db_url).stdout.splitlines()[0] == "A002"
