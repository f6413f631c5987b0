"""One simulated Tuesday in the demo hall, on SQLite and PostgreSQL, with every staffing rule
at work: what the day's records hold at its end is what the supervisor's daily notice
reads (who covered whom, noon coverage, empty posts, services past closing, notices)."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from shared.base.clock import FixedClock
from shared.hall import Hall
from shared.store.model import Event, EventKind

from .conftest import DEMO_PASSWORD, local


def test_a_day_of_the_staffing_rules_leaves_a_complete_record(
    hall: Hall, clock: FixedClock
) -> None:
    for service in ("gt-zc", "sp-jy", "gt-zc", "sb-cb", "gt-zc"):
        hall.issue_ticket(service)

    # 10:00 window 3: a citizen short of two materials gets the one-time notice.
    clock.set(local(24, 10, 0))
    first = hall.call_next(3, "1003")
    assert first is not None
    hall.start(3, "1003")
    notice = hall.give_notice(3, "1003", ["经营者身份证件"], other="经营范围需含食品销售")

    # 10:30 A of window 3 goes to a meeting; B (马俊) takes the window at the desk.
    clock.set(local(24, 10, 30))
    hall.hand_over(
        3, "1003", "meeting", expected_return=local(24, 11, 30), b_password=DEMO_PASSWORD
    )
    second = hall.call_next(3, "1013")
    assert second is not None
    hall.end_service(3, "1013")
    clock.set(local(24, 11, 0))
    hall.return_from_hold(first.number)  # back with the materials: served ahead, same number
    back = hall.call_next(3, "1013")
    assert back is not None and back.number == first.number
    hall.end_service(3, "1013")
    clock.set(local(24, 11, 30))
    hall.hand_back(3, "1013", DEMO_PASSWORD, report="办结两件")

    # Window 6's clerk leaves at 10:00 and is back at 10:45: an empty post.
    clock.set(local(24, 10, 0))
    hall.sign_out("1006", 6)
    clock.set(local(24, 10, 45))
    hall.sign_in("1006", DEMO_PASSWORD, 6)

    # Noon: zone TZ's windows 7, 8, 9 leave; the last one must give a reason.
    clock.set(local(24, 12, 5))
    hall.sign_out("1009", 9)
    hall.sign_out("1008", 8)
    hall.pause(7, "1007", noon_reason="群众已办完，午间无人等候")
    clock.set(local(24, 12, 40))
    hall.resume(7, "1007")

    # 17:20 a service starts at window 3 and ends past closing.
    clock.set(local(24, 17, 20))
    late = hall.call_next(3, "1003")
    assert late is not None
    hall.start(3, "1003")
    clock.set(local(24, 17, 30))
    hall.close_day()
    clock.set(local(24, 17, 48))
    hall.finish(3, "1003")

    # The records of the day.
    with hall.db.read() as s:
        kinds = Counter(e.kind for e in s.scalars(select(Event)))
    assert kinds[EventKind.HANDED_OVER] == 1 and kinds[EventKind.HANDED_BACK] == 1
    assert kinds[EventKind.NOTICE_GIVEN] == 1 and kinds[EventKind.NOON_UNCOVERED] == 1
    assert kinds[EventKind.EXTENDED_SERVICE] == 1 and kinds[EventKind.POST_CONFLICT] == 0

    (absence,) = hall.absences(open_only=False)
    assert (absence.window, absence.reason, absence.covered_by) == (3, "meeting", "1013")

    (empty,) = [e for e in hall.empty_posts() if e.window == 6]
    assert (empty.start, empty.end, empty.minutes, empty.recorded) == (
        local(24, 10, 0),
        local(24, 10, 45),
        45,
        True,
    )

    noon = hall.noon_coverage()
    tz = next(z for z in noon.zones if z.code == "TZ")
    assert not tz.covered and [(g.start, g.end) for g in tz.gaps] == [
        (local(24, 12, 5), local(24, 12, 40))
    ]
    assert not noon.covered  # TZ had a gap; SS and MS kept their own windows open

    (extended,) = hall.extended_services()
    assert (extended.number, extended.trigger, extended.minutes) == (
        late.number,
        "unfinished_at_closing",
        18,
    )

    (given,) = hall.notices()
    assert given.number == first.number and given.serial == notice.serial
    assert given.materials == ("经营者身份证件",) and given.other == "经营范围需含食品销售"
