"""What a ticket slip says and how it is printed: one layout (a reportlab PDF with the
CJK font embedded and the review QR code), and the printers behind one small interface.

* `ticket_slip` gathers what DOMAIN.md's "ticket slip content" asks for, as plain data.
* `slip_pdf` lays it out once, 80 mm (or 58 mm) wide; every printer prints that PDF:
  `PdfFolderPrinter` keeps it as a file (the default), `EscPosPrinter` rasterises it for
  a receipt printer over USB, serial or the network (asking the printer for paper first),
  and the system printer by name lives with Qt (`shared.qt.printing.SystemPrinter`).
* A printer that cannot print raises `PrinterFault` with a code (printer.offline,
  printer.no_paper, …): the ticket was issued all the same; the kiosk shows it on screen
  and says so, and staff see a printer-fault event.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from shared.errors import EnvironmentFault

if TYPE_CHECKING:
    from PIL.Image import Image

    from shared.config import KioskConfig
    from shared.hall import TicketInfo

#: TrueType CJK fonts that reportlab can embed, first found wins (Debian, then Windows).
FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
)
FONT_NAME = "YimenCJK"
PRINTER_DOTS = {80: 576, 58: 384}  # printable dots across a 203-dpi receipt printer


class PrinterFault(EnvironmentFault):
    """The printer cannot print now; the ticket stands, the kiosk says so in a sentence."""


@dataclass(frozen=True)
class Slip:
    """A ticket slip's content, in the order it is printed."""

    hall_name: str
    zone_name: str
    number: str
    service_name: str
    windows: tuple[int, ...]
    ahead: int
    wait_minutes: int | None
    issued_at: datetime  # in the hall's time
    marks: tuple[str, ...]  # 绿色通道, 预约, 补打
    id_last6: str | None
    review_url: str  # the QR code's content
    notice: str
    width_mm: int = 80
    kiosk: str | None = None

    @property
    def file_stem(self) -> str:
        return f"{self.issued_at:%Y%m%d-%H%M%S}-{self.number}"


def ticket_slip(t: TicketInfo, kiosk: KioskConfig, tz: Any, station: str | None = None) -> Slip:
    marks = []
    if t.priority == "green":
        marks.append("绿色通道")
    if t.priority == "appointment":
        marks.append("预约")
    if t.reprint:
        marks.append("补打")
    return Slip(
        hall_name=t.hall_name,
        zone_name=t.zone_name,
        number=t.number,
        service_name=t.service_name,
        windows=t.windows,
        ahead=t.ahead,
        wait_minutes=t.estimated_wait_minutes,
        issued_at=t.issued_at.astimezone(tz),
        marks=tuple(marks),
        id_last6=t.id_last6,
        review_url=kiosk.review_url + t.review_code,
        notice=kiosk.slip_notice,
        width_mm=kiosk.slip_width_mm,
        kiosk=station,
    )


def windows_text(windows: Sequence[int]) -> str:
    return "、".join(str(w) for w in windows) + "号窗口" if windows else "请咨询导服人员"


def wait_text(ahead: int, minutes: int | None) -> str:
    """前面还有 3 人，预计等候约 12 分钟 (or 即将叫号 when nobody is ahead)."""
    if minutes is None:
        return f"前面还有 {ahead} 人，等候时间暂无法估计"
    if minutes == 0:
        return f"前面还有 {ahead} 人，即将叫号"
    return f"前面还有 {ahead} 人，预计等候约 {minutes} 分钟"


# -- the layout --------------------------------------------------------------------------


_font_registered: str | None = None


def cjk_font() -> str:
    """Register the first CJK TrueType font found; its name for reportlab."""
    global _font_registered
    if _font_registered:
        return _font_registered
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    extra = os.environ.get("YIMEN_CJK_FONT")
    candidates = ((extra, 0), *FONT_CANDIDATES) if extra else FONT_CANDIDATES
    for path, index in candidates:
        if Path(path).is_file():
            pdfmetrics.registerFont(TTFont(FONT_NAME, path, subfontIndex=index))
            _font_registered = FONT_NAME
            return FONT_NAME
    raise PrinterFault("printer.no_font", detail=", ".join(p for p, _ in FONT_CANDIDATES))


def qr_png(text: str) -> bytes:
    import qrcode

    img = qrcode.make(text, border=1, error_correction=qrcode.constants.ERROR_CORRECT_M)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def slip_pdf(slip: Slip) -> bytes:
    """The slip as a one-page PDF exactly as wide as the paper, as long as it needs."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    font = cjk_font()
    narrow = slip.width_mm < 70
    width = slip.width_mm * mm
    margin = (3 if narrow else 4) * mm
    inner = width - 2 * margin
    body = 8.5 if narrow else 10
    qr_side = (26 if narrow else 32) * mm

    # Lines from the top: (text, size, centred).
    lines: list[tuple[str, float, bool]] = [
        (slip.hall_name, body + 2, True),
        (slip.zone_name, body, True),
    ]
    if slip.marks:
        lines.append(("【" + "】【".join(slip.marks) + "】", body + 2, True))
    lines.append((slip.number, 34 if narrow else 44, True))
    for part in _wrap(slip.service_name, font, body + 2, inner, stringWidth):
        lines.append((part, body + 2, True))
    lines += [
        (wait_text(slip.ahead, slip.wait_minutes), body, False),
        (f"受理窗口：{windows_text(slip.windows)}", body, False),
        (f"取号时间：{slip.issued_at:%Y-%m-%d %H:%M}", body, False),
    ]
    if slip.id_last6:
        lines.append((f"证件尾号：{slip.id_last6}", body, False))
    footer = [("扫码查看排队进度、评价服务（码上监督）", body - 1.5, True)]
    footer += [
        (part, body - 0.5, True)
        for part in _wrap(slip.notice, font, body - 0.5, inner, stringWidth)
    ]
    if slip.kiosk:
        footer.append((f"取号机 {slip.kiosk}", body - 2.5, True))

    def height_of(rows: list[tuple[str, float, bool]]) -> float:
        return sum(size * 1.45 for _, size, _ in rows)

    page_height = margin * 2 + height_of(lines) + qr_side + 3 * mm + height_of(footer)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, page_height), initialFontName=font)
    c.setTitle(f"{slip.hall_name} {slip.number}")
    c.setAuthor(slip.hall_name)
    y = page_height - margin

    def draw(rows: list[tuple[str, float, bool]]) -> None:
        nonlocal y
        for text, size, centred in rows:
            y -= size * 1.2
            c.setFont(font, size)
            if centred:
                c.drawCentredString(width / 2, y, text)
            else:
                c.drawString(margin, y, text)
            y -= size * 0.25

    draw(lines)
    y -= 1.5 * mm + qr_side
    c.drawImage(
        ImageReader(io.BytesIO(qr_png(slip.review_url))), (width - qr_side) / 2, y, qr_side, qr_side
    )
    y -= 1.5 * mm
    draw(footer)
    c.showPage()
    c.save()
    return buf.getvalue()


def _wrap(text: str, font: str, size: float, width: float, measure: Any) -> list[str]:
    """Break CJK text (no spaces needed) into lines that fit ``width``."""
    out, line = [], ""
    for ch in text:
        if line and measure(line + ch, font, size) > width:
            out.append(line)
            line = ""
        line += ch
    return [*out, line] if line else out


def pdf_to_image(pdf: bytes, width_px: int) -> Image:
    """The first page of a PDF as a 1-bit image ``width_px`` dots wide (receipt printers)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        scale = width_px / page.get_width()
        image = page.render(scale=scale, grayscale=True).to_pil()
    finally:
        doc.close()
    result: Image = image.point(lambda v: 0 if v < 160 else 255).convert("1")
    return result


# -- the printers ------------------------------------------------------------------------


class Printer(Protocol):
    """Where a station's slips go."""

    description: str

    def print_pdf(self, pdf: bytes, name: str) -> Path | None:
        """Print one document; raise `PrinterFault` when it cannot. Returns the file it
        wrote, for printers that write one."""


class PdfFolderPrinter:
    """Keeps each slip as a PDF in a folder: the default, and the archive of what a kiosk
    printed. A full disk or a folder it may not write is a printer fault like any other."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.description = f"PDF → {folder}"

    def print_pdf(self, pdf: bytes, name: str) -> Path:
        path = self.folder / f"{_safe(name)}.pdf"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".part")
            tmp.write_bytes(pdf)
            os.replace(tmp, path)
        except OSError as exc:
            raise PrinterFault(
                "printer.folder", path=str(self.folder), detail=exc.strerror or str(exc)
            ) from None
        return path


class EscPosPrinter:
    """An ESC/POS receipt printer over USB, serial or the network (python-escpos). Before
    each slip it asks the printer whether it is online and has paper; the slip is sent as
    a raster image of its PDF, so Chinese prints the same on every model."""

    def __init__(self, connection: str, width_mm: int = 80, timeout: float = 5.0) -> None:
        self.connection = connection
        self.width_px = PRINTER_DOTS.get(width_mm, 576)
        self.timeout = timeout
        self.description = f"ESC/POS {connection}"

    def _open(self) -> Any:
        kind, _, where = self.connection.partition(":")
        try:
            if kind == "tcp":
                from escpos.printer import Network

                host, _, port = where.rpartition(":")
                printer: Any = Network(host or where, int(port or 9100), timeout=self.timeout)
            elif kind == "serial":
                from escpos.printer import Serial

                printer = Serial(devfile=where, timeout=self.timeout)
            elif kind == "usb":
                from escpos.printer import Usb

                vendor, product = (int(x, 16) for x in where.split(":")[:2])
                printer = Usb(vendor, product, timeout=int(self.timeout * 1000))
            else:
                raise PrinterFault("printer.bad_spec", spec=self.connection)
            printer.open()
        except PrinterFault:
            raise
        except Exception as exc:  # no such device, refused, no driver (pyusb, pyserial)
            raise PrinterFault(
                "printer.offline", printer=self.connection, detail=str(exc)
            ) from None
        return printer

    def print_pdf(self, pdf: bytes, name: str) -> None:
        printer = self._open()
        try:
            try:
                online = printer.is_online()
                paper = printer.paper_status()
            except Exception as exc:
                raise PrinterFault(
                    "printer.offline", printer=self.connection, detail=str(exc)
                ) from None
            if not online:
                raise PrinterFault("printer.offline", printer=self.connection, detail="offline")
            if paper == 0:
                raise PrinterFault("printer.no_paper", printer=self.connection)
            try:
                printer.image(pdf_to_image(pdf, self.width_px), center=True)
                printer.cut()
            except Exception as exc:
                raise PrinterFault(
                    "printer.failed", printer=self.connection, detail=str(exc)
                ) from None
        finally:
            with contextlib.suppress(Exception):
                printer.close()


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name)


def default_slip_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "yimen" / "slips"


def printer_from_spec(spec: str | None, width_mm: int = 80) -> Printer:
    """A station's printer from its setting: ``pdf:FOLDER`` (the default, in the user's
    documents folder), ``escpos:tcp:HOST[:PORT]``, ``escpos:serial:/dev/ttyUSB0`` or
    ``escpos:usb:VID:PID`` (hex); ``system:NAME`` is made by the Qt apps."""
    if not spec:
        return PdfFolderPrinter(default_slip_folder())
    kind, _, rest = spec.partition(":")
    if kind == "pdf" and rest:
        return PdfFolderPrinter(Path(rest))
    if kind == "escpos" and rest:
        return EscPosPrinter(rest, width_mm)
    raise PrinterFault("printer.bad_spec", spec=spec)


__all__ = [
    "EscPosPrinter",
    "PdfFolderPrinter",
    "Printer",
    "PrinterFault",
    "Slip",
    "cjk_font",
    "default_slip_folder",
    "pdf_to_image",
    "printer_from_spec",
    "slip_pdf",
    "ticket_slip",
]
