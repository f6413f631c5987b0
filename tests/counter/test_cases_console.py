"""The supervisor's bad-review cases at the console (Ctrl+R, 差评整改), pytest-qt offscreen,
on SQLite and PostgreSQL: supervisor 1015 signed in at window 12 lists the open cases,
overdue first and in red, opens one, starts and completes it (the record holds both steps
by 1015), sees the core's sentence when a step is refused, and the list follows the hall's
new bad reviews through the feed. An ordinary clerk has no such key.

The console runs in English here, so the assertions read the source texts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter.window import CounterWindow
from shared.base.clock import FixedClock
from shared.hall import Hall
from shared.qt.feed_bridge import FeedBridge
from shared.qt.i18n import set_language
from shared.qt.theme import PUBLIC
from shared.rules.reviews import ReviewInfo

from ..conftest import DEMO_PASSWORD, SHANGHAI
from .test_counter import WAIT, sign_in

pytestmark = pytest.mark.gui

SUPERVISOR = "1015"
HELP_DESK = 12  # a window without a line: the supervisor's seat


@pytest.fixture(autouse=True)
def _english(qapp: object) -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh")


@pytest.fixture
def db_url(unstaffed_db_url: str) -> str:
    """The console signs its clerk in itself."""
    return unstaffed_db_url


def rated(
    hall: Hall, clock: FixedClock, window: int, clerk: str, service: str, **kwargs: object
) -> ReviewInfo:
    """A clerk serves a ticket at ``window``, F3, and the citizen rates it badly."""
    hall.sign_in(clerk, DEMO_PASSWORD, window)
    hall.issue_ticket(service)
    hall.call_next(window, clerk)
    clock.advance(minutes=7)
    done = hall.ask_review(window, clerk)
    clock.advance(minutes=1)
    return hall.submit_review(done.short_code, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def two_cases(hall: Hall, clock: FixedClock) -> tuple[ReviewInfo, ReviewInfo]:
    """A case opened four weeks ago (overdue now) and one opened this morning (real name)."""
    clock.set(datetime(2026, 10, 26, 9, 30, tzinfo=SHANGHAI))
    old = rated(hall, clock, 3, "1003", "gt-zc", level="dissatisfied", reasons=["attitude"])
    clock.set(datetime(2026, 11, 24, 10, 0, tzinfo=SHANGHAI))
    new = rated(
        hall, clock, 1, "1001", "qy-sl", level="very_dissatisfied", reasons=["slow"],
        name="王先生", phone="13800138000",
    )  # fmt: skip
    clock.advance(minutes=30)
    return old, new


def open_console(
    qtbot: QtBot, hall: Hall, window: int, bridge: FeedBridge | None = None
) -> CounterWindow:
    w = CounterWindow(hall, window, lang="en", bridge=bridge)
    qtbot.addWidget(w)
    w.show()
    return w


def ctrl_r(qtbot: QtBot, w: CounterWindow) -> None:
    qtbot.keyClick(w, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)


def listed(w: CounterWindow) -> list[int]:
    tree = w.cases_panel.cases
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [int(it.data(0, Qt.ItemDataRole.UserRole)) for it in items if it is not None]


def test_a_supervisor_lists_the_cases_and_starts_and_completes_one(
    qtbot: QtBot, hall: Hall, two_cases: tuple[ReviewInfo, ReviewInfo]
) -> None:
    old, new = two_cases
    w = open_console(qtbot, hall, HELP_DESK)
    sign_in(qtbot, w, SUPERVISOR)
    assert w.cases_key.isVisibleTo(w) and w.cases_key.text() == "Ctrl+R Bad-review cases"
    panel = w.cases_panel
    desk_height = w.minimumSizeHint().height()  # the console fits a 768-line screen
    ctrl_r(qtbot, w)
    assert w.side.currentWidget() is panel
    qtbot.waitUntil(lambda: listed(w) == [old.case_id, new.case_id], timeout=WAIT)
    cases = {c.id: c for c in hall.cases()}
    overdue, fresh = panel.cases.topLevelItem(0), panel.cases.topLevelItem(1)
    assert overdue is not None and fresh is not None
    late = -cases[old.case_id].days_left
    assert overdue.text(0) == f"{late} days overdue"
    assert overdue.foreground(0).color().name().upper() == PUBLIC["alert"]
    assert overdue.text(1).splitlines() == [
        f"{old.number}  个体工商户注册登记", "Window 3 张敏", "Dissatisfied: Unfriendly attitude",
    ]  # fmt: skip
    assert fresh.text(0) == f"{cases[new.case_id].days_left} days left"
    assert fresh.foreground(0).color().name().upper() != PUBLIC["alert"]
    assert "Very dissatisfied: Waited or took too long" in fresh.text(1)
    assert panel.summary.text().startswith("2 open, 1 overdue")

    # Enter on the fresh one: its steps, and what its state allows.
    panel.cases.setCurrentItem(fresh)
    qtbot.keyClick(panel.cases, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.pages.currentWidget() is panel.case_page, timeout=WAIT)
    assert panel.case_head.text() == f"{new.number} 企业设立登记"
    assert "Callback due: 王先生 13800138000" in panel.about.text()
    assert w.minimumSizeHint().height() <= desk_height
    steps = [panel.action.itemData(i) for i in range(panel.action.count())]
    assert steps == ["start", "callback", "extend", "apply_invalid", "apply_unrectifiable"]
    # Ctrl+R goes back to the list; the overdue one it is.
    ctrl_r(qtbot, w)
    assert panel.pages.currentWidget() is panel.list_page
    panel.cases.setCurrentItem(overdue)
    qtbot.keyClick(panel.cases, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.pages.currentWidget() is panel.case_page, timeout=WAIT)
    assert panel.case_head.text() == f"{old.number} 个体工商户注册登记"
    assert panel.case_state.text().startswith(f"To rectify · {late} days overdue")
    assert "callback" not in [panel.action.itemData(i) for i in range(panel.action.count())]

    # Start, with the measures taken as its note (Enter from the note).
    assert panel.action.currentData() == "start"
    panel.note.setText("已约谈窗口工作人员")
    with qtbot.waitSignal(w.said, timeout=WAIT) as said:
        qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    assert said.args[0] == (
        f"Case of {old.number}: “start rectifying” recorded; now “being rectified”."
    )
    assert panel.case_state.text().startswith("Being rectified")  # words, not the state's code
    assert panel.steps.count() == 2 and "胡振华 (1015)" in panel.steps.item(1).text()
    assert panel.note.text() == ""

    # Complete without a note: the core's sentence in the panel, nothing recorded.
    panel.action.setCurrentIndex(panel.action.findData("complete"))
    panel.record_button.click()
    qtbot.waitUntil(lambda: panel.refusal.isVisible(), timeout=WAIT)
    assert panel.refusal.text() == (
        "This step needs a note: the measures taken, the grounds, or the callback."
    )
    assert [s.action for s in hall.case(old.case_id).steps] == ["opened", "start"]
    assert w.minimumSizeHint().height() <= desk_height  # the panel takes no new rows
    panel.note.setText("窗口人员已书面检讨，纳入月度考核")
    with qtbot.waitSignal(w.said, timeout=WAIT):
        panel.record_button.click()
    assert not panel.refusal.isVisible()
    assert panel.case_state.text().startswith("Rectified · closed")
    assert panel.closed.isVisible() and not panel.record_button.isVisible()

    case = hall.case(old.case_id)
    assert case.state == "rectified" and case.closed_at is not None
    assert [(s.action, s.clerk_code) for s in case.steps] == [
        ("opened", None), ("start", SUPERVISOR), ("complete", SUPERVISOR),
    ]  # fmt: skip
    assert case.steps[1].note == "已约谈窗口工作人员"
    # The list is read again: the completed case has left it.
    ctrl_r(qtbot, w)
    qtbot.waitUntil(lambda: listed(w) == [new.case_id], timeout=WAIT)
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert w.side.currentWidget() is w.line_page


@pytest.mark.both_databases
def test_the_list_follows_new_bad_reviews_through_the_feed(
    qtbot: QtBot,
    hall: Hall,
    clock: FixedClock,
    db_url: str,
    two_cases: tuple[ReviewInfo, ReviewInfo],
) -> None:
    old, new = two_cases
    bridge = FeedBridge(db_url)
    w = open_console(qtbot, hall, HELP_DESK, bridge)
    bridge.start()
    try:
        sign_in(qtbot, w, SUPERVISOR)
        ctrl_r(qtbot, w)
        qtbot.waitUntil(lambda: listed(w) == [old.case_id, new.case_id], timeout=WAIT)
        third = rated(hall, clock, 4, "1004", "sb-cb", level="dissatisfied", reasons=["unclear"])
        qtbot.waitUntil(
            lambda: listed(w) == [old.case_id, new.case_id, third.case_id], timeout=WAIT
        )
        # The overdue case open in the panel; a supervisor elsewhere takes a step on it.
        panel = w.cases_panel
        first = panel.cases.topLevelItem(0)
        panel.show_case_of(first)
        qtbot.waitUntil(lambda: panel.pages.currentWidget() is panel.case_page, timeout=WAIT)
        assert panel.case_state.text().startswith("To rectify")
        hall.case_action(
            old.case_id, "apply_invalid", "1016", password=DEMO_PASSWORD, note="评价人误操作"
        )
        qtbot.waitUntil(
            lambda: panel.case_state.text().startswith("Invalid: awaiting approval"),
            timeout=WAIT,
        )
        offered = [panel.action.itemData(i) for i in range(panel.action.count())]
        assert offered == ["approve", "reject"]
        assert "郭秀兰 (1016)" in panel.steps.item(panel.steps.count() - 1).text()
    finally:
        bridge.stop()


def test_an_ordinary_clerk_has_no_cases_key(
    qtbot: QtBot, hall: Hall, two_cases: tuple[ReviewInfo, ReviewInfo]
) -> None:
    hall.sign_out("1003", 3)
    w = open_console(qtbot, hall, 3)
    sign_in(qtbot, w, SUPERVISOR)
    assert w.cases_key.isVisibleTo(w)
    w.sign_out()
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.sign_in_page, timeout=WAIT)
    sign_in(qtbot, w, "1003")
    assert not w.cases_key.isVisibleTo(w)
    ctrl_r(qtbot, w)
    qtbot.wait(300)
    assert w.side.currentWidget() is w.line_page
    assert w.cases_panel.cases.topLevelItemCount() == 0  # nothing was read for them
