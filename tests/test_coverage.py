"""Noon duty (中午值班) and empty posts (空岗), on both databases: who served at noon and
the gaps, the warning before the last window of a zone stops at noon, and the windows left
without a clerk for more than 30 minutes of open hours, each recorded once."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import select

from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.cli import main
from shared.hall import Hall
from shared.rules.coverage import NoonCoverage, Span, ZoneNoon, staffing_timeline
from shared.store.model import Event, EventKind

from .conftest import DEMO_PASSWORD, local

#: The comprehensive windows of each zone's noon duty (8 and 9 serve the whole hall).
ALL_BUT_8 = (1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12)


def events(hall: Hall, kind: EventKind) -> list[Event]:
    with hall.db.read() as s:
        return list(s.scalars(select(Event).where(Event.kind == kind).order_by(Event.id)))


def hm(hall: Hall, at: datetime | None) -> str | None:
    return None if at is None else f"{at.astimezone(hall.settings.tz):%H:%M}"


def spans(hall: Hall, found: tuple[Span, ...]) -> list[tuple[str | None, str | None]]:
    return [(hm(hall, sp.start), hm(hall, sp.end)) for sp in found]


def zone(noon: NoonCoverage, code: str) -> ZoneNoon:
    return next(z for z in noon.zones if z.code == code)


def served(hall: Hall, z: ZoneNoon) -> dict[int, list[tuple[str | None, str | None]]]:
    return {w.window: spans(hall, w.served) for w in z.windows}


def sign_out(hall: Hall, *windows: int) -> None:
    for n in windows:
        hall.sign_out(f"{1000 + n}", n)


def refused(code: str, call: object) -> HallError:
    with pytest.raises(HallError) as exc:
        call()  # type: ignore[operator]
    assert exc.value.code == code, exc.value.code
    return exc.value


# -- noon duty --------------------------------------------------------------------------


def test_window_8_serving_through_the_noon_covers_every_zone(hall: Hall, clock: FixedClock) -> None:
    clock.set(local(24, 12, 0))
    sign_out(hall, *ALL_BUT_8)  # 8 serves every zone: nobody is asked why
    assert events(hall, EventKind.NOON_UNCOVERED) == []
    clock.set(local(24, 13, 40))
    noon = hall.noon_coverage()
    assert (noon.state, hm(hall, noon.start), hm(hall, noon.end)) == ("over", "12:00", "13:30")
    assert [z.code for z in noon.zones] == ["SS", "MS", "TZ"]
    assert noon.covered and all(z.covered and not z.gaps for z in noon.zones)
    ss = zone(noon, "SS")
    assert served(hall, ss) == {1: [], 2: [], 8: [("12:00", "13:30")], 9: []}
    assert [w.window for w in zone(noon, "MS").windows] == [4, 8, 9]
    assert [w.window for w in zone(noon, "TZ").windows] == [7, 8, 9]


def test_a_noon_without_a_window_serving_shows_the_gap_and_its_times(
    hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 11, 50))
    sign_out(hall, 8, 9)  # before noon: no duty yet
    clock.set(local(24, 12, 20))
    hall.pause(7, "1007", "取公章", noon_reason="到档案室取公章")
    clock.set(local(24, 12, 30))
    now = hall.noon_coverage()
    tz = zone(now, "TZ")
    assert now.state == "in_progress" and not now.covered and not tz.covered
    assert spans(hall, tz.gaps) == [("12:20", None)]  # still going on
    assert served(hall, tz)[7] == [("12:00", "12:20")]
    assert zone(now, "SS").covered and zone(now, "MS").covered
    clock.set(local(24, 12, 45))
    hall.resume(7, "1007")
    clock.set(local(24, 13, 50))
    over = hall.noon_coverage()
    tz = zone(over, "TZ")
    assert spans(hall, tz.gaps) == [("12:20", "12:45")]
    assert served(hall, tz) == {7: [("12:00", "12:20"), ("12:45", "13:30")], 8: [], 9: []}
    assert served(hall, zone(over, "SS"))[1] == [("12:00", "13:30")]


def test_the_last_comprehensive_window_of_a_zone_must_say_why_it_stops_at_noon(
    hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 12, 5))
    sign_out(hall, 8, 9)  # window 7 still serves the zone 投资项目: no question asked
    clock.set(local(24, 12, 10))
    exc = refused("noon.last_window", lambda: hall.pause(7, "1007"))
    assert exc.params == {"zone": "投资项目", "window": 7, "until": "13:30"}
    assert "投资项目" in exc.message("zh") and "13:30" in exc.message("zh")
    assert "reason" in exc.message("en")
    refused("noon.last_window", lambda: hall.sign_out("1007", 7))
    refused("noon.last_window", lambda: hall.pause(7, "1007", noon_reason="   "))
    seven = next(w for w in hall.windows() if w.number == 7)
    assert not seven.paused and seven.clerk_code == "1007"  # it keeps serving
    assert events(hall, EventKind.NOON_UNCOVERED) == []

    hall.pause(7, "1007", noon_reason="群众材料需到楼上窗口核验")
    seven = next(w for w in hall.windows() if w.number == 7)
    assert seven.paused
    [ev] = events(hall, EventKind.NOON_UNCOVERED)
    assert ev.window_id == hall.settings.catalog.window(7).id
    assert ev.clerk_id == hall.settings.catalog.clerk("1007").id
    assert ev.reason == "群众材料需到楼上窗口核验"
    assert ev.data == {"zones": ["TZ"], "until": "13:30", "action": "pause"}
    assert hm(hall, ev.at) == "12:10"
    clock.set(local(24, 12, 30))
    assert spans(hall, zone(hall.noon_coverage(), "TZ").gaps) == [("12:10", None)]


def test_a_window_of_the_whole_hall_is_the_last_for_every_zone_it_leaves_short(
    hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 12, 5))
    sign_out(hall, 1, 2, 7, 9)  # 8 now serves 商事经营 and 投资项目 alone; 4 serves 社会民生
    exc = refused("noon.last_window", lambda: hall.sign_out("1008", 8))
    assert exc.params["zone"] == "商事经营、投资项目"
    hall.sign_out("1008", 8, noon_reason="身体不适，已报告主任")
    [ev] = events(hall, EventKind.NOON_UNCOVERED)
    assert ev.data is not None and ev.data["zones"] == ["SS", "TZ"]
    assert ev.data["action"] == "sign_out"


def test_a_pause_before_noon_is_not_asked_about(hall: Hall, clock: FixedClock) -> None:
    clock.set(local(24, 10, 50))
    sign_out(hall, 8, 9)
    clock.set(local(24, 11, 0))
    hall.pause(7, "1007")
    assert next(w for w in hall.windows() if w.number == 7).paused
    assert events(hall, EventKind.NOON_UNCOVERED) == []


def test_summer_noon_duty_lasts_until_half_past_two(
    unstaffed_hall: Hall, clock: FixedClock
) -> None:
    hall = unstaffed_hall
    clock.set(local(21, 9, 0, 7))  # Tuesday 21 July 2026: summer hours
    hall.sign_in("1007", DEMO_PASSWORD, 7)
    clock.set(local(21, 14, 0, 7))
    exc = refused("noon.last_window", lambda: hall.pause(7, "1007"))
    assert exc.params["until"] == "14:30"
    clock.set(local(21, 14, 40, 7))
    hall.pause(7, "1007")  # the noon break is over
    noon = hall.noon_coverage()
    assert (hm(hall, noon.start), hm(hall, noon.end), noon.state) == ("12:00", "14:30", "over")
    assert zone(noon, "TZ").covered
    assert served(hall, zone(noon, "TZ"))[7] == [("12:00", "14:30")]
    assert spans(hall, zone(noon, "SS").gaps) == [("12:00", "14:30")]


def test_a_saturday_has_no_noon_duty(hall: Hall, clock: FixedClock) -> None:
    clock.set(local(28, 10, 0))  # Saturday: 9:00-12:00, no noon break
    noon = hall.noon_coverage()
    assert noon.state == "none" and noon.start is None and noon.zones == ()
    hall.sign_in("1007", DEMO_PASSWORD, 7)
    clock.set(local(28, 11, 59))
    hall.pause(7, "1007")  # nothing to ask
    assert events(hall, EventKind.NOON_UNCOVERED) == []


# -- empty posts ------------------------------------------------------------------------


@pytest.mark.parametrize(("back", "minutes"), [(31, 31), (30, None), (29, None)])
def test_a_window_without_its_clerk_for_more_than_30_minutes_is_an_empty_post(
    hall: Hall, clock: FixedClock, back: int, minutes: int | None
) -> None:
    clock.set(local(24, 10, 0))
    hall.sign_out("1003", 3)
    clock.set(local(24, 10, back))
    hall.sign_in("1003", DEMO_PASSWORD, 3)
    recorded = events(hall, EventKind.EMPTY_POST)
    found = hall.empty_posts()
    if minutes is None:  # exactly 30 is not an empty post
        assert recorded == [] and found == []
        return
    [ev] = recorded
    assert ev.window_id == hall.settings.catalog.window(3).id
    assert ev.data is not None and ev.data["minutes"] == minutes
    start, end = (datetime.fromisoformat(ev.data[k]) for k in ("start", "end"))
    assert (hm(hall, start), hm(hall, end)) == ("10:00", "10:31")
    [post] = found
    assert (post.window, hm(hall, post.start), hm(hall, post.end)) == (3, "10:00", "10:31")
    assert (post.minutes, post.recorded) == (31, True)
    # Signing in again, or closing the day, does not record it twice.
    clock.set(local(24, 17, 45))
    hall.close_day()
    assert len(events(hall, EventKind.EMPTY_POST)) == 1


def test_the_noon_break_does_not_count_towards_an_empty_post(hall: Hall, clock: FixedClock) -> None:
    clock.set(local(24, 11, 50))
    hall.sign_out("1003", 3)
    clock.set(local(24, 13, 45))  # 10 minutes before noon, 15 after: 25
    hall.sign_in("1003", DEMO_PASSWORD, 3)
    assert events(hall, EventKind.EMPTY_POST) == [] and hall.empty_posts() == []
    clock.set(local(24, 14, 0))
    hall.sign_out("1003", 3)
    clock.set(local(24, 14, 31))
    hall.sign_in("1003", DEMO_PASSWORD, 3)
    [post] = hall.empty_posts()
    assert (hm(hall, post.start), hm(hall, post.end), post.minutes) == ("14:00", "14:31", 31)
    clock.set(local(24, 15, 0))
    hall.sign_out("1003", 3)
    clock.set(local(24, 16, 0))
    still = hall.empty_posts()[-1]
    assert (hm(hall, still.start), still.end, still.minutes, still.recorded) == (
        "15:00",
        None,
        60,
        False,
    )


def test_a_window_nobody_signs_in_all_day_is_recorded_when_the_day_is_closed(
    unstaffed_hall: Hall, clock: FixedClock
) -> None:
    hall = unstaffed_hall
    clock.set(local(24, 9, 0))
    hall.sign_in("1003", DEMO_PASSWORD, 3)
    clock.set(local(24, 15, 0))
    open_now = {p.window: p for p in hall.empty_posts()}
    assert 3 not in open_now and len(open_now) == 11  # every other window has a post
    assert open_now[5].end is None and not open_now[5].recorded
    assert open_now[5].minutes == 360 - 90  # 9:00-15:00 without the noon break
    assert events(hall, EventKind.EMPTY_POST) == []
    clock.set(local(24, 17, 45))
    hall.close_day()
    recorded = events(hall, EventKind.EMPTY_POST)
    numbers = {w.id: w.number for w in hall.settings.catalog.windows}
    by_window = {numbers[ev.window_id]: ev for ev in recorded if ev.window_id is not None}
    assert sorted(by_window) == [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    five = by_window[5].data
    assert five is not None and five["minutes"] == 510 - 90  # 9:00-17:30, noon not counted
    assert hm(hall, datetime.fromisoformat(five["end"])) == "17:30"
    assert all(p.recorded and p.end is not None for p in hall.empty_posts())
    hall.close_day()  # closing again records nothing twice
    assert len(events(hall, EventKind.EMPTY_POST)) == 11


def test_a_hand_over_of_the_post_leaves_no_gap(hall: Hall, clock: FixedClock) -> None:
    clock.set(local(24, 10, 0))
    hall.hand_over(3, "1003", "meeting", b_password=DEMO_PASSWORD)  # B 1013 takes it now
    clock.set(local(24, 11, 0))
    assert hall.empty_posts() == []
    with hall.db.read() as s:
        day = hall.settings.business_day(clock.now())
        three = staffing_timeline(s, hall.settings, day, clock.now())[3]
    assert spans(hall, three.signed_in) == [("09:30", None)]
    assert spans(hall, three.serving) == [("09:30", None)]


def test_a_post_left_until_b_signs_in_is_an_empty_post(hall: Hall, clock: FixedClock) -> None:
    clock.set(local(24, 10, 0))
    hall.hand_over(3, "1003", "meeting")  # B is not at the desk yet
    clock.set(local(24, 10, 45))
    hall.sign_in("1013", DEMO_PASSWORD, 3)
    [post] = hall.empty_posts()
    assert (post.window, hm(hall, post.start), hm(hall, post.end)) == (3, "10:00", "10:45")
    assert (post.minutes, post.recorded) == (45, True)


# -- the command ---------------------------------------------------------------------------


def test_the_command_prints_the_noon_duty_and_the_empty_posts(
    db_url: str,
    hall: Hall,
    clock: FixedClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock.set(local(24, 11, 50))
    sign_out(hall, 8, 9)
    clock.set(local(24, 12, 20))
    monkeypatch.setenv("YIMEN_NOW", "2026-11-24T12:20:00+08:00")
    assert main(["sign-out", "7", "--clerk", "1007", "--db", db_url]) == 2
    assert "投资项目" in capsys.readouterr().err
    assert main(["sign-out", "7", "--clerk", "1007", "--noon-reason", "开会", "--db", db_url]) == 0
    capsys.readouterr()
    monkeypatch.setenv("YIMEN_NOW", "2026-11-24T14:00:00+08:00")
    assert main(["noon", "--db", db_url]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        out[0] == "2026-11-24 午间值班 12:00–13:30，每个功能区至少 1 个综合窗口照常办理（已结束）"
    )
    assert "投资项目（TZ）：有空档" in out and "商事经营（SS）：已保障" in out
    assert "  7号窗口 投资项目综合受理窗口：12:00–12:20" in out
    assert out[-1] == "  空档：12:20–13:30"
    assert main(["noon", "--db", db_url, "--json", "--day", "2026-11-24"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["state"] == "over" and data["covered"] is False
    assert [z["covered"] for z in data["zones"]] == [True, True, False]
    assert main(["empty-posts", "--db", db_url]) == 0
    out = capsys.readouterr().out.splitlines()
    # 7: 12:20-14:00 is 30 minutes of open hours, not yet an empty post; 8 and 9 are.
    assert out[1:] == [
        "  8号窗口 全科综合受理窗口：11:50–至今，40 分钟，仍无人",
        "  9号窗口 绿色通道窗口：11:50–至今，40 分钟，仍无人",
    ]
