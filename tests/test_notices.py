"""The one-time notice (一次性告知), on SQLite and on PostgreSQL: the clerk at window 3 tells
the citizen every material still missing, once; the ticket waits aside while they fetch
them and, back, goes ahead of the line at any window of the service with the same number.
And the slip as a citizen reads it: its text, its embedded Chinese font, its QR code, on
A5, A4 and an 80 mm roll.

Demo hall: window 3 (clerk 1003 张敏) serves 个体工商户注册登记 (gt-zc) and 食品经营许可
(sp-jy); windows 1, 2, 8 and 9 serve them too.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.devices.printing import PdfFolderPrinter, PrinterFault, notice_pdf
from shared.hall import Hall, NoticeInfo
from shared.rules.notices import print_fault_sentence
from shared.store.model import Event, EventKind, Ticket

from .conftest import local

FOOD = "sp-jy"  # 食品经营许可
APPLICATION = "食品经营许可申请书"
LICENCE = "营业执照复印件"
ID_COPY = "法定代表人（负责人）身份证件复印件"
TOOLS = ("pdftotext", "pdffonts", "pdftoppm", "pdfinfo", "zbarimg")


def events(hall: Hall, number: str, kind: EventKind) -> list[Event]:
    with hall.db.read() as s:
        return list(
            s.scalars(
                select(Event)
                .join(Ticket, Ticket.id == Event.ticket_id)
                .where(Ticket.number == number, Event.kind == kind)
                .order_by(Event.id)
            )
        )


def at_window_3(hall: Hall, service: str = FOOD) -> str:
    """A citizen of ``service`` called to window 3; their number."""
    number = hall.issue_ticket(service).number
    called = hall.call_next(3, "1003")
    assert called is not None and called.number == number
    return number


# -- the record ------------------------------------------------------------------------


def test_a_notice_records_what_is_missing_and_holds_the_ticket_to_fetch_it(
    hall: Hall, clock: FixedClock
) -> None:
    number = at_window_3(hall)
    clock.set(local(24, 10, 5))
    # Ticked in any order: the slip follows the service's own list.
    info = hall.give_notice(3, "1003", [ID_COPY, APPLICATION], "营业执照经营范围需包含食品销售")

    assert info.materials == (APPLICATION, ID_COPY)
    assert info.other == "营业执照经营范围需包含食品销售"
    assert (info.number, info.service_code, info.service_name) == (number, FOOD, "食品经营许可")
    assert (info.window_no, info.window_name) == (3, "个体工商户及食品经营许可窗口")
    assert (info.clerk_code, info.clerk_name) == ("1003", "张敏")
    assert info.serial.startswith("QC-20261124-")
    assert f"{info.at:%Y-%m-%d %H:%M %z}" == "2026-11-24 10:05 +0800"
    assert info.contact == hall.settings.notice.contact
    assert info.guide_url.endswith("/sp-jy") and "{service}" not in info.guide_url
    assert info.windows == (1, 2, 3, 8, 9) and info.return_by == "17:30"
    assert not info.reprint and info.reprints == 0

    ticket = hall.ticket(number)
    assert ticket.state == "held" and ticket.hold_kind == "fetch_materials"
    assert hall.desk(3).ticket is None  # the window is free for the next citizen
    [given] = events(hall, number, EventKind.NOTICE_GIVEN)
    assert given.data is not None
    assert given.data["materials"] == [APPLICATION, ID_COPY]
    assert given.data["other"] == "营业执照经营范围需包含食品销售"
    assert given.data["service"] == FOOD
    assert given.clerk_id == hall.settings.catalog.clerk("1003").id
    [held] = events(hall, number, EventKind.HELD)
    assert held.reason is not None and info.serial in held.reason
    assert held.data == {"hold_kind": "fetch_materials"}
    assert hall.notices() == [info]


def test_back_with_the_materials_the_citizen_goes_ahead_of_the_line_at_another_window(
    hall: Hall, clock: FixedClock
) -> None:
    number = at_window_3(hall)
    hall.give_notice(3, "1003", [LICENCE])
    clock.advance(minutes=5)
    line = [hall.issue_ticket(FOOD).number for _ in range(3)]
    clock.advance(minutes=40)
    with hall.db.read() as s:
        tickets_before = s.scalar(select(func.count(Ticket.id)))

    back = hall.return_from_hold(number)
    assert back.number == number and back.state == "waiting"
    called = hall.call_next(1, "1001")  # window 1, not the window that gave the notice
    assert called is not None and called.number == number
    assert called.service_code == FOOD and called.window_no == 1
    with hall.db.read() as s:
        assert s.scalar(select(func.count(Ticket.id))) == tickets_before  # no new ticket
    # And the line goes on in its own order after them.
    after = hall.call_next(2, "1002")
    assert after is not None and after.number == line[0]


def test_one_visit_gets_one_notice_and_the_second_is_refused_with_a_reprint_hint(
    hall: Hall, clock: FixedClock
) -> None:
    number = at_window_3(hall)
    clock.set(local(24, 9, 42))
    hall.give_notice(3, "1003", [APPLICATION])
    clock.set(local(24, 11, 0))
    hall.return_from_hold(number)
    assert hall.call_next(3, "1003") is not None  # back at the window, something still wrong

    with pytest.raises(HallError) as refused:
        hall.give_notice(3, "1003", [LICENCE])
    assert refused.value.code == "notice.already_given"
    sentence = refused.value.message("zh")
    assert number in sentence and "09:42" in sentence and "补打" in sentence
    assert "reprint" in refused.value.message("en")
    assert len(events(hall, number, EventKind.NOTICE_GIVEN)) == 1
    assert hall.ticket(number).state == "called"  # still in hand, nothing changed


def test_a_reprint_is_marked_counted_and_recorded(hall: Hall, clock: FixedClock) -> None:
    number = at_window_3(hall)
    first = hall.give_notice(3, "1003", [APPLICATION, LICENCE])
    clock.advance(minutes=20)
    again = hall.reprint_notice(number.lower(), 3, "1003")
    assert again.reprint and again.reprints == 1
    assert (again.serial, again.materials, again.at) == (first.serial, first.materials, first.at)
    assert hall.reprint_notice(number, 3, "1003").reprints == 2

    reprinted = events(hall, number, EventKind.NOTICE_REPRINTED)
    assert [e.data["reprints"] for e in reprinted if e.data] == [1, 2]
    assert all(e.window_id == hall.settings.catalog.window(3).id for e in reprinted)
    [listed] = hall.notices()
    assert listed.reprints == 2 and not listed.reprint
    assert hall.ticket(number).state == "held"  # a reprint changes nothing else


def test_a_reprint_of_a_ticket_without_a_notice_is_refused(hall: Hall) -> None:
    number = hall.issue_ticket(FOOD).number
    with pytest.raises(HallError) as refused:
        hall.reprint_notice(number, 3, "1003")
    assert refused.value.code == "notice.none"
    assert number in refused.value.message("zh")


@pytest.mark.parametrize(
    ("materials", "other", "code"),
    [
        (["营业执照正、副本"], None, "notice.unknown_material"),  # another service's material
        ([], "  ", "notice.empty"),
        ([" "], None, "notice.empty"),
    ],
)
def test_a_notice_must_name_something_from_the_service_or_in_words(
    hall: Hall, materials: list[str], other: str | None, code: str
) -> None:
    number = at_window_3(hall)
    with pytest.raises(HallError) as refused:
        hall.give_notice(3, "1003", materials, other)
    assert refused.value.code == code
    if code == "notice.unknown_material":
        assert "营业执照正、副本" in refused.value.message("zh")
        assert "食品经营许可" in refused.value.message("zh")
    assert hall.ticket(number).state == "called"  # nothing recorded, still in hand
    assert hall.notices() == []
    assert events(hall, number, EventKind.NOTICE_GIVEN) == []


def test_only_the_clerk_signed_in_at_the_window_gives_a_notice(hall: Hall) -> None:
    at_window_3(hall)
    with pytest.raises(HallError) as refused:
        hall.give_notice(3, "1004", [APPLICATION])
    assert refused.value.code == "window.signed_in_by_other"
    with pytest.raises(HallError) as empty:
        hall.give_notice(4, "1004", [APPLICATION])  # window 4 has nobody in hand
    assert empty.value.code == "window.no_ticket"


def test_a_printer_fault_reads_as_a_notice_recorded_but_not_printed() -> None:
    sentence = print_fault_sentence("B001", PrinterFault("printer.no_paper", printer="x"))
    assert "B001" in sentence and "已记录" in sentence and "缺纸" in sentence
    assert "取号单" not in sentence  # the kiosk's words are not the notice's
    english = print_fault_sentence("B001", PrinterFault("printer.offline", detail="off"), "en")
    assert "B001" in english and "recorded" in english and "off" in english


# -- the slip -------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def _poppler_and_zbar() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    assert not missing, f"install poppler-utils and zbar-tools: {missing} not found"


def run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def pdf_text(path: Path) -> str:
    return run("pdftotext", "-layout", str(path), "-")


def page_size_mm(path: Path) -> tuple[float, float, int]:
    info = run("pdfinfo", str(path))
    w, _, h = info.split("Page size:")[1].split()[:3]
    pages = int(info.split("Pages:")[1].split()[0])
    return float(w) / 72 * 25.4, float(h) / 72 * 25.4, pages


@pytest.fixture
def notice(hall: Hall, clock: FixedClock) -> NoticeInfo:
    at_window_3(hall)
    clock.set(local(24, 10, 5))
    return hall.give_notice(3, "1003", [APPLICATION, LICENCE], "经营场所平面图需标注面积")


def write(tmp_path: Path, info: NoticeInfo, paper: str) -> Path:
    path = PdfFolderPrinter(tmp_path / paper).print_pdf(notice_pdf(info, paper), info.file_stem)
    assert path is not None
    return path


def test_the_slip_says_what_is_missing_and_who_told_whom_when(
    notice: NoticeInfo, tmp_path: Path
) -> None:
    text = pdf_text(write(tmp_path, notice, "A5"))
    flat = "".join(text.split())
    for expected in (
        "青川区政务服务中心",
        "一次性告知单",
        notice.serial,
        "食品经营许可",
        notice.number,
        f"1.{APPLICATION}",
        f"2.{LICENCE}",
        "3.其他：经营场所平面图需标注面积",
        "3号窗口（个体工商户及食品经营许可窗口）",
        "张敏（工号1003）",
        "2026-11-2410:05",
        "咨询电话：028-12345678",
        "1、2、3、8、9号任一窗口",
        "无需重新取号",
        "扫码查看办事指南",
    ):
        assert "".join(expected.split()) in flat, expected
    assert "补打" not in flat
    assert ID_COPY not in flat  # only what is missing


def test_a_reprinted_slip_says_so(hall: Hall, notice: NoticeInfo, tmp_path: Path) -> None:
    again = hall.reprint_notice(notice.number, 3, "1003")
    path = write(tmp_path, again, "A5")
    assert "【补打】" in pdf_text(path)
    assert path != write(tmp_path, notice, "A5")  # the first copy's file is kept


def test_the_slip_embeds_its_chinese_font(notice: NoticeInfo, tmp_path: Path) -> None:
    rows = run("pdffonts", str(write(tmp_path, notice, "A5"))).splitlines()[2:]
    assert rows, "no font at all"
    for row in rows:
        assert row.split()[-5] == "yes", row  # emb
    assert any("ZenHei" in row or "MicroHei" in row for row in rows)


@pytest.mark.parametrize("paper", ["A5", "A4", "80mm"])
def test_the_qr_code_opens_the_services_guide_on_every_paper(
    notice: NoticeInfo, tmp_path: Path, paper: str
) -> None:
    path = write(tmp_path, notice, paper)
    png = tmp_path / "page"
    run("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", str(path), str(png))
    decoded = run("zbarimg", "-q", "--raw", f"{png}.png").strip()
    assert decoded == "https://yimen.example.gov.cn/guide/sp-jy" == notice.guide_url


@pytest.mark.parametrize(
    ("paper", "width", "height"), [("A5", 148, 210), ("A4", 210, 297), ("80mm", 80, None)]
)
def test_each_paper_gives_a_page_of_its_size_that_reads_whole(
    notice: NoticeInfo, tmp_path: Path, paper: str, width: float, height: float | None
) -> None:
    path = write(tmp_path, notice, paper)
    w, h, pages = page_size_mm(path)
    assert abs(w - width) < 0.5 and pages == 1
    if height is not None:
        assert abs(h - height) < 0.5
    else:
        assert 100 < h < 400  # a receipt as long as it needs
    flat = "".join(pdf_text(path).split())
    for expected in (APPLICATION, LICENCE, notice.number, notice.serial, "咨询电话"):
        assert expected in flat, (paper, expected)


@pytest.mark.parametrize("paper", ["A5", "A4", "80mm"])
def test_a_long_list_loses_nothing(notice: NoticeInfo, tmp_path: Path, paper: str) -> None:
    many = tuple(f"第{i}项：相关证明文件原件及复印件（加盖单位公章）" for i in range(1, 41))
    info = dataclasses.replace(notice, materials=many)
    path = write(tmp_path, info, paper)
    flat = "".join(pdf_text(path).split())
    for i, name in enumerate(many, 1):
        assert f"{i}.{name}" in flat, name
    assert "41.其他：经营场所平面图需标注面积" in flat
    assert "扫码查看办事指南" in flat and "咨询电话" in flat
    _, _, pages = page_size_mm(path)
    if paper == "80mm":
        assert pages == 1  # the roll grows instead
    else:
        assert pages >= 2
        assert f"共{pages}页" in flat and "一次性告知单（续）" in flat


def test_the_return_time_is_left_out_once_the_hall_has_closed(
    hall: Hall, clock: FixedClock, notice: NoticeInfo, tmp_path: Path
) -> None:
    assert notice.return_by == "17:30"
    clock.set(local(24, 17, 45))  # a copy asked for after closing
    late = hall.reprint_notice(notice.number, 3, "1003")
    assert late.return_by is None
    flat = "".join(pdf_text(write(tmp_path, late, "A5")).split())
    assert "17:30前" not in flat and "无需重新取号" in flat


# -- the command ------------------------------------------------------------------------


def test_the_command_gives_and_reprints_a_notice_and_writes_the_slip(
    hall: Hall,
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from shared.cli import main

    monkeypatch.setenv("YIMEN_NOW", "2026-11-24T10:05:00+08:00")
    monkeypatch.delenv("YIMEN_DB", raising=False)
    number = at_window_3(hall)
    slip = tmp_path / "notice.pdf"
    code = main(
        ["notice", "3", "--clerk", "1003", "--db", db_url, "--material", LICENCE,
         "--material", APPLICATION, "--other", "经营范围需含食品销售", "--pdf", str(slip)]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert f"  1. {APPLICATION}\n  2. {LICENCE}\n  3. 其他：经营范围需含食品销售" in out
    assert f"{number} 号已挂起（群众取材料）" in out and "1、2、3、8、9 号任一窗口" in out
    assert str(slip) in out and number in pdf_text(slip)
    assert hall.ticket(number).state == "held"

    again = tmp_path / "again.pdf"
    code = main(
        ["notice", "--reprint", number, "3", "--clerk", "1003", "--db", db_url, "--json",
         "--pdf", str(again)]
    )  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["reprint"] is True and data["reprints"] == 1
    assert data["materials"] == [APPLICATION, LICENCE] and data["number"] == number
    assert "【补打】" in pdf_text(again)

    code = main(["notice", "3", "--clerk", "1003", "--db", db_url, "--material", LICENCE])
    err = capsys.readouterr().err
    assert code == 2 and "没有正在呼叫或办理的号码" in err  # the window's hands are empty


def test_a_reprint_at_a_paused_window_leaves_it_paused(hall: Hall) -> None:
    number = at_window_3(hall)
    hall.give_notice(3, "1003", [APPLICATION])
    hall.pause(3, "1003")
    assert hall.reprint_notice(number, 3, "1003").reprints == 1
    assert hall.desk(3).window.paused
