"""A hall upgrades in place: a database every released schema made, with a morning's tickets
in it, brought up to this program's schema (by `shared.store.schema.upgrade`, and by
``yimen init`` as the hall's IT runs it) on SQLite and on PostgreSQL, then used: the old
tickets are there as they were, the day's numbering goes on, a clerk calls and finishes,
the old days' reports count what happened. And a station refuses, with a sentence, a
database older or newer than itself.

The old databases are in ``tests/data/schemas`` (``make.py`` there says which commit made
each and how): SQLite files, each the demo hall with Monday 2026-11-23's afternoon and
Tuesday 2026-11-24's morning up to 11:53. On PostgreSQL the same database is made by
migrating an empty one to that schema and copying the rows over, table by table.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import Enum, MetaData, create_engine, insert, inspect, select, text
from sqlalchemy.engine import make_url

from counter.window import CounterWindow
from shared.base.clock import FixedClock
from shared.base.errors import EnvironmentFault
from shared.base.messages import render
from shared.cli import main
from shared.hall import Hall
from shared.qt.connecting import ConnectingWindow
from shared.qt.i18n import set_language
from shared.store.db import connect, sqlite_url
from shared.store.model import Base, Service, Ticket
from shared.store.schema import current_revision, head_revision, known_revisions, upgrade

from .conftest import DEMO_PASSWORD, SHANGHAI, _pg_execute

SCHEMAS = Path(__file__).resolve().parent / "data" / "schemas"
MONDAY, TUESDAY = date(2026, 11, 23), date(2026, 11, 24)
#: The old databases' moment: Tuesday just before noon, its morning's tickets still open.
FIXTURE_NOW = datetime(2026, 11, 24, 11, 58, tzinfo=SHANGHAI)
#: The revisions a database of this suite was made at (one file each).
RELEASED = tuple(int(p.name[7:11]) for p in sorted(SCHEMAS.glob("schema-*.db.gz")))
KINDS = ("sqlite", "postgresql")
#: yimen init, as IT runs it: on every revision on SQLite, on a few on PostgreSQL.
INIT_ON_POSTGRESQL = (1, 4, 6, 9)

_numbers = itertools.count(1)


def test_every_released_schema_has_its_old_database() -> None:
    """A new migration makes the schema before it a released one: make its file
    (tests/data/schemas/make.py) so that upgrades from it are tested too."""
    released = tuple(f"{n:04d}" for n in RELEASED)
    assert released == known_revisions()[:-1]
    assert head_revision() not in released


# -- the old databases ------------------------------------------------------------------


@dataclass(frozen=True)
class OldData:
    """What the old database holds, read from its file before any upgrade."""

    revision: str
    tables: frozenset[str]
    tickets: list[tuple[int, str, str, str, str]]  # id, day, number, state, priority
    last_numbers: dict[str, int]  # Tuesday's last number of each prefix
    figures: dict[date, dict[str, int]]  # what each day's report must count


def _unzipped(rev: int, folder: Path) -> Path:
    path = folder / f"schema-{rev:04d}.db"
    with gzip.open(SCHEMAS / f"schema-{rev:04d}.db.gz") as src, open(path, "wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def _read_old(path: Path) -> OldData:
    conn = sqlite3.connect(path)
    try:

        def one(sql: str, *args: Any) -> int:
            return int(conn.execute(sql, args).fetchone()[0])

        tables = frozenset(
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        )

        def events(kind: str, day: date) -> int:
            return one(
                "SELECT count(*) FROM events e JOIN tickets t ON t.id = e.ticket_id "
                "WHERE e.kind = ? AND t.business_day = ?",
                kind,
                day.isoformat(),
            )

        def rows(table: str, day: date) -> int:
            if table not in tables:
                return 0
            return one(f"SELECT count(*) FROM {table} WHERE business_day = ?", day.isoformat())

        figures = {
            day: {
                "served": one(
                    "SELECT count(*) FROM tickets WHERE state = 'done' AND business_day = ?",
                    day.isoformat(),
                ),
                "called": one(
                    "SELECT count(*) FROM tickets WHERE called_at IS NOT NULL AND business_day = ?",
                    day.isoformat(),
                ),
                "no_shows": events("no_show", day),
                "holds": events("held", day),
                "transfers": events("transferred", day),
                "call_backs": events("called_back", day),
                "reviews": rows("reviews", day),
                "notices": rows("notices", day),
                "extended": rows("extended_services", day),
            }
            for day in (MONDAY, TUESDAY)
        }
        return OldData(
            revision=str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]),
            tables=tables,
            tickets=[
                (int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]))
                for r in conn.execute(
                    "SELECT id, business_day, number, state, priority FROM tickets ORDER BY id"
                )
            ],
            last_numbers={
                str(p): int(n)
                for p, n in conn.execute(
                    "SELECT prefix, last_no FROM number_counters WHERE business_day = ?",
                    (TUESDAY.isoformat(),),
                )
            },
            figures=figures,
        )
    finally:
        conn.close()


def copy_rows(source_url: str, target_url: str) -> None:
    """Every row of the SQLite database at ``source_url`` into the PostgreSQL database at
    ``target_url``, already migrated to the same revision: table by table, parents first,
    ids kept, then each table's id sequence set past its rows (as bench/hallyear.py's
    copy_to_postgres does, with inserts rather than COPY: these are a few hundred rows).
    Both sides must have the same tables and columns, or the copy would not be faithful."""
    source, target = create_engine(source_url), create_engine(target_url)
    try:
        old, new = MetaData(), MetaData()
        old.reflect(source)
        new.reflect(target)
        assert set(old.tables) == set(new.tables)
        tables = [t for t in new.sorted_tables if t.name != "alembic_version"]
        with source.connect() as src, target.begin() as dst:
            # Migration 0001 writes the event clock's row: the old database's replaces it.
            dst.execute(text("TRUNCATE " + ", ".join(t.name for t in tables) + " CASCADE"))
            for table in tables:
                from_table = old.tables[table.name]
                assert set(from_table.c.keys()) == set(table.c.keys())
                rows = [
                    {k: _utc(v) for k, v in r.items()}
                    for r in src.execute(select(from_table)).mappings()
                ]
                if rows:
                    dst.execute(insert(table), rows)
                sequence = dst.scalar(
                    text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
                ) if "id" in table.c else None  # fmt: skip
                if sequence is not None and rows:
                    last = max(r["id"] for r in rows)
                    dst.execute(text("SELECT setval(:s, :n)"), {"s": sequence, "n": last})
    finally:
        source.dispose()
        target.dispose()


def _utc(value: Any) -> Any:
    """SQLite keeps the times as UTC without their zone; PostgreSQL is told so."""
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


@dataclass
class OldDatabase:
    url: str
    rev: int
    kind: str
    old: OldData


def _old_database(
    rev: int, kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[OldDatabase]:
    path = _unzipped(rev, tmp_path)
    data = _read_old(path)
    assert data.revision == f"{rev:04d}"
    if kind == "sqlite":
        yield OldDatabase(sqlite_url(path), rev, kind, data)
        return
    admin: str = request.getfixturevalue("pg_admin_url")
    name = f"yimen_upgrade_{os.getpid()}_{next(_numbers)}"
    _pg_execute(admin, f"CREATE DATABASE {name}")
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    try:
        db = connect(url)
        try:
            upgrade(db, to=data.revision)
            assert current_revision(db) == data.revision
        finally:
            db.dispose()
        copy_rows(sqlite_url(path), url)
        yield OldDatabase(url, rev, kind, data)
    finally:
        _pg_execute(admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(
    params=[(rev, kind) for kind in KINDS for rev in RELEASED], ids=lambda p: f"{p[0]:04d}-{p[1]}"
)
def old_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OldDatabase]:
    """A database of a released schema, with its data, on SQLite or PostgreSQL."""
    rev, kind = request.param
    yield from _old_database(rev, kind, request, tmp_path)


@pytest.fixture(
    params=[(rev, "sqlite") for rev in RELEASED]
    + [(rev, "postgresql") for rev in INIT_ON_POSTGRESQL],
    ids=lambda p: f"{p[0]:04d}-{p[1]}",
)
def old_db_for_init(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OldDatabase]:
    rev, kind = request.param
    yield from _old_database(rev, kind, request, tmp_path)


# -- upgraded, then used ------------------------------------------------------------------


def _schema_is_the_models(url: str) -> None:
    """The upgraded database's tables are the model's (Alembic's comparison), and so are
    the values each enumerated column's check allows, which that comparison leaves out
    (a check an upgrade forgot to widen refuses the new kinds of events)."""
    db = connect(url)
    try:
        assert current_revision(db) == head_revision()
        with db.read() as s:
            ctx = MigrationContext.configure(s.connection(), opts={"compare_type": True})
            assert compare_metadata(ctx, Base.metadata) == []
            seen = inspect(s.connection())
            for table in Base.metadata.sorted_tables:
                checks = {c["name"]: c["sqltext"] for c in seen.get_check_constraints(table.name)}
                for column in table.columns:
                    if isinstance(column.type, Enum) and column.type.create_constraint:
                        allowed = set(re.findall(r"'([^']*)'", checks[column.type.name]))
                        assert allowed == set(column.type.enums), column.type.name
    finally:
        db.dispose()


def _old_tickets_are_there(hall: Hall, old: OldData) -> None:
    with hall.db.read() as s:
        now = [
            (t.id, t.business_day.isoformat(), t.number, t.state.value, t.priority.value)
            for t in s.scalars(select(Ticket).order_by(Ticket.id))
        ]
    assert now == old.tickets
    # The tickets in hand at noon, as the windows show them.
    in_hand = {w.number: (w.ticket, w.ticket_state) for w in hall.windows() if w.ticket}
    states = {number: state for _, day, number, state, _ in old.tickets if day == "2026-11-24"}
    assert {state for _, state in in_hand.values()} == {"called", "serving"}
    for number, state in in_hand.values():
        assert states[number] == state
        assert hall.ticket(number).state == state
    held = [n for n, state in states.items() if state == "held"]
    assert held and all(hall.ticket(n).state == "held" for n in held)


def _numbering_goes_on_and_a_clerk_serves(hall: Hall, old: OldData) -> int:
    """A new ticket continues the day's numbers; a clerk serves the line up to it at a
    window nobody had opened. How many were served."""
    with hall.db.read() as s:
        prefix = s.scalar(select(Service.prefix).where(Service.code == "qy-sl"))
    assert prefix is not None
    ticket = hall.issue_ticket("qy-sl")
    assert ticket.number == f"{prefix}{old.last_numbers[prefix] + 1:03d}"
    assert ticket.business_day == TUESDAY and ticket.state == "waiting"
    # Window 11 (qy-sl among its matters) opens and serves the line up to the new ticket.
    hall.sign_in("1011", DEMO_PASSWORD, 11)
    served = 0
    for _ in range(len(old.tickets)):
        called = hall.call_next(11, "1011")
        assert called is not None
        hall.start(11, "1011")
        hall.end_service(11, "1011")
        served += 1
        if called.number == ticket.number:
            break
    assert hall.ticket(ticket.number).state == "done"
    return served


def _reports_count_the_old_days(hall: Hall, old: OldData) -> None:
    for day in (MONDAY, TUESDAY):
        expected = old.figures[day]
        figures = hall.report(day).hall
        got = {
            "served": figures.served,
            "called": len(figures.waits),
            "no_shows": figures.no_shows,
            "holds": figures.holds,
            "transfers": figures.transfers,
            "call_backs": figures.call_backs,
            "reviews": figures.reviews,
            "notices": figures.notices,
            "extended": figures.extended,
        }
        assert got == expected, day
    assert old.figures[MONDAY]["served"] == 2 and old.figures[MONDAY]["no_shows"] == 1
    assert old.figures[TUESDAY]["served"] > 30


def test_an_old_database_upgraded_is_used_as_before(old_db: OldDatabase) -> None:
    db = connect(old_db.url)
    try:
        upgrade(db)
    finally:
        db.dispose()
    _schema_is_the_models(old_db.url)
    with Hall.connect(old_db.url, clock=FixedClock(FIXTURE_NOW)) as hall:
        _old_tickets_are_there(hall, old_db.old)
        _reports_count_the_old_days(hall, old_db.old)  # before today's new work
        served = _numbering_goes_on_and_a_clerk_serves(hall, old_db.old)
        today = hall.report(TUESDAY).hall
        assert today.served == old_db.old.figures[TUESDAY]["served"] + served
        _an_old_ticket_is_rated(hall, old_db.old)
        assert hall.report(TUESDAY).hall.reviews == today.reviews + 1
        with hall.db.read() as s:
            # New events take their ids after the old ones, from the old event clock.
            last = s.scalar(text("SELECT last_id FROM event_clock"))
            assert last == s.scalar(text("SELECT max(id) FROM events"))


def _an_old_ticket_is_rated(hall: Hall, old: OldData) -> None:
    """A ticket finished before the upgrade is rated after it (the reviews' tables came
    with schema 0007)."""
    with hall.db.read() as s:
        rated = set(s.scalars(text("SELECT ticket_id FROM reviews")))
    number = next(
        n for i, day, n, state, _ in old.tickets
        if day == "2026-11-24" and state == "done" and i not in rated
    )  # fmt: skip
    review = hall.submit_review(hall.ticket(number).review_code, "satisfied", channel="evaluator")
    assert review.number == number


def yimen(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_yimen_init_upgrades_an_old_database_and_the_hall_works_on(
    old_db_for_init: OldDatabase,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, old = old_db_for_init.url, old_db_for_init.old
    monkeypatch.setenv("YIMEN_NOW", FIXTURE_NOW.isoformat())
    monkeypatch.delenv("YIMEN_DB", raising=False)
    # Before the upgrade, the new program's commands say what to do.
    code, _, err = yimen(capsys, "status", "--db", url)
    assert code == 2
    assert err.strip() == render("db.too_old", "zh", revision=old.revision, ours=head_revision())
    code, out, err = yimen(capsys, "init", "--demo", "--db", url)
    assert code == 0, err
    assert "QC" in out and "已更新" in out
    _schema_is_the_models(url)
    code, out, err = yimen(capsys, "report", "--day", MONDAY.isoformat(), "--json", "--db", url)
    assert code == 0, err
    monday = json.loads(out)["hall_figures"]
    expected = old.figures[MONDAY]
    for name in ("served", "no_shows", "holds", "transfers", "call_backs", "reviews"):
        assert monday[name] == expected[name], name
    assert monday["extended"] == expected["extended"]
    code, out, err = yimen(capsys, "ticket", "qy-sl", "--json", "--db", url)
    assert code == 0, err
    assert json.loads(out)["number"] == f"A{old.last_numbers['A'] + 1:03d}"
    monkeypatch.setattr("sys.stdin", io.StringIO(DEMO_PASSWORD + "\n"))
    code, _, err = yimen(capsys, "sign-in", "10", "--clerk", "1010", "--db", url)
    assert code == 0, err
    code, out, err = yimen(capsys, "call", "10", "--clerk", "1010", "--json", "--db", url)
    assert code == 0, err
    assert json.loads(out)["state"] == "called"
    code, out, err = yimen(capsys, "finish", "10", "--clerk", "1010", "--json", "--db", url)
    assert code == 0, err
    assert json.loads(out)["state"] == "done"


# -- a database of another version is refused with a sentence ---------------------------------


@pytest.fixture(params=KINDS)
def schema_0009(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OldDatabase]:
    """The last released schema's database, on SQLite and on PostgreSQL."""
    yield from _old_database(9, str(request.param), request, tmp_path)


def _tickets_in(url: str) -> int:
    db = connect(url)
    try:
        with db.read() as s:
            return len(s.scalars(select(Ticket.id)).all())
    finally:
        db.dispose()


def test_a_database_older_than_the_program_waits_for_yimen_init(
    schema_0009: OldDatabase, capsys: pytest.CaptureFixture[str]
) -> None:
    url = schema_0009.url
    with pytest.raises(EnvironmentFault) as refused:
        Hall.connect(url)
    assert refused.value.code == "db.too_old"
    zh, en = refused.value.message("zh"), refused.value.message("en")
    assert "数据库的版本比本程序旧" in zh and "yimen init" in zh and "备份" in zh
    assert f"0009，本程序需要 {head_revision()}" in zh
    assert "older than this program" in en and "yimen init" in en
    # The command a clerk might type says the same, and changes nothing.
    code, _, err = yimen(capsys, "ticket", "qy-sl", "--db", url)
    assert (code, err.strip()) == (2, zh)
    code, _, err = yimen(capsys, "ticket", "qy-sl", "--db", url, "--lang", "en")
    assert (code, err.strip()) == (2, en)
    assert _tickets_in(url) == len(schema_0009.old.tickets)
    db = connect(url)
    try:
        upgrade(db)
    finally:
        db.dispose()
    with Hall.connect(url, clock=FixedClock(FIXTURE_NOW)) as hall:
        assert hall.code == "QC"


def test_yimen_init_without_a_file_only_upgrades_and_leaves_the_settings_alone(
    schema_0009: OldDatabase, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What IT runs after installing a new version: the schema is brought up to date, the
    hall's settings stay as the supervisors left them, nothing else is loaded."""
    url = schema_0009.url
    monkeypatch.setenv("YIMEN_NOW", FIXTURE_NOW.isoformat())

    def settings_rows() -> list[tuple[Any, ...]]:
        db = connect(url)
        try:
            with db.read() as s:
                halls = s.execute(text("SELECT * FROM halls ORDER BY id")).all()
                services = s.execute(text("SELECT * FROM services ORDER BY id")).all()
                events = s.scalar(text("SELECT count(*) FROM events"))  # setting changes too
                return [*map(tuple, halls), *map(tuple, services), (events,)]
        finally:
            db.dispose()

    before = settings_rows()
    code, out, err = yimen(capsys, "init", "--db", url)
    assert code == 0, err
    assert out.strip() == (
        f"数据库已从 0009 版升级到 {head_revision()} 版；服务中心 QC 的配置和数据保持不变。"
    )
    assert settings_rows() == before
    _schema_is_the_models(url)
    code, out, err = yimen(capsys, "init", "--db", url, "--lang", "en")
    assert code == 0, err
    assert "already at this program's schema" in out
    assert settings_rows() == before


def test_a_database_newer_than_the_program_is_refused_even_by_yimen_init(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = connect(db_url)
    try:
        with db.write() as s:
            s.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    finally:
        db.dispose()
    with pytest.raises(EnvironmentFault) as refused:
        Hall.connect(db_url)
    assert refused.value.code == "db.too_new"
    zh, en = refused.value.message("zh"), refused.value.message("en")
    assert "比本程序新" in zh and "请在这台电脑上安装" in zh
    assert "Install the same newer version of Yimen on this PC" in en
    code, _, err = yimen(capsys, "status", "--db", db_url)
    assert (code, err.strip()) == (2, zh)
    # The old program's yimen init does not touch it either.
    code, _, err = yimen(capsys, "init", "--demo", "--db", db_url, "--lang", "en")
    assert (code, err.strip()) == (2, en)
    db = connect(db_url)
    try:
        with db.read() as s:
            assert s.scalar(text("SELECT version_num FROM alembic_version")) == "0099"
    finally:
        db.dispose()


@pytest.mark.gui
def test_a_station_started_on_an_old_database_says_so_and_starts_once_it_is_upgraded(
    tmp_path: Path, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new program reached the counter PC before IT ran ``yimen init``: the console
    says why it waits, and opens by itself once the database is upgraded."""
    monkeypatch.setenv("YIMEN_NOW", FIXTURE_NOW.isoformat())
    set_language("zh")
    url = sqlite_url(_unzipped(9, tmp_path))
    said: list[str] = []
    opened: list[bool] = []
    deadline = time.monotonic() + 60

    def step() -> None:
        if time.monotonic() > deadline:
            QApplication.exit(1)
            return
        for w in QApplication.topLevelWidgets():
            if isinstance(w, ConnectingWindow) and w.isVisible() and w.detail.text() and not said:
                said.append(w.detail.text())
                upgrading = threading.Thread(target=_upgrade, args=(url,))  # IT, elsewhere
                upgrading.start()
                upgrading.join(60)
            if isinstance(w, CounterWindow) and w.isVisible():
                opened.append(True)
                QApplication.exit(0)
                return
        QTimer.singleShot(50, step)

    QTimer.singleShot(0, step)
    code = main(["counter", "--window", "3", "--db", url, "--silent"])
    assert code == 0 and opened
    assert said and said[0].startswith(
        render("db.too_old", "zh", revision="0009", ours=head_revision())
    )


def _upgrade(url: str) -> None:
    db = connect(url)
    try:
        upgrade(db)
    finally:
        db.dispose()


# -- an upgrade cut off half-way ----------------------------------------------------------------

#: Runs the upgrade in a process of its own that dies (SIGKILL, as in a power cut) when
#: the migrations reach the first statement naming the events' kinds (migration 0003, after
#: 0002 added the halls' voice column).
CUT_OFF = """
import os, signal, sys
from sqlalchemy import event
from shared.store.db import connect
from shared.store.schema import upgrade

db = connect(sys.argv[1])

@event.listens_for(db.engine, "before_cursor_execute")
def cut(conn, cursor, statement, parameters, context, executemany):
    if "ck_events_kind" in statement:
        os.kill(os.getpid(), signal.SIGKILL)

upgrade(db)
"""


@pytest.fixture(params=KINDS)
def schema_0001(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OldDatabase]:
    yield from _old_database(1, str(request.param), request, tmp_path)


def test_an_upgrade_cut_off_half_way_leaves_the_old_database_as_it_was(
    schema_0001: OldDatabase,
) -> None:
    url = schema_0001.url
    run = subprocess.run(
        [sys.executable, "-c", CUT_OFF, url],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == -9, run.stderr
    db = connect(url)
    try:
        assert current_revision(db) == "0001"
        with db.read() as s:
            seen = inspect(s.connection())
            assert "voice" not in {c["name"] for c in seen.get_columns("halls")}  # 0002 undone
            assert not [t for t in seen.get_table_names() if t.startswith("_alembic_tmp")]
        upgrade(db)
        assert current_revision(db) == head_revision()
    finally:
        db.dispose()
    with Hall.connect(url, clock=FixedClock(FIXTURE_NOW)) as hall:
        _old_tickets_are_there(hall, schema_0001.old)
