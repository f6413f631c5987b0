"""The one-time notice from the console (Ctrl+N), pytest-qt offscreen, on SQLite and
PostgreSQL: the clerk at window 3 ticks what the citizen handed over, Ctrl+N offers the
rest, Enter prints the slip (a PDF in the printer's folder) and holds the ticket; back
with the materials, a second Ctrl+N offers the reprint. A printer that fails leaves the
notice recorded, and Ctrl+N reprints it once the printer works again.

The console runs in English here, so the assertions read the source texts."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter.window import CounterWindow
from shared.base.clock import FixedClock
from shared.devices.printing import PdfFolderPrinter, notice_pdf, notice_width_mm, pdf_to_images
from shared.hall import Hall
from shared.qt.i18n import set_language

from .test_counter import WAIT, key, sign_in

pytestmark = pytest.mark.gui

FOOD = "sp-jy"  # 食品经营许可, served at window 3
APPLICATION = "食品经营许可申请书"


@pytest.fixture(autouse=True)
def _english(qapp: object) -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh")


@pytest.fixture
def db_url(unstaffed_db_url: str) -> str:
    """The console signs its clerk in itself."""
    return unstaffed_db_url


def open_console(qtbot: QtBot, hall: Hall, folder: Path) -> CounterWindow:
    w = CounterWindow(hall, 3, lang="en", printer=PdfFolderPrinter(folder))
    qtbot.addWidget(w)
    w.show()
    return w


def ctrl_n(qtbot: QtBot, w: CounterWindow) -> None:
    """Ctrl+N, and the panel shown (it first asks the core whether a notice exists)."""
    w.close_panel()
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.side.currentWidget() is w.notice_panel, timeout=WAIT)


def pdfs(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pdf"), key=lambda p: p.stat().st_mtime_ns)


def flat_text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return "".join(out.split())


def handed_over(w: CounterWindow, name: str) -> None:
    """The clerk ticks a material in the desk's checklist, as the citizen hands it over."""
    [box] = [b for b in w.checklist.ticks() if b.text() == name]
    box.click()
    assert box.isChecked()


def test_ctrl_n_prints_what_is_missing_holds_the_ticket_and_then_offers_the_reprint(
    qtbot: QtBot, hall: Hall, clock: FixedClock, tmp_path: Path
) -> None:
    folder = tmp_path / "notices"
    w = open_console(qtbot, hall, folder)
    number = hall.issue_ticket(FOOD).number
    hall.issue_ticket(FOOD)  # someone waiting behind
    sign_in(qtbot, w)
    key(qtbot, w, Qt.Key.Key_F1)
    materials = hall.settings.catalog.service(FOOD).materials
    handed_over(w, APPLICATION)

    ctrl_n(qtbot, w)
    panel = w.notice_panel
    missing = [m for m in materials if m != APPLICATION]
    assert panel.pages.currentWidget() is panel.give_page
    assert panel.ticked() == missing  # pre-ticked: all but what was handed over
    assert number in panel.what.text()
    panel.other.setText("营业执照经营范围需包含食品销售")
    qtbot.keyClick(panel.other, Qt.Key.Key_Return)  # Enter prints

    qtbot.waitUntil(lambda: len(pdfs(folder)) == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: "printed" in w.status.text(), timeout=WAIT)
    assert number in w.status.text() and "held" in w.status.text()
    text = flat_text(pdfs(folder)[0])
    for i, name in enumerate(missing, 1):
        assert f"{i}.{name}" in text, name
    assert f"{len(missing) + 1}.其他：营业执照经营范围需包含食品销售" in text
    assert APPLICATION not in text  # handed over: not asked for again
    assert number in text and "张敏" in text and "补打" not in text
    ticket = hall.ticket(number)
    assert ticket.state == "held" and ticket.hold_kind == "fetch_materials"
    qtbot.waitUntil(lambda: w.desk is not None and w.desk.ticket is None, timeout=WAIT)
    assert w.side.currentWidget() is w.line_page  # the panel closed

    # Back with the materials: the same number, ahead of the one waiting.
    clock.advance(minutes=30)
    hall.return_from_hold(number)
    desk = key(qtbot, w, Qt.Key.Key_F1)
    assert desk.ticket is not None and desk.ticket.number == number
    ctrl_n(qtbot, w)
    assert panel.pages.currentWidget() is panel.reprint_page
    assert panel.number.text() == number
    assert "reprint" in panel.reprint_sentence.text() and number in panel.reprint_sentence.text()
    qtbot.keyClick(panel.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(pdfs(folder)) == 2, timeout=WAIT)
    assert "【补打】" in flat_text(pdfs(folder)[-1])
    [notice] = hall.notices()
    assert notice.reprints == 1 and notice.number == number
    assert hall.ticket(number).state == "called"  # a reprint does not touch the ticket


def test_a_failed_print_keeps_the_notice_and_ctrl_n_prints_it_again(
    qtbot: QtBot, hall: Hall, tmp_path: Path
) -> None:
    blocker = tmp_path / "printer-off"
    blocker.write_text("")  # a file where the printer's folder should be: it cannot print
    folder = blocker / "notices"
    w = open_console(qtbot, hall, folder)
    number = hall.issue_ticket(FOOD).number
    sign_in(qtbot, w)
    key(qtbot, w, Qt.Key.Key_F1)

    ctrl_n(qtbot, w)
    panel = w.notice_panel
    for i in range(panel.missing.count()):  # nothing ticked, nothing written: refused
        panel.missing.item(i).setCheckState(Qt.CheckState.Unchecked)
    with qtbot.waitSignal(w.said, timeout=WAIT) as said:
        qtbot.keyClick(panel.missing, Qt.Key.Key_Return)
    assert "Tick the materials" in said.args[0] and number in said.args[0]
    assert w.side.currentWidget() is panel and hall.notices() == []

    panel.missing.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(panel.missing, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "did not print" in w.status.text(), timeout=WAIT)
    assert "recorded" in w.status.text() and "Ctrl+N" in w.status.text()
    assert number in w.status.text() and str(blocker) in w.status.text()
    assert hall.ticket(number).state == "held"
    [notice] = hall.notices()
    assert notice.reprints == 0

    blocker.unlink()  # the printer works again
    qtbot.waitUntil(lambda: w.desk is not None and w.desk.ticket is None, timeout=WAIT)
    ctrl_n(qtbot, w)  # no ticket in hand: the reprint, of the notice just given
    assert panel.pages.currentWidget() is panel.reprint_page
    assert panel.number.text() == number
    qtbot.keyClick(panel.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(pdfs(folder)) == 1, timeout=WAIT)
    assert "【补打】" in flat_text(pdfs(folder)[0])
    qtbot.waitUntil(lambda: "printed again" in w.status.text(), timeout=WAIT)


def test_a_notice_longer_than_a_sheet_prints_every_page_on_a_system_printer(
    qtbot: QtBot, hall: Hall, tmp_path: Path
) -> None:
    """Through QtPrintSupport (into Qt's own PDF output, no printer being installed)."""
    from shared.qt.printing import SystemPrinter

    hall.sign_in("1003", "demo1234", 3)
    hall.issue_ticket(FOOD)
    hall.call_next(3, "1003")
    long_list = "；".join(f"第{i}项补充说明材料及其复印件" for i in range(1, 60))
    info = hall.give_notice(3, "1003", [APPLICATION], long_list)
    pdf = notice_pdf(info, "A5")
    out = tmp_path / "printed.pdf"
    SystemPrinter("Office", width_mm=notice_width_mm("A5"), output_pdf=out).print_pdf(
        pdf, info.file_stem
    )
    pages = [
        line.split()
        for line in subprocess.run(
            ["pdfinfo", "-f", "1", "-l", "9", str(out)], capture_output=True, text=True
        ).stdout.splitlines()
        if line.startswith("Page") and "size" in line
    ]
    assert len(pages) == len(pdf_to_images(pdf, 100)) >= 2  # not only the first page
    for row in pages:  # each an A5 page: 148 × 210 mm
        w, h = float(row[3]) / 72 * 25.4, float(row[5]) / 72 * 25.4
        assert abs(w - 148) < 1 and abs(h - 210) < 2, row
