"""``yimen startup``: the entries that start a station or the phone page with the PC, as
hall IT would check them: the file written (an XDG autostart entry for a station, a
systemd service for the phone page, on Windows a Startup shortcut made by PowerShell),
the command in it, and show and remove. Every folder is a temporary one and no systemctl
or PowerShell runs: the tests record what would have been run. Also ``yimen --version``
and the bundle's entry point (``yimen -m module``)."""

from __future__ import annotations

import base64
import configparser
import importlib.util
import json
import re
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path, PureWindowsPath

import pytest

from shared.cli import install, main
from shared.cli.install import Places

ROOT = Path(__file__).resolve().parent.parent
PG = "postgresql://yimen:secret@hall-server/yimen"


class PC:
    """This PC as the tests make it: its folders in a temporary one, and the commands
    yimen would have run (systemctl, PowerShell), with what they answer."""

    def __init__(self, tmp: Path) -> None:
        self.places = Places(
            autostart=tmp / "home" / ".config" / "autostart",
            system_units=tmp / "etc" / "systemd" / "system",
            user_units=tmp / "home" / ".config" / "systemd" / "user",
            system_config=tmp / "etc" / "yimen",
            startup=tmp / "Startup",
        )
        self.ran: list[list[str]] = []
        self.answer = subprocess.CompletedProcess[str]([], 0, "active\n", "")
        self.missing: set[str] = set()

    def run_tool(self, argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
        if argv[0] in self.missing:
            raise FileNotFoundError(argv[0])
        self.ran.append(list(argv))
        return self.answer


@pytest.fixture
def pc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PC:
    here = PC(tmp_path)
    monkeypatch.setattr(install, "places", lambda: here.places)
    monkeypatch.setattr(install, "platform_name", lambda: "linux")
    monkeypatch.setattr(install, "run_tool", here.run_tool)
    monkeypatch.delenv("SUDO_USER", raising=False)
    monkeypatch.delenv("YIMEN_DB", raising=False)
    return here


def yimen(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def desktop_argv(value: str) -> list[str]:
    """The words of an Exec= value as a desktop session reads them (freedesktop's Desktop
    Entry spec): the file's string escapes first, then double quotes with ``\\"`$\\\\``
    escaped inside, then ``%%`` as ``%``."""
    escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r"}
    text = re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), value)
    words: list[str] = []
    word, quoted, started, i = "", False, False, 0
    while i < len(text):
        ch = text[i]
        if quoted and ch == "\\" and i + 1 < len(text) and text[i + 1] in '"`$\\':
            word += text[i + 1]
            i += 2
            continue
        if ch == '"':
            quoted, started = not quoted, True
        elif ch == " " and not quoted:
            if started or word:
                words.append(word)
            word, started = "", False
        else:
            word += ch
        i += 1
    if started or word:
        words.append(word)
    return [w.replace("%%", "%") for w in words]


def unit_file(path: Path) -> dict[str, str]:
    """``Section.Key`` → value of a systemd unit (each key is given once here)."""
    values: dict[str, str] = {}
    section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[f"{section}.{key}"] = value
    return values


def yimen_program() -> list[str]:
    return install.program("linux", console=True)


# -- the stations: XDG autostart entries ------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "file", "command", "name"),
    [
        (["--role", "kiosk"], "yimen-kiosk.desktop", ["kiosk"], "一门 自助取号机"),
        (
            ["--role", "counter", "--window", "3"],
            "yimen-counter-3.desktop",
            ["counter", "--window", "3"],
            "一门 3号窗口叫号",
        ),
        (["--role", "display"], "yimen-display.desktop", ["display"], "一门 大厅综合屏"),
        (
            ["--role", "display", "--window", "5"],
            "yimen-display-5.desktop",
            ["display", "--window", "5"],
            "一门 5号窗口屏",
        ),
        (
            ["--role", "evaluator", "--window", "12"],
            "yimen-evaluator-12.desktop",
            ["evaluator", "--window", "12"],
            "一门 12号窗口评价器",
        ),
        (
            ["--role", "supervisor"],
            "yimen-supervisor.desktop",
            ["supervisor"],
            "一门 管理人员工作台",
        ),
    ],
)
def test_a_station_starts_at_login_from_an_autostart_entry_with_its_window_and_database(
    pc: PC,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    file: str,
    command: list[str],
    name: str,
) -> None:
    code, out, _ = yimen(capsys, "startup", "install", *options, "--db", PG)
    assert code == 0
    path = Path(pc.places.autostart) / file
    entry = desktop_entry(path)
    assert desktop_argv(entry["Exec"]) == [*yimen_program(), *command, "--db", PG]
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["Name"] == name
    assert path.stat().st_mode & 0o777 == 0o600  # the database's password is in it
    assert f"已写入 {path}" in out and "登录桌面时自动启动" in out
    assert pc.ran == []  # nothing to enable: the desktop session starts it


def test_a_kiosks_own_options_and_a_relative_sqlite_file_reach_the_entry(
    pc: PC, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, _ = yimen(
        capsys,
        "startup",
        "install",
        "--role",
        "kiosk",
        "--printer",
        "escpos:usb:0x0416:0x5011",
        "--db",  # after the kiosk's own option: still this command's
        "sqlite:///hall.db",
        "--hall",
        "QC",
    )
    assert code == 0
    entry = desktop_entry(Path(pc.places.autostart) / "yimen-kiosk.desktop")
    assert desktop_argv(entry["Exec"]) == [
        *yimen_program(),
        "kiosk",
        "--db",
        f"sqlite:///{tmp_path / 'hall.db'}",  # the entry starts in another folder
        "--hall",
        "QC",
        "--printer",
        "escpos:usb:0x0416:0x5011",
    ]


def test_a_password_with_quotes_dollars_and_percents_reaches_the_station_as_typed(
    pc: PC, capsys: pytest.CaptureFixture[str]
) -> None:
    db = 'postgresql://yimen:p%40ss$HOME "q" `x`\\y@hall-server/yimen'
    code, _, _ = yimen(capsys, "startup", "install", "--role", "kiosk", "--db", db)
    assert code == 0
    entry = desktop_entry(Path(pc.places.autostart) / "yimen-kiosk.desktop")
    assert desktop_argv(entry["Exec"]) == [*yimen_program(), "kiosk", "--db", db]


def test_a_station_needs_its_window_and_a_kiosk_has_none(
    pc: PC, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = yimen(capsys, "startup", "install", "--role", "counter")
    assert code == 2 and "--role counter 需要窗口号：加上 --window N" in err
    code, _, err = yimen(capsys, "startup", "install", "--role", "kiosk", "--window", "3")
    assert code == 2 and "--role kiosk 不用窗口号" in err
    code, _, err = yimen(capsys, "startup", "install", "--role", "kiosk", "--db", "mysql://x/y")
    assert code == 2 and "mysql://x/y" in err
    assert not Path(pc.places.autostart).exists()


def test_a_station_is_not_set_up_under_sudo(
    pc: PC, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUDO_USER", "clerk")
    code, _, err = yimen(capsys, "startup", "install", "--role", "kiosk", "--lang", "en")
    assert code == 2
    assert "not set up with sudo: run yimen startup install --role kiosk as that user" in err
    assert not Path(pc.places.autostart).exists()


def test_a_folder_that_cannot_be_written_is_said_and_nothing_is_left(
    pc: PC, capsys: pytest.CaptureFixture[str]
) -> None:
    Path(pc.places.autostart).parent.mkdir(parents=True)
    Path(pc.places.autostart).write_text("a file where the folder should be")
    code, _, err = yimen(capsys, "startup", "install", "--role", "kiosk")
    assert code == 2 and "无法写入" in err and "请检查该文件夹的权限" in err


# -- the phone page: a systemd service ----------------------------------------------------------


def test_the_phone_page_is_a_service_restarted_always_after_the_network_and_postgresql(
    pc: PC, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUDO_USER", "yimen")
    code, out, _ = yimen(
        capsys, "startup", "install", "--role", "server", "--db", PG, "--port", "8081"
    )
    assert code == 0
    unit_path = Path(pc.places.system_units) / "yimen-server.service"
    unit = unit_file(unit_path)
    assert unit["Service.ExecStart"] == " ".join([*yimen_program(), "serve", "--port", "8081"])
    assert unit["Service.Restart"] == "always"
    assert unit["Service.User"] == "yimen"  # who ran sudo, not root
    assert unit["Unit.Wants"] == "network-online.target"
    assert unit["Unit.After"].split() == ["network-online.target", "postgresql.service"]
    assert unit["Install.WantedBy"] == "multi-user.target"
    # The password stays out of the unit (systemctl show prints a unit's lines to anyone).
    env_path = Path(pc.places.system_config) / "server.env"
    assert unit["Service.EnvironmentFile"] == f"-{env_path}"
    assert PG not in unit_path.read_text(encoding="utf-8")
    assert env_path.read_text(encoding="utf-8") == f"YIMEN_DB='{PG}'\n"
    assert env_path.stat().st_mode & 0o777 == 0o600
    assert pc.ran == [
        ["systemctl", "daemon-reload"],
        ["systemctl", "enable", "--now", "yimen-server.service"],
    ]
    assert "已执行：systemctl enable --now yimen-server.service" in out
    assert "出错退出后 3 秒自动重启" in out


def test_a_phone_page_on_sqlite_waits_for_the_network_only(
    pc: PC, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 'hall.db'}"
    code, _, _ = yimen(capsys, "startup", "install", "--role", "server", "--db", db)
    assert code == 0
    unit = unit_file(Path(pc.places.system_units) / "yimen-server.service")
    assert unit["Unit.After"] == "network-online.target"
    assert unit["Service.Restart"] == "always"


def test_print_shows_the_files_and_commands_and_writes_nothing(
    pc: PC, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = yimen(capsys, "startup", "install", "--role", "server", "--db", PG, "--print")
    assert code == 0
    assert "Restart=always" in out and f"YIMEN_DB='{PG}'" in out
    assert "将执行：systemctl enable --now yimen-server.service" in out
    assert not Path(pc.places.system_units).exists() and not Path(pc.places.system_config).exists()
    assert pc.ran == []


def test_a_service_that_systemctl_cannot_enable_is_said_with_what_to_run(
    pc: PC, capsys: pytest.CaptureFixture[str]
) -> None:
    pc.missing.add("systemctl")
    code, _, err = yimen(capsys, "startup", "install", "--role", "server", "--lang", "en")
    assert code == 2 and "this PC has no systemctl (no systemd)" in err
    assert (Path(pc.places.system_units) / "yimen-server.service").is_file()
    pc.missing.clear()
    pc.answer = subprocess.CompletedProcess([], 1, "", "Access denied")
    code, _, err = yimen(capsys, "startup", "install", "--role", "server", "--lang", "en")
    assert code == 2
    assert "“systemctl daemon-reload” did not succeed: Access denied" in err


def test_systemd_and_the_environment_file_take_every_character_literally() -> None:
    assert install.systemd_quote("/opt/yimen/yimen") == "/opt/yimen/yimen"
    assert install.systemd_quote("50%$HOME") == '"50%%$$HOME"'
    assert install.systemd_quote('a "b"\\') == '"a \\"b\\"\\\\"'
    assert install.environment_file_value("p$w%d") == "'p$w%d'"
    assert install.environment_file_value("it's $x") == '"it\'s \\$x"'


# -- show and remove ----------------------------------------------------------------------------


def test_show_lists_what_this_pc_starts_and_remove_takes_one_or_all_away(
    pc: PC, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = yimen(capsys, "startup", "show")
    assert code == 0 and out.strip() == "本机没有一门的开机启动项。"
    for options in (["--role", "kiosk"], ["--role", "counter", "--window", "3"]):
        assert yimen(capsys, "startup", "install", *options, "--db", PG)[0] == 0
    assert yimen(capsys, "startup", "install", "--role", "server", "--db", PG)[0] == 0
    pc.ran.clear()

    code, out, _ = yimen(capsys, "startup", "show", "--json")
    shown = {(row["role"], row["window"]): row for row in json.loads(out)}
    assert set(shown) == {("kiosk", None), ("counter", 3), ("server", None)}
    assert shown[("counter", 3)]["command"].endswith(f"counter --window 3 --db {PG}")
    assert shown[("server", None)]["service_state"] == "active"
    assert pc.ran == [["systemctl", "is-active", "yimen-server.service"]]
    code, out, _ = yimen(capsys, "startup", "show")
    assert "一门 3号窗口叫号：" in out and "服务状态：active" in out

    code, out, _ = yimen(capsys, "startup", "remove", "--role", "counter", "--window", "3")
    assert code == 0 and "已删除" in out and "yimen-counter-3.desktop" in out
    assert sorted(p.name for p in Path(pc.places.autostart).iterdir()) == ["yimen-kiosk.desktop"]
    code, out, _ = yimen(capsys, "startup", "remove", "--role", "counter")
    assert code == 0 and "没有要删除的开机启动项" in out

    pc.ran.clear()
    code, out, _ = yimen(capsys, "startup", "remove")
    assert code == 0
    assert list(Path(pc.places.autostart).iterdir()) == []
    assert list(Path(pc.places.system_units).iterdir()) == []
    assert not (Path(pc.places.system_config) / "server.env").exists()
    assert ["systemctl", "disable", "--now", "yimen-server.service"] in pc.ran


def test_a_station_can_be_a_systemd_user_service_shown_and_removed_like_the_others(
    pc: PC, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a desktop with graphical-session.target (GNOME, KDE Plasma) IT may prefer
    systemd: the station starts with the session, is restarted when it fails, and its
    log is in the journal."""
    code, out, _ = yimen(
        capsys, "startup", "install", "--role", "counter", "--window", "3", "--db", PG,
        "--systemd",
    )  # fmt: skip
    assert code == 0
    path = Path(pc.places.user_units) / "yimen-counter-3.service"
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(path, encoding="utf-8")
    assert shlex.split(unit["Service"]["ExecStart"]) == [
        *yimen_program(), "counter", "--window", "3", "--db", PG,
    ]  # fmt: skip
    assert unit["Service"]["Restart"] == "on-failure"
    assert unit["Service"]["RestartPreventExitStatus"] == "0 2"  # closed on purpose, refused
    assert unit["Unit"]["PartOf"] == "graphical-session.target"
    assert unit["Install"]["WantedBy"] == "graphical-session.target"
    assert path.stat().st_mode & 0o777 == 0o600  # the database's password is in it
    assert pc.ran == [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", "yimen-counter-3.service"],
    ]
    assert "已设为用户服务 yimen-counter-3.service" in out
    assert not Path(pc.places.autostart).exists()  # not both

    pc.ran.clear()
    code, out, _ = yimen(capsys, "startup", "show", "--json")
    [row] = json.loads(out)
    assert (row["role"], row["window"], row["service_state"]) == ("counter", 3, "active")
    assert pc.ran == [["systemctl", "--user", "is-active", "yimen-counter-3.service"]]
    pc.ran.clear()
    code, out, _ = yimen(capsys, "startup", "remove")
    assert code == 0 and not path.exists()
    assert ["systemctl", "--user", "disable", "--now", "yimen-counter-3.service"] in pc.ran


def test_remove_and_show_leave_files_not_of_yimen_alone(
    pc: PC, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = Path(pc.places.autostart)
    folder.mkdir(parents=True)
    (folder / "yimen-notes.desktop").write_text("[Desktop Entry]\n")
    (folder / "firefox.desktop").write_text("[Desktop Entry]\n")
    assert yimen(capsys, "startup", "install", "--role", "kiosk")[0] == 0
    assert yimen(capsys, "startup", "remove")[0] == 0
    assert sorted(p.name for p in folder.iterdir()) == ["firefox.desktop", "yimen-notes.desktop"]


# -- Windows: a Startup shortcut made through PowerShell -----------------------------------------


@pytest.fixture
def windows(pc: PC, monkeypatch: pytest.MonkeyPatch) -> PC:
    """This PC as a Windows PC with the bundle in C:\\Program Files\\yimen."""
    monkeypatch.setattr(install, "platform_name", lambda: "windows")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", r"C:\Program Files\yimen\yimen.exe")
    return pc


def script_of(argv: list[str]) -> str:
    assert argv[:2] == ["powershell.exe", "-NoProfile"] and argv[-2] == "-EncodedCommand"
    return base64.b64decode(argv[-1]).decode("utf-16-le")


def test_a_windows_counter_gets_a_startup_shortcut_to_yimenw_without_a_console(
    windows: PC, capsys: pytest.CaptureFixture[str]
) -> None:
    db = "postgresql://yimen:it's a secret@hall-server/yimen"
    code, out, _ = yimen(
        capsys, "startup", "install", "--role", "counter", "--window", "3", "--db", db
    )
    assert code == 0
    [argv] = windows.ran
    link = PureWindowsPath(str(windows.places.startup)) / "yimen-counter-3.lnk"
    assert script_of(argv).splitlines() == [
        "$ErrorActionPreference = 'Stop'",
        "$shell = New-Object -ComObject WScript.Shell",
        f"$link = $shell.CreateShortcut('{link}')",
        r"$link.TargetPath = 'C:\Program Files\yimen\yimenw.exe'",
        "$link.Arguments = 'counter --window 3 --db "
        "\"postgresql://yimen:it''s a secret@hall-server/yimen\"'",
        r"$link.WorkingDirectory = 'C:\Program Files\yimen'",
        "$link.Description = '一门 3号窗口叫号'",
        "$link.WindowStyle = 1",
        "$link.Save()",
    ]
    assert f"已写入 {link}" in out and "登录 Windows 时自动启动" in out


def test_the_windows_phone_page_keeps_a_minimised_console(
    windows: PC, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = yimen(capsys, "startup", "install", "--role", "server", "--db", PG)
    assert code == 0
    script = script_of(windows.ran[0])
    assert r"$link.TargetPath = 'C:\Program Files\yimen\yimen.exe'" in script
    assert f"$link.Arguments = 'serve --db {PG}'" in script
    assert "$link.WindowStyle = 7" in script


def test_windows_print_shows_the_powershell_and_runs_nothing(
    windows: PC, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = yimen(capsys, "startup", "install", "--role", "kiosk", "--print")
    assert code == 0 and windows.ran == []
    assert "将在“启动”文件夹创建快捷方式" in out and "$link.Save()" in out
    assert r"$link.TargetPath = 'C:\Program Files\yimen\yimenw.exe'" in out


def test_a_shortcut_powershell_could_not_make_is_said_with_its_target(
    windows: PC, capsys: pytest.CaptureFixture[str]
) -> None:
    windows.answer = subprocess.CompletedProcess([], 1, "", "Access is denied.")
    code, _, err = yimen(capsys, "startup", "install", "--role", "kiosk", "--lang", "en")
    assert code == 2
    assert "Could not make the shortcut" in err and "Access is denied." in err
    assert r'"C:\Program Files\yimen\yimenw.exe" kiosk' in err


def test_windows_show_and_remove_work_on_the_startup_folder(
    windows: PC, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = Path(windows.places.startup)
    folder.mkdir()
    for name in ("yimen-kiosk.lnk", "yimen-evaluator-2.lnk", "OneDrive.lnk"):
        (folder / name).write_bytes(b"L\0\0\0")
    code, out, _ = yimen(capsys, "startup", "show", "--json")
    assert {(r["role"], r["window"]) for r in json.loads(out)} == {
        ("kiosk", None),
        ("evaluator", 2),
    }
    code, out, _ = yimen(capsys, "startup", "remove")
    assert code == 0 and [p.name for p in folder.iterdir()] == ["OneDrive.lnk"]


def test_from_a_python_environment_on_windows_a_station_runs_under_pythonw(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "frozen", False, raising=False)
    monkeypatch.setattr(sys, "executable", r"C:\hall\.venv\Scripts\python.exe")
    assert install.program("windows", console=False) == [
        r"C:\hall\.venv\Scripts\pythonw.exe",
        "-m",
        "shared.cli",
    ]
    assert install.program("windows", console=True)[0] == r"C:\hall\.venv\Scripts\python.exe"


# -- the version and the bundle's entry point -----------------------------------------------------


def test_version_is_the_packages_or_the_one_baked_into_the_bundle(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib import metadata

    with pytest.raises(SystemExit) as ended:
        main(["--version"])
    assert ended.value.code == 0
    assert capsys.readouterr().out == f"yimen {metadata.version('yimen')}\n"

    (tmp_path / "yimen-version.txt").write_text("0.1.0 (a60811c, built 2026-12-03)\n")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == "yimen 0.1.0 (a60811c, built 2026-12-03)\n"


def _launcher() -> object:
    spec = importlib.util.spec_from_file_location(
        "yimen_launcher", ROOT / "assets" / "packaging" / "launcher.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bundles_entry_runs_a_module_as_python_minus_m_does(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    launcher = _launcher()
    monkeypatch.setattr(sys, "argv", ["/opt/yimen/yimen", "-m", "shared.cli", "status", "-h"])
    with pytest.raises(SystemExit) as ended:
        launcher.main(sys.argv[1:])  # type: ignore[attr-defined]
    assert ended.value.code == 0
    assert capsys.readouterr().out.startswith("usage: yimen status")
    assert sys.argv[1:] == ["status", "-h"]  # the module's own arguments, as under python -m

    assert launcher.main(["-m"]) == 2  # type: ignore[attr-defined]
    assert "a module name is needed" in capsys.readouterr().err
