"""The daily notice's figures and the ranking on a small scripted day whose every number
is worked out by hand below, on SQLite and PostgreSQL: and a clerk who drops the hard
cases to serve more quick ones ranks lower, not higher."""

from __future__ import annotations

import pytest

from shared.base.clock import FixedClock
from shared.hall import Hall
from shared.rules import figures as fg

from .conftest import DEMO_PASSWORD, local

HONEST, DROPPER = "1001", "1002"  # windows 1 and 2: 商事经营's comprehensive windows


def at(clock: FixedClock, hour: int, minute: int) -> None:
    clock.set(local(24, hour, minute))


Moment = tuple[int, int]


def serve(
    hall: Hall,
    clock: FixedClock,
    window: int,
    clerk: str,
    service: str,
    issued: Moment,
    called: Moment,
    done: Moment,
) -> str:
    at(clock, *issued)
    number = hall.issue_ticket(service).number
    at(clock, *called)
    got = hall.call_next(window, clerk)
    assert got is not None and got.number == number
    hall.start(window, clerk)
    at(clock, *done)
    hall.finish(window, clerk)
    return number


def scripted_day(hall: Hall, clock: FixedClock) -> None:
    at(clock, 9, 0)
    hall.sign_in(HONEST, DEMO_PASSWORD, 1)
    hall.sign_in(DROPPER, DEMO_PASSWORD, 2)
    # The honest clerk: two 20-minute matters and a 10-minute one, all served.
    # issue → call (wait) and start → finish (handling): 2 and 20, 3 and 25, 0 and 10.
    first = serve(hall, clock, 1, HONEST, "qy-sl", (9, 0), (9, 2), (9, 22))
    serve(hall, clock, 1, HONEST, "sp-jy", (9, 22), (9, 25), (9, 50))
    serve(hall, clock, 1, HONEST, "gt-zc", (9, 50), (9, 50), (10, 0))
    # The dropper: sends both 20-minute 企业设立 matters away, serves four quick ones.
    for issued, called, sent in (((9, 6), (9, 6), (9, 7)), ((9, 7), (9, 8), (9, 9))):
        at(clock, *issued)
        hall.issue_ticket("qy-sl")
        at(clock, *called)
        hall.call_next(2, DROPPER)
        at(clock, *sent)
        hall.transfer(2, DROPPER, to_service="sb-cb", reason="不归本窗口")
    quick = [
        serve(hall, clock, 2, DROPPER, "gt-zc", (9, 10), (9, 10), (9, 20)),
        serve(hall, clock, 2, DROPPER, "gt-zc", (9, 20), (9, 21), (9, 31)),
        serve(hall, clock, 2, DROPPER, "gt-zc", (9, 31), (9, 31), (9, 41)),
        serve(hall, clock, 2, DROPPER, "gt-zc", (9, 41), (9, 41), (9, 51)),
    ]
    # One review each: the honest clerk's satisfied, the dropper's bad (a case opens).
    at(clock, 10, 5)
    hall.submit_review(hall.ticket(first).short_code, "satisfied")
    hall.submit_review(hall.ticket(quick[0]).short_code, "dissatisfied", reasons=["slow"])
    # The dropper leaves for a meeting at 10:05 (nobody covers yet); read at 10:30.
    hall.hand_over(2, DROPPER, "meeting")
    at(clock, 10, 30)


def test_every_figure_of_a_scripted_day_is_the_hand_count(
    unstaffed_hall: Hall, clock: FixedClock
) -> None:
    hall = unstaffed_hall
    scripted_day(hall, clock)
    report = hall.report(local(24, 0).date())
    honest, dropper = report.clerks[HONEST], report.clerks[DROPPER]
    assert report.windows["1"].served == honest.served == 3
    assert report.windows["2"].served == dropper.served == 4
    assert honest.waits == [2, 3, 0] and honest.wait_mean == pytest.approx(5 / 3)
    assert honest.handlings == [20, 25, 10] and honest.handling_mean == pytest.approx(55 / 3)
    assert honest.handling_p90 == 25  # nearest rank: the 3rd of 3
    assert sorted(dropper.waits) == [0, 0, 0, 0, 1, 1]  # the transferred two were called too
    assert (dropper.transfers, dropper.no_shows, dropper.holds) == (2, 0, 0)
    assert (honest.reviews, honest.satisfaction, honest.bad) == (1, 100.0, 0)
    assert (dropper.reviews, dropper.satisfaction, dropper.bad, dropper.bad_open) == (1, 0.0, 1, 1)
    assert (dropper.handovers, dropper.away_minutes) == (1, 25)
    assert report.windows["2"].handovers == 1
    assert honest.credit == 20 + 20 + 10  # the standard minutes of what was served
    assert dropper.credit == 4 * 10 - 2 * 20 / 2  # less half of each dropped matter's
    h = report.hall
    assert (h.served, h.transfers, h.reviews, h.good, h.bad) == (7, 2, 2, 1, 1)
    assert sorted(h.waits) == [0, 0, 0, 0, 0, 1, 1, 2, 3] and h.wait_p90 == 3
    assert h.satisfaction == 50.0
    qy = report.services["qy-sl"]
    assert (qy.served, qy.transfers) == (1, 2)  # the two were taken off 企业设立登记
    assert report.services["gt-zc"].served == 5
    assert report.wait_by_hour() == [(9, 7 / 9, 9)]  # every ticket was issued 9:00–10:00


def test_a_clerk_who_drops_hard_cases_ranks_lower_not_higher(
    unstaffed_hall: Hall, clock: FixedClock
) -> None:
    hall = unstaffed_hall
    scripted_day(hall, clock)
    report = hall.report(local(24, 0).date())
    # Counted by tickets alone the dropper would lead: six handled against three.
    assert report.clerks[DROPPER].handled == 6 > report.clerks[HONEST].handled == 3
    ranking = fg.rank(report, "clerk", 1, minimum=3)
    places = {r.figures.key: r for r in ranking.ranked}
    assert [r.figures.key for r in ranking.ranked] == [HONEST, DROPPER]
    # work 70 × 50/50 + satisfaction 30 × 100 % = 100; 70 × 20/50 + 0 − 3 (a bad review).
    assert places[HONEST].score == 100.0
    assert places[DROPPER].score == pytest.approx(70 * 20 / 50 - 3)
    # With the hall's own minimum (10 a day) neither is ranked yet.
    assert hall.ranking("clerk", local(24, 0).date()).ranked == ()


def test_percentile_is_the_nearest_rank() -> None:
    assert fg.percentile([], 90) is None
    assert fg.percentile([5.0], 90) == 5.0
    assert fg.percentile([float(x) for x in range(1, 11)], 90) == 9.0
    assert fg.percentile([float(x) for x in range(1, 21)], 90) == 18.0
