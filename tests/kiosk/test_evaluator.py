"""The window's rating pad (评价器) on SQLite and PostgreSQL, fed by a real change feed:
the clerk's F3 puts the ticket and the five faces on the pad of that window only; a tap
records the rating with channel evaluator; the faces go back to 欢迎光临 after the pad's
seconds; a pad started late still finds the rating waiting."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QSize, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter.window import CounterWindow
from kiosk.evaluator import Evaluator
from shared.base.errors import HallError
from shared.hall import Hall, TicketInfo
from shared.qt.feed_bridge import FeedBridge
from shared.qt.i18n import set_language
from shared.rules.reviews import ReviewInfo
from shared.store.feed import FeedEvent
from shared.store.model import Event, EventKind, Window

from ..counter.test_counter import key, sign_in
from .test_kiosk import cut_off
from .test_rating import _delete_held, held  # noqa: F401  (the fixture deletes them)

pytestmark = pytest.mark.gui
WAIT = 15_000
TABLET = QSize(1280, 800)


@pytest.fixture(autouse=True)
def _chinese(qapp: object) -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture
def bridge(db_url: str) -> Iterator[FeedBridge]:
    b = FeedBridge(db_url)
    yield b
    b.stop()


def words(source: str) -> str:
    return QCoreApplication.translate("Evaluator", source)


def open_pad(qtbot: QtBot, hall: Hall, window: int = 3, **kw: object) -> Evaluator:
    pad = held(Evaluator(hall, window, size=TABLET, **kw))  # type: ignore[arg-type]
    qtbot.addWidget(pad)
    pad.show()
    return pad


def in_hand(hall: Hall, window: int = 3, service: str = "gt-zc") -> TicketInfo:
    t = hall.issue_ticket(service)
    called = hall.call_next(window, f"{1000 + window}")
    assert called is not None and called.number == t.number
    return t


def reviews_of(hall: Hall, t: TicketInfo) -> list[ReviewInfo]:
    return [r for r in hall.reviews(t.business_day) if r.number == t.number]


def test_f3_puts_the_faces_on_the_pad_and_a_tap_rates(
    qtbot: QtBot, hall: Hall, bridge: FeedBridge
) -> None:
    pad = open_pad(qtbot, hall, bridge=bridge, thanks_seconds=1)
    assert pad.stack.currentWidget() is pad.idle
    assert pad.welcome.text() == words("Welcome")
    assert pad.idle_window.text() == words("Window {n}").format(n=3)
    assert pad.hall_name.text() == hall.settings.name
    t = in_hand(hall)
    with qtbot.waitSignal(pad.asked, timeout=WAIT):
        hall.ask_review(3, "1003")  # the clerk's F3
    assert pad.stack.currentWidget() is pad.asking
    assert pad.title.text() == words("Please rate this service")
    assert t.number in pad.ticket.text() and t.service_name in pad.ticket.text()
    assert all(face.isVisible() for face in pad.form.faces.values())
    assert str(hall.settings.reviews.evaluator_seconds) in pad.countdown.text()
    with qtbot.waitSignal(pad.reviewed, timeout=WAIT):
        qtbot.mouseClick(pad.form.faces["very_satisfied"], Qt.MouseButton.LeftButton)  # one tap
    [review] = reviews_of(hall, t)
    assert (review.level, review.channel, review.window_no) == ("very_satisfied", "evaluator", 3)
    assert pad.stack.currentWidget() is pad.thanks
    assert pad.thanks_title.text() == words("Thank you for your rating")
    with qtbot.waitSignal(pad.idle_shown, timeout=WAIT):
        pass  # after the thanks' seconds
    assert pad.stack.currentWidget() is pad.idle


def test_a_bad_rating_on_the_pad_asks_for_the_reason_first(
    qtbot: QtBot, hall: Hall, bridge: FeedBridge
) -> None:
    pad = open_pad(qtbot, hall, bridge=bridge)
    t = in_hand(hall)
    with qtbot.waitSignal(pad.asked, timeout=WAIT):
        hall.ask_review(3, "1003")
    form = pad.form
    qtbot.mouseClick(form.faces["very_dissatisfied"], Qt.MouseButton.LeftButton)
    assert form.reasons.isVisible() and form.submit.isVisible()
    assert reviews_of(hall, t) == []  # a bad face alone sends nothing
    with qtbot.waitSignal(pad.refused, timeout=WAIT):
        qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    assert form.refusal.text() == HallError("review.reason_needed", level="非常不满意").message()
    assert form.level == "very_dissatisfied"  # kept
    qtbot.mouseClick(form.reason_buttons["attitude"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(pad.reviewed, timeout=WAIT):
        qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    [review] = reviews_of(hall, t)
    assert (review.level, review.reasons, review.channel) == (
        "very_dissatisfied", ("attitude",), "evaluator",
    )  # fmt: skip
    assert review.case_id is not None and [c.id for c in hall.cases()] == [review.case_id]


def test_the_faces_go_back_to_welcome_after_the_pads_seconds(
    qtbot: QtBot, hall: Hall, bridge: FeedBridge
) -> None:
    pad = open_pad(qtbot, hall, bridge=bridge, seconds=2)
    t = in_hand(hall)
    with qtbot.waitSignal(pad.asked, timeout=WAIT):
        hall.ask_review(3, "1003")
    assert pad.countdown.text() == words("Back in {n} s").format(n=2)
    with qtbot.waitSignal(pad.idle_shown, timeout=5_000):
        pass
    assert pad.stack.currentWidget() is pad.idle and pad.request is None
    assert reviews_of(hall, t) == []  # nobody tapped: nothing recorded


def test_another_windows_f3_does_not_show(qtbot: QtBot, hall: Hall, bridge: FeedBridge) -> None:
    pad = open_pad(qtbot, hall, bridge=bridge)
    asked: list[object] = []
    pad.asked.connect(asked.append)
    seen: list[FeedEvent] = []
    bridge.event_received.connect(seen.append)
    in_hand(hall, window=4, service="sb-cb")
    hall.ask_review(4, "1004")
    qtbot.waitUntil(
        lambda: any(e.kind == "review_asked" and e.window_no == 4 for e in seen), timeout=WAIT
    )
    qtbot.wait(300)  # time for a wrong answer to show
    assert asked == [] and pad.stack.currentWidget() is pad.idle
    t = in_hand(hall)  # and window 3's own F3 still does
    with qtbot.waitSignal(pad.asked, timeout=WAIT) as got:
        hall.ask_review(3, "1003")
    assert got.args[0].ticket.number == t.number


def test_a_pad_started_after_f3_still_shows_the_faces(qtbot: QtBot, hall: Hall) -> None:
    t = in_hand(hall)
    hall.ask_review(3, "1003")
    pad = held(Evaluator(hall, 3, size=TABLET))
    qtbot.addWidget(pad)
    with qtbot.waitSignal(pad.asked, timeout=WAIT) as got:
        pad.show()
    assert got.args[0].ticket.number == t.number and t.number in pad.ticket.text()


def test_rated_meanwhile_by_its_qr_code_the_pad_goes_back_to_welcome(
    qtbot: QtBot, hall: Hall, bridge: FeedBridge
) -> None:
    pad = open_pad(qtbot, hall, bridge=bridge)
    in_hand(hall)
    with qtbot.waitSignal(pad.asked, timeout=WAIT) as got:
        hall.ask_review(3, "1003")
    with qtbot.waitSignal(pad.idle_shown, timeout=WAIT):
        hall.submit_review(got.args[0].code, "satisfied")  # the citizen's phone was quicker
    assert pad.stack.currentWidget() is pad.idle


def test_a_ticket_rated_already_is_not_asked_again(qtbot: QtBot, hall: Hall) -> None:
    t = in_hand(hall)
    done = hall.ask_review(3, "1003")
    hall.submit_review(done.short_code, "satisfied", channel="kiosk")
    assert hall.review_request(3) is None
    pad = open_pad(qtbot, hall)
    qtbot.wait(300)
    assert pad.stack.currentWidget() is pad.idle and len(reviews_of(hall, t)) == 1


def test_the_pad_fits_a_tablet_with_the_reasons_and_a_refusal_showing(
    qtbot: QtBot, hall: Hall
) -> None:
    in_hand(hall)
    hall.ask_review(3, "1003")
    for lang in ("zh", "en"):
        set_language(lang)
        pad = held(Evaluator(hall, 3, size=TABLET, lang=lang))
        qtbot.addWidget(pad)
        with qtbot.waitSignal(pad.asked, timeout=WAIT):
            pad.show()
        assert not cut_off(pad), (lang, cut_off(pad))
        qtbot.mouseClick(pad.form.faces["dissatisfied"], Qt.MouseButton.LeftButton)
        pad.form.show_refusal(HallError("review.reason_needed", level="不满意").message(lang))
        qtbot.wait(20)
        assert not cut_off(pad), (lang, cut_off(pad))
        assert pad.size() == TABLET
        pad.close()


@pytest.mark.both_databases
def test_f3_at_the_counter_asks_the_windows_pad(
    qtbot: QtBot, unstaffed_hall: Hall, unstaffed_db_url: str
) -> None:
    hall = unstaffed_hall
    bridge = FeedBridge(unstaffed_db_url)
    try:
        pad = open_pad(qtbot, hall, bridge=bridge)  # the second screen, facing the citizen
        console = held(CounterWindow(hall, 3))
        qtbot.addWidget(console)
        console.show()
        console.activateWindow()  # the clerk's keys go to the console
        sign_in(qtbot, console)
        t = hall.issue_ticket("gt-zc")
        key(qtbot, console, Qt.Key.Key_F1)
        with qtbot.waitSignal(pad.asked, timeout=WAIT) as got:
            desk = key(qtbot, console, Qt.Key.Key_F3)
        assert desk.ticket is None and desk.served_today == 1  # F3 finishes the ticket
        assert got.args[0].ticket.number == t.number and got.args[0].ticket.state == "done"
        with hall.db.read() as s:
            asked = s.execute(
                select(Window.number)
                .join(Event, Event.window_id == Window.id)
                .where(Event.kind == EventKind.REVIEW_ASKED)
            ).all()
        assert [n for (n,) in asked] == [3]
    finally:
        bridge.stop()
