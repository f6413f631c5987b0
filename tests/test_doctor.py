"""``yimen doctor`` as the hall's IT person runs it: every check OK on a sound PC, and each
check failing with its own sentence and what to do: on both databases where the database
matters, with the printers, voices, sound devices and screens a PC can have."""

from __future__ import annotations

import contextlib
import json
import math
import re
import socket
import sys
import textwrap
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sounddevice
from sqlalchemy import text
from sqlalchemy.engine import make_url

from shared.cli import main
from shared.cli.doctor import cells, wrap
from shared.config.hall_file import DEMO_HALL_PATH
from shared.devices import doctor as runner
from shared.devices import hall_checks, printing, station_checks
from shared.devices.checks import CHECKS, ROLES, ScreenInfo
from shared.devices.station_checks import SCREEN_FAMILIES, SCREEN_NEEDS
from shared.devices.voice import SpeechEngine
from shared.qt.probe import screens as real_screens
from shared.store.db import connect
from shared.store.schema import MIGRATIONS, head_revision, upgrade

from .conftest import _pg_execute
from .pgserver import PASSWORD_ROLE

TUESDAY = "2026-11-24T09:30:00+08:00"
FULL_HD = ScreenInfo("HDMI-1", 1920, 1080, 1920, 1040, True, "xcb")
PORTRAIT = ScreenInfo("HDMI-1", 1080, 1920, 1080, 1920, True, "xcb")
ROOT = Path(__file__).resolve().parent.parent
REAL_ENGINE_INIT = SpeechEngine.__init__


class FakeStream:
    """A sound card's output stream that takes whatever it is given."""

    def __init__(self, **_kw: object) -> None:
        pass

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass


@pytest.fixture(autouse=True)
def a_pc_with_a_screen_and_a_speaker(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A PC as a station has it: a full-HD screen, a sound card, slips kept in a folder
    of its own, the hall at 9:30 on a Tuesday. Each test takes away what it checks."""
    monkeypatch.setenv("YIMEN_NOW", TUESDAY)
    monkeypatch.setenv("COLUMNS", "100")  # a terminal's width, whatever runs the tests
    for name in ("YIMEN_DB", "YIMEN_PRINTER", "YIMEN_NOTICE_PRINTER", "YIMEN_CJK_FONT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("shared.qt.probe.screens", lambda: [FULL_HD])
    monkeypatch.setattr(sounddevice, "RawOutputStream", FakeStream)
    monkeypatch.setattr(
        sounddevice, "query_devices", lambda *_a, **_k: {"name": "HDA Intel PCH: ALC892 Analog"}
    )
    monkeypatch.setattr(printing, "default_slip_folder", lambda: tmp_path / "slips")


def doctor(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["doctor", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out


def findings(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, dict]]:  # type: ignore[type-arg]
    code, out = doctor(capsys, *argv, "--json")
    return code, {f["check"]: f for f in json.loads(out)}


def row(out: str, name: str) -> str:
    """The table's row of the check called ``name`` with its wrapped lines, joined."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(name + " "))
    body = lines[start]
    for line in lines[start + 1 :]:
        if not line.startswith(" "):
            break
        # a line broken at a space between words, or between two Chinese characters
        latin = cells(body[-1]) == 1 and cells(line.strip()[0]) == 1
        body += (" " if latin else "") + line.strip()
    return body


# -- the hall's checks -----------------------------------------------------------------------


def test_a_server_with_a_sound_hall_is_ok_and_exits_0(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = doctor(capsys, "--role", "server", "--db", db_url)
    assert code == 0
    assert out.splitlines()[0] == "一门 · 本机检查：数据库服务器"
    assert "结构是本程序的版本" in row(out, "数据库") and head_revision() in out
    assert "服务中心 QC（青川区政务服务中心）的配置完整有效：16 个事项，12 个窗口" in out
    assert "2026 年的日历有" in out
    assert out.rstrip().endswith("全部 4 项正常。")
    code, data = findings(capsys, "--role", "server", "--db", db_url)
    assert code == 0 and list(data) == ["database", "clock", "config", "calendar"]
    for f in data.values():
        assert set(f) == {"check", "ok", "status", "sentence", "fix", "details"}
        assert f["ok"] is True and f["status"] == "ok" and f["fix"] is None
    if db_url.startswith("sqlite"):
        assert data["clock"]["sentence"] == "数据库在本机（SQLite），时间以本机时钟为准。"
    else:
        assert "相差" in data["clock"]["sentence"]


def test_a_database_never_set_up_says_to_run_init(
    empty_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = findings(capsys, "--role", "server", "--db", empty_db_url)
    assert code == 1
    database = data["database"]
    assert not database["ok"] and "yimen init --config" in database["fix"]
    if empty_db_url.startswith("sqlite"):
        path = make_url(empty_db_url).database
        assert database["sentence"] == f"数据库文件 {path} 不存在。"
        assert not Path(str(path)).exists()  # looking did not make an empty file
    else:
        assert "是空的：还没有建立一门的数据表" in database["sentence"]
    for check in ("clock", "config", "calendar"):
        assert data[check]["status"] == "not_checked"
        assert data[check]["sentence"] == "未检查：数据库打不开（见上）。"


def test_an_empty_database_file_is_not_set_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "hall.db").touch()
    _, data = findings(capsys, "--role", "server", "--db", f"sqlite:///{tmp_path / 'hall.db'}")
    assert "是空的" in data["database"]["sentence"]


def _set_revision(url: str, revision: str) -> None:
    db = connect(url)
    try:
        with db.write() as s:
            s.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    finally:
        db.dispose()


def test_a_database_of_an_older_program_says_to_back_up_and_upgrade(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from alembic.script import ScriptDirectory

    older = ScriptDirectory(str(MIGRATIONS)).get_revision(head_revision()).down_revision
    assert isinstance(older, str)
    _set_revision(db_url, older)
    code, out = doctor(capsys, "--role", "server", "--db", db_url)
    assert code == 1
    said = row(out, "数据库")
    assert f"数据库结构是旧版本（{older}），本程序需要 {head_revision()}" in said
    assert "先备份数据库" in said and "运行一次 yimen init" in said and "只升级数据库" in said
    assert "1 项有问题，3 项未检查" in out


def test_a_database_of_a_newer_program_says_to_upgrade_this_pc(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _set_revision(db_url, "fffffffff")
    code, data = findings(capsys, "--role", "server", "--db", db_url, "--lang", "en")
    assert code == 1
    assert "(fffffffff) is newer than this program's" in data["database"]["sentence"]
    assert data["database"]["fix"].startswith("Upgrade Yimen on this PC")


@pytest.mark.parametrize(
    ("url", "said", "fix"),
    [
        ("mysql://x@y/z", "无法识别", "postgresql://用户名:密码@服务器/库名"),
        ("postgresql://nobody@127.0.0.1:1/hall", "无法连接数据库服务器", "5432 端口"),
    ],
)
def test_a_bad_or_unreachable_database_is_its_own_sentence(
    url: str, said: str, fix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = findings(capsys, "--role", "server", "--db", url)
    assert code == 1
    assert said in data["database"]["sentence"] and fix in data["database"]["fix"]


def test_a_wrong_password_says_to_check_the_url_or_reset_it(
    pg_admin_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _pg_execute(pg_admin_url, f"DROP ROLE IF EXISTS {PASSWORD_ROLE}")
    _pg_execute(pg_admin_url, f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD 'right'")
    url = make_url(pg_admin_url).set(username=PASSWORD_ROLE, password="wrong")
    code, out = doctor(
        capsys, "--role", "server", "--db", url.render_as_string(hide_password=False)
    )
    assert code == 1
    said = row(out, "数据库")
    assert "用户名或密码不正确" in said and "ALTER ROLE" in said
    assert "wrong" not in out  # the password is never shown


def test_a_clock_off_from_the_servers_is_a_problem_on_postgresql(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        hall_checks, "server_now", lambda _s: datetime.now(UTC) - timedelta(seconds=95)
    )
    code, data = findings(capsys, "--role", "server", "--db", db_url)
    clock = data["clock"]
    if db_url.startswith("sqlite"):  # on this PC: nothing to be off from
        assert code == 0 and clock["ok"]
        return
    assert code == 1 and not clock["ok"]
    assert "本机时钟比数据库服务器 127.0.0.1 快 95 秒（超过了 30 秒）" in clock["sentence"]
    assert "timedatectl set-ntp true" in clock["fix"]
    assert 94 <= clock["details"]["ahead_seconds"] <= 96
    monkeypatch.setattr(
        hall_checks, "server_now", lambda _s: datetime.now(UTC) + timedelta(seconds=40)
    )
    _, data = findings(capsys, "--role", "server", "--db", db_url, "--lang", "en")
    assert "40 s behind the database server" in data["clock"]["sentence"]


def test_a_hall_setting_the_file_would_refuse_is_named_with_its_key(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = connect(db_url)
    try:
        with db.write() as s:
            s.execute(text("UPDATE services SET daily_cap = 0 WHERE code = 'qy-sl'"))
    finally:
        db.dispose()
    code, data = findings(capsys, "--role", "server", "--db", db_url)
    config = data["config"]
    assert code == 1 and not config["ok"]
    assert config["sentence"].startswith("数据库中服务中心 QC 的设置有误（services[1].daily_cap）")
    assert "yimen config export" in config["fix"]
    assert data["calendar"]["ok"]  # the rest of the hall is still looked at


def test_a_database_without_a_hall_says_to_load_one(
    empty_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = connect(empty_db_url)
    try:
        upgrade(db)
    finally:
        db.dispose()
    code, data = findings(capsys, "--role", "server", "--db", empty_db_url)
    assert code == 1 and data["database"]["ok"]
    assert "数据库里还没有服务中心" in data["config"]["sentence"]
    assert "yimen init --config" in data["config"]["fix"]
    assert data["calendar"]["sentence"] == "未检查：大厅配置读不出（见上）。"


def test_a_hall_file_is_checked_before_it_is_loaded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "hall.toml"
    demo = DEMO_HALL_PATH.read_text(encoding="utf-8")
    broken.write_text(demo.replace('prefix = "B"', 'prefix = "BB"', 1), encoding="utf-8")
    nowhere = f"sqlite:///{tmp_path / 'none.db'}"
    code, data = findings(capsys, "--role", "server", "--db", nowhere, "--config", str(broken))
    config = data["config"]
    assert code == 1 and not config["ok"]
    assert str(broken) in config["sentence"] and "prefix" in config["sentence"]
    assert f"yimen doctor --config {broken}" in config["fix"]
    good = tmp_path / "good.toml"
    good.write_text(demo, encoding="utf-8")
    _, data = findings(capsys, "--role", "server", "--db", nowhere, "--config", str(good))
    assert data["config"]["ok"] and "可以用 yimen init --config 载入" in data["config"]["sentence"]
    assert data["calendar"]["ok"]  # the file's own calendar, without a database


def test_a_calendar_without_this_years_holidays_is_a_problem(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("YIMEN_NOW", "2031-03-03T09:30:00+08:00")
    code, data = findings(capsys, "--role", "server", "--db", db_url)
    calendar = data["calendar"]
    assert code == 1
    assert calendar["sentence"] == (
        "日历中没有 2031 年的法定节假日：节假日里大厅会照常开门、取号机照常出号。"
    )
    assert "[calendar]" in calendar["fix"] and "workday_swaps" in calendar["fix"]


# -- the station's checks --------------------------------------------------------------------


@pytest.fixture
def hall_db(tmp_path: Path, sqlite_templates: dict[str, Path]) -> str:
    """The demo hall on SQLite, for the checks of the PC itself."""
    path = tmp_path / "hall.db"
    path.write_bytes(sqlite_templates["staffed"].read_bytes())
    return f"sqlite:///{path}"


def test_a_kiosk_with_everything_it_needs_is_ok(
    hall_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("shared.qt.probe.screens", lambda: [PORTRAIT])
    code, out = doctor(capsys, "--role", "kiosk", "--db", hall_db)
    assert code == 0, out
    assert out.rstrip().endswith("全部 10 项正常。")
    assert "中文(普通话)叫号语音正常" in row(out, "叫号语音")
    assert "声音输出设备：HDA Intel PCH: ALC892 Analog。" in out
    assert "主屏 1080×1920，够自助取号机使用（至少 900×1600）。" in out
    assert "单据存为 PDF 文件" in row(out, "打印机")


def test_no_chinese_font_to_embed_is_a_problem(
    hall_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(printing, "FONT_CANDIDATES", (("/nowhere/wqy-microhei.ttc", 0),))
    code, data = findings(capsys, "--role", "supervisor", "--db", hall_db)
    font = data["pdf_font"]
    assert code == 1 and not font["ok"]
    assert "没有可以嵌入取号单、告知单和报表的中文字体" in font["sentence"]
    assert "/nowhere/wqy-microhei.ttc" in font["sentence"]
    assert "fonts-wqy-microhei" in font["fix"] and "YIMEN_CJK_FONT" in font["fix"]


def test_a_font_without_chinese_or_not_a_font_is_a_problem(
    hall_db: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    import reportlab

    latin = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # ships with reportlab
    monkeypatch.setenv("YIMEN_CJK_FONT", str(latin))
    _, data = findings(capsys, "--role", "supervisor", "--db", hall_db)
    assert f"字体文件 {latin} 缺少汉字" in data["pdf_font"]["sentence"]
    junk = tmp_path / "broken.ttf"
    junk.write_bytes(b"not a font at all")
    monkeypatch.setenv("YIMEN_CJK_FONT", str(junk))
    _, data = findings(capsys, "--role", "supervisor", "--db", hall_db)
    assert f"字体文件 {junk} 无法使用" in data["pdf_font"]["sentence"]


def _fake_command(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text(f"#!{sys.executable}\n{textwrap.dedent(script)}", encoding="utf-8")
    path.chmod(0o755)


@pytest.mark.skipif(sys.platform == "win32", reason="fontconfig is Linux's")
def test_no_chinese_font_for_the_screens_is_a_problem(
    hall_db: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))  # no fontconfig at all
    code, data = findings(capsys, "--role", "evaluator", "--db", hall_db)
    assert code == 1 and "没有 fontconfig" in data["screen_font"]["sentence"]
    _fake_command(bin_dir, "fc-list", "")  # fontconfig, but no font for :lang=zh
    code, data = findings(capsys, "--role", "evaluator", "--db", hall_db)
    assert data["screen_font"]["sentence"] == "本机没有中文字体，屏幕上的汉字会显示成方框。"
    assert "sudo apt install fontconfig fonts-wqy-microhei" in data["screen_font"]["fix"]
    _fake_command(bin_dir, "fc-list", "print('Noto Sans CJK SC,Noto Sans CJK SC Regular')")
    code, data = findings(capsys, "--role", "evaluator", "--db", hall_db)
    assert code == 0 and data["screen_font"]["sentence"] == "屏幕上的中文字体：Noto Sans CJK SC。"


def test_the_screens_font_families_are_the_style_sheets() -> None:
    for sheet in ("public", "staff", "display"):
        qss = (ROOT / "assets" / "styles" / f"{sheet}.qss").read_text(encoding="utf-8")
        families = qss.split("font-family:", 1)[1].split(";", 1)[0]
        named = tuple(f.strip().strip('"') for f in families.split(","))
        assert named[: len(SCREEN_FAMILIES)] == SCREEN_FAMILIES, sheet


def _speech_worker(monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """The speech process replaced by ``script``, speaking the engine's own protocol."""
    from shared.devices import voice

    command = [sys.executable, "-c", textwrap.dedent(script)]

    def init(self: voice.SpeechEngine, timeout: float = 20.0, command_: object = None) -> None:
        REAL_ENGINE_INIT(self, timeout, command)

    monkeypatch.setattr(voice.SpeechEngine, "__init__", init)


def test_no_speech_engine_no_voice_or_a_silent_one_is_each_a_problem(
    hall_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _speech_worker(
        monkeypatch,
        """
        import json
        print(json.dumps({"ok": False, "code": "voice.no_engine",
                          "detail": "libespeak-ng.so.1: cannot open shared object file"}))
        """,
    )
    code, data = findings(capsys, "--role", "kiosk", "--db", hall_db)
    voice = data["voice"]
    assert code == 1 and voice["sentence"].startswith("语音合成无法启动（libespeak-ng.so.1")
    assert "sudo apt install espeak-ng libespeak-ng1" in voice["fix"]
    _speech_worker(
        monkeypatch,
        """
        import json
        print(json.dumps({"ok": True, "driver": "sapi5", "voices": {"zh": None, "en": "david"}}),
              flush=True)
        """,
    )
    _, data = findings(capsys, "--role", "kiosk", "--db", hall_db)
    assert data["voice"]["sentence"] == "本机没有中文(普通话)语音，叫号只能显示、不能播报。"
    assert "语音包" in data["voice"]["fix"]
    _speech_worker(
        monkeypatch,
        """
        import json, sys, wave
        print(json.dumps({"ok": True, "driver": "espeak", "voices": {"zh": "cmn"}}), flush=True)
        for line in sys.stdin:
            request = json.loads(line)
            with wave.open(request["path"], "wb") as f:
                f.setnchannels(1); f.setsampwidth(2); f.setframerate(22050)
                f.writeframes(bytes(2 * 22050 * 2))  # two seconds of silence
            print(json.dumps({"ok": True, "voice": "cmn"}), flush=True)
        """,
    )
    _, data = findings(capsys, "--role", "kiosk", "--db", hall_db)
    assert data["voice"]["sentence"] == (
        "中文(普通话)语音试读“请A001号到1号窗口办理”时没有声音（合成出来的是静音）。"
    )


def test_a_counter_need_not_speak_where_the_display_speaks_the_calls(
    hall_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sounddevice, "query_devices", _no_sound_card)
    db = connect(hall_db)
    try:
        with db.write() as s:
            s.execute(text("""UPDATE halls SET voice = '{"speaker": "display"}'"""))
    finally:
        db.dispose()
    _, data = findings(capsys, "--role", "counter", "--db", hall_db)
    for check in ("voice", "sound"):
        assert data[check]["ok"] and "本中心由大厅综合屏播报叫号" in data[check]["sentence"]
    _, data = findings(capsys, "--role", "display", "--db", hall_db)
    assert not data["sound"]["ok"]  # the display speaks them: it needs its speaker


def _no_sound_card(*_a: object, **_k: object) -> None:
    raise sounddevice.PortAudioError("Error querying device -1")


def test_no_sound_output_is_a_problem(
    hall_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sounddevice, "query_devices", _no_sound_card)
    code, out = doctor(capsys, "--role", "supervisor", "--db", hall_db)
    assert code == 1
    said = row(out, "声音输出")
    assert "本机没有可用的声音输出设备（Error querying device -1）" in said
    assert "处理：接上音箱或耳机" in said and "aplay -l" in said


# -- the printer -----------------------------------------------------------------------------


class FakeReceiptPrinter:
    """An ESC/POS printer on the network that answers the status questions (DLE EOT 1: online,
    DLE EOT 4: paper) with the bytes a real one sends."""

    def __init__(self, paper: int) -> None:
        self.paper = paper  # the paper sensor's byte: 18 present, 30 near its end, 114 out
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                while question := conn.recv(3):
                    conn.sendall(bytes([0x12 if question == b"\x10\x04\x01" else self.paper]))

    def close(self) -> None:
        """Switched off: no longer listening (a thread waiting in accept is woken)."""
        with contextlib.suppress(OSError):
            self.server.shutdown(socket.SHUT_RDWR)
        self.server.close()


@pytest.fixture
def receipt_printer() -> Iterator[FakeReceiptPrinter]:
    printer = FakeReceiptPrinter(paper=18)
    yield printer
    printer.close()


def test_a_receipt_printer_with_paper_is_ok_and_without_is_a_problem(
    hall_db: str, capsys: pytest.CaptureFixture[str], receipt_printer: FakeReceiptPrinter
) -> None:
    spec = f"escpos:tcp:127.0.0.1:{receipt_printer.port}"
    code, data = findings(capsys, "--role", "kiosk", "--db", hall_db, "--printer", spec)
    assert data["printer"]["ok"], data["printer"]
    assert (
        data["printer"]["sentence"]
        == f"小票打印机 tcp:127.0.0.1:{receipt_printer.port} 已连接，有纸。"
    )
    receipt_printer.paper = 114
    code, data = findings(capsys, "--role", "kiosk", "--db", hall_db, "--printer", spec)
    assert code == 1 and data["printer"]["sentence"].endswith("缺纸。")
    assert "换上新的热敏纸卷" in data["printer"]["fix"]
    receipt_printer.paper = 30
    _, data = findings(capsys, "--role", "kiosk", "--db", hall_db, "--printer", spec)
    assert data["printer"]["sentence"].endswith("的纸快用完了。")


def test_a_printer_that_is_off_unknown_or_misnamed_is_a_problem(
    hall_db: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there: a printer switched off
    monkeypatch.setenv("YIMEN_PRINTER", f"escpos:tcp:127.0.0.1:{port}")
    code, data = findings(capsys, "--role", "kiosk", "--db", hall_db)
    assert code == 1
    assert data["printer"]["sentence"].startswith(f"打印机 tcp:127.0.0.1:{port} 未连接或未开机")
    assert "9100" in data["printer"]["fix"]
    _, data = findings(capsys, "--role", "kiosk", "--db", hall_db, "--printer", "system:没有这台")
    assert data["printer"]["sentence"] == "本机没有安装名为 没有这台 的打印机。"
    _, data = findings(capsys, "--role", "kiosk", "--db", hall_db, "--printer", "lpt1")
    assert "打印机设置 lpt1 无法识别" in data["printer"]["sentence"]
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    _, data = findings(
        capsys, "--role", "kiosk", "--db", hall_db, "--printer", f"pdf:{a_file}/slips"
    )
    assert data["printer"]["sentence"] == f"无法写入单据文件夹 {a_file}/slips。"


def test_a_counter_checks_its_notice_printer(
    hall_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("YIMEN_PRINTER", "escpos:tcp:127.0.0.1:1")  # the kiosk's, not this PC's
    monkeypatch.setattr("shared.qt.probe.system_printer", lambda name: "error")
    monkeypatch.setenv("YIMEN_NOTICE_PRINTER", "system:HP_LaserJet")
    _, data = findings(capsys, "--role", "counter", "--db", hall_db)
    assert data["printer"]["sentence"] == "打印机 HP_LaserJet 报告故障（缺纸、卡纸、开盖或离线）。"
    monkeypatch.setattr("shared.qt.probe.system_printer", lambda name: "idle")
    _, data = findings(capsys, "--role", "counter", "--db", hall_db)
    assert data["printer"]["sentence"] == "系统打印机 HP_LaserJet 已就绪（空闲）。"


# -- the screen ------------------------------------------------------------------------------


def test_a_screen_too_small_for_the_role_is_a_problem(
    hall_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tv = ScreenInfo("HDMI-1", 1366, 768, 1366, 728, True, "xcb")
    monkeypatch.setattr("shared.qt.probe.screens", lambda: [tv])
    code, data = findings(capsys, "--role", "evaluator", "--db", hall_db)
    screen = data["screen"]
    assert code == 1
    assert screen["sentence"] == "主屏 1366×768（可用 1366×728）小于窗口评价器需要的 1280×800。"
    assert "缩放设为 100%" in screen["fix"]
    _, data = findings(capsys, "--role", "counter", "--db", hall_db)
    assert data["screen"]["sentence"] == "主屏 1366×768，够窗口叫号使用（至少 916×660）。"
    code, data = findings(capsys, "--db", hall_db, "--lang", "en")
    assert data["screen"]["sentence"] == (
        "The main screen, 1366×768, is large enough for: lobby display, counter console, "
        "supervisor's station."
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X and Wayland are Linux's")
def test_no_graphical_session_or_qt_without_a_screen_is_a_problem(
    hall_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("shared.qt.probe.screens", real_screens)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    _, data = findings(capsys, "--role", "evaluator", "--db", hall_db)
    assert data["screen"]["sentence"].startswith(
        "本机没有图形界面（没有 DISPLAY 或 WAYLAND_DISPLAY）"
    )
    assert "QT_QPA_PLATFORM" in data["screen"]["fix"]
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # Qt starts, and sees no real screen
    _, data = findings(capsys, "--role", "evaluator", "--db", hall_db)
    assert data["screen"]["sentence"] == "Qt 运行在无屏幕模式（offscreen），看不到真实的屏幕。"


def test_the_roles_least_screens_are_the_apps_own_layouts() -> None:
    from counter import supervisor_window
    from counter import window as counter_window
    from kiosk import display_demo, evaluator
    from shared.qt.theme import sizes

    counter = counter_window.SMALLEST + counter_window.FRAME
    assert (SCREEN_NEEDS["counter"].width, SCREEN_NEEDS["counter"].height) == (
        counter.width(),
        counter.height(),
    )
    supervisor = supervisor_window.SMALLEST
    assert (SCREEN_NEEDS["supervisor"].width, SCREEN_NEEDS["supervisor"].height) == (
        supervisor.width(),
        supervisor.height(),
    )
    tablet = evaluator.DEFAULT_SIZE
    assert (SCREEN_NEEDS["evaluator"].width, SCREEN_NEEDS["evaluator"].height) == (
        tablet.width(),
        tablet.height(),
    )
    smallest_lobby = min((size for size, _ in display_demo.LOBBY_SIZES.values()),
                         key=lambda s: s.width() * s.height())  # fmt: skip
    need = SCREEN_NEEDS["display"]
    assert {need.width, need.height} == {smallest_lobby.width(), smallest_lobby.height()}
    # The kiosk: the shortest side whose touch targets are still 80 px (UI.md: 20 mm).
    per_1080 = sizes(1080)["target"]
    kiosk = SCREEN_NEEDS["kiosk"]
    assert min(kiosk.width, kiosk.height) == math.ceil(80 * 1080 / per_1080)
    assert sizes(min(kiosk.width, kiosk.height))["target"] >= 80
    assert max(kiosk.width, kiosk.height) * 9 == min(kiosk.width, kiosk.height) * 16


# -- the command -----------------------------------------------------------------------------


def test_every_role_runs_its_checks_in_the_tables_order(
    hall_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for role, wanted in ROLES.items():
        assert [c for c in CHECKS if c in wanted] == list(wanted), role
    _, data = findings(capsys, "--role", "evaluator", "--db", hall_db)
    assert list(data) == ["database", "clock", "config", "screen_font", "screen"]


def test_a_check_that_hangs_is_reported_and_the_others_still_are(
    hall_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck = threading.Event()
    monkeypatch.setitem(runner.STATION_SECONDS, "sound", 0.2)
    monkeypatch.setattr(station_checks, "sound", lambda *_a: stuck.wait(30))
    monkeypatch.setattr(
        station_checks,
        "pdf_font",
        lambda *_a: 1 / 0,  # a bug in a check
    )
    try:
        code, data = findings(capsys, "--role", "supervisor", "--db", hall_db)
    finally:
        stuck.set()
    assert code == 1
    assert data["sound"]["sentence"] == "“声音输出”检查在 0.2 秒内没有结果。"
    assert data["pdf_font"]["sentence"].startswith("“打印字体”检查本身出错（ZeroDivisionError")
    assert data["screen"]["ok"] and data["database"]["ok"]


def test_the_table_lines_up_in_terminal_columns(
    hall_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(sounddevice, "query_devices", _no_sound_card)
    for lang, result in (("zh", "有问题"), ("en", "PROBLEM")):
        _, out = doctor(capsys, "--db", hall_db, "--lang", lang)
        lines = out.splitlines()
        head = next(i for i, line in enumerate(lines) if line.startswith("-"))
        table = lines[head + 1 : lines.index("", head)]
        start = cells(lines[head].rsplit("  ", 1)[0]) + 2  # where the last column starts
        for line in table:
            before = line[: len(line) - len(line.lstrip())] if line.startswith(" ") else None
            if before is not None:  # a wrapped line: indented to the column
                assert len(before) == start, line
            else:  # a row: the sentence starts in the column
                cut = next(i for i in range(len(line)) if cells(line[:i]) == start)
                assert line[cut - 2 : cut] == "  " and line[cut] != " ", line
            assert cells(line) <= 79 + 2, line  # a closing mark may hang
        assert any(result in line for line in table)


def test_every_sentence_of_the_doctor_is_said_and_in_both_languages() -> None:
    from shared.base.messages import TABLE
    from shared.base.messages import doctor as sentences

    sources = [ROOT / "shared" / "cli" / "doctor.py", ROOT / "shared" / "qt" / "probe.py"]
    sources += sorted((ROOT / "shared" / "devices").glob("*check*.py"))
    sources.append(ROOT / "shared" / "devices" / "doctor.py")
    said = set()
    for path in sources:
        said |= set(
            re.findall(r"[\"'](doctor\.[a-z_.]+[a-z_])[\"']", path.read_text(encoding="utf-8"))
        )
    # the families a code is made from at run time (f"doctor.check.{check}" …)
    said |= {f"doctor.check.{c}" for c in CHECKS}
    said |= {f"doctor.role.{r}" for r in (*ROLES, "all")}
    said |= {f"doctor.status.{s}" for s in ("ok", "problem", "not_checked")}
    said |= {f"doctor.screen.fix.{r}" for r in SCREEN_NEEDS}
    said |= {f"doctor.printer.state.{s}" for s in ("idle", "active")}
    assert sorted(said - set(TABLE)) == []
    assert sorted(set(sentences.TEXTS) - said) == []
    for code in sentences.TEXTS:
        assert TABLE[code]["zh"] and TABLE[code]["en"]


def test_wrapping_keeps_words_and_breaks_between_chinese_characters() -> None:
    assert wrap("请运行 yimen init --config hall.toml 再试。", 16) == [
        "请运行 yimen",
        "init --config",
        "hall.toml 再试。",  # the full stop hangs past the line rather than start one
    ]
    assert wrap("数据库在本机，时间以本机时钟为准。", 12) == [
        "数据库在本机，",
        "时间以本机时",
        "钟为准。",
    ]
    long = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
    assert all(cells(line) <= 20 for line in wrap(long, 20))
    assert "".join(wrap(long, 20)) == long
