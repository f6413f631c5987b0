"""What a ticket slip says and how it is printed: one layout (a reportlab PDF with the
CJK font embedded and the review QR code), and the printers behind one small interface.

* `ticket_slip` gathers what DOMAIN.md's "ticket slip content" asks for, as plain data.
* `slip_pdf` lays it out once, 80 mm (or 58 mm) wide; every printer prints that PDF:
  `PdfFolderPrinter` keeps it as a file (the default), `EscPosPrinter` rasterises it for
  a receipt printer over USB, serial or the network (asking the printer for paper first),
  and the system printer by name lives with Qt (`shared.qt.printing.SystemPrinter`).
* `notice_pdf` lays out the one-time notice (一次性告知单) a counter prints, on an A5 or
  A4 sheet or an 80 mm roll; it goes to the same printers.
* A printer that cannot print raises `PrinterFault` with a code (printer.offline,
  printer.no_paper, …): the ticket was issued all the same; the kiosk shows it on screen
  and says so, and staff see a printer-fault event.
"""

from __future__ import annotations

import contextlib
import enum
import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from shared.base.errors import EnvironmentFault
from shared.base.messages import render
from shared.config.hall_file import KioskConfig
from shared.hall import NoticeInfo, TicketInfo

if TYPE_CHECKING:
    from PIL.Image import Image


#: TrueType CJK fonts that reportlab can embed (glyf outlines: the CFF-based Noto/Source
#: Han OTF cannot be), first found wins: a path and the face's index in a .ttc collection.
#: The slip is read in a mainland hall, so the fonts come first whose full-width
#: punctuation (，。：；) sits at the bottom left of its cell as GB/T 15834 has it:
#: WenQuanYi Micro Hei (Debian's fonts-wqy-microhei, which .ci/system-deps installs), then
#: Windows' 微软雅黑, 黑体 and 宋体. WenQuanYi Zen Hei centres them the Taiwan way
#: ("2 人 ， 预计"): only a last resort, so that a slip still prints.
FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
)
FONT_NAME = "YimenCJK"
#: The fonts above have no bold face: a bold line is drawn filled and stroked, its outline
#: this fraction of the type size wide (the number and the marks, which a thermal head
#: prints faint in a regular weight).
BOLD_STROKE = 0.045
#: How many characters of an ID the slip shows: the last ones, after a mask as long as
#: the 18 characters of a resident ID card (**************002X).
ID_SHOWN = 4
ID_MASKED_LENGTH = 18
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
    marks: tuple[str, ...]  # in words: 绿色通道, 预约, 补打
    id_tail: str | None  # the last `ID_SHOWN` characters of the ID used, never more
    review_url: str  # the QR code's content
    notice: str
    width_mm: int = 80
    kiosk: str | None = None
    short_code: str = ""  # under the QR: the review code to type at the kiosk (57-483920)
    lang: str = "zh"  # the language of the slip's own words ("zh" or "en")
    wait_range: tuple[int, int] | None = None  # 约 25–35 分钟, when wide
    wait_today: bool = True  # False: likely not reached before closing

    @property
    def file_stem(self) -> str:
        return f"{self.issued_at:%Y%m%d-%H%M%S}-{self.number}"


def ticket_slip(
    t: TicketInfo, kiosk: KioskConfig, tz: Any, station: str | None = None, lang: str = "zh"
) -> Slip:
    marks = []
    if t.priority == "green":
        marks.append(render("documents.slip.mark.green", lang))
    if t.priority == "appointment":
        marks.append(render("documents.slip.mark.appointment", lang))
    if t.reprint:
        marks.append(render("documents.slip.mark.reprint", lang))
    return Slip(
        hall_name=t.hall_name,
        zone_name=t.zone_name,
        number=t.number,
        service_name=t.service_name,
        windows=t.windows,
        ahead=t.ahead,
        wait_minutes=t.estimated_wait_minutes,
        wait_range=t.wait_range,
        wait_today=t.wait_today,
        issued_at=t.issued_at.astimezone(tz),
        marks=tuple(marks),
        id_tail=t.id_last6[-ID_SHOWN:] if t.id_last6 else None,
        review_url=kiosk.review_url + t.review_code,
        notice=kiosk.slip_notice,
        width_mm=kiosk.slip_width_mm,
        kiosk=station,
        short_code=t.short_code,
        lang=lang,
    )


def windows_text(windows: Sequence[int], lang: str = "zh") -> str:
    """Where the ticket is served: 1、2号窗口, or ask a hall guide."""
    if not windows:
        return render("documents.slip.ask_guide", lang)
    listed = render("list.separator", lang).join(str(w) for w in windows)
    if len(windows) == 1:
        return render("documents.slip.window", lang, windows=listed)
    return render("documents.slip.windows", lang, windows=listed)


def masked_id(tail: str) -> str:
    """An ID as the slip shows it: its last characters after a mask (**************002X)."""
    tail = tail[-ID_SHOWN:]
    return "*" * (ID_MASKED_LENGTH - len(tail)) + tail


def validity_text(notice: str, lang: str = "zh") -> str:
    """当日有效, and that a missed call needs a new ticket unless the hall's own slip
    notice says so already (it names 过号; an English slip says it all, the notice being
    in the hall's Chinese)."""
    if render("documents.slip.no_show_word", lang) in notice:
        return render("documents.slip.valid_today", lang)
    return render("documents.slip.valid_today_no_show", lang)


def wait_text(
    ahead: int,
    minutes: int | None,
    lang: str = "zh",
    *,
    between: tuple[int, int] | None = None,
    today: bool = True,
) -> str:
    """前面还有 3 人，预计等候约 12 分钟, or 约 25–35 分钟 when the forecast's range is
    wide, 即将叫号 when called at once, or that today's windows will likely not reach it."""
    if minutes is None:
        return render("documents.slip.wait.unknown", lang, ahead=ahead)
    if not today:
        return render("documents.slip.wait.not_today", lang, ahead=ahead)
    if minutes == 0:
        return render("documents.slip.wait.soon", lang, ahead=ahead)
    if between is not None:
        low, high = between
        return render("documents.slip.wait.range", lang, ahead=ahead, low=low, high=high)
    return render("documents.slip.wait.minutes", lang, ahead=ahead, minutes=minutes)


# -- the layout --------------------------------------------------------------------------


_font_registered: str | None = None


def cjk_font() -> str:
    """Register the first CJK TrueType font found; its name for reportlab."""
    global _font_registered
    if _font_registered:
        return _font_registered
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    found = cjk_font_file()
    if found is None:
        raise PrinterFault("printer.no_font", detail=", ".join(p for p, _ in FONT_CANDIDATES))
    path, index = found
    pdfmetrics.registerFont(TTFont(FONT_NAME, path, subfontIndex=index))
    _font_registered = FONT_NAME
    return FONT_NAME


def font_candidates() -> tuple[tuple[str, int], ...]:
    """Where the CJK font is looked for, in order: ``YIMEN_CJK_FONT`` first, then the
    fonts of the usual systems (file, index in a collection)."""
    extra = os.environ.get("YIMEN_CJK_FONT")
    return ((extra, 0), *FONT_CANDIDATES) if extra else FONT_CANDIDATES


def cjk_font_file() -> tuple[str, int] | None:
    """The CJK font the documents embed: the first of `font_candidates` that exists."""
    return next(((p, i) for p, i in font_candidates() if Path(p).is_file()), None)


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
    lang = slip.lang
    narrow = slip.width_mm < 70
    width = slip.width_mm * mm
    margin = (3 if narrow else 4) * mm
    inner = width - 2 * margin
    body = 8.5 if narrow else 10
    qr_side = (26 if narrow else 32) * mm

    # Lines from the top: (text, size, centred, bold).
    lines: list[tuple[str, float, bool, bool]] = [
        (slip.hall_name, body + 2, True, False),
        (slip.zone_name, body, True, False),
    ]
    if slip.marks:
        marks = "".join(render("documents.slip.mark", lang, mark=m) for m in slip.marks)
        lines.append((marks, body + 2, True, True))
    lines.append((slip.number, 34 if narrow else 44, True, True))
    for part in _wrap(slip.service_name, font, body + 2, inner, stringWidth):
        lines.append((part, body + 2, True, False))
    windows = windows_text(slip.windows, lang)
    lines += [
        (
            wait_text(
                slip.ahead,
                slip.wait_minutes,
                lang,
                between=slip.wait_range,
                today=slip.wait_today,
            ),
            body,
            False,
            False,
        ),
        (render("documents.slip.windows_line", lang, windows=windows), body, False, False),
        (
            render("documents.slip.issued_at", lang, at=f"{slip.issued_at:%Y-%m-%d %H:%M}"),
            body,
            False,
            False,
        ),
    ]
    if slip.id_tail:
        masked = render("documents.slip.id_masked", lang, id=masked_id(slip.id_tail))
        lines.append((masked, body, False, False))
    for part in _wrap(validity_text(slip.notice, lang), font, body, inner, stringWidth):
        lines.append((part, body, False, True))
    footer = [(render("documents.slip.scan", lang), body - 1.5, True, False)]
    if slip.short_code:
        code = render("documents.slip.short_code", lang, code=slip.short_code)
        footer.insert(0, (code, body, True, False))
    footer += [
        (part, body - 0.5, True, False)
        for part in _wrap(slip.notice, font, body - 0.5, inner, stringWidth)
    ]
    if slip.kiosk:
        kiosk = render("documents.slip.kiosk", lang, kiosk=slip.kiosk)
        footer.append((kiosk, body - 2.5, True, False))

    def height_of(rows: list[tuple[str, float, bool, bool]]) -> float:
        return sum(size * 1.45 for _, size, _, _ in rows)

    page_height = margin * 2 + height_of(lines) + qr_side + 3 * mm + height_of(footer)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, page_height), initialFontName=font)
    c.setTitle(f"{slip.hall_name} {slip.number}")
    c.setAuthor(slip.hall_name)
    y = page_height - margin

    def draw(rows: list[tuple[str, float, bool, bool]]) -> None:
        nonlocal y
        for text, size, centred, bold in rows:
            y -= size * 1.2
            x = (width - stringWidth(text, font, size)) / 2 if centred else margin
            if bold:
                _draw_bold(c, text, x, y, font, size)
            else:
                c.setFont(font, size)
                c.drawString(x, y, text)
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


def _draw_bold(c: Any, text: str, x: float, y: float, font: str, size: float) -> None:
    """``text`` at (x, y) in a bold weight: the glyphs filled and stroked (text render mode
    2), as the fonts have no bold face."""
    c.saveState()
    c.setLineWidth(size * BOLD_STROKE)
    c.setLineJoin(1)  # round: no spikes at the strokes' corners
    t = c.beginText()
    t.setFont(font, size)
    t.setTextRenderMode(2)
    t.setTextOrigin(x, y)
    t.textOut(text)
    c.drawText(t)
    c.restoreState()


#: Where a line may end when it must: after a space or a mark that closes a phrase, so
#: that neither an English word nor a phrase like 城乡居民 is cut; and marks no line may
#: begin with (they stay at the end of the line before, in its margin).
_BREAK_AFTER = " 、，。；：）】》"
_NO_LINE_START = "、，。；：！？）】》,.;:!?)"


def _wrap(text: str, font: str, size: float, width: float, measure: Any) -> list[str]:
    """Break text into lines that fit ``width``: at a space or after a phrase's mark when
    one is in the second half of the line, else between any two characters (CJK needs no
    spaces)."""
    out, line = [], ""
    for ch in text:
        if line and ch not in _NO_LINE_START and measure(line + ch, font, size) > width:
            cut = max(line.rfind(mark) for mark in _BREAK_AFTER) + 1
            if cut <= len(line) // 2:
                cut = len(line)
            out.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        if line or ch != " ":
            line += ch
    return [*out, line] if line else out


# -- the one-time notice slip (一次性告知单) ------------------------------------------------

#: Sheets the counter prints the notice on, in mm; "80mm" is a receipt roll.
SHEETS_MM = {"A5": (148.0, 210.0), "A4": (210.0, 297.0)}


@dataclass(frozen=True)
class _NoticeLook:
    """Sizes of one paper's notice, in points."""

    width: float
    height: float | None  # None: a receipt roll, as long as the notice needs
    margin: float
    body: float  # the type of the details; the materials are a step larger
    title: float
    qr: float


def notice_width_mm(paper: str) -> int:
    """How wide the notice's paper is: what a printer is set up with."""
    return round(SHEETS_MM[paper][0]) if paper in SHEETS_MM else 80


def _notice_look(paper: str) -> _NoticeLook:
    from reportlab.lib.units import mm

    if paper in SHEETS_MM:
        w, h = SHEETS_MM[paper]
        a4 = paper == "A4"
        return _NoticeLook(
            width=w * mm,
            height=h * mm,
            margin=(18 if a4 else 11) * mm,
            body=13 if a4 else 11.5,
            title=26 if a4 else 21,
            qr=(34 if a4 else 26) * mm,
        )
    if paper == "80mm":
        return _NoticeLook(80 * mm, None, 4 * mm, body=9.5, title=17, qr=32 * mm)
    raise ValueError(f"unknown paper {paper!r}: A4, A5 or 80mm")


def notice_return_sentence(info: NoticeInfo, lang: str = "zh") -> str:
    """What the citizen does next, in one sentence: come back with the materials, show
    the slip at any window of the service, no new ticket, served first."""
    if info.windows:
        listed = render("list.separator", lang).join(str(n) for n in info.windows)
        if len(info.windows) == 1:
            where = render("documents.notice.at_window", lang, windows=listed)
        else:
            where = render("documents.notice.at_windows", lang, windows=listed)
    else:
        where = render("documents.notice.at_help_desk", lang)
    if info.return_by:
        return render(
            "documents.notice.return_by", lang, time=info.return_by, where=where, number=info.number
        )
    return render("documents.notice.return", lang, where=where, number=info.number)


def notice_pdf(info: NoticeInfo, paper: str = "A5", lang: str = "zh") -> bytes:
    """The one-time notice as a PDF, the CJK font embedded: on an A5 or A4 sheet (a long
    list goes on to further pages, never cut), or on an 80 mm receipt roll as long as it
    needs (``paper`` is the hall's ``[notice] paper``); its own words in ``lang``."""
    look = _notice_look(paper)
    if look.height is not None:
        first = _notice_document(info, look, look.height, None, lang)
        return _notice_document(info, look, look.height, first[1], lang)[0]
    # A receipt: one page, its length measured from the content.
    length = _notice_length(info, look, lang)
    for _ in range(4):
        pdf, pages = _notice_document(info, look, length, 1, lang)
        if pages == 1:
            return pdf
        length *= 1.15
    return pdf


def _notice_length(info: NoticeInfo, look: _NoticeLook, lang: str) -> float:
    from reportlab.lib.units import mm

    inner = look.width - 2 * look.margin
    total = 2 * look.margin + 2 * mm
    for f in _notice_story(info, look, lang):
        total += f.wrap(inner, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return float(total)


def _notice_document(
    info: NoticeInfo, look: _NoticeLook, height: float, total_pages: int | None, lang: str
) -> tuple[bytes, int]:
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    font = cjk_font()
    sheet = look.height is not None
    small = look.body - 2
    top = look.margin + (small * 2.8 if sheet else 0)
    bottom = look.margin + (small * 1.6 if sheet else 0)
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=(look.width, height),
        leftMargin=look.margin,
        rightMargin=look.margin,
        topMargin=top,
        bottomMargin=bottom,
        title=f"{render('documents.notice.title', lang)} {info.serial}",
        author=info.hall_name,
        subject=f"{info.service_name} {info.number}",
        initialFontName=font,  # no Helvetica, unembedded, on any page
        initialFontSize=look.body,
    )
    frame = Frame(
        look.margin,
        bottom,
        look.width - 2 * look.margin,
        height - top - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def decorate(c: Any, d: Any) -> None:
        if not sheet:
            return
        c.saveState()
        c.setFont(font, small)
        page = d.page
        if total_pages:
            foot = render(
                "documents.notice.page_of", lang, serial=info.serial, page=page, pages=total_pages
            )
        else:
            foot = render("documents.notice.page", lang, serial=info.serial, page=page)
        c.drawCentredString(look.width / 2, look.margin, foot)
        if page > 1:
            c.drawString(
                look.margin,
                height - look.margin - small,
                render(
                    "documents.notice.continued",
                    lang,
                    number=info.number,
                    service=info.service_name,
                ),
            )
        c.restoreState()

    doc.addPageTemplates([PageTemplate("notice", [frame], onPage=decorate)])
    doc.build(_notice_story(info, look, lang))
    return buf.getvalue(), int(doc.page)


def _notice_story(info: NoticeInfo, look: _NoticeLook, lang: str) -> list[Any]:
    """The notice from the top: title, who and what, the materials, what to do next,
    the guide's QR code and the hall's contact line."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, KeepTogether, Paragraph, Spacer, Table, TableStyle

    font = cjk_font()
    sheet = look.height is not None
    inner = look.width - 2 * look.margin
    body = look.body

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=size * 1.4, wordWrap="CJK", **kw
        )

    hall = style("hall", body + 1.5, alignment=TA_CENTER)
    serial = style("serial", body - 1, alignment=TA_CENTER if not sheet else TA_RIGHT)
    label_style = style("label", body, textColor=colors.black)
    value = style("value", body)
    number_style = style("number", body + 5)
    heading = style("heading", body + 1.5, spaceBefore=body * 0.9, spaceAfter=body * 0.4)
    item = style(
        "item",
        body + 1.5,
        leftIndent=(body + 1.5) * (1.9 if len(info.materials) < 9 else 2.3),
        bulletIndent=(body + 1.5) * 0.2,
        bulletFontName=font,
        bulletFontSize=body + 1.5,
        spaceAfter=body * 0.25,
    )
    if sheet:  # boxed by the table it shares with the QR code
        advice = style("advice", body + 1)
    else:
        advice = style(
            "advice",
            body + 0.5,
            spaceBefore=body * 1.5,
            spaceAfter=body * 0.6,
            borderWidth=0.8,
            borderColor=colors.black,
            borderPadding=body * 0.55,
            leftIndent=body * 0.55,
            rightIndent=body * 0.55,
        )
    caption = style("caption", body - 1, alignment=TA_CENTER)
    contact = style("contact", body)

    title = render("documents.notice.title", lang)
    story: list[Any] = [
        Paragraph(escape(info.hall_name), hall),
        _title_flowable(font, look.title, title),
    ]
    numbered = "documents.notice.serial_reprint" if info.reprint else "documents.notice.serial"
    story.append(Paragraph(render(numbered, lang, serial=escape(info.serial)), serial))

    if info.window_name:
        window = render(
            "documents.notice.window_named",
            lang,
            number=info.window_no,
            name=escape(info.window_name),
        )
    else:
        window = render("documents.notice.window", lang, number=info.window_no)
    clerk = render(
        "documents.notice.clerk", lang, name=escape(info.clerk_name), code=escape(info.clerk_code)
    )
    rows = [
        (
            render("documents.notice.label.service", lang),
            Paragraph(escape(info.service_name), value),
        ),
        (
            render("documents.notice.label.number", lang),
            Paragraph(escape(info.number), number_style),
        ),
        (render("documents.notice.label.window", lang), Paragraph(window, value)),
        (render("documents.notice.label.clerk", lang), Paragraph(clerk, value)),
        (render("documents.notice.label.at", lang), Paragraph(f"{info.at:%Y-%m-%d %H:%M}", value)),
    ]
    label_w = body * 5.2
    details = Table(
        [[Paragraph(a, label_style), b] for a, b in rows],
        colWidths=[label_w, inner - label_w],
    )
    details.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, body),  # Helvetica otherwise, unembedded
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 1), (-1, 1), "MIDDLE"),  # the number, a size larger
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), body * 0.15),
                ("BOTTOMPADDING", (0, 0), (-1, -1), body * 0.15),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black),
                ("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.black),
            ]
        )
    )
    story += [Spacer(1, body * 0.5), details]

    count = len(info.materials) + (1 if info.other else 0)
    ask = "documents.notice.materials" if sheet else "documents.notice.materials_short"
    story.append(Paragraph(render(ask, lang, count=count), heading))
    for i, name in enumerate(info.materials, 1):
        story.append(Paragraph(escape(name), item, bulletText=f"{i}."))
    if info.other:
        other = render("documents.notice.other", lang, other=escape(info.other))
        story.append(Paragraph(other, item, bulletText=f"{len(info.materials) + 1}."))
    qr = Image(io.BytesIO(qr_png(info.guide_url)), look.qr, look.qr)
    guide = [qr, Paragraph(render("documents.notice.guide", lang), caption)]
    # The contact line, broken where the hall's setting leaves a wide gap.
    foot_lines = [
        Paragraph(escape(part), contact) for part in re.split(r"\s{2,}", info.contact.strip())
    ]
    next_step = Paragraph(escape(notice_return_sentence(info, lang)), advice)
    if not sheet:  # one page, top to bottom
        return [*story, next_step, Spacer(1, body * 0.8), *guide, Spacer(1, 2), *foot_lines]
    # What to do next in a box, the guide's QR code beside it, the contact line under both:
    # kept together on one page.
    gap = body
    side = look.qr + 4 * mm
    table = Table([[next_step, guide]], colWidths=[inner - side - gap, side + gap])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, body),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOX", (0, 0), (0, 0), 0.8, colors.black),
                ("LEFTPADDING", (0, 0), (0, 0), body * 0.6),
                ("RIGHTPADDING", (0, 0), (0, 0), body * 0.6),
                ("TOPPADDING", (0, 0), (0, 0), body * 0.5),
                ("BOTTOMPADDING", (0, 0), (0, 0), body * 0.6),
                ("LEFTPADDING", (1, 0), (1, 0), gap),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("TOPPADDING", (1, 0), (1, 0), 0),
                ("BOTTOMPADDING", (1, 0), (1, 0), 0),
            ]
        )
    )
    story.append(KeepTogether([Spacer(1, body * 0.9), table, Spacer(1, body * 0.6), *foot_lines]))
    return story


def _title_flowable(font: str, size: float, title: str) -> Any:
    """The slip's title, centred, drawn a little heavier (the CJK font has no bold)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable

    class Title(Flowable):  # type: ignore[misc]
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = available_width
            return available_width, size * 1.45

        def draw(self) -> None:
            c = self.canv
            c.saveState()
            c.setLineWidth(size * 0.03)
            text = c.beginText()
            text.setFont(font, size)
            text.setTextRenderMode(2)  # fill and stroke: a heavier stroke
            text.setTextOrigin((self.width - stringWidth(title, font, size)) / 2, size * 0.32)
            text.textOut(title)
            c.drawText(text)
            c.restoreState()

    return Title()


def pdf_to_image(pdf: bytes, width_px: int) -> Image:
    """The first page of a PDF as a 1-bit image ``width_px`` dots wide (receipt printers)."""
    return pdf_to_images(pdf, width_px, pages=1)[0]


def pdf_to_images(pdf: bytes, width_px: int, pages: int | None = None) -> list[Image]:
    """Every page of a PDF (or the first ``pages``) as 1-bit images ``width_px`` dots wide:
    a notice on sheets may run to a second page."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    images: list[Image] = []
    try:
        for i in range(len(doc) if pages is None else min(pages, len(doc))):
            page = doc[i]
            scale = width_px / page.get_width()
            image = page.render(scale=scale, grayscale=True).to_pil()
            images.append(image.point(lambda v: 0 if v < 160 else 255).convert("1"))
    finally:
        doc.close()
    return images


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


class Paper(enum.Enum):
    """What a receipt printer says of its roll."""

    PRESENT = "present"
    LOW = "low"  # near its end: a slip or two, then out
    OUT = "out"


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

    def paper(self) -> Paper:
        """Ask the printer, as before every slip, whether it has paper (`Paper`);
        `PrinterFault` (``printer.offline``) when it cannot be reached or is off line.
        For the doctor and the kiosk's maintenance panel: nothing is printed."""
        printer = self._open()
        try:
            return self._paper(printer)
        finally:
            with contextlib.suppress(Exception):  # closing a device that went away
                printer.close()

    def _paper(self, printer: Any) -> Paper:
        """python-escpos' answers: online or not; paper 2 present, 1 near its end, 0 out."""
        try:
            online = printer.is_online()
            paper = printer.paper_status()
        except Exception as exc:
            raise PrinterFault(
                "printer.offline", printer=self.connection, detail=str(exc)
            ) from None
        if not online:
            raise PrinterFault("printer.offline", printer=self.connection, detail="offline")
        return {0: Paper.OUT, 1: Paper.LOW}.get(paper, Paper.PRESENT)

    def print_pdf(self, pdf: bytes, name: str) -> None:
        printer = self._open()
        try:
            if self._paper(printer) is Paper.OUT:
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


def default_notice_folder() -> Path:
    """Where a counter keeps its one-time notices as PDFs when it names no printer:
    beside the kiosk's slips."""
    return default_slip_folder().parent / "notices"


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
    "default_notice_folder",
    "default_slip_folder",
    "notice_pdf",
    "notice_return_sentence",
    "notice_width_mm",
    "pdf_to_image",
    "pdf_to_images",
    "printer_from_spec",
    "slip_pdf",
    "ticket_slip",
]
