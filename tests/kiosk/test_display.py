"""The lobby display and the window screens, offscreen, on both databases: every call on
the screen when the feed brings it, each once and in order; letters readable from the
back row at every layout; the window screen's three states; the calls spoken centrally
once each, and old ones shown but not spoken."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from kiosk.display import HallScreen, LobbyDisplay, Marquee, WindowScreen
from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.devices.announcer import AnnouncementResult, Announcer, MemoryOutput, Outcome
from shared.devices.voice import Voice
from shared.hall import Hall
from shared.qt.feed_bridge import FeedBridge
from shared.qt.i18n import set_language
from shared.qt.theme import DISPLAY, letter_px
from shared.rules.lobby import LobbyCall
from shared.store.model import Hall as HallRow

from ..conftest import DEMO_PASSWORD, local
from ..test_announcer import ToneEngine

pytestmark = pytest.mark.gui
WAIT = 15_000
LANDSCAPE, PORTRAIT, TV = QSize(1920, 1080), QSize(1080, 1920), QSize(1366, 768)


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


def shown(screen: HallScreen) -> list[LobbyCall]:
    calls: list[LobbyCall] = []
    screen.call_shown.connect(calls.append)
    return calls


def open_display(qtbot: QtBot, screen: HallScreen) -> HallScreen:
    """The screen shown, once its first look at the hall is on it."""
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.started_up, timeout=WAIT)
    return screen


def rows_text(d: LobbyDisplay) -> list[tuple[str, str]]:
    return [(n.text(), w.text()) for n, w in d.rows if n.text()]


def test_a_call_is_on_the_lobby_display_when_the_feed_brings_it(
    qtbot: QtBot, hall: Hall, bridge: FeedBridge
) -> None:
    for code in ("qy-sl", "gt-zc", "bdc-dj", "tz-ba"):
        hall.issue_ticket(code)
    first = hall.call_next(1, "1001")
    d = LobbyDisplay(hall, bridge=bridge, size=LANDSCAPE)
    open_display(qtbot, d)
    assert first is not None
    # What was called before it started: on the screen at once.
    assert d.newest_number.text() == first.number and d.newest_window.text() == "1号窗口"
    assert d.hall_name.text() == hall.settings.name
    assert "星期二" in d.clock.text()
    assert d.zone_labels["SS"][1].text() == "1人" and d.zone_labels["MS"][1].text() == "1人"
    calls = shown(d)

    second = hall.call_next(3, "1003")
    assert second is not None
    qtbot.waitUntil(lambda: d.newest_number.text() == second.number, timeout=WAIT)
    assert (d.go_before.text(), d.newest_window.text(), d.go_after.text()) == (
        "请到",
        "3号窗口",
        "办理",
    )
    assert d.flashing and d.newest.property("flash") == "on"
    assert rows_text(d) == [(first.number, "1")]
    hall.recall(3, "1003")
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=WAIT)
    assert [(c.kind, c.number) for c in calls] == [
        ("called", second.number),
        ("recalled", second.number),
    ]
    assert d.newest_number.text() == second.number
    assert rows_text(d) == [(first.number, "1")]  # a recall is not listed twice
    # The counts follow: a moment after the call, one fewer waits in 商事经营.
    qtbot.waitUntil(lambda: d.zone_labels["SS"][1].text() == "0人", timeout=WAIT)
    assert d.notice.text() == hall.settings.display.notice


def test_the_flash_stops_after_the_halls_seconds(
    qtbot: QtBot, hall: Hall, bridge: FeedBridge
) -> None:
    hall.issue_ticket("gt-zc")
    d = LobbyDisplay(hall, bridge=bridge, size=TV)
    open_display(qtbot, d)
    hall.call_next(3, "1003")
    qtbot.waitUntil(lambda: d.flashing, timeout=WAIT)
    seconds = hall.settings.display.flash_seconds
    qtbot.waitUntil(lambda: not d.flashing, timeout=(seconds + 3) * 1000)
    assert d.newest.property("flash") == "off"


@pytest.mark.parametrize(
    ("size", "inches"),
    [(LANDSCAPE, 55), (PORTRAIT, 55), (TV, 43)],
    ids=["1920x1080", "1080x1920", "tv"],
)
def test_the_back_row_can_read_every_call_and_nothing_is_cut_off(
    qtbot: QtBot, hall: Hall, size: QSize, inches: int
) -> None:
    for _ in range(12):
        for code in ("qy-sl", "gt-zc", "hj-qy", "bdc-dj", "tz-ba"):
            hall.issue_ticket(code)
    for window, clerk in [(1, "1001"), (3, "1003"), (5, "1005"), (6, "1006"), (7, "1007")] * 2:
        hall.end_service(window, clerk) if hall.desk(window).ticket else None
        hall.call_next(window, clerk)
    d = LobbyDisplay(hall, size=size, inches=inches)
    open_display(qtbot, d)
    qtbot.wait(50)
    metres = hall.settings.display.viewing_metres
    need = letter_px(size.width(), size.height(), inches, metres)  # 1 cm per 3 m
    # The newest number: a sixth of the screen's height in capitals (in portrait a little
    # less where the width or three listed calls ask for it: test_display_layout).
    number = QFontMetricsF(d.newest_number.font()).capHeight()
    assert number >= size.height() / 6 * (1 if size.width() > size.height() else 0.75) - 1
    # The last calls, the waiting counts, the notice: readable from the back row.
    readable: list[QLabel] = [lb for pair in d.rows for lb in pair]
    readable += [lb for pair in d.zone_labels.values() for lb in pair]
    readable += [d.newest_window]
    for lb in readable:
        assert QFontMetricsF(lb.font()).capHeight() >= need - 0.5, lb.text()
    assert QFontMetricsF(d.notice.font()).capHeight() >= need - 0.5
    # As many last calls as fit (at least four), every one whole on the screen (the ink
    # of every text, whole and apart: test_display_layout).
    assert len(rows_text(d)) >= 4 or len(rows_text(d)) == len(d.rows)
    for lb in d.findChildren(QLabel):
        if lb.isVisible() and lb.text():
            fits = QFontMetricsF(lb.font()).horizontalAdvance(lb.text()) <= lb.width() + 1
            assert fits, f"{lb.text()!r} is cut off at {size.width()}x{size.height()}"
            top_left = lb.mapTo(d, lb.rect().topLeft())
            assert top_left.y() >= 0 and top_left.y() + lb.height() <= size.height() + 1


def test_the_displays_colours_can_be_read_from_the_back_row() -> None:
    def luminance(colour: str) -> float:
        rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    def contrast(a: str, b: str) -> float:
        hi, lo = sorted((luminance(DISPLAY[a]), luminance(DISPLAY[b])), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    pairs = [
        ("ink", "page"), ("ink", "band"), ("muted", "panel"), ("number", "page"),
        ("number", "panel"), ("window", "panel"), ("on_flash", "flash"),
        ("on_alert", "alert"), ("paused", "page"),
    ]  # fmt: skip
    for text, background in pairs:
        assert contrast(text, background) >= 7.0, (text, background)  # WCAG AAA
    # While the connection is lost the calls are dimmed on purpose, still readable (AA),
    # and clearly fainter than the live ones.
    assert 4.5 <= contrast("stale", "panel") < contrast("number", "panel") / 1.5


def test_the_notice_line_moves_when_it_is_longer_than_the_screen(qtbot: QtBot) -> None:
    m = Marquee()
    qtbot.addWidget(m)
    m.resize(400, 60)
    m.show()
    m.set_text("请留意叫号，听到您的号码后到相应窗口办理；过号需重新取号。" * 2)
    before = m.grab().toImage()
    qtbot.wait(300)
    assert m.grab().toImage() != before  # it moved
    m.set_text("请留意叫号")
    still = m.grab().toImage()
    qtbot.wait(200)
    assert m.grab().toImage() == still


def test_the_window_screen_shows_the_number_welcome_or_paused(
    qtbot: QtBot, hall: Hall, bridge: FeedBridge
) -> None:
    hall.issue_ticket("gt-zc")
    s = WindowScreen(hall, 3, bridge=bridge, size=QSize(1366, 768))
    open_display(qtbot, s)
    assert (s.number.text(), s.words.isVisible()) == ("欢迎光临", False)
    assert s.window_name.text() == "3号窗口" and "张敏" in s.clerk.text()
    called = hall.call_next(3, "1003")
    assert called is not None
    qtbot.waitUntil(lambda: s.number.text() == called.number, timeout=WAIT)
    assert s.words.text() == "请到本窗口办理"
    hall.start(3, "1003")
    qtbot.waitUntil(lambda: s.words.text() == "正在办理", timeout=WAIT)
    hall.finish(3, "1003")
    qtbot.waitUntil(lambda: s.number.text() == "欢迎光临", timeout=WAIT)
    hall.pause(3, "1003", "业务培训")
    qtbot.waitUntil(lambda: s.number.text() == "暂停服务", timeout=WAIT)
    hall.resume(3, "1003")
    qtbot.waitUntil(lambda: s.number.text() == "欢迎光临", timeout=WAIT)
    hall.sign_out("1003", 3)
    qtbot.waitUntil(lambda: s.number.text() == "暂停服务", timeout=WAIT)
    assert s.clerk.text() == ""
    # Another window's call does not show here.
    hall.issue_ticket("bdc-dj")
    hall.call_next(6, "1006")
    qtbot.wait(300)
    assert s.number.text() == "暂停服务"
    hall.sign_in("1013", DEMO_PASSWORD, 3)  # the B post takes the window
    qtbot.waitUntil(lambda: s.number.text() == "欢迎光临", timeout=WAIT)
    assert "1013" in s.clerk.text()


def speaking_hall(db_url: str, clock: FixedClock) -> Hall:
    """The hall with its calls spoken by the lobby display (a central loudspeaker)."""
    setup = Hall.connect(db_url, clock)
    voice = {**setup.settings.voice.model_dump(mode="json"), "speaker": "display"}
    setup.db.run_write(lambda s: s.execute(update(HallRow).values(voice=voice)))
    setup.close()
    return Hall.connect(db_url, clock)


@pytest.mark.both_databases
def test_the_display_speaks_every_call_once_in_order_but_not_old_ones(
    qtbot: QtBot, db_url: str, clock: FixedClock, tmp_path: object
) -> None:
    writer = speaking_hall(db_url, clock)
    display_clock = FixedClock(clock.now())
    hall = Hall.connect(db_url, display_clock)
    heard: list[AnnouncementResult] = []
    voice = Voice(engine=ToneEngine(), cache_dir=tmp_path / "voice")  # type: ignore[operator]
    announcer = Announcer(voice, MemoryOutput(), on_result=heard.append)
    bridge = FeedBridge(db_url)
    try:
        for code in ("qy-sl", "gt-zc", "bdc-dj", "hj-qy"):
            writer.issue_ticket(code)
        before = writer.call_next(1, "1001")  # before the display started: shown, not spoken
        d = LobbyDisplay(hall, bridge=bridge, announcer=announcer, size=TV)
        open_display(qtbot, d)
        calls = shown(d)
        a = writer.call_next(3, "1003")
        b = writer.call_next(6, "1006")
        writer.recall(3, "1003")
        qtbot.waitUntil(lambda: len(calls) == 3, timeout=WAIT)
        # A call the display learns of 45 s after it was made (as after a lost
        # connection): shown, not spoken.
        display_clock.advance(seconds=45)
        late = writer.call_next(5, "1005")
        qtbot.waitUntil(lambda: len(calls) == 4, timeout=WAIT)
        assert announcer.wait_idle(30)
        assert before is not None and a is not None and b is not None and late is not None
        # Handed over in commit order, each once (a recall while its call still waits to
        # be said is merged into it: the lobby hears the number anyway).
        handed = sorted(heard, key=lambda r: r.announcement.queued)
        assert [(r.number, r.announcement.kind) for r in handed] == [
            (a.number, "call"),
            (b.number, "call"),
            (a.number, "recall"),
        ]
        assert [r.outcome for r in handed[:2]] == [Outcome.PLAYED, Outcome.PLAYED]
        assert handed[2].outcome in (Outcome.PLAYED, Outcome.MERGED)
        assert d.newest_number.text() == late.number
        assert [c.number for c in d.spoken] == [a.number, b.number, a.number]
    finally:
        bridge.stop()
        announcer.close()
        voice.close()
        hall.close()
        writer.close()


def test_a_counter_speaking_hall_leaves_the_display_silent(
    qtbot: QtBot, hall: Hall, bridge: FeedBridge, tmp_path: object
) -> None:
    assert hall.settings.voice.speaker == "counter"
    heard: list[AnnouncementResult] = []
    voice = Voice(engine=ToneEngine(), cache_dir=tmp_path / "voice")  # type: ignore[operator]
    announcer = Announcer(voice, MemoryOutput(), on_result=heard.append)
    try:
        hall.issue_ticket("gt-zc")
        d = LobbyDisplay(hall, bridge=bridge, announcer=announcer, size=TV)
        open_display(qtbot, d)
        calls = shown(d)
        hall.call_next(3, "1003")
        qtbot.waitUntil(lambda: len(calls) == 1, timeout=WAIT)
        assert announcer.wait_idle(10) and heard == []
    finally:
        announcer.close()
        voice.close()


def test_the_lobby_display_clears_at_midnight(
    qtbot: QtBot, hall: Hall, clock: FixedClock, bridge: FeedBridge
) -> None:
    hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    d = LobbyDisplay(hall, bridge=bridge, size=LANDSCAPE)
    open_display(qtbot, d)
    assert d.newest_number.text() == "B001"
    clock.set(local(24, 23, 59) + timedelta(seconds=58))
    qtbot.wait(1100)
    assert d.newest_number.text() == "B001"
    days: list[object] = []
    d.day_changed.connect(days.append)
    clock.set(local(25, 0, 0) + timedelta(seconds=1))
    qtbot.waitUntil(lambda: bool(days), timeout=WAIT)
    assert d.newest_number.text() == "" and rows_text(d) == []
    assert d.now_calling.text() == "请留意叫号" and d.go_before.text() == ""
    qtbot.waitUntil(lambda: d.zone_labels["SS"][1].text() == "0人", timeout=WAIT)


def test_a_window_screen_for_an_unknown_window_says_so_in_one_sentence(
    qtbot: QtBot, hall: Hall
) -> None:
    with pytest.raises(HallError) as refused:
        WindowScreen(hall, 99, size=QSize(1366, 768))
    assert refused.value.message("zh") == "没有 99 号窗口。"


def test_a_notice_a_supervisor_changes_reaches_the_lobby_at_once(
    qtbot: QtBot, hall: Hall, bridge: FeedBridge, db_url: str, clock: FixedClock
) -> None:
    """The supervisor's station is another PC: its change comes through the feed, and the
    display reads the hall's settings again then, not a minute later."""
    d = LobbyDisplay(hall, bridge=bridge, size=LANDSCAPE)
    open_display(qtbot, d)
    assert d.notice.text() == hall.settings.display.notice
    desk = Hall.connect(db_url, clock=clock)
    try:
        token = desk.sign_in_supervisor("1015", "demo1234", "desk").token
        desk.set_display_notice(token, "今天下午两点起系统维护，请提前取号。")
    finally:
        desk.close()
    qtbot.waitUntil(lambda: d.notice.text() == "今天下午两点起系统维护，请提前取号。", timeout=WAIT)
