"""The ticket slip checked as a citizen and a hall's IT would: its text read back, its
Chinese font embedded, its QR code decoded to an address whose code finds the ticket;
and each printer: the PDF folder, and an ESC/POS receipt printer on the network that is
asked for paper first (a fake printer speaking the protocol on the loopback)."""

from __future__ import annotations

import ctypes
import re
import socket
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
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
        "当日有效",
        "请留意叫号，过号需重新取号",
        "取号机 K1",
    ):
        assert expected in text, expected
    assert "证件号码" not in text and "绿色通道" not in text


def test_marks_and_the_masked_id_appear_only_when_they_apply(hall: Hall, tmp_path: Path) -> None:
    green, _ = write_slip(hall, tmp_path, green=True, id_number=ID)
    text = pdf_text(green)
    assert "【绿色通道】" in text and "证件号码：**************002X" in text
    assert not id_runs_in(text)
    again, _ = write_slip(hall, tmp_path, green=True, id_number=ID)  # the same person again
    assert "补打" in pdf_text(again)


def id_runs_in(text: str, longest: int = 4) -> list[str]:
    """The runs of more than ``longest`` characters of the ID that ``text`` holds."""
    runs = {ID[i : i + longest + 1] for i in range(len(ID) - longest)}
    return [run for run in runs if run in text]


def test_an_appointment_slip_shows_the_last_4_characters_of_the_id_and_no_more(
    hall: Hall, tmp_path: Path
) -> None:
    appt = hall.book_appointment(
        "gt-zc", local(24, 10, 0), local(24, 10, 30), citizen_name="王强", id_number=ID
    )
    t = hall.check_in(appt.code, kiosk="K1")
    assert t.priority == "appointment" and t.id_last6 == "31002X"
    for lang, line in (("zh", "证件号码：**************002X"), ("en", "ID: **************002X")):
        pdf = tmp_path / f"appointment-{lang}.pdf"
        pdf.write_bytes(slip_pdf(ticket_slip(t, hall.settings.kiosk, hall.settings.tz, lang=lang)))
        text = pdf_text(pdf)
        assert line in text, text
        assert not id_runs_in(text), text
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert not id_runs_in(info)  # nor in the document's title or author
    assert "【预约】" in pdf_text(tmp_path / "appointment-zh.pdf")


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
        # The one font chosen for its mainland punctuation, a subset of it embedded.
        assert re.fullmatch(r"[A-Z]{6}\+WenQuanYiMicroHei(-\d+)?", cols[0]), row
        assert cols[1] == "TrueType", row


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


# -- how the slip reads on a mainland hall's thermal paper ---------------------------------


@dataclass(frozen=True)
class Drawn:
    """One line of text as the PDF draws it."""

    text: str
    size: float
    render_mode: int  # 0 fill, 2 fill and stroke
    stroke_width: float


def drawn_lines(pdf: bytes) -> list[Drawn]:
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        textpage = page.get_textpage()
        lines = []
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
            n = pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
            buf = ctypes.create_string_buffer(n)
            pointer = ctypes.cast(buf, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
            pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, pointer, n)
            size, width = ctypes.c_float(), ctypes.c_float()
            pdfium_c.FPDFTextObj_GetFontSize(obj.raw, ctypes.byref(size))
            pdfium_c.FPDFPageObj_GetStrokeWidth(obj.raw, ctypes.byref(width))
            lines.append(
                Drawn(
                    buf.raw[: n - 2].decode("utf-16-le"),
                    size.value,
                    pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw),
                    width.value,
                )
            )
        return lines
    finally:
        doc.close()


def ink_in_cell(pdf: bytes, mark: str) -> list[tuple[float, float]]:
    """Where the ink of each ``mark`` sits in its character cell: (across, up), each from 0
    (the cell's left or bottom) to 1, the cell as wide and as high as the type size."""
    doc = pdfium.PdfDocument(pdf)
    try:
        textpage = doc[0].get_textpage()
        text = textpage.get_text_range()
        found = []
        for i, ch in enumerate(text):
            if ch != mark:
                continue
            x, y = ctypes.c_double(), ctypes.c_double()
            pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, ctypes.byref(x), ctypes.byref(y))
            size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i)
            left, bottom, right, top = textpage.get_charbox(i)
            # The cell's bottom is the baseline less the descent, about 0.12 of the size.
            found.append(
                (
                    ((left + right) / 2 - x.value) / size,
                    ((bottom + top) / 2 - (y.value - 0.12 * size)) / size,
                )
            )
        return found
    finally:
        doc.close()


def test_full_width_punctuation_sits_at_the_bottom_left_of_its_cell_as_in_the_mainland(
    hall: Hall,
) -> None:
    hall.issue_ticket("gt-zc")
    t = hall.issue_ticket("gt-zc")
    pdf = slip_pdf(ticket_slip(t, hall.settings.kiosk, hall.settings.tz))
    commas, colons = ink_in_cell(pdf, "，"), ink_in_cell(pdf, "：")
    assert commas and colons
    # Centred (the Taiwan way, "2 人 ， 预计") would be 0.5 across.
    for across, up in commas:
        assert across < 0.35 and up < 0.35, (across, up)
    for across, _ in colons:
        assert across < 0.35, across


def test_the_number_and_the_marks_are_bold_the_other_lines_regular(hall: Hall) -> None:
    t = hall.issue_ticket("gt-zc", green=True)
    lines = drawn_lines(slip_pdf(ticket_slip(t, hall.settings.kiosk, hall.settings.tz)))
    by_text = {line.text: line for line in lines}
    for bold in (t.number, "【绿色通道】", "当日有效"):
        line = by_text[bold]
        assert line.render_mode == 2, line  # filled and stroked
        assert line.stroke_width >= 0.03 * line.size, line
    number = by_text[t.number]
    assert number.size == max(line.size for line in lines)
    regular = [line for line in lines if line.text.startswith(("前面还有", "受理窗口", "青川区"))]
    assert len(regular) == 3 and all(line.render_mode == 0 for line in regular)


def test_the_slip_says_valid_today_and_what_a_missed_call_means_once(
    hall: Hall, tmp_path: Path
) -> None:
    t = hall.issue_ticket("gt-zc")
    kiosk = hall.settings.kiosk
    assert "过号" in kiosk.slip_notice

    def text(notice: str, lang: str = "zh") -> str:
        pdf = tmp_path / "slip.pdf"
        own = kiosk.model_copy(update={"slip_notice": notice})
        pdf.write_bytes(slip_pdf(ticket_slip(t, own, hall.settings.tz, lang=lang)))
        return pdf_text(pdf)

    said = text(kiosk.slip_notice)  # the hall's notice says it: not twice
    assert "当日有效" in said and said.count("过号") == 1
    said = text("请妥善保管本单")  # the hall's notice does not
    assert "当日有效，过号请重新取号" in said and "请妥善保管本单" in said
    said = " ".join(text(kiosk.slip_notice, "en").split())
    assert "Valid today only; if you miss your call, please take a new ticket" in said
