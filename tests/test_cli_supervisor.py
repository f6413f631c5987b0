"""The supervisor's part of the yimen command, on both databases: the hall's configuration
exported and loaded back unchanged, every everyday setting changed by a supervisor and
refused to a clerk, what changed on the record with who, and the alarms listed and
acknowledged."""

from __future__ import annotations

import io
import json
import sys
import tomllib
import types
from pathlib import Path
from typing import Any

import pytest

from shared.cli import main
from shared.cli.supervisor import setting_value

TUESDAY = "2026-11-24T09:30:00+08:00"
SUPERVISOR, SUPERVISOR_NAME = "1015", "胡振华"
PASSWORD = "demo1234"
DEMO_NOTICE = "请留意叫号，听到您的号码后到相应窗口办理；过号需重新取号。如需帮助，请到导服台咨询。"


@pytest.fixture(autouse=True)
def _tuesday_morning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YIMEN_NOW", TUESDAY)
    monkeypatch.delenv("YIMEN_DB", raising=False)


class Yimen:
    """The command as a script runs it: the database named, passwords piped in."""

    def __init__(
        self, db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        self.db, self.capsys, self.monkeypatch = db, capsys, monkeypatch

    def __call__(self, *argv: str, stdin: str = "", at: str | None = None) -> tuple[int, str, str]:
        self.monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        if at is not None:
            self.monkeypatch.setenv("YIMEN_NOW", at)
        code = main([*argv, "--db", self.db])
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *argv: str, **kw: Any) -> Any:
        code, out, err = self(*argv, "--json", **kw)
        assert code == 0, err
        return json.loads(out)

    def log(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.json("settings", "log")
        return found


@pytest.fixture
def yimen(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Yimen:
    """On the demo hall at 9:30 with every window's A post signed in."""
    return Yimen(db_url, capsys, monkeypatch)


@pytest.fixture
def before_opening(
    unstaffed_db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Yimen:
    """On the demo hall before anyone has signed in at a window."""
    return Yimen(unstaffed_db_url, capsys, monkeypatch)


# -- the configuration exported and loaded back ----------------------------------------------


def test_init_of_the_exported_configuration_changes_nothing(yimen: Yimen, tmp_path: Path) -> None:
    code, printed, _ = yimen("config", "export")
    assert code == 0 and printed.startswith("# 一门 · 服务中心配置") and 'code = "QC"' in printed
    file = tmp_path / "qc.toml"
    code, out, _ = yimen("config", "export", "-o", str(file))
    assert code == 0 and out.strip() == (
        f"服务中心配置已写入 {file}（不含密码；用 yimen init --config {file} 载入）。"
    )
    exported = file.read_bytes()
    assert exported == printed.encode("utf-8")

    summary = yimen.json("init", "--config", str(file))
    assert summary["created"] is False and summary["changes"] == 0
    code, out, _ = yimen("init", "--config", str(file))
    assert code == 0 and out.strip() == (
        "已更新服务中心 QC：3 个功能区，16 个事项，12 个窗口，16 名工作人员，12 个AB岗。"
    )
    _, again, _ = yimen("config", "export")
    assert again.encode("utf-8") == exported
    assert yimen.log() == []


def test_init_of_an_edited_file_says_how_many_settings_changed_and_records_them(
    yimen: Yimen, tmp_path: Path
) -> None:
    file = tmp_path / "qc.toml"
    yimen("config", "export", "-o", str(file))
    text = file.read_text(encoding="utf-8")
    edited = text.replace('code = "1014"\nname = "朱红梅"', 'code = "1014"\nname = "朱红"')
    edited = edited.replace(
        '[[windows]]\nnumber = 3\nname = "', '[[windows]]\nnumber = 3\nname = "新'
    )
    assert edited.count("朱红梅") == 0 and "新个体工商户" in edited
    file.write_text(edited, encoding="utf-8")

    code, out, _ = yimen("init", "--config", str(file))
    assert code == 0
    assert (
        out.splitlines()[-1] == "与载入前相比改动了 2 项设置，已记录（yimen settings log 可查看）。"
    )
    code, out, _ = yimen("init", "--config", str(file), "--lang", "en")
    assert code == 0 and "changed" not in out  # loaded again: nothing new
    [change] = yimen.log()
    assert change["by"] is None and change["what"] == "init"
    assert {(d["path"], d["old"], d["new"]) for d in change["changes"]} == {
        ("clerks.1014.name", "朱红梅", "朱红"),
        ("windows.3.name", "个体工商户及食品经营许可窗口", "新个体工商户及食品经营许可窗口"),
    }
    _, out, _ = yimen("settings", "log")
    assert "（配置文件）  载入配置文件" in out and "朱红（1014） · 姓名：朱红梅 → 朱红" in out


def test_an_export_to_a_file_that_cannot_be_written_is_one_sentence(
    yimen: Yimen, tmp_path: Path
) -> None:
    target = tmp_path / "no-such-folder" / "qc.toml"
    code, out, err = yimen("config", "export", "-o", str(target))
    assert code == 2 and out == ""
    assert err.startswith(f"无法写入文件 {target}")


# -- every settings command: refused to a clerk, done by a supervisor ------------------------

#: Each command, the line of standard input after the password, and the change it records
#: (the path, and the old and new values; a list's item added or removed: "+x" / "-x").
COMMANDS = [
    (["cap", "qy-sl", "80"], "", "services.qy-sl.daily_cap", 60, 80),
    (["cap", "qy-sl", "none"], "", "services.qy-sl.daily_cap", 60, None),
    (
        ["slots", "qy-sl", "09:00-11:30=40", "13:30-16:30=30"],
        "",
        "services.qy-sl.slot_caps",
        [],
        [40, 30],
    ),
    (["window-services", "3", "gt-zc"], "", "windows.3.services", ["gt-zc", "sp-jy"], ["gt-zc"]),
    (["notice", "今天下午系统升级"], "", "display.notice", DEMO_NOTICE, "今天下午系统升级"),
    (["holiday", "add", "2026-12-01"], "", "calendar.holidays", "+", "2026-12-01"),
    (["swap", "remove", "2026-10-10"], "", "calendar.workday_swaps", "-", "2026-10-10"),
    (["post", "3", "1003", "1014"], "", "posts.3.b", "1013", "1014"),
    (["post", "3", "--remove"], "", "posts.3", "", None),
    (["clerk", "add", "2001", "王五"], "start123", "clerks.2001", None, ""),
    (["clerk", "disable", "1016"], "", "clerks.1016", "", None),
    (["clerk", "role", "1014", "supervisor"], "", "clerks.1014.role", "clerk", "supervisor"),
    (["clerk", "rename", "1014", "朱红"], "", "clerks.1014.name", "朱红梅", "朱红"),
    (["clerk", "password", "1003"], "newpass9", "clerks.1003.password", "******", "******"),
    (["set", "alarms.wait_minutes", "45"], "", "alarms.wait_minutes", 30, 45),
]


#: How the command says each recorded key: in words, with the entry's name and code.
SHOWN = {
    "services.qy-sl.daily_cap": "企业设立登记（qy-sl） · 每日放号上限",
    "services.qy-sl.slot_caps": "企业设立登记（qy-sl） · 各时段放号数",
    "windows.3.services": "3号窗口 · 办理事项",
    "display.notice": "大厅屏通知",
    "calendar.holidays": "休息日",
    "calendar.workday_swaps": "调休上班日",
    "posts.3.b": "3号窗口 · B岗",
    "posts.3": "3号窗口的 AB 岗",
    "clerks.2001": "工作人员 王五（2001）",
    "clerks.1016": "工作人员 郭秀兰（1016）",
    "clerks.1014.role": "朱红梅（1014） · 角色",
    "clerks.1014.name": "朱红（1014） · 姓名",
    "clerks.1003.password": "张敏（1003） · 密码",
    "alarms.wait_minutes": "等候告警（分钟）",
}


def _recorded(change: dict[str, Any], path: str, old: Any, new: Any) -> bool:
    for d in change["changes"]:
        if d["path"] != path:
            continue
        if old in ("+", "-"):
            before, after = set(d["old"]), set(d["new"])
            return after - before == {new} if old == "+" else before - after == {new}
        return bool(d["old"] == old and d["new"] == new)
    return False


@pytest.mark.parametrize(
    ("argv", "more", "path", "old", "new"),
    COMMANDS,
    ids=["-".join(a for a in row[0] if a.isascii()) for row in COMMANDS],
)
def test_a_settings_command_is_refused_to_a_clerk_and_done_by_a_supervisor(
    yimen: Yimen, argv: list[str], more: str, path: str, old: Any, new: Any
) -> None:
    stdin = f"{PASSWORD}\n{more}\n"
    code, out, err = yimen("settings", *argv, "--as", "1001", stdin=stdin)
    assert (code, out) == (2, "") and err.strip() == "1001 不是管理人员，不能进行此项操作。"
    code, _, err = yimen("settings", *argv, "--as", "1001", "--lang", "en", stdin=stdin)
    assert code == 2 and "is not a supervisor" in err
    assert yimen.log() == []

    code, out, err = yimen("settings", *argv, "--as", SUPERVISOR, stdin=stdin)
    assert code == 0, err
    assert out.splitlines()[0].endswith(f"（{SUPERVISOR_NAME}，工号 {SUPERVISOR}）")
    assert f"  {SHOWN[path]}：" in out
    [change] = yimen.log()
    assert change["by"] == SUPERVISOR and change["by_name"] == SUPERVISOR_NAME
    assert _recorded(change, path, old, new), change["changes"]
    _, out, _ = yimen("settings", "log")
    assert out.startswith(f"2026-11-24 09:30  {SUPERVISOR_NAME}（{SUPERVISOR}）")


def test_what_changed_is_said_old_to_new_and_a_change_to_the_same_value_is_not_recorded(
    yimen: Yimen,
) -> None:
    code, out, _ = yimen("settings", "cap", "qy-sl", "80", "--as", SUPERVISOR, stdin=PASSWORD)
    assert code == 0 and out.splitlines() == [
        f"已保存：每日放号上限（{SUPERVISOR_NAME}，工号 {SUPERVISOR}）",
        "  企业设立登记（qy-sl） · 每日放号上限：60 → 80",
    ]
    code, out, _ = yimen(
        "settings", "cap", "qy-sl", "80", "--as", SUPERVISOR, "--lang", "en", stdin=PASSWORD
    )
    assert code == 0 and out.strip() == "Nothing changed (Daily cap)."
    code, out, _ = yimen(
        "settings", "holiday", "add", "2026-12-01", "--as", SUPERVISOR, "--lang", "en",
        stdin=PASSWORD,
    )  # fmt: skip
    assert code == 0 and out.splitlines()[1] == "  holidays: added 2026-12-01"
    assert len(yimen.log()) == 2


def _daily_cap(yimen: Yimen, service: str) -> int | None:
    _, exported, _ = yimen("config", "export")
    [entry] = [sv for sv in tomllib.loads(exported)["services"] if sv["code"] == service]
    cap: int | None = entry.get("daily_cap")
    return cap


def test_a_wrong_password_is_refused_and_changes_nothing(yimen: Yimen) -> None:
    code, out, err = yimen("settings", "cap", "qy-sl", "80", "--as", SUPERVISOR, stdin="wrong\n")
    assert code == 2 and out == "" and "密码不正确" in err
    assert yimen.log() == []
    assert _daily_cap(yimen, "qy-sl") == 60


def test_a_new_clerk_signs_in_with_the_initial_password_given_on_the_second_line(
    before_opening: Yimen,
) -> None:
    yimen = before_opening
    code, out, _ = yimen(
        "settings", "clerk", "add", "2001", "王五", "--as", SUPERVISOR,
        stdin=f"{PASSWORD}\nstart123\n",
    )  # fmt: skip
    assert code == 0 and "工作人员 王五（2001）：新增" in out
    code, _, err = yimen("sign-in", "4", "--clerk", "2001", stdin="demo1234\n")
    assert code == 2 and "密码不正确" in err
    code, out, _ = yimen("sign-in", "4", "--clerk", "2001", stdin="start123\n")
    assert code == 0 and out.strip().startswith("王五（工号 2001）已在 4 号窗口登录")


def test_a_disabled_clerk_is_enabled_again_and_a_new_password_is_theirs(
    before_opening: Yimen,
) -> None:
    yimen = before_opening
    yimen("settings", "clerk", "disable", "1016", "--as", SUPERVISOR, stdin=PASSWORD)
    assert yimen("sign-in", "4", "--clerk", "1016", stdin=PASSWORD)[0] == 2
    code, out, _ = yimen("settings", "clerk", "enable", "1016", "--as", SUPERVISOR, stdin=PASSWORD)
    assert code == 0 and "工作人员 郭秀兰（1016）：新增" in out
    code, out, _ = yimen(
        "settings", "clerk", "password", "1016", "--as", SUPERVISOR,
        stdin=f"{PASSWORD}\nfresh-pass\n",
    )  # fmt: skip
    assert code == 0 and "newpass" not in out and "fresh-pass" not in out
    assert yimen("sign-in", "4", "--clerk", "1016", stdin=PASSWORD)[0] == 2
    assert yimen("sign-in", "4", "--clerk", "1016", stdin="fresh-pass\n")[0] == 0
    assert [c["what"] for c in yimen.log()] == ["password_reset", "clerk_enable", "clerk_disable"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_at_a_terminal_the_new_password_is_typed_twice_unseen(
    before_opening: Yimen, monkeypatch: pytest.MonkeyPatch
) -> None:
    yimen = before_opening
    prompts: list[str] = []

    def typed(*answers: str) -> None:
        given = iter(answers)

        def getpass(prompt: str) -> str:
            prompts.append(prompt)
            return next(given)

        monkeypatch.setattr("getpass.getpass", getpass)

    def reset() -> tuple[int, str, str]:
        argv = ["settings", "clerk", "password", "1003", "--as", SUPERVISOR, "--db", yimen.db]
        monkeypatch.setattr("sys.stdin", _Terminal())
        code = main(argv)
        out, err = yimen.capsys.readouterr()
        return code, out, err

    typed(PASSWORD, "first-try", "second-try")
    code, out, err = reset()
    assert code == 2 and out == "" and err.strip() == "两次输入的新密码不一致，未保存。"
    assert prompts == ["密码：", "工号 1003 的新密码：", "再输入一次新密码："]
    assert yimen.log() == []
    typed(PASSWORD, "same-pass", "same-pass")
    assert reset()[0] == 0
    assert yimen("sign-in", "3", "--clerk", "1003", stdin="same-pass\n")[0] == 0


def test_settings_set_takes_toml_values_and_none_for_the_default(yimen: Yimen) -> None:
    def set_(path: str, value: str) -> tuple[int, str, str]:
        return yimen("settings", "set", path, value, "--as", SUPERVISOR, stdin=PASSWORD)

    assert set_("alarms.wait_minutes", "45")[0] == 0
    assert set_("alarms.sound", "false")[0] == 0
    assert set_("services.qy-sl.time_slots", '[["09:00", "11:30"], ["13:30", "16:30"]]')[0] == 0
    assert set_("display.notice", "午间照常办理")[0] == 0
    code, out, _ = set_("alarms.wait_minutes", "none")
    assert code == 0 and out.splitlines()[1] == "  等候告警（分钟）：45 → 30"
    changes = [c["changes"][0] for c in reversed(yimen.log())]
    assert [(d["path"], d["new"]) for d in changes] == [
        ("alarms.wait_minutes", 45),
        ("alarms.sound", False),
        ("services.qy-sl.time_slots", [["09:00", "11:30"], ["13:30", "16:30"]]),
        ("display.notice", "午间照常办理"),
        ("alarms.wait_minutes", 30),
    ]


def test_a_settings_value_reads_as_toml_where_it_can() -> None:
    assert setting_value("80") == 80
    assert setting_value("true") is True
    assert setting_value('["09:00","11:30"]') == ["09:00", "11:30"]
    assert setting_value("09:00") == "09:00"  # not a TOML value: the text
    assert setting_value("请留意叫号") == "请留意叫号"
    assert setting_value("none") is None and setting_value("None") is None
    assert setting_value("1\nb = 2") == "1\nb = 2"


def test_an_invalid_value_is_refused_with_the_loaders_sentence(yimen: Yimen) -> None:
    code, out, err = yimen("settings", "cap", "qy-sl", "0", "--as", SUPERVISOR, stdin=PASSWORD)
    assert code == 2 and out == ""
    assert err.strip() == "未保存（services.qy-sl.daily_cap）：必须是不小于 1 的整数，现在是 0。"
    code, _, err = yimen(
        "settings", "cap", "qy-sl", "0", "--as", SUPERVISOR, "--lang", "en", stdin=PASSWORD
    )
    assert code == 2
    assert err.strip() == (
        "Not saved (services.qy-sl.daily_cap): must be a whole number of at least 1, got 0."
    )
    code, _, err = yimen(
        "settings", "set", "alarms.wait_minutes", "0", "--as", SUPERVISOR, stdin=PASSWORD
    )
    assert code == 2 and err.startswith("未保存（alarms.wait_minutes）：")
    code, _, err = yimen("settings", "cap", "nope", "10", "--as", SUPERVISOR, stdin=PASSWORD)
    assert code == 2 and err.strip() == "没有编号为 nope 的办理事项。"
    code, _, err = yimen(
        "settings", "set", "nothing.here.at.all", "1", "--as", SUPERVISOR, stdin=PASSWORD
    )
    assert code == 2 and "nothing.here.at.all" in err
    assert yimen.log() == []


def test_what_the_command_cannot_read_is_refused_before_a_password_is_asked(yimen: Yimen) -> None:
    code, _, err = yimen("settings", "cap", "qy-sl", "many", "--as", SUPERVISOR)
    assert code == 2 and err.strip() == "上限应写成整数，或写 none 表示不设上限，而不是 many。"
    code, _, err = yimen("settings", "slots", "qy-sl", "9-11=a", "--as", SUPERVISOR)
    assert code == 2 and "09:00-11:30=40" in err and "9-11=a" in err
    code, _, err = yimen("settings", "post", "3", "1003", "--as", SUPERVISOR, "--lang", "en")
    assert code == 2 and err.strip() == (
        "Give the A and B clerks' codes, or --remove to take the window's AB post away."
    )
    assert yimen.log() == []


# -- the alarms --------------------------------------------------------------------------------

AT_1015 = "2026-11-24T10:15:00+08:00"


def test_alarms_lists_a_long_wait_once_tickets_have_waited_past_the_limit(yimen: Yimen) -> None:
    yimen("ticket", "gt-zc")
    yimen("ticket", "gt-zc")
    code, out, _ = yimen("alarms")
    assert code == 0 and out.strip() == "目前没有告警。"
    code, out, _ = yimen("alarms", at=AT_1015)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "当前告警 1 条："
    assert lines[1].endswith(
        "10:15  等候超时：个体工商户注册登记：2 人等候超过 30 分钟，最长已等 45 分钟"
    )
    [alarm] = yimen.json("alarms", "--lang", "en")
    assert alarm["kind"] == "long_wait" and alarm["kind_words"] == "Long wait"
    assert alarm["subject"] == "gt-zc" and alarm["acknowledged_by"] is None
    assert alarm["sentence"] == "个体工商户注册登记: 2 waiting over 30 min, the longest for 45 min"


def test_an_alarm_acknowledged_names_the_supervisor_and_a_clerk_cannot(yimen: Yimen) -> None:
    yimen("ticket", "gt-zc")
    [alarm] = yimen.json("alarms", at=AT_1015)
    ref = str(alarm["id"])
    code, _, err = yimen("alarms", "--ack", ref)
    assert code == 2 and err.strip() == "确认告警须用 --as 写明管理人员的工号（随后输入密码）。"
    code, _, err = yimen("alarms", "--ack", ref, "--as", "1001", stdin=PASSWORD)
    assert code == 2 and "不是管理人员" in err

    at = "2026-11-24T10:16:00+08:00"
    code, out, _ = yimen("alarms", "--ack", ref, "--as", SUPERVISOR, stdin=PASSWORD, at=at)
    assert code == 0 and out.startswith(
        f"告警 #{ref} 已由{SUPERVISOR_NAME}（工号 {SUPERVISOR}）确认"
    )
    code, _, err = yimen("alarms", "--ack", ref, "--as", "1016", stdin=PASSWORD)
    assert code == 2 and err.strip() == f"这条告警 10:16 已由{SUPERVISOR_NAME}确认。"
    [seen] = yimen.json("alarms")
    assert seen["acknowledged_by"] == SUPERVISOR and seen["acknowledged_by_name"] == SUPERVISOR_NAME
    _, out, _ = yimen("alarms")
    assert out.splitlines()[1].endswith(f" · 已由{SUPERVISOR_NAME}确认（10:16）")


def test_an_alarm_whose_cause_ended_is_listed_with_all_until_the_day_ends(yimen: Yimen) -> None:
    yimen("ticket", "gt-zc")
    yimen("alarms", at=AT_1015)
    yimen("call", "3", "--clerk", "1003", at="2026-11-24T10:16:00+08:00")
    code, out, _ = yimen("alarms", at="2026-11-24T10:17:00+08:00")
    assert code == 0 and out.strip() == "目前没有告警。"
    code, out, _ = yimen("alarms", "--all", "--lang", "en")
    lines = out.splitlines()
    assert lines[0] == "1 alarm today (resolved ones included):"
    assert "10:15  Long wait:" in lines[1] and lines[1].endswith(" · resolved (10:17)")
    yimen("finish", "3", "--clerk", "1003", at="2026-11-24T10:30:00+08:00")
    code, out, _ = yimen("alarms", "--all", at="2026-11-25T08:00:00+08:00")
    assert out.strip() == "今天没有告警。"


# -- the supervisor's station --------------------------------------------------------------------


def test_yimen_supervisor_starts_the_station_with_the_database_and_its_options(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[list[str]] = []
    station = types.ModuleType("counter.supervisor")

    def start(argv: list[str]) -> int:
        started.append(list(argv))
        return 0

    station.main = start  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "counter.supervisor", station)
    assert main(["supervisor", "--size", "1920x1080", "--db", db_url, "--lang", "en"]) == 0
    assert started == [["--size", "1920x1080", "--db", db_url, "--lang", "en"]]
