"""The daily notice and ranking (一天一通报、一天一排名) and the month's report as
documents: an A4 PDF for the supervisor's desk and the wall, and a CSV file Excel opens.

* `report_pdf` lays out a `Report` and its `Ranking`\\ s: the hall's name, the title and
  the range; the hall at a glance; the ranking of the windows and of the clerks (the last
  three marked in words and with ▼, the third day running with ▼▼ and 约谈), those not
  ranked and why; charts (served and satisfaction per window, waiting by the hour of
  issue); every figure per window, per clerk and per service in tables that run on over
  pages with their head repeated; and the notes: what each figure means and how the
  ranking is made. Every page is numbered 第 2 页 / 共 5 页; the CJK font is embedded.
* `write_report_csv` writes one group's figures (a row per window, clerk or service, a
  column per figure) as UTF-8 with a BOM.
* The terminal's notice (`yimen report`) takes its lines from the same helpers
  (`summary_items`, `ranking_rows`, `figure_rows`), so a figure reads alike everywhere.

The figures and their definitions are the core's (`shared.rules.figures`); nothing is
computed here but the layout.
"""

from __future__ import annotations

import calendar
import csv
import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from shared.base.errors import EnvironmentFault
from shared.base.messages import render
from shared.devices.printing import cjk_font
from shared.rules import figures as fg

UNITS = ("window", "clerk", "service")
_ALL = frozenset({"window", "clerk", "service", "hall"})
_PEOPLE = frozenset({"window", "clerk", "hall"})  # what a post and its holder do
_RANKED = frozenset({"window", "clerk"})
NONE = "—"  # a figure no ticket of the range gives (a mean of nothing)

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


@dataclass(frozen=True)
class Column:
    """One figure as a column of the tables and the CSV file."""

    name: str  # the `Figures` attribute (or ``level.<level>``), the JSON key
    kind: str  # count, minutes or points (one decimal), whole_minutes, percent (one decimal)
    groups: frozenset[str]  # the units it is counted for
    part: str  # the PDF's table: "work" or "other"; "csv": the CSV file only

    def value(self, f: fg.Figures) -> int | float | None:
        """The figure, rounded as it is printed (None: no ticket gives one)."""
        if self.name.startswith("level."):
            return f.levels[self.name.removeprefix("level.")]
        raw = getattr(f, self.name)
        if raw is None:
            return None
        if self.kind in ("minutes", "points", "percent"):
            return round(float(raw), 1)
        return int(raw)

    def text(self, f: fg.Figures, none: str = NONE) -> str:
        v = self.value(f)
        if v is None:
            return none
        return f"{v:.1f}" if isinstance(v, float) else str(v)

    def head(self, lang: str) -> str:
        """The figure's short name (a table's head)."""
        if self.name.startswith("level."):
            return render(self.name, lang)
        return render(f"documents.report.head.{self.name}", lang)

    def csv_head(self, lang: str) -> str:
        """The short name with its unit (a CSV column)."""
        if self.name.startswith("level."):
            level = self.name.removeprefix("level.")
            return render("documents.report.col.level", lang, level=level)
        if self.kind == "minutes":
            return render("documents.report.col.minutes", lang, label=self.head(lang))
        if self.kind == "percent":
            return render("documents.report.col.percent", lang, label=self.head(lang))
        return self.head(lang)


COLUMNS: tuple[Column, ...] = (
    Column("served", "count", _ALL, "work"),
    Column("handled", "count", _RANKED, "work"),
    Column("wait_mean", "minutes", _ALL, "work"),
    Column("wait_p90", "minutes", _ALL, "work"),
    Column("handling_mean", "minutes", _ALL, "work"),
    Column("handling_p90", "minutes", _ALL, "work"),
    Column("no_shows", "count", _ALL, "work"),
    Column("transfers", "count", _ALL, "work"),
    Column("holds", "count", _ALL, "work"),
    Column("call_backs", "count", _ALL, "work"),
    Column("reviews", "count", _ALL, "other"),
    Column("satisfaction", "percent", _ALL, "other"),
    *(Column(f"level.{level}", "count", _ALL, "csv") for level in fg.LEVELS),
    Column("bad", "count", _ALL, "other"),
    Column("bad_open", "count", _ALL, "other"),
    Column("handovers", "count", _PEOPLE, "other"),
    Column("away_minutes", "whole_minutes", _PEOPLE, "other"),
    Column("empty_post_minutes", "whole_minutes", frozenset({"window", "hall"}), "other"),
    Column("extended", "count", _ALL, "other"),
    Column("extended_minutes", "whole_minutes", _ALL, "other"),
    Column("notices", "count", _ALL, "other"),
    Column("noon_gap_days", "count", frozenset({"hall"}), "other"),
    Column("noon_gap_minutes", "whole_minutes", frozenset({"hall"}), "other"),
    Column("credit", "points", _RANKED, "csv"),
)


def columns(group: str, part: str | None = None) -> list[Column]:
    """The columns counted for ``group``: all of them (the CSV), or one table's."""
    return [c for c in COLUMNS if group in c.groups and (part is None or c.part == part)]


def figure_values(f: fg.Figures, group: str | None = None) -> dict[str, Any]:
    """A unit's figures by name, as printed (for ``--json``)."""
    out: dict[str, Any] = {"group": f.group, "key": f.key, "name": f.name}
    for c in columns(group or f.group):
        out[c.name] = c.value(f)
    return out


# -- words ---------------------------------------------------------------------------------


def report_title(first: date, last: date, lang: str) -> str:
    """What the range is called: a day's notice, a week's or a month's report, or a range."""
    if first == last:
        return render(
            "documents.report.title.day", lang, year=first.year, month=first.month, day=first.day
        )
    month_end = calendar.monthrange(first.year, first.month)[1]
    if first.day == 1 and last == first.replace(day=month_end):
        return render("documents.report.title.month", lang, year=first.year, month=first.month)
    if first.weekday() == 0 and last == first + timedelta(days=6):
        year, week, _ = first.isocalendar()
        return render("documents.report.title.week", lang, year=year, week=week)
    return render("documents.report.title.range", lang, first=first, last=last)


def range_text(r: fg.Range, lang: str) -> str:
    if r.first == r.last:
        weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[r.first.weekday()]
        return render("documents.report.range.day", lang, first=r.first, weekday=weekday)
    return render("documents.report.range.days", lang, first=r.first, last=r.last, days=r.days)


def unit_label(f: fg.Figures, lang: str) -> str:
    """A unit as a list names it: 3号窗口, 张敏（1003）, 企业设立登记."""
    if f.group == "window":
        return render("documents.report.window", lang, number=f.key)
    if f.group == "clerk":
        return render("documents.report.clerk", lang, name=f.name, code=f.key)
    if f.group == "hall":
        return render("documents.report.hall_row", lang)
    return f.name


def _num(v: float | None) -> str:
    return NONE if v is None else f"{v:.1f}"


def _percent(v: float | None) -> str:
    return NONE if v is None else f"{v:.1f}%"


def summary_items(h: fg.Figures, lang: str) -> list[tuple[str, str]]:
    """The hall at a glance: (label, value with its unit)."""

    def say(code: str, **params: Any) -> str:
        return render(code, lang, **params)

    return [
        (say("documents.report.label.served"), say("documents.report.sum.served", count=h.served)),
        (
            say("documents.report.label.wait"),
            say("documents.report.sum.times", mean=_num(h.wait_mean), p90=_num(h.wait_p90)),
        ),
        (
            say("documents.report.label.handling"),
            say(
                "documents.report.sum.times",
                mean=_num(h.handling_mean),
                p90=_num(h.handling_p90),
            ),
        ),
        (
            say("documents.report.label.events"),
            say(
                "documents.report.sum.events",
                no_shows=h.no_shows,
                transfers=h.transfers,
                holds=h.holds,
                call_backs=h.call_backs,
            ),
        ),
        (
            say("documents.report.label.reviews"),
            say("documents.report.sum.reviews", count=h.reviews, rate=_percent(h.satisfaction)),
        ),
        (
            say("documents.report.label.bad"),
            say("documents.report.sum.bad", count=h.bad, open=h.bad_open),
        ),
        (
            say("documents.report.label.posts"),
            say("documents.report.sum.posts", count=h.handovers, minutes=h.away_minutes),
        ),
        (
            say("documents.report.label.empty_posts"),
            say("documents.report.sum.minutes", minutes=h.empty_post_minutes),
        ),
        (
            say("documents.report.label.noon"),
            say("documents.report.sum.noon", days=h.noon_gap_days, minutes=h.noon_gap_minutes),
        ),
        (
            say("documents.report.label.extended"),
            say("documents.report.sum.extended", count=h.extended, minutes=h.extended_minutes),
        ),
        (
            say("documents.report.label.notices"),
            say("documents.report.sum.notices", count=h.notices),
        ),
    ]


def ranking_heads(group: str, lang: str) -> list[str]:
    return [
        render("documents.report.rank.place", lang),
        render(f"documents.report.key.{group}", lang),
        render(f"documents.report.name.{group}", lang),
        render("documents.report.rank.score", lang),
        render("documents.report.rank.work", lang, points=f"{fg.WORK_POINTS:.0f}"),
        render("documents.report.rank.satisfaction", lang, points=f"{fg.SATISFACTION_POINTS:.0f}"),
        render("documents.report.rank.penalty", lang),
        render("documents.report.head.served", lang),
        render("documents.report.head.handled", lang),
        render("documents.report.rank.mark", lang),
    ]


def mark_text(r: fg.Ranked, lang: str) -> str:
    """The last three in words and a mark (▼), the third day running (▼▼ 约谈); else ""."""
    if r.third_running:
        return render("documents.report.rank.third_running", lang)
    if r.last:
        return render("documents.report.rank.last", lang)
    return ""


def ranking_rows(ranking: fg.Ranking, lang: str) -> list[list[str]]:
    """One row per ranked unit, in the order of `ranking_heads`."""
    return [
        [
            str(r.place),
            r.figures.key,
            r.figures.name,
            f"{r.score:.1f}",
            f"{r.work:.1f}",
            f"{r.satisfaction:.1f}",
            f"−{r.penalty:.1f}" if r.penalty else "0.0",
            str(r.figures.served),
            str(r.figures.handled),
            mark_text(r, lang),
        ]
        for r in ranking.ranked
    ]


def ranking_notes(ranking: fg.Ranking, report: fg.Report, lang: str) -> list[str]:
    """Who takes part, who is not ranked and why, who handled nothing."""
    per_day = fg.MIN_TICKETS_A_DAY
    lines = [
        render("documents.report.rank.minimum", lang, per_day=per_day, minimum=ranking.minimum)
    ]
    if not ranking.ranked:
        nobody = render(f"documents.report.rank.units.{ranking.group}", lang)
        lines.append(render("documents.report.rank.nobody", lang, units=nobody))
    if ranking.unranked:
        units = [
            render(
                "documents.report.rank.unranked_unit",
                lang,
                name=unit_label(u, lang),
                handled=u.handled,
            )
            for u in ranking.unranked
        ]
        lines.append(
            render("documents.report.rank.unranked", lang, minimum=ranking.minimum, units=units)
        )
    listed = {r.figures.key for r in ranking.ranked} | {u.key for u in ranking.unranked}
    idle = [unit_label(u, lang) for u in report.group(ranking.group) if u.key not in listed]
    if idle:
        lines.append(render("documents.report.rank.idle", lang, names=idle))
    if report.range.first != report.range.last:
        lines.append(render("documents.report.rank.streak_daily", lang))
    return lines


def figure_heads(group: str, part: str | None, lang: str) -> list[str]:
    return [
        render(f"documents.report.key.{group}", lang),
        render(f"documents.report.name.{group}", lang),
        *(c.head(lang) for c in columns(group, part)),
    ]


def figure_rows(
    report: fg.Report, group: str, part: str | None, lang: str, *, hall_row: bool = True
) -> list[list[str]]:
    """A row per unit of ``group`` (and the hall's last), in the order of `figure_heads`."""
    cols = columns(group, part)
    rows = [[f.key, f.name, *(c.text(f) for c in cols)] for f in report.group(group)]
    if hall_row:
        h = report.hall
        rows.append(["", render("documents.report.hall_row", lang), *(c.text(h) for c in cols)])
    return rows


# -- the CSV file ----------------------------------------------------------------------------


def write_report_csv(path: Path, report: fg.Report, group: str, lang: str) -> int:
    """One group's figures as a CSV file Excel opens (UTF-8 with BOM): a row per window,
    clerk or service, a column per figure, numbers plain (minutes and percentages with one
    decimal, a figure no ticket gives left empty). Returns the rows written."""
    cols = columns(group)
    header = [
        render(f"documents.report.key.{group}", lang),
        render(f"documents.report.name.{group}", lang),
        *(c.csv_head(lang) for c in cols),
    ]
    units = report.group(group)
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            for u in units:
                writer.writerow([u.key, u.name, *(c.text(u, none="") for c in cols)])
    except OSError as exc:
        raise EnvironmentFault(
            "file.unwritable", path=str(path), detail=exc.strerror or str(exc)
        ) from None
    return len(units)


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


__all__ = [
    "COLUMNS",
    "Column",
    "columns",
    "figure_heads",
    "figure_rows",
    "figure_values",
    "mark_text",
    "range_text",
    "ranking_heads",
    "ranking_notes",
    "ranking_rows",
    "report_pdf",
    "report_title",
    "summary_items",
    "unit_label",
    "write_report_csv",
]
