"""The throwaway PostgreSQL server the other tests run against (tests/pgserver.py)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError

from tests import pgserver
from tests.pgserver import PgServerError, ThrowawayPostgres


def _engine(url: str) -> sa.Engine:
    return sa.create_engine(url, connect_args={"connect_timeout": 5})


def _tickets(url: str) -> list[str]:
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.scalars(sa.text("SELECT number FROM ticket ORDER BY number")))
    finally:
        engine.dispose()


def test_start_stop_restart_keeps_data(tmp_path: Path) -> None:
    with ThrowawayPostgres(tmp_path) as pg:
        assert pg.running
        port = pg.port
        assert pg.url("yimen_test") == f"postgresql+psycopg://postgres@127.0.0.1:{port}/yimen_test"

        pg.admin_execute("CREATE DATABASE yimen_test")
        engine = _engine(pg.url("yimen_test"))
        with engine.begin() as conn:
            assert conn.scalar(sa.text("SELECT 1")) == 1
            assert conn.scalar(sa.text("SHOW server_encoding")) == "UTF8"
            conn.execute(sa.text("CREATE TABLE ticket (number text PRIMARY KEY)"))
            conn.execute(sa.text("INSERT INTO ticket VALUES ('A001'), ('B002'), ('办证003')"))
        engine.dispose()

        pg.stop()
        assert not pg.running
        engine = _engine(pg.url("yimen_test"))
        with pytest.raises(OperationalError), engine.connect():
            pass
        engine.dispose()

        pg.start()  # the same data dir, on the same port
        assert pg.running
        assert pg.port == port
        assert _tickets(pg.url("yimen_test")) == ["A001", "B002", "办证003"]


def test_crash_then_restart_recovers_and_close_removes_everything(tmp_path: Path) -> None:
    pg = ThrowawayPostgres(tmp_path)
    try:
        pg.start()
        assert (tmp_path / "pg" / "data" / "PG_VERSION").exists()
        pg.admin_execute("CREATE DATABASE crash")
        engine = _engine(pg.url("crash"))
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE ticket (number text PRIMARY KEY)"))
            conn.execute(sa.text("INSERT INTO ticket VALUES ('C007')"))
        engine.dispose()

        pg.stop("immediate")  # no shutdown checkpoint: the next start replays the WAL
        assert not pg.running
        pg.restart()
        assert pg.running
        assert _tickets(pg.url("crash")) == ["C007"]
        assert "database system was interrupted" in pg.log_path.read_text(encoding="utf-8")
    finally:
        pg.close()
    assert not pg.running
    assert not (tmp_path / "pg").exists()
    assert not (tmp_path / "pg").is_symlink()
    pg.close()  # a second close is harmless


def test_missing_binaries_say_how_to_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pgserver, "_BINDIR_GLOB", str(tmp_path / "none" / "*" / "initdb"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(PgServerError, match="install the Debian package postgresql"):
        ThrowawayPostgres(tmp_path).start()


_RUN_THEN_WAIT = """
import sys, time
from pathlib import Path
from tests.pgserver import ThrowawayPostgres
pg = ThrowawayPostgres(Path(sys.argv[1]))
pg.start()
print(pg.port, pg.dir, flush=True)
time.sleep(600)
"""


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def test_a_run_killed_outright_leaves_no_server_behind(tmp_path: Path) -> None:
    run = subprocess.Popen(
        [sys.executable, "-c", _RUN_THEN_WAIT, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    try:
        assert run.stdout is not None
        port_text, where = run.stdout.readline().split(maxsplit=1)
        port, data = int(port_text), Path(where.strip())
        assert _accepts(port) and data.exists()
    finally:
        run.kill()  # SIGKILL: no atexit, no finally, no close()
        run.wait()
    deadline = time.monotonic() + 60
    while (_accepts(port) or data.exists()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _accepts(port), "the server outlived the run that started it"
    assert not data.exists() and not (tmp_path / "pg").exists()
