"""The supervisor's reports tab, pytest-qt offscreen, on the scripted day of
tests/test_figures.py: the day's figures and ranking as the core counts them, the
week's and the month's ranges, the services' figures without a ranking, and a date
without traffic. The screen runs in English here: the assertions read the source texts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from counter.reports_page import ReportsPage, period_range
from shared.base.clock import FixedClock
from shared.hall import Hall
from shared.qt.i18n import set_language
from shared.qt.tasks import Worker

from ..test_figures import DROPPER, HONEST, scripted_day
from .test_counter import WAIT

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _english(qapp: object) -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh")


@pytest.fixture
def db_url(unstaffed_db_url: str) -> str:
    return unstaffed_db_url


@pytest.fixture
def page(qtbot: QtBot, unstaffed_hall: Hall, clock: FixedClock) -> Iterator[ReportsPage]:
    scripted_day(unstaffed_hall, clock)
    db = Worker("db")
    p = ReportsPage(unstaffed_hall, db=db, lang="en")
    qtbot.addWidget(p)
    yield p
    db.close()


def shown(qtbot: QtBot, page: ReportsPage) -> None:
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        if page.isVisible():
            page.read()
        else:
            page.show()  # opening the tab reads today's notice


def column(table: object, col: int) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]  # type: ignore[attr-defined]


def test_periods_are_the_day_its_week_and_its_month() -> None:
    tuesday = date(2026, 11, 24)
    assert period_range("day", tuesday) == (tuesday, tuesday)
    assert period_range("week", tuesday) == (date(2026, 11, 23), date(2026, 11, 29))
    assert period_range("month", tuesday) == (date(2026, 11, 1), date(2026, 11, 30))
    assert period_range("month", date(2026, 12, 31)) == (date(2026, 12, 1), date(2026, 12, 31))


def test_the_days_notice_shows_the_cores_figures(qtbot: QtBot, page: ReportsPage) -> None:
    shown(qtbot, page)
    assert page.heading.text().endswith("· 2026-11-24")
    assert "Served 7;" in page.summary.text() and "bad 1 (1 cases open)" in page.summary.text()
    # Neither clerk handled ten tickets: both listed, neither ranked, and why.
    page.group.setCurrentIndex(1)  # clerks
    shown(qtbot, page)
    assert sorted(column(page.ranking_table, 7)) == [
        "not ranked: 3 handled",
        "not ranked: 6 handled",
    ]
    names = column(page.figures_table, 0)
    assert any(HONEST in n for n in names) and any(DROPPER in n for n in names)
    served = dict(zip(names, column(page.figures_table, 1), strict=True))
    assert served[next(n for n in names if HONEST in n)] == "3"
    assert page.pdf_button.isEnabled()


def test_services_have_figures_and_no_ranking(qtbot: QtBot, page: ReportsPage) -> None:
    page.group.setCurrentIndex(2)
    shown(qtbot, page)
    assert not page.ranking_table.isVisibleTo(page)
    rows = dict(zip(column(page.figures_table, 0), column(page.figures_table, 1), strict=True))
    assert rows["Sole trader registration (gt-zc)"] == "5"  # the hall's English name
    assert rows["Company registration (qy-sl)"] == "1"


def test_the_month_counts_the_same_day_and_an_empty_day_is_empty(
    qtbot: QtBot, page: ReportsPage
) -> None:
    page.period.setCurrentIndex(2)  # month
    shown(qtbot, page)
    assert "2026-11-01 – 2026-11-30" in page.heading.text()
    assert "Served 7;" in page.summary.text()
    page.period.setCurrentIndex(0)
    page.day.setDate(QDate(2026, 11, 23))
    shown(qtbot, page)
    assert "Served 0;" in page.summary.text() and page.figures_table.rowCount() == 0
