"""The lobby display's notice line (`Lobby.notice`), on both databases: at noon it names
the windows on noon duty before the hall's notice, past closing the windows still serving,
otherwise the hall's own notice; and when it next changes by the clock alone."""

from __future__ import annotations

from shared.base.clock import FixedClock
from shared.hall import Hall
from shared.rules.lobby import NOTICE_GAP, Board, lobby_notice, notice_changes_at

from .conftest import local


def sign_out(hall: Hall, *windows: int) -> None:
    for n in windows:
        hall.sign_out(f"{1000 + n}", n)


def test_at_noon_the_notice_names_the_windows_on_noon_duty(hall: Hall, clock: FixedClock) -> None:
    own = hall.settings.display.notice
    clock.set(local(24, 11, 55))
    assert hall.lobby().notice == own
    sign_out(hall, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12)
    clock.set(local(24, 12, 10))
    notice = hall.lobby().notice
    assert notice.startswith("午间值班：8号、9号窗口照常办理。")
    assert notice.endswith(own)
    hall.pause(9, "1009")  # window 8 still serves every zone: no reason asked
    assert hall.lobby().notice.startswith("午间值班：8号窗口照常办理。")
    clock.set(local(24, 13, 30))  # the noon break is over; 9 is still paused
    assert hall.lobby().notice == f"9号窗口暂停服务，请到8号窗口办理。{NOTICE_GAP}{own}"


def test_at_noon_with_no_window_serving_the_notice_says_when_service_resumes(
    hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 11, 55))
    sign_out(hall, *range(1, 13))
    clock.set(local(24, 12, 30))
    notice = hall.lobby().notice
    assert notice.startswith("午间休息，13:30 起恢复办理。")
    assert notice.endswith(hall.settings.display.notice)


def test_past_closing_the_notice_names_the_windows_still_serving(
    hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 17, 29))
    sign_out(hall, 1, 2, 5, 7, 8, 9, 10, 11, 12)
    assert hall.lobby().notice == hall.settings.display.notice  # not past closing yet
    clock.set(local(24, 17, 30))
    hall.pause(4, "1004")  # signed in but paused: not serving
    assert hall.lobby().notice == "已过下班时间，3号、6号窗口延时服务，请耐心等候。"
    sign_out(hall, 3, 4, 6)
    assert hall.lobby().notice == hall.settings.display.notice


def test_the_notice_in_english_names_the_same_windows(hall: Hall, clock: FixedClock) -> None:
    clock.set(local(24, 17, 40))
    windows = hall.lobby().windows
    zh = lobby_notice(hall.settings, clock.now(), windows)
    en = lobby_notice(hall.settings, clock.now(), windows, "en")
    assert zh.startswith("已过下班时间，1号、2号、3号")
    assert en.startswith("Past closing time: window 1, 2, 3,")


def test_the_notice_changes_by_the_clock_at_noon_and_at_closing(hall: Hall) -> None:
    settings = hall.settings

    def next_at(day: int, hour: int, minute: int, month: int = 11) -> str | None:
        at = notice_changes_at(settings, local(day, hour, minute, month))
        return None if at is None else f"{at.astimezone(settings.tz):%d %H:%M}"

    assert next_at(24, 9, 30) == "24 12:00"
    assert next_at(24, 12, 0) == "24 13:30"
    assert next_at(24, 14, 0) == "24 17:30"
    assert next_at(24, 17, 30) is None  # the next day's first look shows it again
    assert next_at(21, 13, 0, 7) == "21 14:30"  # summer noon
    assert next_at(28, 10, 0) == "28 12:00"  # Saturday: closing, no noon break
    assert next_at(29, 10, 0) is None  # Sunday: closed


def test_a_board_keeps_the_notice_of_its_last_look(
    db_url: str, hall: Hall, clock: FixedClock
) -> None:
    board = Board(hall.settings.catalog, keep=8)
    board.start(hall.lobby())
    assert board.notice == hall.settings.display.notice
    clock.set(local(24, 12, 5))
    sign_out(hall, 9)
    board.refresh(hall.lobby())
    assert board.notice.startswith("午间值班：1号、2号、3号、4号、5号、6号、7号、8号、10号")


def test_a_paused_window_is_named_with_the_windows_to_go_to_instead(
    hall: Hall, clock: FixedClock
) -> None:
    own = hall.settings.display.notice
    clock.set(local(24, 10, 0))
    hall.pause(5, "1005")  # 户籍: window 10 serves hj-qy too
    hall.pause(6, "1006")  # 不动产: window 4 (社会民生 comprehensive), 8 and 9 (the hall's)
    notice = hall.lobby().notice
    assert notice == NOTICE_GAP.join(
        [
            "5号窗口暂停服务，请到4号、8号、9号、10号窗口办理。",
            "6号窗口暂停服务，请到4号、8号、9号窗口办理。",
            own,
        ]
    )
    english = lobby_notice(hall.settings, hall.now(), hall.lobby().windows, "en")
    assert english.startswith("Window 5 is paused; please go to window 4, 8, 9, 10.")
    # A hall that would rather not: [display] paused_windows = false.
    boss = hall.sign_in_supervisor("1015", "demo1234", "desk").token
    hall.set_setting(boss, "display.paused_windows", False)
    assert hall.lobby().notice == own
    hall.set_setting(boss, "display.paused_windows", None)  # back to the default
    hall.resume(5, "1005")
    hall.resume(6, "1006")
    assert hall.lobby().notice == own
