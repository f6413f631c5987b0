"""The supervisor's station (pytest-qt, offscreen): a clerk is refused at its sign-in with
the core's sentence and a supervisor gets in; the floor shows every window in words and
follows the hall through the feed (on SQLite and PostgreSQL); the waiting column counts
and marks a long wait; an alarm raised as time passes appears with a chime, the badge
counts it, and acknowledging it takes it off the list with who did it recorded; a window
is paused and reopened from its tile, the last one at noon after saying why; a refusal is
the core's sentence with nothing typed lost; a ticket is moved, the day closed after a
confirmation in the page, a kiosk's help answered.

The station runs in English here, so the assertions read the source texts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from counter.alarms_panel import SWEEP_MS
from counter.floor_tiles import FloorTile, columns_for
from counter.floor_view import FloorView
from counter.settings import SettingsPages
from counter.supervisor_window import SupervisorWindow
from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.devices.announcer import MemoryOutput
from shared.hall import Hall
from shared.qt.feed_bridge import FeedBridge
from shared.qt.i18n import set_language
from shared.store.feed import FeedEvent

from ..conftest import DEMO_PASSWORD, local
from .test_counter import WAIT

pytestmark = pytest.mark.gui

SUPERVISOR = "1015"


@pytest.fixture(autouse=True)
def _english(qapp: object) -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh")


@pytest.fixture
def db_url(unstaffed_db_url: str) -> str:
    """Nobody at the windows: each test signs in the clerks it needs."""
    return unstaffed_db_url


@pytest.fixture
def sound() -> MemoryOutput:
    return MemoryOutput()


@pytest.fixture
def bridge(db_url: str) -> Iterator[FeedBridge]:
    b = FeedBridge(db_url)
    yield b
    b.stop()


def open_station(
    qtbot: QtBot, hall: Hall, sound: MemoryOutput, bridge: FeedBridge | None = None
) -> SupervisorWindow:
    w = SupervisorWindow(hall, bridge=bridge, lang="en", station="desk-1", sound=sound)
    qtbot.addWidget(w)
    w.resize(1920, 1080)
    w.show()
    return w


def open_windows(hall: Hall) -> None:
    """Every window's A post signed in: no empty post raises an alarm."""
    for x in hall.windows():
        if x.a_clerk:
            hall.sign_in(x.a_clerk, DEMO_PASSWORD, x.number)


def sign_in(qtbot: QtBot, w: SupervisorWindow, code: str = SUPERVISOR) -> None:
    """Type the code and password, Enter; back once the floor and the alarms are read."""
    w.code.clear()
    qtbot.keyClicks(w.code, code)
    qtbot.keyClicks(w.password, DEMO_PASSWORD)
    with qtbot.waitSignals([w.floor_view.floor_shown, w.alarms_panel.alarms_shown], timeout=WAIT):
        qtbot.keyClick(w.password, Qt.Key.Key_Return)


def tile(w: SupervisorWindow, n: int) -> FloorTile:
    return w.floor_view.tiles[n]


def says(t: FloorTile) -> tuple[str, str, str, str]:
    """What a tile says: its state, the clerk, the ticket in hand, the line after it."""
    return t.state.text(), t.clerk.full_text(), t.ticket.text(), t.detail.text()


def refreshed(qtbot: QtBot, view: FloorView) -> None:
    with qtbot.waitSignal(view.floor_shown, timeout=WAIT):
        view.refresh()


def test_a_clerk_is_refused_with_the_cores_sentence_and_a_supervisor_signs_in(
    qtbot: QtBot, hall: Hall, sound: MemoryOutput
) -> None:
    w = open_station(qtbot, hall, sound)
    assert w.stack.currentWidget() is w.sign_in_page
    qtbot.keyClicks(w.code, "1001")
    qtbot.keyClicks(w.password, DEMO_PASSWORD)
    with qtbot.waitSignal(w.said, timeout=WAIT) as said:
        qtbot.keyClick(w.password, Qt.Key.Key_Return)
    sentence = HallError("staff.not_supervisor", clerk="1001").message("en")
    assert said.args[0] == sentence == "1001 is not a supervisor and cannot do this."
    assert w.sign_in_message.text() == sentence
    assert w.sign_in_message.property("tone") == "alert"
    assert w.password.text() == "" and w.code.text() == "1001"
    assert w.stack.currentWidget() is w.sign_in_page

    sign_in(qtbot, w, SUPERVISOR)
    assert w.stack.currentWidget() is w.main_page
    assert w.sign_in_message.text() == ""
    assert w.who.text() == "胡振华 (1015) signed in"
    assert w.hall_name.text() == "青川区政务服务中心"
    assert w.clock.text() == "2026-11-24 Tuesday 09:30"
    assert [w.tabs.tabText(i) for i in range(w.tabs.count())] == [
        "Floor",
        "Alarms",
        "Reports",
        "Settings",
    ]
    assert w.badge.text() == "Alarms: 0" and w.badge.property("alert") is False
    assert w.me is not None and hall.supervisor(w.me.token) == SUPERVISOR
    pages = w.settings_pages  # the settings tab acts with this sign-in
    assert isinstance(pages, SettingsPages) and pages.token == w.me.token
    assert w.settings_holder.isAncestorOf(pages)

    # Signing out: back to the sign-in, the code kept; the token no longer acts.
    token = w.me.token
    with qtbot.waitSignal(w.said, timeout=WAIT):
        w.sign_out_button.click()
    assert w.stack.currentWidget() is w.sign_in_page and w.code.text() == SUPERVISOR
    assert w.settings_pages is None
    with pytest.raises(HallError) as refused:
        hall.supervisor(token)
    assert refused.value.code == "staff.signed_out"


def test_the_floor_shows_every_window_and_follows_the_hall_through_the_feed(
    qtbot: QtBot, hall: Hall, clock: FixedClock, sound: MemoryOutput, bridge: FeedBridge
) -> None:
    w = open_station(qtbot, hall, sound, bridge)
    bridge.start()
    sign_in(qtbot, w)
    assert sorted(w.floor_view.tiles) == list(range(1, 13))
    assert {says(t)[0] for t in w.floor_view.tiles.values()} == {"Nobody in"}
    assert says(tile(w, 3)) == ("Nobody in", "No one signed in", "", "")
    assert tile(w, 3).property("state") == "empty"

    hall.sign_in("1003", DEMO_PASSWORD, 3)
    qtbot.waitUntil(lambda: says(tile(w, 3))[0] == "Free", timeout=WAIT)
    assert says(tile(w, 3)) == ("Free", "张敏 · A post", "", "")
    assert tile(w, 3).property("state") == "idle"

    t = hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    qtbot.waitUntil(lambda: says(tile(w, 3))[0] == "Called", timeout=WAIT)
    assert says(tile(w, 3)) == ("Called", "张敏 · A post", t.number, "in hand 0 min")
    assert tile(w, 3).property("state") == "called"

    clock.advance(minutes=7)
    hall.start(3, "1003")
    qtbot.waitUntil(lambda: says(tile(w, 3))[0] == "In service", timeout=WAIT)
    assert says(tile(w, 3))[2:] == (t.number, "in hand 7 min")
    assert tile(w, 3).property("state") == "serving"

    hall.finish(3, "1003")
    hall.pause(3, "1003")
    qtbot.waitUntil(lambda: says(tile(w, 3))[0] == "Paused", timeout=WAIT)
    assert says(tile(w, 3)) == ("Paused", "张敏 · A post", "", "Since 09:37")
    assert tile(w, 3).served.text() == "Done today 1"
    assert tile(w, 3).property("state") == "paused"

    # A leaves for a meeting (B not yet in): the tile says who is away, why, until when.
    hall.resume(3, "1003")
    hall.hand_over(3, "1003", "meeting", expected_return=local(24, 11))
    qtbot.waitUntil(lambda: says(tile(w, 3))[0] == "Away", timeout=WAIT)
    assert tile(w, 3).away.text() == "A post 张敏 away (meeting) since 09:37, back about 11:00"
    assert tile(w, 3).property("state") == "away"
    figures = w.floor_view.figures
    assert figures["issued"].value.text() == "1" and figures["served"].value.text() == "1"


def test_a_burst_of_events_costs_one_read_in_flight_and_one_after_it(
    qtbot: QtBot, hall: Hall, sound: MemoryOutput, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = open_station(qtbot, hall, sound)
    sign_in(qtbot, w)
    view = w.floor_view
    assert view.floor is not None
    reads: list[int] = []
    read = hall.floor
    monkeypatch.setattr(hall, "floor", lambda: reads.append(1) or read())
    seen = view.floor.last_event_id

    def event(n: int) -> FeedEvent:
        return FeedEvent(n, "issued", hall.now(), "QC", "Asia/Shanghai", *[None] * 7)

    view.on_event(event(seen))  # already in what was read: no read
    assert reads == []
    with qtbot.waitSignal(view.floor_shown, timeout=WAIT):
        for n in range(seen + 1, seen + 6):
            view.on_event(event(n))
    qtbot.waitUntil(lambda: not view._reading, timeout=WAIT)
    assert len(reads) == 2


def test_the_waiting_column_counts_per_zone_and_service_and_marks_a_long_wait(
    qtbot: QtBot, hall: Hall, clock: FixedClock, sound: MemoryOutput
) -> None:
    hall.issue_ticket("qy-sl")
    clock.advance(minutes=5)
    hall.issue_ticket("qy-sl")
    hall.issue_ticket("gt-zc")
    hall.issue_ticket("sfz-bl")
    w = open_station(qtbot, hall, sound)
    sign_in(qtbot, w)
    view = w.floor_view

    def row(code: str) -> tuple[str, ...]:
        labels = view.waiting_rows[code]
        name = labels[0].full_text()  # type: ignore[attr-defined]
        return (name, labels[1].text(), labels[2].text()) if labels[0].isVisibleTo(w) else ()

    assert view.waiting_title.text() == "Waiting: 4"
    assert row("z:SS") == ("Business and commerce", "3", "5 min")
    assert row("s:qy-sl") == ("Company registration", "2", "5 min")
    assert row("s:gt-zc")[1:] == ("1", "0 min")
    assert row("z:MS")[1:] == ("1", "0 min") and row("s:sfz-bl")[1:] == ("1", "0 min")
    assert row("z:TZ") == ("Investment projects", "0", "")
    assert row("s:qy-bg") == ()  # nobody waits for it: not listed
    assert view.figures["waiting"].value.text() == "4"

    # Half an hour later the minutes count on without reading the floor again; the
    # first ticket is past the hall's 30 minutes: marked in words, and its zone too.
    clock.advance(minutes=26)
    view.show_minutes()
    assert row("s:qy-sl")[2] == "31 min, too long"
    assert view.waiting_rows["s:qy-sl"][2].property("long") is True
    assert row("z:SS")[2] == "31 min, too long"
    assert row("s:gt-zc")[2] == "26 min"
    assert view.waiting_rows["s:gt-zc"][2].property("long") is False


def test_a_long_wait_raises_an_alarm_with_a_chime_and_acknowledging_records_who(
    qtbot: QtBot, hall: Hall, clock: FixedClock, sound: MemoryOutput, bridge: FeedBridge
) -> None:
    open_windows(hall)
    w = open_station(qtbot, hall, sound, bridge)
    bridge.start()
    sign_in(qtbot, w)
    panel = w.alarms_panel
    assert panel.title.text() == "Alarms to look at: 0"
    t = hall.issue_ticket("qy-sl")
    clock.advance(minutes=31)
    hall.sweep_alarms()  # another station's sweep: this one hears of it through the feed
    qtbot.waitUntil(lambda: len(panel.acknowledge_buttons) == 1, timeout=WAIT)
    (alarm,) = hall.alarms()
    assert alarm.kind == "long_wait"
    assert panel.title.text() == "Alarms to look at: 1"
    assert w.badge.text() == "Alarms: 1" and w.badge.property("alert") is True
    assert w.tabs.tabText(1) == "Alarms (1)"
    card = panel.open_box.itemAt(0).widget()
    assert card is not None
    assert card.accessibleName() == f"Long wait: {alarm.sentence('en')}"
    assert (
        "the longest for 31 min" in alarm.sentence("en") and t.service_name in card.accessibleName()
    )
    qtbot.waitUntil(lambda: len(sound.plays) == 1, timeout=WAIT)  # the chime, once
    assert w._blinker.isActive()

    w.badge.click()
    assert w.tabs.currentWidget() is panel
    with qtbot.waitSignal(panel.said, timeout=WAIT) as said:
        panel.acknowledge_buttons[alarm.id].click()
    assert said.args[0] == "Acknowledged: Long wait."
    qtbot.waitUntil(lambda: not panel.acknowledge_buttons, timeout=WAIT)
    assert panel.title.text() == "Alarms to look at: 0"
    assert w.badge.text() == "Alarms: 0" and w.badge.property("alert") is False
    (seen,) = hall.alarms(since=local(24, 0))
    assert seen.acknowledged_by == SUPERVISOR and seen.acknowledged_by_name == "胡振华"
    assert seen.resolved_at is None  # the citizen still waits
    earlier = panel.done_box.itemAt(0).widget()
    assert earlier is not None and earlier.property("done") is True
    assert "acknowledged by 胡振华 at 10:01 · cause not ended yet" in [
        lb.text() for lb in earlier.findChildren(QLabel)
    ]
    assert len(sound.plays) == 1  # acknowledging does not chime again


def test_the_station_sweeps_as_it_starts_and_on_its_timer(
    qtbot: QtBot, hall: Hall, clock: FixedClock, sound: MemoryOutput
) -> None:
    open_windows(hall)
    hall.request_help("kiosk-1")
    clock.advance(minutes=4)
    w = open_station(qtbot, hall, sound)
    sign_in(qtbot, w)  # the sweep at the start raises the help alarm
    panel = w.alarms_panel
    assert [a.kind for a in hall.alarms()] == ["help"]
    assert len(panel.acknowledge_buttons) == 1 and w.badge.text() == "Alarms: 1"
    assert sound.plays == []  # on the list at sign-in: not news
    assert panel._sweeper.isActive() and panel._sweeper.interval() == SWEEP_MS == 30_000

    hall.issue_ticket("gt-zc")
    clock.advance(minutes=31)
    with qtbot.waitSignal(panel.raised, timeout=WAIT):
        panel._sweeper.timeout.emit()  # the 30-second tick
    assert sorted(a.kind for a in hall.alarms()) == ["help", "long_wait"]
    assert w.badge.text() == "Alarms: 2"
    qtbot.waitUntil(lambda: len(sound.plays) == 1, timeout=WAIT)

    # The hall without the chime: the badge alone says it.
    token = w.me.token if w.me else ""
    hall.set_setting(token, "alarms.sound", False)
    hall.issue_ticket("bdc-dj")
    clock.advance(minutes=31)
    with qtbot.waitSignal(panel.raised, timeout=WAIT):
        panel.sweep()
    assert w.badge.text() == "Alarms: 3"
    assert len(sound.plays) == 1


def test_a_window_is_paused_and_reopened_from_its_tile(
    qtbot: QtBot, hall: Hall, sound: MemoryOutput
) -> None:
    hall.sign_in("1003", DEMO_PASSWORD, 3)
    w = open_station(qtbot, hall, sound)
    sign_in(qtbot, w)
    view = w.floor_view
    menu = view.tile_menu(3)  # the right-click on tile 3
    actions = [a for a in menu.actions() if not a.isSeparator()]
    assert [a.text() for a in actions] == ["Pause window 3…", "Reopen window 3", "Close the day…"]
    assert [a.isEnabled() for a in actions] == [True, False, True]
    assert view.selected == 3 and tile(w, 3).property("selected") is True
    actions[0].trigger()
    assert view.acts.currentWidget() is view.pause_page
    assert view.pause_title.text() == "Pause window 3:"
    view.pause_reason.setText("系统升级")
    with qtbot.waitSignal(view.floor_shown, timeout=WAIT):
        qtbot.keyClick(view.pause_reason, Qt.Key.Key_Return)
    assert view.status.text() == "Window 3 is paused."
    assert says(tile(w, 3)) == ("Paused", "张敏 · A post", "", "Since 09:30: 系统升级")
    assert next(x for x in hall.windows() if x.number == 3).paused
    assert view.acts.currentWidget() is view.buttons_page

    # The button under the tiles reopens it.
    assert view.reopen_button.isEnabled() and not view.pause_button.isEnabled()
    with qtbot.waitSignal(view.floor_shown, timeout=WAIT):
        view.reopen_button.click()
    assert view.status.text() == "Window 3 is open again."
    assert says(tile(w, 3))[0] == "Free"
    assert not next(x for x in hall.windows() if x.number == 3).paused


def test_a_refused_pause_is_the_cores_sentence_and_the_reason_typed_stays(
    qtbot: QtBot, hall: Hall, sound: MemoryOutput
) -> None:
    hall.sign_in("1003", DEMO_PASSWORD, 3)
    hall.issue_ticket("gt-zc")
    t = hall.call_next(3, "1003")
    assert t is not None
    w = open_station(qtbot, hall, sound)
    sign_in(qtbot, w)
    view = w.floor_view
    view.select(3)
    view.pause_button.click()
    view.pause_reason.setText("窗口电脑重启")
    with qtbot.waitSignal(view.said, timeout=WAIT) as said:
        view.pause_ok.click()
    sentence = HallError("window.ticket_in_hand", window=3, number=t.number).message("en")
    assert said.args[0] == sentence == view.status.text()
    assert view.status.property("tone") == "alert"
    assert view.acts.currentWidget() is view.pause_page
    assert view.pause_reason.text() == "窗口电脑重启"


def test_the_last_window_serving_a_zone_at_noon_is_paused_after_saying_why(
    qtbot: QtBot, hall: Hall, clock: FixedClock, sound: MemoryOutput
) -> None:
    clock.set(local(24, 11, 50))
    hall.sign_in("1001", DEMO_PASSWORD, 1)  # the only window of 商事经营 open
    clock.set(local(24, 12, 5))
    w = open_station(qtbot, hall, sound)
    sign_in(qtbot, w)
    view = w.floor_view
    view.select(1)
    view.pause_button.click()
    view.pause_reason.setText("更换打印纸")
    with qtbot.waitSignal(view.said, timeout=WAIT):
        view.pause_ok.click()
    assert view.acts.currentWidget() is view.noon_page
    assert w.me is not None
    with pytest.raises(HallError) as refused:
        hall.pause_window(w.me.token, 1)
    assert refused.value.code == "noon.last_window"
    assert view.noon_sentence.text() == refused.value.message("en")
    view.noon_ok.click()  # no reason yet: nothing happens
    assert view.acts.currentWidget() is view.noon_page
    view.noon_reason.setText("十分钟后恢复")
    with qtbot.waitSignal(view.floor_shown, timeout=WAIT):
        qtbot.keyClick(view.noon_reason, Qt.Key.Key_Return)
    assert says(tile(w, 1)) == ("Paused", "王丽娟 · A post", "", "Since 12:05: 更换打印纸")
    assert view.acts.currentWidget() is view.buttons_page


def test_a_waiting_ticket_is_moved_and_a_refusal_keeps_what_was_typed(
    qtbot: QtBot, hall: Hall, sound: MemoryOutput
) -> None:
    t = hall.issue_ticket("qy-sl")
    w = open_station(qtbot, hall, sound)
    sign_in(qtbot, w)
    view = w.floor_view
    assert w.me is not None
    with pytest.raises(HallError) as refused:
        hall.move_ticket(w.me.token, "Z999", to_service="qy-bg")
    view.move_number.setText("z999")
    view.move_to.setCurrentIndex(view.move_to.findData("s:qy-bg"))
    view.move_reason.setText("群众选错事项")
    with qtbot.waitSignal(view.said, timeout=WAIT) as said:
        view.move_button.click()
    assert said.args[0] == refused.value.message("en") == "There is no ticket Z999 today."
    assert view.move_number.text() == "z999" and view.move_reason.text() == "群众选错事项"

    view.move_number.setText(t.number.lower())
    with qtbot.waitSignal(view.said, timeout=WAIT) as said:
        qtbot.keyClick(view.move_number, Qt.Key.Key_Return)
    assert said.args[0] == f"{t.number} moved to Company changes."
    assert hall.ticket(t.number).service_code == "qy-bg"
    assert view.move_number.text() == "" and view.move_reason.text() == ""


def test_the_day_is_closed_after_a_confirmation_in_the_page(
    qtbot: QtBot, hall: Hall, sound: MemoryOutput
) -> None:
    hall.issue_ticket("qy-sl")
    hall.issue_ticket("gt-zc")
    w = open_station(qtbot, hall, sound)
    sign_in(qtbot, w)
    view = w.floor_view
    view.close_day_button.click()
    assert view.acts.currentWidget() is view.close_page
    assert view.close_question.text().startswith("Close the day now? The 2 tickets still waiting")
    view.close_cancel.click()
    assert view.acts.currentWidget() is view.buttons_page
    assert sum(c.waiting for c in hall.waiting_counts()) == 2
    view.close_day_button.click()
    with qtbot.waitSignal(view.floor_shown, timeout=WAIT):
        view.close_ok.click()
    assert view.status.text() == "The day is closed: 2 tickets ended."
    assert sum(c.waiting for c in hall.waiting_counts()) == 0
    assert view.figures["waiting"].value.text() == "0"


def test_a_kiosks_help_request_is_answered_from_the_floor(
    qtbot: QtBot, hall: Hall, sound: MemoryOutput
) -> None:
    hall.request_help("kiosk-2")
    w = open_station(qtbot, hall, sound)
    sign_in(qtbot, w)
    view = w.floor_view
    assert view.help_title.isVisibleTo(w)
    buttons = [b for b in view.findChildren(type(view.move_button)) if b.text() == "I'll go"]
    assert len(buttons) == 1
    assert buttons[0].accessibleName() == "Answer the help asked at kiosk-2"
    with qtbot.waitSignal(view.floor_shown, timeout=WAIT):
        buttons[0].click()
    assert view.status.text() == "Help at kiosk-2: yours."
    assert hall.help_requests() == []
    assert not view.help_title.isVisibleTo(w)


def test_the_floor_fits_the_desk_screen_and_a_1366x768_one(
    qtbot: QtBot, hall: Hall, sound: MemoryOutput
) -> None:
    open_windows(hall)
    w = open_station(qtbot, hall, sound)
    sign_in(qtbot, w)
    view = w.floor_view

    def settled(size: QSize) -> None:
        w.resize(size)
        qtbot.waitUntil(lambda: w.size() == size, timeout=WAIT)
        qtbot.wait(50)  # the tiles laid out again for the new size

    settled(QSize(1920, 1080))
    assert view._columns == 4
    assert view.tiles_scroll.verticalScrollBar().maximum() == 0  # every tile in sight
    settled(QSize(1366, 768))
    assert w.minimumSizeHint().width() <= 1366 and w.minimumSizeHint().height() <= 768
    for box in view.figures.values():  # today's figures whole
        assert box.value.width() >= box.value.sizeHint().width()
        assert box.name.width() >= box.name.sizeHint().width()
    for t in view.tiles.values():  # each tile at least its own minimum: shrunk, not cut
        assert t.width() >= t.minimumSizeHint().width()
        assert t.height() >= t.minimumSizeHint().height()


def test_the_columns_keep_tiles_readable_and_the_floor_in_sight() -> None:
    assert columns_for(12, 1400, 780, 240, 140) == 4  # 3 rows of 4 on the desk screen
    assert columns_for(24, 1400, 780, 240, 140) == 5  # 5 rows of 5
    assert columns_for(12, 960, 490, 240, 140) == 4  # 1366×768: 3 rows of 4
    assert columns_for(24, 500, 300, 240, 140) == 2  # too small: as wide as allowed, scrolls
