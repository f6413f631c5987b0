"""The yimen command as hall IT uses it, on both databases: set up, take a ticket,
call, finish, look; and one clear sentence, never a traceback, when something is wrong."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy.engine import make_url

from shared.cli import main

from .conftest import _pg_execute
from .pgserver import PASSWORD_ROLE

TUESDAY = "2026-11-24T09:30:00+08:00"


@pytest.fixture(autouse=True)
def _tuesday_morning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YIMEN_NOW", TUESDAY)
    monkeypatch.delenv("YIMEN_DB", raising=False)


def yimen(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_demo_then_tickets_are_numbered_a001_a002(
    empty_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = yimen(capsys, "init", "--demo", "--db", empty_db_url)
    assert code == 0 and "QC" in out and "16 个事项" in out
    code, out, _ = yimen(capsys, "ticket", "qy-sl", "--db", empty_db_url)
    assert code == 0 and out.splitlines()[0] == "A001"
    assert "企业设立登记" in out and "前面还有 0 人" in out
    code, out, _ = yimen(capsys, "ticket", "qy-sl", "--db", empty_db_url, "--json")
    ticket = json.loads(out)
    assert ticket["number"] == "A002" and ticket["ahead"] == 1 and ticket["state"] == "waiting"


def test_init_again_updates_the_hall_and_keeps_its_tickets(
    empty_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    yimen(capsys, "init", "--demo", "--db", empty_db_url)
    yimen(capsys, "ticket", "qy-sl", "--db", empty_db_url)
    code, out, _ = yimen(capsys, "init", "--demo", "--db", empty_db_url)
    assert code == 0 and "已更新" in out
    code, out, _ = yimen(capsys, "ticket", "qy-sl", "--db", empty_db_url)
    assert out.splitlines()[0] == "A002"


def test_call_and_finish_at_a_window(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    yimen(capsys, "ticket", "gt-zc", "--db", db_url)
    code, out, _ = yimen(capsys, "call", "3", "--clerk", "1003", "--db", db_url)
    assert code == 0 and out.strip() == "请B001号到3号窗口办理（个体工商户注册登记）"
    code, out, _ = yimen(capsys, "finish", "3", "--clerk", "1003", "--db", db_url, "--json")
    assert code == 0 and json.loads(out)["state"] == "done"
    code, out, _ = yimen(capsys, "call", "3", "--clerk", "1003", "--db", db_url, "--lang", "en")
    assert code == 0 and "nobody waiting" in out


def test_status_lists_services_with_prefix_and_waiting_and_windows_with_clerks(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    yimen(capsys, "ticket", "gt-zc", "--db", db_url)
    yimen(capsys, "ticket", "gt-zc", "--db", db_url)
    yimen(capsys, "call", "3", "--clerk", "1003", "--db", db_url)
    code, out, _ = yimen(capsys, "status", "--db", db_url, "--json")
    assert code == 0
    status = json.loads(out)
    services = {sv["code"]: sv for sv in status["services"]}
    assert services["gt-zc"]["prefix"] == "B" and services["gt-zc"]["waiting"] == 1
    windows = {w["number"]: w for w in status["windows"]}
    assert windows[3]["services"] == ["gt-zc", "sp-jy"]
    assert windows[3]["clerk_code"] == "1003" and windows[3]["ticket"] == "B001"
    _, out, _ = yimen(capsys, "status", "--db", db_url)
    assert "gt-zc" in out and "张敏" in out and "商事经营全部事项" in out


def test_an_unknown_service_or_window_is_one_sentence_in_the_chosen_language(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = yimen(capsys, "ticket", "nope", "--db", db_url)
    assert code == 2 and out == "" and err.strip() == "没有编号为 nope 的办理事项。"
    code, _, err = yimen(capsys, "call", "99", "--clerk", "1001", "--db", db_url, "--lang", "en")
    assert code == 2 and err.strip() == "There is no window 99."


@pytest.mark.parametrize(
    ("url", "zh", "en"),
    [
        ("mysql://x@y/z", "无法识别", "is not understood"),
        ("postgresql://nobody@127.0.0.1:1/hall", "无法连接数据库服务器", "Cannot reach"),
    ],
)
def test_a_bad_or_unreachable_database_is_one_sentence(
    url: str, zh: str, en: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = yimen(capsys, "status", "--db", url)
    assert code == 2 and zh in err and "Traceback" not in err and len(err.splitlines()) == 1
    code, _, err = yimen(capsys, "status", "--db", url, "--lang", "en")
    assert code == 2 and en in err


def test_a_wrong_password_is_told_as_such(
    pg_admin_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _pg_execute(pg_admin_url, f"DROP ROLE IF EXISTS {PASSWORD_ROLE}")
    _pg_execute(pg_admin_url, f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD 'right'")
    url = make_url(pg_admin_url).set(username=PASSWORD_ROLE, password="wrong")
    code, _, err = yimen(capsys, "status", "--db", url.render_as_string(hide_password=False))
    assert code == 2 and "用户名或密码不正确" in err


def test_a_database_not_set_up_says_to_run_init(
    empty_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = yimen(capsys, "ticket", "qy-sl", "--db", empty_db_url)
    assert code == 2 and "yimen init" in err


def test_a_config_error_names_the_file_and_key(
    tmp_path: pytest.TempPathFactory, empty_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from shared.config import DEMO_HALL_PATH

    broken = tmp_path / "hall.toml"  # type: ignore[operator]
    broken.write_text(
        DEMO_HALL_PATH.read_text(encoding="utf-8").replace('prefix = "B"', 'prefix = "BB"', 1),
        encoding="utf-8",
    )
    code, _, err = yimen(capsys, "init", "--config", str(broken), "--db", empty_db_url)
    assert code == 2 and "hall.toml" in err and "prefix" in err


def test_the_installed_command_runs_and_prints_no_traceback(tmp_path: object) -> None:
    url = f"sqlite:///{tmp_path}/h.db"
    env = {"YIMEN_NOW": TUESDAY, "PATH": "/usr/bin:/bin"}
    ok = subprocess.run(
        [sys.executable, "-m", "shared.cli", "init", "--demo", "--db", url],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "shared.cli", "ticket", "nope", "--db", url, "--lang", "en"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert bad.returncode == 2
    assert bad.stderr.strip() == "There is no service with code nope."
