"""The report as an A4 PDF (`report_pdf`) for the supervisor's desk and the wall: the
hall's name, the title and the range; the hall at a glance; the ranking of the windows and
of the clerks (the last three marked in words and with ▼, the third day running with ▼▼
and 约谈), those not ranked and why; charts (served and satisfaction per window, waiting by
the hour of issue); every figure per window, per clerk and per service in tables that run
on over pages with their head repeated; and the notes: what each figure means and how the
ranking is made. Every page is numbered 第 2 页 / 共 5 页; the CJK font is embedded.

Its words and rows are those the CSV file and the terminal share
(`shared.devices.report_words`); nothing is computed here but the layout.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from shared.base.messages import render
from shared.devices.printing import cjk_font
from shared.devices.report_words import (
    UNITS,
    figure_heads,
    figure_rows,
    range_text,
    ranking_heads,
    ranking_notes,
    ranking_rows,
    report_title,
    summary_items,
)
from shared.rules import figures as fg

# The report's colours, named once: print-friendly tints behind black text.
HEAD_BACKGROUND = "#E4E9F0"
GRID = "#9AA5B1"
HALL_ROW = "#F1F1F1"
LAST_THREE = "#FBE8C8"  # with ▼ and the words: never the colour alone
THIRD_RUNNING = "#F6CFC9"  # with ▼▼ and 约谈
BAR = "#3C6EA6"
BAR_SATISFACTION = "#4F8F62"
BAR_WAIT = "#B0703A"
RULE = "#3C6EA6"


# -- the PDF ---------------------------------------------------------------------------------

_MARGIN_MM = 16
_PADDING = 2.5  # a table cell's, left and right


def report_pdf(
    report: fg.Report,
    rankings: Sequence[fg.Ranking],
    *,
    hall_name: str,
    lang: str = "zh",
    title: str | None = None,
    hours: Sequence[int] | None = None,
    as_at: datetime | None = None,
) -> bytes:
    """The report as an A4 PDF, the CJK font embedded, in ``lang``. ``title`` says what
    the range is (default: `report_title`); ``hours`` are hours of the day the
    waiting-by-hour chart spans besides those with a ticket (the hours tickets are issued
    in, so that a quiet hour shows as one); ``as_at`` (in the hall's time) is printed as
    the moment of the figures."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    font = cjk_font()
    title = title or report_title(report.range.first, report.range.last, lang)
    heading = render("documents.report.heading", lang, hall=hall_name, title=title)
    width = A4[0]
    margin = _MARGIN_MM * mm
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin + 4 * mm,
        bottomMargin=margin + 2 * mm,
        title=heading,
        author=hall_name,
        subject=range_text(report.range, lang),
        initialFontName=font,  # no Helvetica, unembedded, anywhere
        initialFontSize=9,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate("report", [frame])])
    story = _story(report, rankings, hall_name, title, lang, hours, as_at, doc.width)
    doc.build(story, canvasmaker=_numbered_canvas(font, heading, lang, width, margin))
    return buf.getvalue()


def _numbered_canvas(font: str, heading: str, lang: str, width: float, margin: float) -> Any:
    """A canvas that keeps its pages until the end, then numbers each 第 n 页 / 共 N 页
    and gives every page after the first the report's heading."""
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    class Numbered(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._kept: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._kept.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._kept)
            for state in self._kept:
                self.__dict__.update(state)
                self._decorate(pages)
                super().showPage()
            super().save()

        def _decorate(self, pages: int) -> None:
            page = self.getPageNumber()
            self.saveState()
            self.setFont(font, 8)
            self.setFillColor(colors.black)
            foot = render("documents.report.page_of", lang, page=page, pages=pages)
            self.drawCentredString(width / 2, margin * 0.75, foot)
            if page > 1:
                top = self._pagesize[1] - margin * 0.8
                self.drawString(margin, top, heading)
                self.setStrokeColor(colors.HexColor(GRID))
                self.setLineWidth(0.5)
                self.line(margin, top - 4, width - margin, top - 4)
            self.restoreState()

    return Numbered


class _Styles:
    """The report's paragraph styles. Its own words wrap as their language does (English
    between words, Chinese between any two characters); the hall's names always as
    Chinese."""

    def __init__(self, font: str, lang: str) -> None:
        from reportlab.lib.enums import TA_CENTER
        from reportlab.lib.styles import ParagraphStyle

        wrap = "CJK" if render("documents.report.wrap", lang) == "CJK" else None

        def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
            kw.setdefault("leading", size * 1.35)
            kw.setdefault("wordWrap", wrap)
            return ParagraphStyle(name, fontName=font, fontSize=size, **kw)

        self.font = font
        self.hall = style("hall", 12, wordWrap="CJK")
        self.range = style("range", 9.5, spaceAfter=2)
        self.body = style("body", 9, spaceBefore=4, spaceAfter=2)
        self.note = style("note", 8, spaceBefore=2, spaceAfter=1)
        self.cell = style("cell", 8, wordWrap="CJK")  # a name of the hall's
        self.mark = style("mark", 8)
        self.label = style("label", 9)
        self.value = style("value", 9)
        self.definition = style("definition", 8.5, spaceAfter=3, leftIndent=10, firstLineIndent=-10)
        self.caption = style("caption", 9, spaceBefore=6, spaceAfter=2, keepWithNext=1)
        self.part = style("part", 9, spaceAfter=2)
        self._heads: dict[float, ParagraphStyle] = {}
        self._head_style: Callable[[float], ParagraphStyle] = lambda size: style(
            f"head{size}", size, leading=size * 1.2, alignment=TA_CENTER
        )

    def head(self, text: str, column: float) -> Any:
        """A table's head in its column: 7.5 pt, smaller (to 5.5) where a word of it would
        not fit the column's width and be cut."""
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.platypus import Paragraph

        inner = column - 2 * _PADDING
        longest = max((stringWidth(w, self.font, 7.5) for w in text.split()), default=0.0)
        size = 7.5 if longest <= inner else max(5.5, math.floor(72 * inner / longest) / 10)
        if size not in self._heads:
            self._heads[size] = self._head_style(size)
        return Paragraph(escape(text), self._heads[size])


def _story(
    report: fg.Report,
    rankings: Sequence[fg.Ranking],
    hall_name: str,
    title: str,
    lang: str,
    hours: Sequence[int] | None,
    as_at: datetime | None,
    width: float,
) -> list[Any]:
    from reportlab.platypus import CondPageBreak, Paragraph, Spacer

    st = _Styles(cjk_font(), lang)
    story: list[Any] = [
        Paragraph(escape(hall_name), st.hall),
        _heavy(title, 19, st.font, space_before=3, space_after=6),
    ]
    when = range_text(report.range, lang)
    if as_at is not None:
        when += " · " + render("documents.report.as_at", lang, at=f"{as_at:%Y-%m-%d %H:%M}")
    story += [Paragraph(escape(when), st.range), _rule(width, 1.2)]

    story += _section(render("documents.report.section.summary", lang), st)
    story.append(_summary_table(report.hall, lang, st, width))

    for ranking in rankings:
        story += _section(render(f"documents.report.section.ranking.{ranking.group}", lang), st)
        if ranking.ranked:
            story.append(_ranking_table(ranking, lang, st, width))
        story += [Paragraph(escape(line), st.note) for line in ranking_notes(ranking, report, lang)]

    story += _section(render("documents.report.section.charts", lang), st, room=230)
    story += _charts(report, lang, st, width, hours)

    for group in UNITS:
        story += _section(render(f"documents.report.section.figures.{group}", lang), st)
        for part in ("work", "other"):
            story += [
                CondPageBreak(80),
                Paragraph(escape(render(f"documents.report.part.{part}", lang)), st.part),
            ]
            story.append(_figures_table(report, group, part, lang, st, width))
            story.append(Spacer(1, 6))
        story.append(Paragraph(escape(render("documents.report.minutes_note", lang)), st.note))
        if group in ("clerk", "service"):
            story.append(
                Paragraph(escape(render("documents.report.not_applicable", lang)), st.note)
            )

    story += _section(render("documents.report.section.notes", lang), st)
    story.append(Paragraph(escape(render("documents.report.section.definitions", lang)), st.body))
    story += [
        Paragraph(escape(render(f"documents.report.def.{name}", lang)), st.definition)
        for name in fg.DEFINITIONS
    ]
    story.append(Paragraph(escape(render("documents.report.section.formula", lang)), st.body))
    story += [
        Paragraph(escape(text), st.definition)
        for text in (
            render("documents.report.formula.work", lang, work=f"{fg.WORK_POINTS:.0f}"),
            render(
                "documents.report.formula.satisfaction",
                lang,
                satisfaction=f"{fg.SATISFACTION_POINTS:.0f}",
            ),
            render(
                "documents.report.formula.penalty",
                lang,
                bad=f"{fg.BAD_REVIEW_POINTS:.0f}",
                empty=f"{fg.EMPTY_POST_POINTS:.0f}",
            ),
            render("documents.report.formula.bounds", lang, minimum=fg.MIN_TICKETS_A_DAY),
            render("documents.report.formula.last", lang, last=fg.LAST_PLACES),
        )
    ]
    return story


def _rule(width: float, thickness: float) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus.flowables import HRFlowable

    return HRFlowable(
        width=width, thickness=thickness, color=colors.HexColor(RULE), spaceBefore=2, spaceAfter=4
    )


def _section(text: str, st: _Styles, room: float = 110) -> list[Any]:
    """A section's heading, on the next page when less than ``room`` of this one is left
    (the heading and the first lines under it: a table's head and a few rows)."""
    from reportlab.platypus import CondPageBreak

    return [CondPageBreak(room), _heavy(text, 12.5, st.font, space_before=10, space_after=4)]


def _heavy(
    text: str,
    size: float,
    font: str,
    *,
    space_before: float = 0,
    space_after: float = 0,
) -> Any:
    """A line drawn a little heavier (filled and stroked: the CJK font has no bold)."""
    from reportlab.platypus import Flowable

    class Heavy(Flowable):  # type: ignore[misc]
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = available_width
            return available_width, size * 1.3

        def draw(self) -> None:
            c = self.canv
            c.saveState()
            c.setLineWidth(size * 0.03)
            t = c.beginText()
            t.setFont(font, size)
            t.setTextRenderMode(2)
            t.setTextOrigin(0, size * 0.28)
            t.textOut(text)
            c.drawText(t)
            c.restoreState()

    heavy = Heavy()
    heavy.spaceBefore = space_before
    heavy.spaceAfter = space_after
    return heavy


def _table_style(font: str, extra: Sequence[tuple[Any, ...]] = ()) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), font, 8),  # Helvetica otherwise, unembedded
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(GRID)),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEAD_BACKGROUND)),
            ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 1.8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
            *extra,
        ]
    )


def _summary_table(h: fg.Figures, lang: str, st: _Styles, width: float) -> Any:
    """The hall's figures two by two: label, value, label, value."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table

    items = summary_items(h, lang)
    cells = [
        (Paragraph(escape(label), st.label), Paragraph(escape(value), st.value))
        for label, value in items
    ]
    half = (len(cells) + 1) // 2
    rows = []
    for i in range(half):
        left = cells[i]
        right = cells[half + i] if half + i < len(cells) else ("", "")
        rows.append([*left, *right])
    label_w = width * 0.14
    table = Table(rows, colWidths=[label_w, width / 2 - label_w] * 2)
    table.setStyle(
        _table_style(
            st.font,
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.white),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor(HEAD_BACKGROUND)),
                ("BACKGROUND", (2, 0), (2, -1), colors.HexColor(HEAD_BACKGROUND)),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ],
        )
    )
    return table


def _ranking_table(ranking: fg.Ranking, lang: str, st: _Styles, width: float) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, Paragraph

    fixed = [24, 30, 0, 32, 46, 48, 30, 30, 32, 0]
    free = width - sum(fixed)
    widths = [w or 0.0 for w in fixed]
    widths[2], widths[9] = free * 0.52, free * 0.48
    heads = [st.head(h, w) for h, w in zip(ranking_heads(ranking.group, lang), widths, strict=True)]
    rows: list[list[Any]] = [heads]
    extra: list[tuple[Any, ...]] = []
    for i, (r, texts) in enumerate(zip(ranking.ranked, ranking_rows(ranking, lang), strict=True)):
        row: list[Any] = list(texts)
        row[2] = Paragraph(escape(texts[2]), st.cell)
        row[9] = Paragraph(escape(texts[9]), st.mark)
        rows.append(row)
        if r.third_running or r.last:
            tint = THIRD_RUNNING if r.third_running else LAST_THREE
            extra.append(("BACKGROUND", (0, i + 1), (-1, i + 1), colors.HexColor(tint)))
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        _table_style(
            st.font,
            [("ALIGN", (0, 1), (1, -1), "CENTER"), ("ALIGN", (3, 1), (8, -1), "RIGHT"), *extra],
        )
    )
    return table


def _figures_table(
    report: fg.Report, group: str, part: str, lang: str, st: _Styles, width: float
) -> Any:
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import LongTable, Paragraph

    texts = figure_heads(group, part, lang)
    body = figure_rows(report, group, part, lang)
    numbers = len(texts) - 2
    key_w = 40 if group == "service" else 32
    # The names on one line where they can be (up to 150 pt), the figures share the rest.
    longest = max((stringWidth(row[1], st.font, 8) for row in body), default=0.0)
    name_w = min(150.0, max(80.0, longest + 2 * _PADDING + 2))
    number_w = min(42.0, (width - key_w - name_w) / max(1, numbers))
    widths = [key_w, width - key_w - number_w * numbers, *([number_w] * numbers)]
    rows: list[list[Any]] = [[st.head(h, w) for h, w in zip(texts, widths, strict=True)]]
    for row in body:
        rows.append([row[0], Paragraph(escape(row[1]), st.cell), *row[2:]])
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    last = len(rows) - 1
    table.setStyle(
        _table_style(
            st.font,
            [
                ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("BACKGROUND", (0, last), (-1, last), colors.HexColor(HALL_ROW)),
                ("LINEABOVE", (0, last), (-1, last), 1.0, colors.black),
            ],
        )
    )
    return table


# -- the charts ------------------------------------------------------------------------------


def _charts(
    report: fg.Report, lang: str, st: _Styles, width: float, hours: Sequence[int] | None
) -> list[Any]:
    from reportlab.platypus import Paragraph

    windows = list(report.windows.values())
    labels = [w.key for w in windows]
    out: list[Any] = []

    def chart(caption: str, drawing: Any) -> None:
        out.extend([Paragraph(escape(caption), st.caption), drawing])  # kept together

    if any(w.served for w in windows):
        chart(
            render("documents.report.chart.served", lang),
            _bar_chart(st.font, width, labels, [float(w.served) for w in windows], BAR, "%d"),
        )
    rates = [w.satisfaction for w in windows]
    if any(r is not None for r in rates):
        chart(
            render("documents.report.chart.satisfaction", lang),
            _bar_chart(st.font, width, labels, rates, BAR_SATISFACTION, "%.0f", top=100.0),
        )
    by_hour = {h: (mean, n) for h, mean, n in report.wait_by_hour()}
    if by_hour:
        shown = [*by_hour, *(hours or ())]
        span = list(range(min(shown), max(shown) + 1))
        chart(
            render("documents.report.chart.wait_by_hour", lang),
            _bar_chart(
                st.font,
                width,
                [render("documents.report.chart.hour", lang, hour=h) for h in span],
                [by_hour[h][0] if h in by_hour else None for h in span],
                BAR_WAIT,
                "",
                labels_on_bars=[str(by_hour[h][1]) if h in by_hour else "" for h in span],
            ),
        )
    if not out:
        out.append(Paragraph(escape(render("documents.report.chart.none", lang)), st.note))
    return out


def _bar_chart(
    font: str,
    width: float,
    labels: Sequence[str],
    values: Sequence[float | None],
    color: str,
    value_format: str,
    *,
    top: float | None = None,
    labels_on_bars: Sequence[str] | None = None,
) -> Any:
    """A bar per label, its value over it (or ``labels_on_bars``); no bar for None."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    height = 150.0
    d = Drawing(width, height, initialFontName=font)  # no Helvetica, unembedded
    c = VerticalBarChart()
    c.x, c.y = 34, 26
    c.width, c.height = width - 44, height - 44
    c.data = [[v if v is not None else None for v in values]]
    c.bars[0].fillColor = colors.HexColor(color)
    c.bars[0].strokeColor = None
    c.barWidth = 10
    c.groupSpacing = 6
    c.categoryAxis.categoryNames = list(labels)
    c.categoryAxis.labels.fontName = font
    c.categoryAxis.labels.fontSize = 7.5 if len(labels) <= 30 else 6
    c.categoryAxis.labels.dy = -3
    c.valueAxis.labels.fontName = font
    c.valueAxis.labels.fontSize = 7.5
    c.valueAxis.valueMin = 0
    present = [v for v in values if v is not None]
    peak = max(present, default=0.0)
    whole = value_format == "%d"
    c.valueAxis.valueMax, c.valueAxis.valueStep = (top, top / 5) if top else _axis(peak, whole)
    c.valueAxis.gridStrokeColor = colors.HexColor(GRID)
    c.valueAxis.gridStrokeWidth = 0.25
    c.valueAxis.visibleGrid = True
    c.barLabels.fontName = font
    c.barLabels.fontSize = 7 if len(labels) <= 16 else 5.5 if len(labels) <= 32 else 4.5
    c.barLabels.nudge = 6
    if labels_on_bars is not None:
        c.barLabelArray = [list(labels_on_bars)]
        c.barLabelFormat = "values"
    else:

        def fmt(v: float | None) -> str:
            return value_format % v if v is not None else ""

        c.barLabelFormat = fmt
    d.add(c)
    return d


def _axis(peak: float, whole: bool = False) -> tuple[float, float]:
    """A value axis over ``peak`` with a little room above: (top, step), the step a round
    number (1, 2, 2.5 or 5 times a power of ten; a whole number when ``whole``) and at
    most six steps."""
    want = max(peak * 1.1, 1.0)
    scale = 1.0
    while scale * 10 < want:
        scale *= 10
    while scale > want:
        scale /= 10
    for step in (0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0):
        step *= scale
        if whole and step != int(step):
            continue
        steps = math.ceil(want / step)
        if steps <= 6:
            return round(step * steps, 6), step
    return want, want / 5  # not reached: 10 × scale ≥ want
