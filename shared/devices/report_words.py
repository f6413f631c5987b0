"""The words and tables both report documents share (`shared.devices.reports`): each figure
as a column (`Column`, `COLUMNS`: its head, its unit, how it is rounded and printed), what
a range is called, the hall at a glance, the ranking's rows and notes, the figures' rows.
The PDF (`shared.devices.report_pdf`), the CSV file and the terminal's notice
(`yimen report`) take their lines from here, so a figure reads alike everywhere.

The figures and their definitions are the core's (`shared.rules.figures`); nothing is
computed here but the words.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from shared.base.messages import render
from shared.rules import figures as fg

UNITS = ("window", "clerk", "service")
_ALL = frozenset({"window", "clerk", "service", "hall"})
_PEOPLE = frozenset({"window", "clerk", "hall"})  # what a post and its holder do
_RANKED = frozenset({"window", "clerk"})
NONE = "—"  # a figure no ticket of the range gives (a mean of nothing)


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
    out: dict[str, Any] = {"group": f.group, "key": f.key, "name": f.name, "name_en": f.name_en}
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
    return f.named(lang)


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
            r.figures.named(lang),
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
    rows = [[f.key, f.named(lang), *(c.text(f) for c in cols)] for f in report.group(group)]
    if hall_row:
        h = report.hall
        rows.append(["", render("documents.report.hall_row", lang), *(c.text(h) for c in cols)])
    return rows
