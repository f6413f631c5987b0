"""The supervisor's settings pages (设置), pytest-qt offscreen over the demo hall: supervisor
1015 signed in at a desk changes each page's settings with its widgets and saves; the hall
holds the change, the page says what changed, and the record names 1015 with old → new.
A change the core refuses shows its sentence on the page, and the form keeps what was
typed. A change made at another station arrives through the feed and is shown.

The pages run in English here, so the assertions read the source texts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from counter.settings import SettingsPages
from shared.base.clock import FixedClock
from shared.base.errors import HallError, YimenError
from shared.hall import Hall
from shared.qt.feed_bridge import FeedBridge
from shared.qt.i18n import set_language
from shared.qt.tasks import Worker
from shared.rules.setup import SettingsChange
from shared.store.model import Role

from ..conftest import DEMO_PASSWORD

pytestmark = pytest.mark.gui

WAIT = 15_000
SUPERVISOR = "1015"


@pytest.fixture(autouse=True)
def _english(qapp: object) -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh")


@pytest.fixture
def db_url(unstaffed_db_url: str) -> str:
    """Nobody at the windows: the settings are the supervisor's alone."""
    return unstaffed_db_url


@pytest.fixture
def db() -> Iterator[Worker]:
    worker = Worker("db")
    yield worker
    worker.close()


def open_pages(qtbot: QtBot, hall: Hall, db: Worker) -> SettingsPages:
    """Supervisor 1015 signed in at a desk; the pages shown once the record is read."""
    token = hall.sign_in_supervisor(SUPERVISOR, DEMO_PASSWORD, "desk").token
    pages = SettingsPages(hall, token=token, db=db, lang="en")
    qtbot.addWidget(pages)
    pages.resize(1920, 1080)
    with qtbot.waitSignal(pages.changes_read, timeout=WAIT):
        pages.show()
    return pages


@pytest.fixture
def pages(qtbot: QtBot, hall: Hall, db: Worker) -> SettingsPages:
    return open_pages(qtbot, hall, db)


# -- driving the widgets ---------------------------------------------------------------------


def go_to(qtbot: QtBot, pages: SettingsPages, name: str) -> None:
    """A click on the page's name in the list on the left."""
    nav = pages.nav
    for row in range(nav.count()):
        item = nav.item(row)
        if item.text() == name:
            qtbot.mouseClick(
                nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center()
            )
            return
    raise LookupError(name)


def click_row(qtbot: QtBot, table: QTableWidget, key: str) -> None:
    """A click on the table's row whose first cell reads ``key``."""
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.text() == key:
            table.scrollToItem(item)
            rect = table.visualItemRect(item)
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise LookupError(key)


def write(qtbot: QtBot, edit: QWidget, text: str) -> None:
    """Typed at the keyboard; Chinese as an input method commits it."""
    edit.setFocus()
    if text.isascii():
        qtbot.keyClicks(edit, text)
        return
    typed = QInputMethodEvent()
    typed.setCommitString(text)
    QApplication.sendEvent(edit, typed)


def retype(qtbot: QtBot, edit: QLineEdit | QSpinBox, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    write(qtbot, edit, text)


def tick(qtbot: QtBot, checklist: QListWidget, code: str) -> None:
    """A click on the check box of the service ``code`` in a window's list."""
    for row in range(checklist.count()):
        item = checklist.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == code:
            rect = checklist.visualItemRect(item)
            box = rect.left() + rect.height() // 2  # the box leads the line
            qtbot.mouseClick(
                checklist.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(box, rect.center().y())
            )
            return
    raise LookupError(code)


def ticked(checklist: QListWidget) -> set[str]:
    return {
        str(checklist.item(r).data(Qt.ItemDataRole.UserRole))
        for r in range(checklist.count())
        if checklist.item(r).checkState() == Qt.CheckState.Checked
    }


def save(qtbot: QtBot, pages: SettingsPages, button: QPushButton) -> list[SettingsChange]:
    """A click on ``button``: greyed while the save is on its way; the core's answer."""
    with qtbot.waitSignal(pages.settings_saved, timeout=WAIT) as saved:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert not button.isEnabled()
    done: list[SettingsChange] = saved.args[0]
    return done


def refused(qtbot: QtBot, pages: SettingsPages, button: QPushButton) -> str:
    with qtbot.waitSignal(pages.save_refused, timeout=WAIT) as said:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    sentence: str = said.args[0]
    return sentence


def core_says(change: Callable[[], object]) -> str:
    """The core's own sentence for a change it refuses (made straight to the core, as a
    script would; nothing is changed)."""
    with pytest.raises(YimenError) as refusal:
        change()
    return refusal.value.message("en")


def cell(table: QTableWidget, key: str, column: int) -> str:
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.text() == key:
            other = table.item(row, column)
            return other.text() if other is not None else ""
    raise LookupError(key)


def last_change(hall: Hall) -> SettingsChange:
    change = hall.setting_changes()[0]
    assert change.by == SUPERVISOR and change.by_name == "胡振华"
    return change


def post_of(hall: Hall, window: int) -> tuple[str | None, str | None]:
    """The codes of the window's A and B."""
    cat = hall.settings.catalog
    w = cat.window(window)
    a, b = cat.clerk_by_id(w.a_clerk_id), cat.clerk_by_id(w.b_clerk_id)
    return (a.code if a else None), (b.code if b else None)


def paths(change: SettingsChange) -> dict[str, tuple[object, object]]:
    return {d.path: (d.old, d.new) for d in change.changes}


# -- 放号 ----------------------------------------------------------------------------------------


def slots_of(hall: Hall, code: str) -> list[tuple[str, str, int]]:
    """The service's slots with their quotas (0: none), as the form shows them."""
    sv = hall.settings.catalog.service(code)
    quotas = list(sv.slot_caps) or [0] * len(sv.time_slots)
    return [(start, end, q) for (start, end), q in zip(sv.time_slots, quotas, strict=True)]


def test_a_supervisor_raises_a_daily_cap_and_gives_a_slot_its_quota(
    qtbot: QtBot, hall: Hall, pages: SettingsPages
) -> None:
    before = hall.settings.catalog.service("hj-qy")  # 户籍迁移: two slots in the demo hall
    slots = slots_of(hall, "hj-qy")
    assert before.daily_cap is not None and len(slots) == 2
    caps = pages.caps
    assert not caps.editor.isVisible()  # nothing picked yet
    click_row(qtbot, caps.table, "hj-qy")
    assert caps.heading.text() == "Household registration transfer (hj-qy)"
    assert caps.cap.text() == str(before.daily_cap)
    assert [r.value() for r in caps.rows] == slots
    assert "takes effect at once" in caps.hint.text()
    assert "already issued today count" in caps.hint.text()

    cap = before.daily_cap + 10
    retype(qtbot, caps.cap, str(cap))
    retype(qtbot, caps.rows[0].quota, "7")
    done = save(qtbot, pages, caps.save_button)

    quotas = [7, slots[1][2]]
    service = hall.settings.catalog.service("hj-qy")
    assert service.daily_cap == cap and list(service.slot_caps) == quotas
    assert f"daily_cap = {cap}" in hall.export_config()
    assert [c.what for c in done] == ["time_slots", "daily_cap"]
    old_quotas = ", ".join(str(q) for q in before.slot_caps) if before.slot_caps else "—"
    name = service.name_in("en")  # the key in words, in the page's language
    assert caps.status.text() == (
        f"Saved: {name} (hj-qy) · slot quotas: {old_quotas} → 7, {slots[1][2] or 'no quota'}\n"
        f"{name} (hj-qy) · daily cap: {before.daily_cap} → {cap}"
    )
    assert caps.status.property("tone") == "done"
    assert caps.save_button.isEnabled()
    assert cell(caps.table, "hj-qy", 3) == str(cap)
    assert cell(caps.table, "hj-qy", 4).startswith(f"{slots[0][0]}–{slots[0][1]} (7)\n")
    records = hall.setting_changes()[:2]
    assert {c.by for c in records} == {SUPERVISOR}
    assert {d.path: (d.old, d.new) for c in records for d in c.changes} == {
        "services.hj-qy.daily_cap": (before.daily_cap, cap),
        "services.hj-qy.slot_caps": (list(before.slot_caps), quotas),
    }


def test_a_slot_is_added_and_another_taken_off_and_an_empty_cap_means_no_cap(
    qtbot: QtBot, hall: Hall, pages: SettingsPages
) -> None:
    _first, second = slots_of(hall, "hj-qy")
    caps = pages.caps
    click_row(qtbot, caps.table, "hj-qy")
    qtbot.mouseClick(caps.rows[0].remove, Qt.MouseButton.LeftButton)
    assert [r.value() for r in caps.rows] == [second]
    qtbot.mouseClick(caps.add_slot, Qt.MouseButton.LeftButton)
    end = QTime.fromString(second[1], "HH:mm")
    added = (second[1], end.addSecs(3600).toString("HH:mm"), 0)  # an hour after the last
    assert [r.value() for r in caps.rows] == [second, added]
    caps.rows[1].end.setTime(end.addSecs(1800))
    retype(qtbot, caps.cap, "")
    save(qtbot, pages, caps.save_button)
    service = hall.settings.catalog.service("hj-qy")
    assert service.time_slots == (
        (second[0], second[1]),
        (second[1], end.addSecs(1800).toString("HH:mm")),
    )
    assert service.daily_cap is None
    assert cell(caps.table, "hj-qy", 3) == "no cap"


def test_a_cap_of_nought_and_overlapping_slots_are_refused_and_the_form_keeps_them(
    qtbot: QtBot, hall: Hall, pages: SettingsPages
) -> None:
    before = slots_of(hall, "hj-qy")
    first = before[0]
    caps = pages.caps
    click_row(qtbot, caps.table, "hj-qy")
    retype(qtbot, caps.cap, "0")
    sentence = refused(qtbot, pages, caps.save_button)
    assert sentence == core_says(lambda: hall.set_daily_cap(pages.token, "hj-qy", 0))
    assert "at least 1" in sentence
    assert caps.status.text() == sentence and caps.status.property("tone") == "alert"
    assert caps.cap.text() == "0"
    assert caps.save_button.isEnabled()

    retype(qtbot, caps.cap, "40")
    inside = QTime.fromString(first[1], "HH:mm").addSecs(-1800)  # half an hour before its end
    caps.rows[1].start.setTime(inside)
    caps.rows[1].end.setTime(inside.addSecs(3600))
    sentence = refused(qtbot, pages, caps.save_button)
    overlapping = [first[:2], (inside.toString("HH:mm"), inside.addSecs(3600).toString("HH:mm"))]
    assert sentence == core_says(lambda: hall.set_time_slots(pages.token, "hj-qy", overlapping))
    assert f"({first[0]}–{first[1]})" in sentence  # the slot it overlaps
    assert caps.rows[1].value()[0] == inside.toString("HH:mm")
    assert slots_of(hall, "hj-qy") == before
    assert hall.setting_changes() == []


# -- 窗口事项 -------------------------------------------------------------------------------------


def served(hall: Hall, window: int) -> list[str]:
    """The codes of the services ``window`` serves, in the hall's order."""
    cat = hall.settings.catalog
    return [sv.code for sv in cat.services if sv.id in cat.window(window).service_ids]


def test_a_window_is_given_another_service_for_one_of_its_own(
    qtbot: QtBot, hall: Hall, pages: SettingsPages
) -> None:
    before = served(hall, 3)  # 个体工商户及食品经营许可窗口: two services in the demo hall
    assert len(before) >= 2
    other = next(sv.code for sv in hall.settings.catalog.services if sv.code not in before)
    go_to(qtbot, pages, "Window services")
    page = pages.windows
    click_row(qtbot, page.table, "3")
    assert ticked(page.services) == set(before)
    tick(qtbot, page.services, before[-1])
    tick(qtbot, page.services, other)
    wanted = {*before[:-1], other}
    assert ticked(page.services) == wanted
    save(qtbot, pages, page.save_button)
    after = served(hall, 3)
    assert set(after) == wanted
    assert paths(last_change(hall)) == {"windows.3.services": (before, after)}
    assert cell(page.table, "3", 3) == ", ".join(after)


def test_a_window_with_no_service_is_refused_and_a_comprehensive_one_lists_none(
    qtbot: QtBot, hall: Hall, pages: SettingsPages
) -> None:
    assert hall.settings.catalog.window(1).comprehensive
    go_to(qtbot, pages, "Window services")
    page = pages.windows
    click_row(qtbot, page.table, "1")
    assert "A comprehensive window serves every service of" in page.about.text()
    assert not page.save_button.isEnabled()
    before = served(hall, 5)
    click_row(qtbot, page.table, "5")
    for code in before:
        tick(qtbot, page.services, code)
    sentence = refused(qtbot, pages, page.save_button)
    assert sentence == core_says(lambda: hall.set_window_services(pages.token, 5, []))
    assert "window 5" in sentence
    assert ticked(page.services) == set()
    assert served(hall, 5) == before


# -- 工作人员 ------------------------------------------------------------------------------------


def test_a_clerk_is_added_renamed_disabled_and_enabled_again(
    qtbot: QtBot, hall: Hall, pages: SettingsPages
) -> None:
    go_to(qtbot, pages, "Clerks")
    page = pages.clerks
    qtbot.keyClicks(page.code, "2001")
    write(qtbot, page.name, "新同事")
    page.role.setCurrentIndex(page.role.findData("supervisor"))
    qtbot.keyClicks(page.password, "abcdef")
    qtbot.keyClicks(page.again, "abcdef")
    assert not page.update_button.isEnabled()  # no such clerk yet: only adding applies
    save(qtbot, pages, page.add_button)
    clerk = hall.settings.catalog.clerk("2001")
    assert (clerk.name, clerk.role, clerk.active) == ("新同事", Role.SUPERVISOR, True)
    assert page.status.text() == "Saved: clerk 新同事 (2001): added"
    assert last_change(hall).what == "clerk_add"
    assert page.password.text() == page.again.text() == ""
    assert cell(page.table, "2001", 2) == "Supervisor"
    assert hall.sign_in_supervisor("2001", "abcdef", "desk 2").clerk == "2001"

    retype(qtbot, page.name, "新同事甲")
    page.role.setCurrentIndex(page.role.findData("clerk"))
    save(qtbot, pages, page.update_button)
    assert hall.settings.catalog.clerk("2001").name == "新同事甲"
    assert paths(last_change(hall)) == {
        "clerks.2001.name": ("新同事", "新同事甲"),
        "clerks.2001.role": ("supervisor", "clerk"),
    }

    assert page.active_button.text() == "Disable"
    save(qtbot, pages, page.active_button)
    assert not hall.settings.catalog.clerk_by_id(clerk.id).active  # type: ignore[union-attr]
    assert last_change(hall).what == "clerk_disable"
    assert cell(page.table, "2001", 3) == "disabled"
    assert page.active_button.text() == "Enable"
    save(qtbot, pages, page.active_button)
    assert hall.settings.catalog.clerk("2001").active
    assert last_change(hall).what == "clerk_enable"


def test_a_password_is_reset_when_typed_twice_the_same(
    qtbot: QtBot, hall: Hall, pages: SettingsPages
) -> None:
    code, _b = post_of(hall, 3)
    assert code is not None
    go_to(qtbot, pages, "Clerks")
    page = pages.clerks
    click_row(qtbot, page.table, code)
    assert page.name.text() == hall.settings.catalog.clerk(code).name
    qtbot.keyClicks(page.password, "new-pass1")
    qtbot.keyClicks(page.again, "new-pass2")
    sentence = refused(qtbot, pages, page.reset_button)
    assert sentence == "The two passwords differ: type the same password twice."
    assert (page.password.text(), page.again.text()) == ("new-pass1", "new-pass2")
    assert hall.setting_changes() == []

    retype(qtbot, page.password, "abc")
    retype(qtbot, page.again, "abc")
    sentence = refused(qtbot, pages, page.reset_button)
    assert sentence == core_says(lambda: hall.reset_password(pages.token, code, "abc"))
    assert "6 characters" in sentence
    assert page.password.text() == "abc"

    retype(qtbot, page.password, "new-pass1")
    retype(qtbot, page.again, "new-pass1")
    save(qtbot, pages, page.reset_button)
    name = hall.settings.catalog.clerk(code).name
    assert page.status.text() == f"Saved: {name} ({code}) · password: ****** → ******"
    assert last_change(hall).what == "password_reset"
    assert hall.sign_in(code, "new-pass1", 3).clerk == code


def test_a_clerk_who_holds_a_post_cannot_be_disabled(
    qtbot: QtBot, hall: Hall, pages: SettingsPages
) -> None:
    code, _b = post_of(hall, 1)
    assert code is not None
    go_to(qtbot, pages, "Clerks")
    page = pages.clerks
    click_row(qtbot, page.table, code)
    sentence = refused(qtbot, pages, page.active_button)
    assert sentence == core_says(lambda: hall.disable_clerk(pages.token, code))
    assert "window 1" in sentence
    assert page.status.text() == sentence
    assert hall.settings.catalog.clerk(code).active


# -- AB岗 ------------------------------------------------------------------------------------------


def test_a_window_gets_a_new_ab_pair_and_loses_its_post(
    qtbot: QtBot, hall: Hall, pages: SettingsPages
) -> None:
    a, b = post_of(hall, 3)
    assert a is not None and b is not None
    go_to(qtbot, pages, "AB posts")
    page = pages.posts
    click_row(qtbot, page.table, "3")
    assert (page.a.currentData(), page.b.currentData()) == (a, b)
    assert page.a.findData(SUPERVISOR) >= 0  # every clerk in use, supervisors too
    page.a.setCurrentIndex(page.a.findData(b))
    page.b.setCurrentIndex(page.b.findData(a))
    save(qtbot, pages, page.save_button)
    assert post_of(hall, 3) == (b, a)
    assert paths(last_change(hall)) == {"posts.3.a": (a, b), "posts.3.b": (b, a)}
    new_a = hall.settings.catalog.clerk(b)
    assert cell(page.table, "3", 2) == f"{new_a.name} ({b})"

    save(qtbot, pages, page.remove_button)
    assert post_of(hall, 3) == (None, None)
    assert paths(last_change(hall)) == {"posts.3": ("", None)}
    assert page.status.text() == "Saved: the AB post of window 3: taken off"
    assert not page.remove_button.isEnabled()


def test_a_post_whose_a_is_its_b_is_refused(qtbot: QtBot, hall: Hall, pages: SettingsPages) -> None:
    a, b = post_of(hall, 3)
    go_to(qtbot, pages, "AB posts")
    page = pages.posts
    click_row(qtbot, page.table, "3")
    page.b.setCurrentIndex(page.b.findData(a))
    sentence = refused(qtbot, pages, page.save_button)
    assert sentence == core_says(lambda: hall.set_post(pages.token, 3, a, a))
    assert f"'{a}' as A and B" in sentence
    assert (page.a.currentData(), page.b.currentData()) == (a, a)
    assert post_of(hall, 3) == (a, b)
    assert hall.setting_changes() == []


# -- 大厅屏通知 ------------------------------------------------------------------------------------


def test_the_display_notice_is_changed_and_an_empty_one_refused(
    qtbot: QtBot, hall: Hall, pages: SettingsPages
) -> None:
    go_to(qtbot, pages, "Display notice")
    page = pages.notice
    assert page.text.toPlainText() == hall.settings.display.notice
    old = hall.settings.display.notice
    page.text.selectAll()
    qtbot.keyClick(page.text, Qt.Key.Key_Backspace)
    write(qtbot, page.text, "   ")
    sentence = refused(qtbot, pages, page.save_button)
    assert sentence == core_says(lambda: hall.set_display_notice(pages.token, "   "))
    assert "must not be empty" in sentence
    assert page.text.toPlainText() == "   "
    page.text.selectAll()
    write(qtbot, page.text, "今天下午三点起暂停办理不动产登记。")
    save(qtbot, pages, page.save_button)
    assert hall.settings.display.notice == "今天下午三点起暂停办理不动产登记。"
    assert paths(last_change(hall)) == {
        "display.notice": (old, "今天下午三点起暂停办理不动产登记。")
    }


# -- 节假日 ---------------------------------------------------------------------------------------


def test_a_holiday_is_added_and_taken_off_and_a_weekday_swap_refused(
    qtbot: QtBot, hall: Hall, pages: SettingsPages
) -> None:
    go_to(qtbot, pages, "Holidays")
    page = pages.holidays
    holidays, swaps = page.lists["holidays"], page.lists["workday_swaps"]
    assert holidays.days.count() == len(hall.settings.calendar.holidays)
    assert not holidays.remove.isEnabled()  # no day selected
    holidays.pick.setDate(QDate(2026, 12, 31))
    save(qtbot, pages, holidays.add)
    assert date(2026, 12, 31) in hall.settings.calendar.holidays
    assert last_change(hall).what == "holidays"
    assert page.status.text() == "Saved: holidays: added 2026-12-31"
    shown = [holidays.days.item(r).text() for r in range(holidays.days.count())]
    assert "2026-12-31  Thursday" in shown

    holidays.days.setCurrentRow(shown.index("2026-12-31  Thursday"))
    save(qtbot, pages, holidays.remove)
    assert date(2026, 12, 31) not in hall.settings.calendar.holidays
    assert page.status.text() == "Saved: holidays: taken off 2026-12-31"

    swaps.pick.setDate(QDate(2026, 11, 24))  # a Tuesday
    sentence = refused(qtbot, pages, swaps.add)
    assert sentence == core_says(
        lambda: hall.set_calendar_day(pages.token, "workday_swaps", date(2026, 11, 24), True)
    )
    assert "2026-11-24 is a Tuesday" in sentence
    assert swaps.pick.date() == QDate(2026, 11, 24)
    assert date(2026, 11, 24) not in hall.settings.calendar.workday_swaps


# -- 告警阈值 --------------------------------------------------------------------------------------


def test_alarm_thresholds_are_saved_as_one_change_and_a_nought_refused(
    qtbot: QtBot, hall: Hall, pages: SettingsPages
) -> None:
    go_to(qtbot, pages, "Alarm thresholds")
    page = pages.alarms
    wait = page.spins["alarms.wait_minutes"]
    before = hall.settings
    assert wait.value() == before.alarms.wait_minutes
    assert page.sound.isChecked() == before.alarms.sound
    empty = page.spins["staffing.empty_post_minutes"]
    assert empty.value() == before.staffing.empty_post_minutes
    retype(qtbot, wait, "0")
    sentence = refused(qtbot, pages, page.save_button)
    assert sentence == core_says(lambda: hall.set_setting(pages.token, "alarms.wait_minutes", 0))
    assert "got 0" in sentence
    assert wait.value() == 0

    retype(qtbot, wait, str(before.alarms.wait_minutes + 15))
    retype(qtbot, empty, str(before.staffing.empty_post_minutes - 10))
    qtbot.mouseClick(page.sound, Qt.MouseButton.LeftButton)
    done = save(qtbot, pages, page.save_button)
    assert [c.what for c in done] == ["alarms"]
    after = hall.settings
    assert after.alarms.wait_minutes == before.alarms.wait_minutes + 15
    assert after.alarms.sound is not before.alarms.sound
    assert after.staffing.empty_post_minutes == before.staffing.empty_post_minutes - 10
    assert after.alarms.help_minutes == before.alarms.help_minutes
    change = last_change(hall)
    assert change.what == "alarms"
    assert {path: new for path, (_old, new) in paths(change).items()} == {
        "alarms.wait_minutes": after.alarms.wait_minutes,
        "alarms.sound": after.alarms.sound,
        "staffing.empty_post_minutes": after.staffing.empty_post_minutes,
    }
    assert f"wait_minutes = {after.alarms.wait_minutes}" in hall.export_config()


# -- 修改记录, and changes made elsewhere ---------------------------------------------------


def test_the_change_log_lists_a_change_with_who_and_old_and_new(
    qtbot: QtBot, hall: Hall, pages: SettingsPages
) -> None:
    cap = hall.settings.catalog.service("sp-jy").daily_cap  # 食品经营许可
    caps = pages.caps
    click_row(qtbot, caps.table, "sp-jy")
    retype(qtbot, caps.cap, "35")
    with qtbot.waitSignal(pages.changes_read, timeout=WAIT):
        save(qtbot, pages, caps.save_button)
    go_to(qtbot, pages, "Change log")
    assert pages.stack.currentWidget() is pages.log
    tree = pages.log.tree
    assert tree.topLevelItemCount() == 1
    top = tree.topLevelItem(0)
    assert (top.text(0), top.text(1), top.text(2)) == (
        "2026-11-24 09:30",
        "胡振华 (1015)",
        "Daily cap",
    )
    assert top.child(0).text(2) == f"Food business licence (sp-jy) · daily cap: {cap or '—'} → 35"


@pytest.fixture
def bridge(db_url: str) -> Iterator[FeedBridge]:
    b = FeedBridge(db_url)
    yield b
    b.stop()


def test_a_change_at_another_station_is_shown_and_a_form_being_typed_keeps_its_words(
    qtbot: QtBot, hall: Hall, db: Worker, db_url: str, clock: FixedClock, bridge: FeedBridge
) -> None:
    pages = open_pages(qtbot, hall, db)
    bridge.event_received.connect(pages.on_event)
    bridge.start()
    caps = pages.caps
    click_row(qtbot, caps.table, "hj-qy")
    retype(qtbot, caps.cap, "45")  # typed, not saved

    with Hall.connect(db_url, clock=clock) as elsewhere:
        token = elsewhere.sign_in_supervisor("1016", DEMO_PASSWORD, "desk 2").token
        elsewhere.set_display_notice(token, "下午停电检修，暂停取号。")
        elsewhere.set_daily_cap(token, "gt-zc", 25)

    qtbot.waitUntil(
        lambda: pages.notice.text.toPlainText() == "下午停电检修，暂停取号。", timeout=WAIT
    )
    qtbot.waitUntil(lambda: cell(caps.table, "gt-zc", 3) == "25", timeout=WAIT)
    assert caps.cap.text() == "45"  # the supervisor's own typing stays
    qtbot.waitUntil(lambda: pages.log.tree.topLevelItemCount() == 2, timeout=WAIT)
    top = pages.log.tree.topLevelItem(0)
    assert (top.text(1), top.text(2)) == ("郭秀兰 (1016)", "Daily cap")


def test_a_refused_sign_in_token_is_said_on_the_page(
    qtbot: QtBot, hall: Hall, pages: SettingsPages
) -> None:
    hall.sign_out_supervisor(pages.token)
    go_to(qtbot, pages, "Display notice")
    pages.notice.text.setFocus()
    qtbot.keyClick(pages.notice.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    write(qtbot, pages.notice.text, "!")
    sentence = refused(qtbot, pages, pages.notice.save_button)
    with pytest.raises(HallError) as refusal:
        hall.supervisor(pages.token)
    assert sentence == refusal.value.message("en")
    assert pages.notice.text.toPlainText().endswith("!")
