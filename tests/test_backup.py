"""Backup and restore, as hall IT uses them, on SQLite and on PostgreSQL: a restored
database gives the same day's report and the next ticket continues the backup's numbers;
nothing is replaced without --yes, and a file that is no backup (or a backup from a newer
program) is refused with a sentence and changes nothing; the nightly backup keeps N."""

from __future__ import annotations

import argparse
import io
import json
import os
import sqlite3
import subprocess
import threading
import time as clock_time
from collections.abc import Callable, Iterator
from datetime import datetime, time
from pathlib import Path
from typing import Any

import portalocker
import pytest
from alembic import command
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from shared.base.clock import FixedClock
from shared.base.errors import EnvironmentFault
from shared.cli import main, upkeep
from shared.cli.common import Out
from shared.hall import Hall
from shared.store import archive, nightly, pg_tools
from shared.store import backup as bk
from shared.store.db import connect, sqlite_url
from shared.store.model import Ticket
from shared.store.schema import alembic_config, current_revision, head_revision, upgrade

from .conftest import SHANGHAI, _pg_execute, local
from .pgserver import PASSWORD_ROLE

DAY = "2026-11-24"
NOON = "2026-11-24T12:00:00+08:00"
SQLITE_ONLY = pytest.mark.parametrize("db_kind", ["sqlite"], indirect=True)
POSTGRES_ONLY = pytest.mark.parametrize("db_kind", ["postgresql"], indirect=True)


@pytest.fixture(autouse=True)
def _noon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YIMEN_NOW", NOON)
    monkeypatch.delenv("YIMEN_DB", raising=False)


def yimen(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def report(capsys: pytest.CaptureFixture[str], url: str) -> dict[str, Any]:
    code, out, err = yimen(capsys, "report", "--day", DAY, "--json", "--db", url)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def serve_next(hall: Hall, clock: FixedClock) -> str:
    """Window 1 (clerk 1001) calls, serves for ten minutes and finishes."""
    clock.advance(minutes=2)
    called = hall.call_next(1, "1001")
    assert called is not None
    hall.start(1, "1001")
    clock.advance(minutes=10)
    hall.finish(1, "1001")
    return called.number


def next_number(url: str, clock: FixedClock, service: str = "qy-sl") -> str:
    with Hall.connect(url, clock=clock) as hall:
        return hall.issue_ticket(service).number


def tickets_in(url: str) -> int:
    db = connect(url)
    try:
        with db.read() as s:
            return int(s.scalar(select(func.count()).select_from(Ticket)) or 0)
    finally:
        db.dispose()


def undo_files(folder: Path) -> list[Path]:
    return list(folder.glob("yimen-*-before-restore-*"))


class Terminal(io.StringIO):
    """Standard input at a terminal, where a person types the answer."""

    def isatty(self) -> bool:
        return True


# -- the round trip -----------------------------------------------------------------------------


def test_a_restore_brings_back_the_days_report_and_the_next_number_follows_the_backup(
    hall: Hall, clock: FixedClock, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in range(3):
        hall.issue_ticket("qy-sl")
    assert [serve_next(hall, clock), serve_next(hall, clock)] == ["A001", "A002"]
    before = report(capsys, db_url)
    assert before["hall_figures"]["served"] == 2

    file = tmp_path / "hall.backup"
    code, out, err = yimen(capsys, "backup", str(file), "--db", db_url, "--json")
    assert code == 0, err
    said = json.loads(out)
    assert said["tickets"] == 3 and [h["code"] for h in said["halls"]] == ["QC"]
    assert said["revision"] == head_revision() and said["bytes"] == file.stat().st_size
    assert said["last_event_at"].startswith("2026-11-24T")
    assert file.read_bytes()[:5] in (b"SQLit", b"PGDMP")

    # The morning goes on after the backup: two more tickets, one more served.
    assert hall.issue_ticket("qy-sl").number == "A004"
    hall.issue_ticket("qy-sl")
    serve_next(hall, clock)
    assert report(capsys, db_url)["hall_figures"]["served"] == 3
    hall.close()  # the stations are closed for a restore

    code, out, err = yimen(capsys, "restore", str(file), "--db", db_url, "--yes")
    assert code == 0, err
    assert "已从" in out and "票 3 张" in out and "重新启动" in out
    assert report(capsys, db_url) == before
    assert next_number(db_url, clock) == "A004"

    # The database as it was before the restore was kept, and restoring it undoes it.
    (undo,) = undo_files(tmp_path)  # beside the SQLite file, or beside the backup
    assert f"yimen restore {undo} --yes" in out
    code, _, err = yimen(capsys, "restore", str(undo), "--db", db_url, "--yes")
    assert code == 0, err
    assert report(capsys, db_url)["hall_figures"]["served"] == 3
    assert next_number(db_url, clock) == "A006"


def test_a_restore_over_data_needs_yes_and_without_it_loses_nothing(
    hall: Hall,
    clock: FixedClock,
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hall.issue_ticket("qy-sl")
    file = tmp_path / "morning.backup"
    bk.backup(db_url, file)
    hall.issue_ticket("qy-sl")  # A002: in the database, not in the backup

    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # a script: nobody to ask
    code, out, err = yimen(capsys, "restore", str(file), "--db", db_url)
    assert code == 2 and out == ""
    assert "已经有数据" in err and "票 2 张" in err and "--yes" in err and "没有恢复" in err
    assert undo_files(tmp_path) == []
    assert next_number(db_url, clock) == "A003"

    monkeypatch.setattr("sys.stdin", Terminal("no\n"))  # a person who says no
    code, out, err = yimen(capsys, "restore", str(file), "--db", db_url)
    assert code == 2 and "请输入 yes 确认" in err and "没有恢复，什么都没有改动" in err
    assert next_number(db_url, clock) == "A004"

    monkeypatch.setattr("sys.stdin", Terminal("yes\n"))
    code, out, err = yimen(capsys, "restore", str(file), "--db", db_url, "--lang", "en")
    assert code == 0, err
    assert "Type yes to go on" in err and "Restored" in out
    assert next_number(db_url, clock) == "A002"


# -- files that are no backup ---------------------------------------------------------------------


def test_a_file_that_is_no_backup_or_is_damaged_is_refused_and_changes_nothing(
    hall: Hall, clock: FixedClock, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hall.issue_ticket("qy-sl")
    notes = tmp_path / "notes.txt"
    notes.write_text("这不是备份\n", encoding="utf-8")
    other_app = tmp_path / "other.db"
    with sqlite3.connect(other_app) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
    whole = tmp_path / "whole.backup"
    bk.backup(db_url, whole)
    cut = tmp_path / "cut.backup"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 3])

    for file, sentence in (
        (notes, "不是一门的备份文件"),
        (other_app, "不是一门的备份文件"),
        (cut, "已损坏"),
        (tmp_path / "missing.backup", "找不到备份文件"),
    ):
        code, out, err = yimen(capsys, "restore", str(file), "--db", db_url, "--yes")
        assert code == 2 and out == "", file
        assert sentence in err and str(file) in err and "Traceback" not in err, err
    assert undo_files(tmp_path) == []
    assert next_number(db_url, clock) == "A002"


def test_a_backup_from_a_newer_program_is_refused(
    hall: Hall, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hall.issue_ticket("qy-sl")
    hall.close()
    db = connect(db_url)
    try:
        with db.write() as s:
            s.execute(text("UPDATE alembic_version SET version_num = 'fffffffff'"))
        file = tmp_path / "newer.backup"
        assert bk.backup(db_url, file).contents.revision == "fffffffff"
        with db.write() as s:
            s.execute(text(f"UPDATE alembic_version SET version_num = '{head_revision()}'"))
    finally:
        db.dispose()

    code, _, err = yimen(capsys, "restore", str(file), "--db", db_url, "--yes")
    assert code == 2 and "更新版本的一门" in err and "fffffffff" in err
    assert tickets_in(db_url) == 1 and undo_files(tmp_path) == []
    db = connect(db_url)
    try:
        assert current_revision(db) == head_revision()
    finally:
        db.dispose()


def test_an_older_backup_is_restored_and_brought_up_to_this_programs_schema(
    unstaffed_db_url: str, clock: FixedClock, tmp_path: Path
) -> None:
    url = unstaffed_db_url
    assert next_number(url, clock) == "A001"
    db = connect(url)
    try:
        # The database as a program of three migrations ago left it (before the
        # supervisor's tables: a restore into PostgreSQL must drop them, then make them).
        cfg = alembic_config(db)
        with db.engine.connect() as conn:
            if db.dialect == "sqlite":  # it rebuilds a table to drop a column
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, "0007")
        file = tmp_path / "old.backup"
        assert bk.backup(url, file).contents.revision == "0007"
        upgrade(db)
    finally:
        db.dispose()
    assert next_number(url, clock) == "A002"

    steps: list[str] = []
    result = bk.restore(url, file, replace=True, progress=lambda code, **_: steps.append(code))
    assert result.upgraded_from == "0007" and result.contents.revision == head_revision()
    assert "backup.step.upgrade" in steps and result.undo is not None and result.undo.exists()
    assert next_number(url, clock) == "A002"  # the backup had A001 only


# -- backups -------------------------------------------------------------------------------------


@SQLITE_ONLY
def test_a_backup_never_overwrites_a_file_unasked_nor_the_database_itself(
    hall: Hall, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hall.issue_ticket("qy-sl")
    file = tmp_path / "b.db"
    file.write_text("keep me", encoding="utf-8")
    code, _, err = yimen(capsys, "backup", str(file), "--db", db_url)
    assert code == 2 and "已经存在" in err and "--yes" in err
    assert file.read_text(encoding="utf-8") == "keep me"
    code, _, err = yimen(capsys, "backup", str(file), "--db", db_url, "--yes")
    assert code == 0 and archive.kind_of(file) == "sqlite"

    database = Path(make_url(db_url).database or "")
    code, _, err = yimen(capsys, "backup", str(database), "--db", db_url, "--yes")
    assert code == 2 and "数据库文件本身" in err
    code, _, err = yimen(capsys, "backup", str(tmp_path), "--db", db_url)
    assert code == 2 and f"yimen backup --dir {tmp_path}" in err
    code, _, err = yimen(capsys, "backup", "--db", db_url)
    assert code == 2 and "二者选一" in err
    code, _, err = yimen(capsys, "backup", "--db", sqlite_url(tmp_path / "none.db"), "x.db")
    assert code == 2 and "不存在" in err and not (tmp_path / "none.db").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@SQLITE_ONLY
def test_a_backup_while_the_hall_works_is_the_database_at_one_commit(
    hall: Hall, db_url: str, tmp_path: Path
) -> None:
    """The kiosk goes on issuing while the backup copies; the copy holds whole tickets
    only (each with its issuing event) and its numbers run without a gap."""
    stop = threading.Event()

    def kiosk() -> None:
        with Hall.connect(db_url, clock=FixedClock(local(24, 10))) as other:
            for _ in range(400):
                if stop.is_set():
                    break
                other.issue_ticket("gt-zc")

    worker = threading.Thread(target=kiosk)
    worker.start()
    try:
        deadline = clock_time.monotonic() + 10
        while tickets_in(db_url) < 20:
            assert clock_time.monotonic() < deadline, "the kiosk issued nothing"
        result = bk.backup(db_url, tmp_path / "busy.db")
    finally:
        stop.set()
        worker.join()
    with sqlite3.connect(tmp_path / "busy.db") as conn:
        numbers = [n for (n,) in conn.execute("SELECT number FROM tickets ORDER BY id")]
        issued = conn.execute("SELECT count(*) FROM events WHERE kind = 'issued'").fetchone()
    assert result.contents.tickets == len(numbers) >= 20
    assert numbers == [f"B{i:03d}" for i in range(1, len(numbers) + 1)]
    assert issued == (len(numbers),)


@SQLITE_ONLY
def test_dated_backups_keep_the_newest_n_and_touch_no_other_file(
    hall: Hall, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "nightly"
    folder.mkdir()
    old = [folder / f"yimen-QC-202611{day:02d}-0200.db" for day in range(1, 7)]
    others = [
        folder / "yimen-XY-20261101-0200.db",  # another hall's
        folder / "yimen-QC-before-restore-20261101-020000.db",  # a restore's undo
        folder / "notes.txt",
    ]
    for p in old + others:
        p.write_bytes(b"x")
    cut_off = folder / ".yimen-abc123.part"  # a backup cut off two days ago
    cut_off.write_bytes(b"x")
    two_days_ago = clock_time.time() - 2 * 86400
    os.utime(cut_off, (two_days_ago, two_days_ago))
    others.append(folder / ".yimen-def456.part")  # one being written now
    others[-1].write_bytes(b"x")

    code, out, err = yimen(capsys, "backup", "--dir", str(folder), "--keep", "3", "--db", db_url)
    assert code == 0, err
    made = next(folder.glob("yimen-QC-20261124-*.db"))  # YIMEN_NOW in this PC's zone
    assert archive.kind_of(made) == "sqlite"
    assert sorted(folder.iterdir()) == sorted([made, old[-1], old[-2], *others])
    assert "已删除 4 个较早的备份" in out and "保留最新的 3 个" in out

    code, out, _ = yimen(capsys, "backup", "--dir", str(folder), "--db", db_url, "--json")
    assert code == 0 and json.loads(out)["keep"] == 14 and json.loads(out)["removed"] == []
    code, _, err = yimen(capsys, "backup", "x.db", "--keep", "3", "--db", db_url)
    assert code == 2 and "--keep" in err


# -- the nightly backup ---------------------------------------------------------------------------


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 15) -> None:
    deadline = clock_time.monotonic() + seconds
    while not condition():
        assert clock_time.monotonic() < deadline, what
        clock_time.sleep(0.01)


@pytest.fixture
def nightly_clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 24, 1, 59, 30, tzinfo=SHANGHAI))


@pytest.fixture
def started() -> Iterator[list[nightly.Nightly]]:
    nightlies: list[nightly.Nightly] = []
    yield nightlies
    for n in nightlies:
        n.stop()


def test_the_next_nightly_backup_is_at_its_hour_today_or_else_tomorrow(
    nightly_clock: FixedClock,
) -> None:
    n = nightly.Nightly("sqlite:///x.db", ".", at=time(2, 0), clock=nightly_clock, zone=SHANGHAI)
    assert n.next_run() == datetime(2026, 11, 24, 2, 0, tzinfo=SHANGHAI)
    assert n.next_run(datetime(2026, 11, 24, 2, 0, tzinfo=SHANGHAI)) == datetime(
        2026, 11, 25, 2, 0, tzinfo=SHANGHAI
    )


@SQLITE_ONLY
def test_the_nightly_backup_runs_at_its_hour_keeps_n_and_outlives_a_failure(
    hall: Hall,
    db_url: str,
    tmp_path: Path,
    nightly_clock: FixedClock,
    started: list[nightly.Nightly],
) -> None:
    folder = tmp_path / "nightly"
    results: list[nightly.Rotated | Exception] = []
    n = nightly.Nightly(
        db_url,
        folder,
        at=time(2, 0),
        keep=2,
        catch_up=False,
        on_result=results.append,
        clock=nightly_clock,
        zone=SHANGHAI,
        poll_seconds=0.01,
    )
    n.start()
    started.append(n)
    for day in (24, 25, 26):
        nightly_clock.set(datetime(2026, 11, day, 2, 0, 5, tzinfo=SHANGHAI))
        wait_for(lambda d=day: any(f"202611{d}-0200" in p.name for p in folder.iterdir()), "run")
    wait_for(lambda: len(results) == 3, "three nights")
    assert [p.name for p in nightly.dated_backups(folder)] == [
        "yimen-QC-20261126-0200.db",
        "yimen-QC-20261125-0200.db",
    ]
    n.stop()
    assert not n.running

    # The database is gone one night: said, logged, and the next night it tries again.
    broken = nightly.Nightly(
        sqlite_url(tmp_path / "gone.db"),
        tmp_path / "other",
        on_result=results.append,
        clock=nightly_clock,
        zone=SHANGHAI,
        poll_seconds=0.01,
    )
    broken.start()  # catch-up: nothing in its folder from the last day
    started.append(broken)
    wait_for(lambda: len(results) == 4, "the failed night")
    failure = results[-1]
    assert isinstance(failure, EnvironmentFault) and failure.code == "backup.no_database"
    assert broken.running and isinstance(broken.last, EnvironmentFault)
    nightly_clock.set(datetime(2026, 11, 27, 2, 0, 5, tzinfo=SHANGHAI))
    wait_for(lambda: len(results) == 5, "the next night")
    assert isinstance(results[-1], EnvironmentFault) and broken.running
    broken.stop()
    assert not broken.running


@SQLITE_ONLY
def test_yimen_serve_starts_its_nightly_backup_from_its_options(
    hall: Hall,
    db_url: str,
    tmp_path: Path,
    started: list[nightly.Nightly],
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = argparse.ArgumentParser()
    upkeep.add_nightly_options(parser)
    args = parser.parse_args(["--backup-at", "03:30", "--keep", "5"])
    args.db = db_url
    assert upkeep.start_nightly(args, Out("zh", False)) is None  # no --backup-dir: none

    folder = tmp_path / "nightly"
    args = parser.parse_args(["--backup-dir", str(folder), "--backup-at", "03:30", "--keep", "5"])
    args.db = db_url
    serving = upkeep.start_nightly(args, Out("zh", False))
    assert serving is not None and serving.running and serving.keep == 5
    started.append(serving)
    assert serving.at == time(3, 30)
    # An empty folder gets its backup at once (the PC may be off at 03:30).
    wait_for(lambda: len(nightly.dated_backups(folder)) == 1, "the catch-up backup")
    wait_for(lambda: serving.last is not None, "its report")
    out, _ = capsys.readouterr()
    assert f"每天 03:30 自动备份到 {folder}，保留最新的 5 个" in out
    assert "自动备份完成" in out and "yimen-QC-" in out

    for wrong in (["--backup-at", "25:00"], ["--backup-at", "noon"], ["--keep", "0"]):
        with pytest.raises(SystemExit):
            parser.parse_args(wrong)
    assert "HH:MM" in capsys.readouterr().err


def test_a_nightly_backup_into_a_folder_it_cannot_write_is_refused_at_start(
    tmp_path: Path,
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    n = nightly.Nightly(sqlite_url(tmp_path / "h.db"), blocked / "sub")
    with pytest.raises(EnvironmentFault) as exc:
        n.start()
    assert exc.value.code == "backup.unwritable" and not n.running


# -- SQLite: the writers wait -----------------------------------------------------------------


@SQLITE_ONLY
def test_a_sqlite_restore_holds_the_writers_lock_while_it_replaces_the_database(
    hall: Hall, db_url: str, tmp_path: Path
) -> None:
    file = tmp_path / "b.db"
    bk.backup(db_url, file)
    database = Path(make_url(db_url).database or "")
    held: list[bool] = []

    def step(code: str, /, **_: object) -> None:
        if code == "backup.step.restore":
            with open(bk.writer_lock_path(database), "a", encoding="utf-8") as f:
                try:
                    portalocker.lock(
                        f, portalocker.LockFlags.EXCLUSIVE | portalocker.LockFlags.NON_BLOCKING
                    )
                    portalocker.unlock(f)
                    held.append(False)
                except portalocker.AlreadyLocked:
                    held.append(True)

    bk.restore(db_url, file, replace=True, progress=step)
    assert held == [True]
    assert hall.issue_ticket("qy-sl").number == "A001"  # and writes go on after it


# -- moving between the two databases ------------------------------------------------------------


@SQLITE_ONLY
def test_a_sqlite_hall_moves_onto_postgresql_with_its_numbers_and_reports(
    hall: Hall,
    clock: FixedClock,
    db_url: str,
    pg_admin_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for _ in range(3):
        hall.issue_ticket("qy-sl")
    serve_next(hall, clock)
    before = report(capsys, db_url)
    file = tmp_path / "pc.db"
    bk.backup(db_url, file)

    name = f"yimen_moved_{id(file)}"
    _pg_execute(pg_admin_url, f"CREATE DATABASE {name}")
    pg = make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        code, out, err = yimen(capsys, "restore", str(file), "--db", pg)
        assert code == 0, err  # an empty database: nothing to replace, nothing to ask
        assert "逐表复制到 PostgreSQL" in out and "tickets：3 行" in err
        assert report(capsys, pg) == before
        assert next_number(pg, clock) == "A004"
        assert next_number(pg, clock, "gt-zc") == "B001"  # new rows get new ids
        with Hall.connect(pg, clock=clock) as moved:
            assert serve_next(moved, clock) == "A002"

        dump = tmp_path / "lan.dump"
        bk.backup(pg, dump)
        code, _, err = yimen(capsys, "restore", str(dump), "--db", db_url, "--yes")
        assert code == 2 and "只能恢复到 PostgreSQL 数据库" in err
        assert next_number(db_url, clock) == "A004"
    finally:
        _pg_execute(pg_admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# -- PostgreSQL's programs -----------------------------------------------------------------------


def test_a_pg_dump_older_than_the_server_is_said_with_both_versions() -> None:
    with pytest.raises(EnvironmentFault) as exc:
        pg_tools.find_program("pg_dump", server_major=99)
    said = exc.value.message("zh")
    assert exc.value.code == "backup.pg_too_old"
    assert "比数据库服务器（99 版）旧" in said and "postgresql-client-99" in said
    assert "PostgreSQL 99" in exc.value.message("en")


@POSTGRES_ONLY
def test_the_password_reaches_pg_dump_through_its_environment_never_its_command_line(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pg_execute(db_url, f"DROP ROLE IF EXISTS {PASSWORD_ROLE}")
    _pg_execute(db_url, f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD 's3cret-Pw'")
    _pg_execute(db_url, f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {PASSWORD_ROLE}")
    _pg_execute(db_url, f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {PASSWORD_ROLE}")
    url = make_url(db_url).set(username=PASSWORD_ROLE, password="s3cret-Pw")
    ran: list[tuple[list[str], dict[str, str]]] = []
    real_run = subprocess.run

    def spy(argv: list[str], **kwargs: Any) -> Any:
        ran.append((list(argv), dict(kwargs.get("env") or {})))
        return real_run(argv, **kwargs)

    monkeypatch.setattr(pg_tools.subprocess, "run", spy)
    result = bk.backup(url.render_as_string(hide_password=False), tmp_path / "pw.dump")
    assert result.contents.halls[0].code == "QC"
    dumps = [(argv, env) for argv, env in ran if Path(argv[0]).name == "pg_dump" and len(argv) > 2]
    assert dumps and all("s3cret-Pw" not in " ".join(argv) for argv, _ in ran)
    assert dumps[0][1]["PGPASSWORD"] == "s3cret-Pw"
    assert f"user={PASSWORD_ROLE}" in " ".join(dumps[0][0])

    wrong = url.set(password="wrong").render_as_string(hide_password=False)
    with pytest.raises(EnvironmentFault) as exc:
        bk.backup(wrong, tmp_path / "no.dump")
    assert exc.value.code == "db.auth_failed" and not (tmp_path / "no.dump").exists()
