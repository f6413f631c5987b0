"""``yimen report``: the daily notice and ranking (一天一通报、一天一排名), a week's or a
month's report, in the terminal, as a PDF and as a CSV file.

The figures and the ranking are the hall's (`Hall.report`, `Hall.ranking`); the documents
are laid out by `shared.devices.reports`; this module reads the options, says what it
reads while it reads, and prints."""

from __future__ import annotations

import argparse
import re
import sys
import threading
from calendar import monthrange
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any, TextIO, TypeVar

from shared.base.errors import EnvironmentFault, HallError
from shared.base.messages import named
from shared.cli.common import Out, cells, hall_of, pad
from shared.devices import reports as rp
from shared.hall import Hall
from shared.rules import figures as fg

T = TypeVar("T")

#: The figures a service's line shows in the terminal (the CSV and the PDF have them all).
TERMINAL_FIGURES = (
    "served",
    "wait_mean",
    "wait_p90",
    "handling_mean",
    "reviews",
    "satisfaction",
    "bad",
)
_WEEK = re.compile(r"^(\d{4})-?[Ww](\d{1,2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


# -- the range -------------------------------------------------------------------------------


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise HallError("cli.report.bad_day", text=text) from None


def chosen_range(args: argparse.Namespace, today: date) -> tuple[date, date]:
    """The business days the options name: ``--day``, ``--week 2026-W48`` (Monday to
    Sunday), ``--month 2026-11``, ``--from D --to D``; today without any."""
    if args.week is not None:
        m = _WEEK.match(args.week.strip())
        try:
            if m is None:
                raise ValueError(args.week)
            first = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            raise HallError("cli.report.bad_week", text=args.week) from None
        return first, first + timedelta(days=6)
    if args.month is not None:
        m = _MONTH.match(args.month.strip())
        if m is None or not 1 <= int(m[2]) <= 12 or int(m[1]) < 1:
            raise HallError("cli.report.bad_month", text=args.month)
        year, month = int(m[1]), int(m[2])
        return date(year, month, 1), date(year, month, monthrange(year, month)[1])
    if args.first is not None or args.last is not None:
        if args.first is None or args.last is None:
            raise HallError("cli.report.need_both")
        first, last = _day(args.first), _day(args.last)
        if first > last:
            raise HallError("cli.report.backwards", first=first, last=last)
        return first, last
    if args.day is not None:
        day = _day(args.day)
        return day, day
    return today, today


# -- what the command says while it reads ------------------------------------------------------


class Progress:
    """A bar on standard error while a long range is read, for a person at a terminal.

    The bar fills as each call to the hall returns, in proportion to the days that call
    reads (the figures of the range, then each ranking, which reads them again); it never
    moves ahead of what is done. A spinner turns beside it while a call runs: it says the
    command is alive, not how far it is. Nothing is drawn when ``stream`` is not a
    terminal (a script, a log file) or when ``enabled`` is False."""

    SPINNER = "|/-\\"
    WIDTH = 24

    def __init__(self, out: Out, total: int, stream: TextIO | None = None, enabled: bool = True):
        self.out = out
        self.stream = stream if stream is not None else sys.stderr
        self.total = max(1, total)
        self.done = 0
        self.on = enabled and self.stream.isatty()
        self._width = 0

    def run(self, what: str, weight: int, job: Callable[[], T]) -> T:
        """``job()``, with ``what`` (a sentence of the table) beside the bar while it runs."""
        if not self.on:
            return job()
        stop = threading.Event()

        def spin() -> None:
            turn = 0
            while not stop.wait(0.12):
                turn += 1
                self._draw(what, self.SPINNER[turn % len(self.SPINNER)])

        self._draw(what, self.SPINNER[0])
        spinner = threading.Thread(target=spin, name="yimen-report-progress", daemon=True)
        spinner.start()
        try:
            return job()
        finally:
            stop.set()
            spinner.join()
            self.done = min(self.total, self.done + weight)
            self._draw(what, " ")

    def _draw(self, what: str, turn: str) -> None:
        filled = round(self.WIDTH * self.done / self.total)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        line = self.out.say(
            "cli.report.progress",
            turn=turn,
            what=self.out.say(what),
            bar=bar,
            percent=round(100 * self.done / self.total),
        )
        rest = max(0, self._width - cells(line))  # what is left of the longer line before
        self._width = cells(line)
        self.stream.write("\r" + line + " " * rest)
        self.stream.flush()

    def close(self) -> None:
        """Clear the bar's line, so what is printed next starts on a clean one."""
        if self.on and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()


# -- the terminal's notice ---------------------------------------------------------------------


def table_lines(heads: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    """Columns lined up for a terminal (CJK counted two wide), numbers to the right."""
    widths = [max(cells(str(r[i])) for r in [heads, *rows]) for i in range(len(heads))]
    return [
        "  ".join(pad(str(cell), widths[i], i in right) for i, cell in enumerate(row)).rstrip()
        for row in [heads, *rows]
    ]


def notice_lines(
    out: Out,
    report: fg.Report,
    ranking: fg.Ranking | None,
    group: str,
    *,
    hall_name: str,
    title: str,
    as_at: str,
) -> list[str]:
    """The notice as the terminal shows it: the heading, the hall's figures, then the
    group's ranking (or, for services, their figures)."""
    lang = out.lang
    lines = [
        out.say("documents.report.heading", hall=hall_name, title=title),
        out.say("cli.report.range", range=rp.range_text(report.range, lang), at=as_at),
        "",
        out.say("documents.report.section.summary"),
    ]
    lines += [
        out.say("cli.report.item", label=k, value=v) for k, v in rp.summary_items(report.hall, lang)
    ]
    lines.append("")
    if ranking is None:
        lines.append(out.say(f"documents.report.section.figures.{group}"))
        cols = [c for c in rp.columns(group) if c.name in TERMINAL_FIGURES]
        heads = [
            out.say(f"documents.report.key.{group}"),
            out.say(f"documents.report.name.{group}"),
            *(c.head(lang) for c in cols),
        ]
        rows = [[u.key, u.named(out.lang), *(c.text(u) for c in cols)] for u in report.group(group)]
        lines += table_lines(heads, rows, right=set(range(2, len(heads))))
        lines.append(out.say("documents.report.minutes_note"))
        return lines
    lines.append(out.say(f"documents.report.section.ranking.{group}"))
    if ranking.ranked:
        heads = rp.ranking_heads(group, lang)
        lines += table_lines(heads, rp.ranking_rows(ranking, lang), right={0, 3, 4, 5, 6, 7, 8})
    lines += rp.ranking_notes(ranking, report, lang)
    return lines


def ranking_data(ranking: fg.Ranking) -> dict[str, Any]:
    return {
        "group": ranking.group,
        "minimum": ranking.minimum,
        "ranked": [
            {
                "place": r.place,
                "key": r.figures.key,
                "name": r.figures.name,
                "score": r.score,
                "work": round(r.work, 1),
                "satisfaction": round(r.satisfaction, 1),
                "penalty": round(r.penalty, 1),
                "served": r.figures.served,
                "handled": r.figures.handled,
                "last": r.last,
                "third_running": r.third_running,
            }
            for r in ranking.ranked
        ],
        "unranked": [
            {"key": u.key, "name": u.name, "handled": u.handled} for u in ranking.unranked
        ],
    }


# -- the command -------------------------------------------------------------------------------


def _read(
    hall: Hall, out: Out, first: date, last: date, groups: Sequence[str]
) -> tuple[fg.Report, list[fg.Ranking]]:
    """The range's figures and the rankings of ``groups``, with the bar for a long range."""
    days = (last - first).days + 1
    streak = 2 if first == last else 0  # a day's ranking reads the two days before as well
    progress = Progress(out, days + len(groups) * (1 + streak), enabled=days > 1)
    try:
        report = progress.run("cli.report.reading.figures", days, lambda: hall.report(first, last))
        what = {"window": "cli.report.reading.windows", "clerk": "cli.report.reading.clerks"}
        earlier: dict[date, fg.Report] = {}  # a day's two days before, read once for both
        rankings = [
            progress.run(
                what[g],
                1 + streak,
                partial(hall.ranking, g, first, last, report=report, earlier=earlier),
            )  # the figures already read; a day's also reads the two days before
            for g in groups
        ]
    finally:
        progress.close()
    return report, rankings


def ticket_hours(hall: Hall, first: date, last: date) -> range:
    """The hours of the day the kiosks issue tickets in on the range's open days (the
    waiting-by-hour chart's span); empty when the hall opens on none of them."""
    openings = [
        o
        for o in (
            hall.settings.opening(first + timedelta(days=i)) for i in range((last - first).days + 1)
        )
        if o is not None
    ]
    if not openings:
        return range(0)
    start = min(o.tickets_from.hour for o in openings)
    end = max(o.tickets_until.hour - (o.tickets_until.minute == 0) for o in openings)
    return range(start, end + 1)


def cmd_report(args: argparse.Namespace, out: Out) -> int:
    """The notice of a day (today by default), a week, a month or a range: the hall's
    figures and the ranking of ``--by`` in the terminal; ``--pdf`` the whole report,
    ``--csv`` the group's figures."""
    group = args.by
    with hall_of(args) as hall:
        settings = hall.settings
        now = hall.now()
        today = settings.business_day(now)
        first, last = chosen_range(args, today)
        if first > today:
            raise HallError("cli.report.future", first=first)
        title = rp.report_title(first, last, out.lang)
        last = min(last, today)  # the days to come have no figures yet
        groups = [g for g in ("window", "clerk") if args.pdf or g == group]
        report, rankings = _read(hall, out, first, last, groups)
        hall_name = named(hall.name, settings.kiosk.hall_name_en, out.lang)
        as_at = settings.local(now)
        hours = ticket_hours(hall, first, last)
    ranking = next((r for r in rankings if r.group == group), None)
    at = f"{as_at:%Y-%m-%d %H:%M}"
    written: list[str] = []
    data: dict[str, Any] = {
        "hall": hall_name,
        "title": title,
        "first": report.range.first,
        "last": report.range.last,
        "as_at": as_at,
        "group": group,
        "hall_figures": rp.figure_values(report.hall),
        "figures": [rp.figure_values(u) for u in report.group(group)],
        "wait_by_hour": [
            {"hour": h, "mean": round(m, 1), "tickets": n} for h, m, n in report.wait_by_hour()
        ],
        "ranking": ranking_data(ranking) if ranking is not None else None,
        "pdf": None,
        "csv": None,
    }
    if args.pdf:
        path = Path(args.pdf)
        pdf = rp.report_pdf(
            report,
            rankings,
            hall_name=hall_name,
            lang=out.lang,
            title=title,
            hours=hours,
            as_at=as_at,
        )
        try:
            path.write_bytes(pdf)
        except OSError as exc:
            raise EnvironmentFault(
                "file.unwritable", path=str(path), detail=exc.strerror or str(exc)
            ) from None
        data["pdf"] = str(path)
        written.append(out.say("cli.report.pdf_written", path=path))
    if args.csv:
        path = Path(args.csv)
        rows = rp.write_report_csv(path, report, group, out.lang)
        data["csv"] = str(path)
        written.append(
            out.say_count(
                rows, "cli.report.csv_written.one", "cli.report.csv_written.other", path=path
            )
        )
    lines = notice_lines(out, report, ranking, group, hall_name=hall_name, title=title, as_at=at)
    out.emit(data, "\n".join([*lines, *(["", *written] if written else [])]))
    return 0


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """The ``report`` sub-command, on the ``yimen`` parser."""
    p = sub.add_parser(
        "report",
        parents=[common],
        help="一天一通报、一天一排名，周报、月报 (daily notice and ranking, week, month)",
        description="全中心数据与窗口、人员排名；--pdf 写出完整报告，--csv 写出各单位的数据",
    )
    when = p.add_mutually_exclusive_group()
    when.add_argument("--day", default=None, help="某一天 YYYY-MM-DD，默认今天 (a day)")
    when.add_argument("--week", default=None, help="某一周，如 2026-W48 (an ISO week)")
    when.add_argument("--month", default=None, help="某一月，如 2026-11 (a month)")
    when.add_argument(
        "--from", dest="first", default=None, help="起始日 YYYY-MM-DD，与 --to 同用 (first day)"
    )
    p.add_argument("--to", dest="last", default=None, help="结束日 YYYY-MM-DD (last day)")
    p.add_argument(
        "--by",
        choices=("window", "clerk", "service"),
        default="window",
        help="按窗口、人员或事项 (the ranking shown and the CSV's rows)",
    )
    p.add_argument("--pdf", metavar="FILE", default=None, help="写出 PDF 报告 (the report as PDF)")
    p.add_argument(
        "--csv", metavar="FILE", default=None, help="写出 CSV，Excel 可直接打开 (figures as CSV)"
    )
    p.set_defaults(run=cmd_report)
