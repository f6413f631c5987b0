"""The yimen command as hall IT uses it, on both databases: set up, take a ticket,
call, finish, look; and one clear sentence, never a traceback, when something is wrong."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import datetime

import pytest
from sqlalchemy.engine import make_url

from shared.base.clock import FixedClock
from shared.cli import main
from shared.hall import Hall

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


def test_a_clerk_signs_in_before_calling_and_out_after(
    unstaffed_db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = unstaffed_db_url
    yimen(capsys, "ticket", "gt-zc", "--db", db)
    code, _, err = yimen(capsys, "call", "3", "--clerk", "1003", "--db", db)
    assert code == 2 and err.strip() == "工号 1003 今天没有在 3 号窗口登录，请先登录。"
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    code, _, err = yimen(capsys, "sign-in", "3", "--clerk", "1003", "--db", db)
    assert code == 2 and "密码不正确" in err and "4" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("demo1234\n"))  # a script pipes it in
    code, out, _ = yimen(capsys, "sign-in", "3", "--clerk", "1003", "--db", db)
    assert code == 0 and out.strip() == "张敏（工号 1003）已在 3 号窗口登录（A岗）。"
    code, out, _ = yimen(capsys, "call", "3", "--clerk", "1003", "--db", db)
    assert code == 0 and "B001" in out
    code, _, err = yimen(capsys, "sign-out", "3", "--clerk", "1003", "--db", db)
    assert code == 2 and "B001" in err  # the citizen at the window comes first
    yimen(capsys, "finish", "3", "--clerk", "1003", "--db", db)
    code, out, _ = yimen(capsys, "sign-out", "3", "--clerk", "1003", "--db", db, "--lang", "en")
    assert code == 0 and out.strip() == "Clerk 1003 signed out of window 3."


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
    from shared.config.hall_file import DEMO_HALL_PATH

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


def test_the_global_options_may_stand_before_or_after_the_sub_command(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = yimen(capsys, "--db", db_url, "--lang", "en", "--json", "status")
    after = yimen(capsys, "status", "--db", db_url, "--lang", "en", "--json")
    assert before[0] == after[0] == 0
    assert json.loads(before[1]) == json.loads(after[1])
    code, out, _ = yimen(capsys, "--lang", "en", "status", "--db", db_url)
    assert code == 0 and "Services:" in out


def test_appointments_are_imported_from_a_csv_with_a_report_of_the_rows_refused(
    db_url: str, tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from pathlib import Path

    csv = Path(str(tmp_path)) / "预约.csv"
    csv.write_text(
        "\ufeffservice,day,slot,name,id_number\n"
        "gt-zc,2026-11-25,10:00-10:30,李明,11010519491231002X\n"
        "nope,2026-11-25,10:00-10:30,王五,110101199003074477\n"
        "gt-zc,2026-11-25,20:00-20:30,赵六,110101199003072914\n"
        "sw-xb,2026-11-25,14:00-14:30,李明,11010519491231002X\n"
        "gt-zc,2026-11-25,11:00-11:30,陈静,11010119900307061X\n",
        encoding="utf-8",
    )
    code, out, _ = yimen(capsys, "appointment", "import", str(csv), "--db", db_url)
    assert code == 2
    assert "共 5 行：预约成功 2 行，未能预约 3 行。" in out
    assert "第 3 行：没有编号为 nope 的办理事项。" in out
    assert "第 4 行：预约时段不在" in out and "第 5 行：同一证件当天只能预约一次" in out
    code, out, _ = yimen(capsys, "appointment", "import", str(csv), "--db", db_url, "--json")
    report = json.loads(out)
    assert report["booked"] == [] and len(report["refused"]) == 5  # all booked already


def test_an_appointment_added_by_hand_is_checked_in_with_its_code(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = yimen(
        capsys, "appointment", "add", "gt-zc", "--day", "2026-11-24", "--slot", "10:00-10:30",
        "--name", "李明", "--id-number", "11010519491231002X", "--db", db_url, "--json",
    )  # fmt: skip
    assert code == 0
    booked = json.loads(out)
    code, out, err = yimen(
        capsys, "appointment", "add", "gt-zc", "--day", "24/11", "--slot", "10-11", "--db", db_url,
        "--name", "x", "--id-number", "11010519491231002X",
    )  # fmt: skip
    assert code == 2 and "2026-11-25" in err
    assert len(booked["code"]) == 8


def test_help_requests_lists_the_open_ones(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = yimen(capsys, "help-requests", "--db", db_url)
    assert code == 0 and "目前没有待处理的求助" in out
    with Hall.connect(db_url, FixedClock(datetime.fromisoformat(TUESDAY))) as hall:
        hall.request_help("K2")
    code, out, _ = yimen(capsys, "help-requests", "--db", db_url)
    assert "取号机 K2 求助" in out


@pytest.mark.gui
def test_an_apps_own_options_reach_it_and_an_unknown_window_is_one_sentence(
    capsys: pytest.CaptureFixture[str], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    code, _, err = yimen(capsys, "counter", "--window", "99", "--db", db_url)
    assert code == 2 and err.strip() == "没有 99 号窗口。"
    with pytest.raises(SystemExit) as exit_:
        yimen(capsys, "status", "--window", "3", "--db", db_url)  # status takes no --window
    assert exit_.value.code == 2
    assert "unrecognized arguments: --window 3" in capsys.readouterr().err
