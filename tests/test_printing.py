"""The ticket slip checked as a citizen and a hall's IT would: its text read back, its
Chinese font embedded, its QR code decoded to an address whose code finds the ticket;
and each printer: the PDF folder, and an ESC/POS receipt printer on the network that is
asked for paper first (a fake printer speaking the protocol on the loopback)."""

from __future__ import annotations

import re
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.base.clock import FixedClock
from shared.devices.printing import (
    EscPosPrinter,
    PdfFolderPrinter,
    PrinterFault,
    pdf_to_image,
    printer_from_spec,
    slip_pdf,
    ticket_slip,
)
from shared.hall import Hall

from .conftest import local

ID = "11010519491231002X"


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def write_slip(hall: Hall, tmp_path: Path, **issue: object) -> tuple[Path, str]:
    t = hall.issue_ticket("gt-zc", kiosk="K1", **issue)  # type: ignore[arg-type]
    slip = ticket_slip(t, hall.settings.kiosk, hall.settings.tz, "K1")
    path = PdfFolderPrinter(tmp_path / "slips").print_pdf(slip_pdf(slip), slip.file_stem)
    return path, t.number


def test_the_slip_says_everything_a_citizen_needs(hall: Hall, tmp_path: Path) -> None:
    hall.issue_ticket("gt-zc")
    path, number = write_slip(hall, tmp_path)
    text = pdf_text(path)
    for expected in (
        "青川区政务服务中心",
        "商事经营",
        number,
        "个体工商户注册登记",
        "前面还有 1 人",
        "受理窗口：1、2、3、8、9号窗口",
        "取号时间：2026-11-24 09:30",
        "请留意叫号，过号需重新取号",
        "取号机 K1",
    ):
        assert expected in text, expected
    assert "证件尾号" not in text and "绿色通道" not in text


def test_marks_and_the_id_tail_appear_only_when_they_apply(hall: Hall, tmp_path: Path) -> None:
    green, _ = write_slip(hall, tmp_path, green=True, id_number=ID)
    text = pdf_text(green)
    assert "【绿色通道】" in text and "证件尾号：31002X" in text and ID not in text
    again, _ = write_slip(hall, tmp_path, green=True, id_number=ID)  # the same person again
    assert "补打" in pdf_text(again)


def test_the_chinese_font_is_embedded_and_nothing_depends_on_the_printer(
    hall: Hall, tmp_path: Path
) -> None:
    path, _ = write_slip(hall, tmp_path)
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts, "no font at all"
    for row in fonts:
        cols = row.split()
        assert cols[-5] == "yes", row  # emb
    assert any("ZenHei" in row or "MicroHei" in row for row in fonts)


def test_the_qr_code_opens_the_review_page_of_this_very_ticket(hall: Hall, tmp_path: Path) -> None:
    path, number = write_slip(hall, tmp_path)
    png = tmp_path / "slip"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-singlefile", str(path), str(png)], check=True
    )
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", f"{png}.png"], capture_output=True, text=True, check=True
    ).stdout.strip()
    base = hall.settings.kiosk.review_url
    assert decoded.startswith(base)
    assert hall.ticket_by_review_code(decoded[len(base) :]).number == number


def test_the_short_code_under_the_qr_finds_this_very_ticket(hall: Hall, tmp_path: Path) -> None:
    hall.issue_ticket("gt-zc")
    path, number = write_slip(hall, tmp_path)
    found = re.search(r"评价短码 (\d+-\d{6})", pdf_text(path))
    assert found, pdf_text(path)
    assert hall.ticket_by_review_code(found[1]).number == number
    assert hall.ticket_by_review_code(found[1].replace("-", "")).number == number  # typed


def test_a_58_mm_slip_is_58_mm_wide(hall: Hall, tmp_path: Path) -> None:
    t = hall.issue_ticket("sp-jy")
    narrow = hall.settings.kiosk.model_copy(update={"slip_width_mm": 58})
    pdf = tmp_path / "58.pdf"
    pdf.write_bytes(slip_pdf(ticket_slip(t, narrow, hall.settings.tz)))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    width_pt = float(info.split("Page size:")[1].split()[0])
    assert abs(width_pt / 72 * 25.4 - 58) < 0.5
    assert "食品经营许可" in pdf_text(pdf)


def test_a_folder_that_cannot_be_written_is_a_printer_fault_with_a_sentence(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(PrinterFault) as exc:
        PdfFolderPrinter(blocker / "slips").print_pdf(b"%PDF-1.4", "A001")
    assert exc.value.code == "printer.folder"
    assert "无法把取号单保存" in exc.value.message("zh")


# -- an ESC/POS printer on the network -----------------------------------------------------


class FakeReceiptPrinter:
    """A network receipt printer on the loopback: answers DLE EOT status queries and keeps
    everything else it is sent."""

    ONLINE = b"\x12"  # bit 3 clear: online
    PAPER_OK = b"\x12"  # 18
    NO_PAPER = b"\x72"  # 114

    def __init__(self, paper: bytes = b"\x12") -> None:
        self.paper = paper
        self.received = bytearray()
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(1)
        self.port = self.server.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            buf = b""
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                buf += chunk
                while b"\x10\x04" in buf:
                    head, _, rest = buf.partition(b"\x10\x04")
                    self.received += head
                    if not rest:
                        buf = b"\x10\x04"
                        break
                    conn.sendall(self.ONLINE if rest[:1] == b"\x01" else self.paper)
                    buf = rest[1:]
                else:
                    self.received += buf
                    buf = b""

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def slip_bytes(hall: Hall) -> bytes:
    t = hall.issue_ticket("gt-zc")
    return slip_pdf(ticket_slip(t, hall.settings.kiosk, hall.settings.tz))


@pytest.fixture
def receipt_printer() -> Iterator[FakeReceiptPrinter]:
    p = FakeReceiptPrinter()
    yield p
    p.close()


@pytest.mark.parametrize("db_kind", ["sqlite"], indirect=True)
def test_a_receipt_printer_with_paper_gets_the_slip_as_an_image_and_a_cut(
    slip_bytes: bytes, receipt_printer: FakeReceiptPrinter
) -> None:
    EscPosPrinter(f"tcp:127.0.0.1:{receipt_printer.port}").print_pdf(slip_bytes, "B001")
    receipt_printer.thread.join(10)
    sent = bytes(receipt_printer.received)
    assert b"\x1dv0" in sent  # GS v 0: a raster image
    assert b"\x1dV" in sent  # GS V: cut
    assert len(sent) > 576 // 8 * 500  # hundreds of dot lines, 72 bytes each


@pytest.mark.parametrize("db_kind", ["sqlite"], indirect=True)
def test_a_receipt_printer_out_of_paper_prints_nothing_and_says_so(slip_bytes: bytes) -> None:
    empty = FakeReceiptPrinter(paper=FakeReceiptPrinter.NO_PAPER)
    try:
        with pytest.raises(PrinterFault) as exc:
            EscPosPrinter(f"tcp:127.0.0.1:{empty.port}").print_pdf(slip_bytes, "B001")
        empty.thread.join(10)
    finally:
        empty.close()
    assert exc.value.code == "printer.no_paper"
    assert "缺纸" in exc.value.message("zh") and "号码已经取到" in exc.value.message("zh")
    assert b"\x1dv0" not in bytes(empty.received)


def test_a_receipt_printer_that_is_off_is_offline(tmp_path: Path) -> None:
    free = socket.socket()
    free.bind(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()  # nobody listens there
    with pytest.raises(PrinterFault) as exc:
        EscPosPrinter(f"tcp:127.0.0.1:{port}", timeout=2).print_pdf(b"%PDF", "A001")
    assert exc.value.code == "printer.offline"


def test_the_raster_is_as_wide_as_the_paper(hall: Hall) -> None:
    t = hall.issue_ticket("gt-zc")
    image = pdf_to_image(slip_pdf(ticket_slip(t, hall.settings.kiosk, hall.settings.tz)), 576)
    assert image.width == 576 and image.mode == "1"


def test_a_station_names_its_printer_in_one_setting(tmp_path: Path) -> None:
    assert isinstance(printer_from_spec(f"pdf:{tmp_path}"), PdfFolderPrinter)
    assert isinstance(printer_from_spec("escpos:tcp:10.0.0.9"), EscPosPrinter)
    assert isinstance(printer_from_spec(None), PdfFolderPrinter)
    with pytest.raises(PrinterFault) as exc:
        printer_from_spec("lpt1")
    assert exc.value.code == "printer.bad_spec"


def test_a_reprinted_ticket_keeps_its_time(hall: Hall, clock: FixedClock, tmp_path: Path) -> None:
    write_slip(hall, tmp_path, id_number=ID)
    clock.set(local(24, 10, 5))
    again, _ = write_slip(hall, tmp_path, id_number=ID)
    assert "取号时间：2026-11-24 09:30" in pdf_text(again)
