"""The supervisor's reports tab (报表): the daily notice and ranking (一天一通报、一天一排名),
the week's and the month's, on the screen as the printed report has them.

A day, a week or a month around a chosen date; the windows', the clerks' or the
services' figures. The hall's line on top, then the ranking (a service is not ranked)
with the last three marked in words and a sign, and those last for the third business
day running flagged 约谈; then every figure of every unit. Read on the database worker,
with a line saying so while it reads; a refusal or a fault is a sentence on the page.
"Save as PDF" writes the same document ``yimen report --pdf`` writes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter.floor_tiles import sentence_of
from counter.window import set_tone
from shared.base.messages import named
from shared.hall import Hall
from shared.qt.tasks import Worker
from shared.qt.widgets import label
from shared.rules.figures import Figures, Ranking, Report

log = logging.getLogger(__name__)

PERIODS = ("day", "week", "month")
GROUPS = ("window", "clerk", "service")


def period_range(period: str, day: date) -> tuple[date, date]:
    """The days of the period around ``day``: the day, its ISO week (Monday–Sunday), or
    its calendar month."""
    if period == "day":
        return day, day
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    first = day.replace(day=1)
    after = (first + timedelta(days=32)).replace(day=1)
    return first, after - timedelta(days=1)


def _minutes(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


class ReportsPage(QWidget):
    """The reports tab. ``shown`` after each read is on the screen; ``said`` with each
    sentence of its status line."""

    shown = Signal(object)  # (Report, Ranking | None)
    said = Signal(str)

    def __init__(
        self, hall: Hall, *, db: Worker, lang: str = "zh", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self.hall = hall
        self.db = db
        self.lang = lang
        self.report: Report | None = None
        self.ranking: Ranking | None = None
        self._reading = False

        self.period = QComboBox()
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        today = hall.settings.business_day(hall.now())
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.group = QComboBox()
        self.show_button = QPushButton()
        self.show_button.setProperty("role", "primary")
        self.show_button.setProperty("compact", True)
        self.show_button.clicked.connect(self.read)
        self.pdf_button = QPushButton()
        self.pdf_button.setProperty("role", "floorKey")
        self.pdf_button.setProperty("compact", True)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.pdf_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        for w in (self.period, self.day, self.group, self.show_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)

        self.heading = label(role="heading", wrap=False)
        self.summary = label(role="hint")
        self.ranking_title = label(role="heading", wrap=False)
        self.ranking_table = self._table()
        self.figures_title = label(role="heading", wrap=False)
        self.figures_table = self._table()
        self.status = label(role="status")
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 8, 10, 8)
        box.setSpacing(6)
        box.addLayout(bar)
        box.addWidget(self.heading)
        box.addWidget(self.summary)
        box.addWidget(self.ranking_title)
        box.addWidget(self.ranking_table, 2)
        box.addWidget(self.figures_title)
        box.addWidget(self.figures_table, 3)
        box.addWidget(self.status)
        self.retranslate()

    @staticmethod
    def _table() -> QTableWidget:
        t = QTableWidget()
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.verticalHeader().setVisible(False)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)
        return t

    # -- words --------------------------------------------------------------------------

    def retranslate(self) -> None:
        keep_p, keep_g = self.period.currentIndex(), self.group.currentIndex()
        self.period.clear()
        self.period.addItems([self.tr("Day"), self.tr("Week"), self.tr("Month")])
        self.group.clear()
        self.group.addItems([self.tr("Windows"), self.tr("Clerks"), self.tr("Services")])
        self.period.setCurrentIndex(max(0, keep_p))
        self.group.setCurrentIndex(max(0, keep_g))
        self.show_button.setText(self.tr("Show"))
        self.pdf_button.setText(self.tr("Save as PDF…"))
        self.period.setAccessibleName(self.tr("Period"))
        self.day.setAccessibleName(self.tr("A day of the period"))
        self.group.setAccessibleName(self.tr("Figures of"))
        self.show_button.setAccessibleName(self.show_button.text())
        self.pdf_button.setAccessibleName(self.pdf_button.text())
        self.ranking_table.setAccessibleName(self.tr("The ranking"))
        self.figures_table.setAccessibleName(self.tr("The figures"))
        if self.report is not None:
            self._show(self.report, self.ranking)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.report is None:  # opened for the first time: today's notice at once
            self.read()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- reading ------------------------------------------------------------------------

    def chosen(self) -> tuple[str, str, date, date]:
        period = PERIODS[max(0, self.period.currentIndex())]
        group = GROUPS[max(0, self.group.currentIndex())]
        q = self.day.date()
        first, last = period_range(period, date(q.year(), q.month(), q.day()))
        return period, group, first, last

    def read(self) -> None:
        if self._reading:
            return
        _period, group, first, last = self.chosen()
        self._reading = True
        self.show_button.setEnabled(False)
        self.say(self.tr("Counting {first} – {last}…").format(first=first, last=last))
        hall = self.hall

        def work() -> tuple[Report, Ranking | None]:
            report = hall.report(first, last)
            ranking = (
                None if group == "service" else hall.ranking(group, first, last, report=report)
            )
            return report, ranking

        self.db.submit(work, self._got, self._failed)

    def _got(self, answer: tuple[Report, Ranking | None]) -> None:
        self._reading = False
        self.show_button.setEnabled(True)
        self.report, self.ranking = answer
        self._show(*answer)
        self.say("")
        self.shown.emit(answer)

    def _failed(self, exc: BaseException) -> None:
        self._reading = False
        self.show_button.setEnabled(True)
        self.say(
            sentence_of(exc, self.lang) or self.tr("The figures could not be read."), alert=True
        )

    # -- showing ------------------------------------------------------------------------

    def _show(self, report: Report, ranking: Ranking | None) -> None:
        group = self.chosen()[1]
        r = report.range
        span = f"{r.first}" if r.first == r.last else f"{r.first} – {r.last}"
        self.heading.setText(
            self.tr("{hall} · {span}").format(hall=report.hall.named(self.lang), span=span)
        )
        h = report.hall
        self.summary.setText(
            self.tr(
                "Served {served}; wait mean {wait} min (90% within {wait90}); handling mean "
                "{handling} min; no-shows {no_shows}, transfers {transfers}, holds {holds}; "
                "reviews {reviews}, satisfied {sat}, bad {bad} ({open} cases open); "
                "extended {extended} ({extended_minutes} min); empty posts {empty} min."
            ).format(
                served=h.served,
                wait=_minutes(h.wait_mean),
                wait90=_minutes(h.wait_p90),
                handling=_minutes(h.handling_mean),
                no_shows=h.no_shows,
                transfers=h.transfers,
                holds=h.holds,
                reviews=h.reviews,
                sat=_percent(h.satisfaction),
                bad=h.bad,
                open=h.bad_open,
                extended=h.extended,
                extended_minutes=h.extended_minutes,
                empty=h.empty_post_minutes,
            )
        )
        self.pdf_button.setEnabled(True)
        self._show_ranking(ranking)
        self._show_figures(
            report.group(group) if group != "service" else list(report.services.values())
        )

    def _show_ranking(self, ranking: Ranking | None) -> None:
        t = self.ranking_table
        self.ranking_title.setVisible(ranking is not None)
        t.setVisible(ranking is not None)
        if ranking is None:
            return
        self.ranking_title.setText(
            self.tr("Ranking (at least {n} tickets to be ranked)").format(n=ranking.minimum)
        )
        heads = [
            self.tr("Place"), self.tr("Name"), self.tr("Score"), self.tr("Work"),
            self.tr("Satisfaction"), self.tr("Deducted"), self.tr("Served"), self.tr("Mark"),
        ]  # fmt: skip
        t.setColumnCount(len(heads))
        t.setHorizontalHeaderLabels(heads)
        rows = list(ranking.ranked)
        t.setRowCount(len(rows) + len(ranking.unranked))
        for i, x in enumerate(rows):
            mark = ""
            if x.third_running:
                mark = self.tr("▼ last three, third day running: 约谈")
            elif x.last:
                mark = self.tr("▼ last three")
            cells = [
                str(x.place), self._name(x.figures), f"{x.score:.1f}", f"{x.work:.1f}",
                f"{x.satisfaction:.1f}", f"{x.penalty:.1f}", str(x.figures.served), mark,
            ]  # fmt: skip
            self._row(t, i, cells, numbers_from=2, words_last=True)
        for j, f in enumerate(ranking.unranked):
            cells = ["—", self._name(f), "", "", "", "", str(f.served)]
            cells.append(self.tr("not ranked: {n} handled").format(n=f.handled))
            self._row(t, len(rows) + j, cells, numbers_from=2, words_last=True)

    def _show_figures(self, units: list[Figures]) -> None:
        self.figures_title.setText(self.tr("Every figure"))
        t = self.figures_table
        heads = [
            self.tr("Name"), self.tr("Served"), self.tr("Wait mean"), self.tr("Wait 90%"),
            self.tr("Handling mean"), self.tr("Handling 90%"), self.tr("No-shows"),
            self.tr("Transfers"), self.tr("Holds"), self.tr("Call-backs"), self.tr("Reviews"),
            self.tr("Satisfied"), self.tr("Bad"), self.tr("Hand-overs"), self.tr("Away min"),
            self.tr("Empty post min"), self.tr("Extended"), self.tr("Notices"),
        ]  # fmt: skip
        t.setColumnCount(len(heads))
        t.setHorizontalHeaderLabels(heads)
        t.horizontalHeader().setStretchLastSection(False)  # numbers stay by their heads
        shown = [u for u in units if u.handled or u.reviews or u.handovers or u.empty_post_minutes]
        t.setRowCount(len(shown))
        for i, u in enumerate(shown):
            cells = [
                self._name(u), str(u.served), _minutes(u.wait_mean), _minutes(u.wait_p90),
                _minutes(u.handling_mean), _minutes(u.handling_p90), str(u.no_shows),
                str(u.transfers), str(u.holds), str(u.call_backs), str(u.reviews),
                _percent(u.satisfaction), str(u.bad), str(u.handovers), str(u.away_minutes),
                str(u.empty_post_minutes), str(u.extended), str(u.notices),
            ]  # fmt: skip
            self._row(t, i, cells, numbers_from=1)

    def _name(self, f: Figures) -> str:
        if f.group == "window":
            return self.tr("Window {n} {name}").format(n=f.key, name=f.name)
        name = f.named(self.lang)
        return f"{name}（{f.key}）" if self.lang == "zh" else f"{name} ({f.key})"

    @staticmethod
    def _row(
        t: QTableWidget, i: int, cells: list[str], *, numbers_from: int, words_last: bool = False
    ) -> None:
        """One row; the numbers (from column ``numbers_from``, but a last column of words)
        right-aligned."""
        numbers_to = len(cells) - 1 if words_last else len(cells)
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if numbers_from <= c < numbers_to:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            t.setItem(i, c, item)

    # -- the PDF ------------------------------------------------------------------------

    def save_pdf(self) -> None:
        if self.report is None:
            return
        period, _group, first, _last = self.chosen()
        suggested = f"{self.hall.code}-{period}-{first:%Y%m%d}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as PDF"), suggested, self.tr("PDF (*.pdf)")
        )
        if path:
            self.write_pdf(Path(path))

    def write_pdf(self, path: Path, done: Callable[[Path], None] | None = None) -> None:
        """The same document ``yimen report --pdf`` writes, on the worker."""
        report, ranking = self.report, self.ranking
        if report is None:
            return
        hall, lang = self.hall, self.lang
        _period, group, first, last = self.chosen()

        def work() -> Path:
            from shared.devices.reports import report_pdf

            rankings = [ranking] if ranking is not None else []
            if group != "clerk":
                rankings.append(hall.ranking("clerk", first, last, report=report))
            if group != "window":
                rankings.insert(0, hall.ranking("window", first, last, report=report))
            settings = hall.settings
            hall_name = named(settings.name, settings.kiosk.hall_name_en, lang)
            data = report_pdf(report, rankings, hall_name=hall_name, lang=lang)
            path.write_bytes(data)
            return path

        def written(p: Path) -> None:
            self.say(self.tr("Saved to {path}").format(path=p))
            if done is not None:
                done(p)

        self.db.submit(work, written, self._failed)

    def say(self, sentence: str, *, alert: bool = False) -> None:
        self.status.setText(sentence)
        set_tone(self.status, alert)
        self.said.emit(sentence)
