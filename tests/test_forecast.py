"""The forecast on hand-made situations whose answer is known: one window and a constant
service time; a window in service; a window going to lunch in ten minutes, with and
without a noon-duty window; a green ticket arriving ahead; a green-channel window; an
appointment to come; closing before the ticket is reached; the range when times vary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from shared.forecast import Desk, Forecast, Profile, Situation, Waiting, forecast

NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # 10:00 in the hall
SV, OTHER = 1, 2
TEN = Profile(spans={SV: (10.0,), OTHER: (10.0,)})  # every ticket takes 10 minutes


def at(minutes: float) -> datetime:
    return NOW + timedelta(minutes=minutes)


def line(n: int, service: int = SV, *, start: int = 1, since: int = -60) -> tuple[Waiting, ...]:
    """``n`` ordinary tickets already waiting, issued a minute apart from ``since``."""
    return tuple(Waiting(start + i, service, 1, at(since + i)) for i in range(n))


def new(id_: int = 999, service: int = SV, **kw: object) -> Waiting:
    return Waiting(id_, service, 1, NOW, **kw)  # type: ignore[arg-type]


def desk(id_: int = 1, services: frozenset[int] = frozenset({SV}), **kw: object) -> Desk:
    return Desk(id_, services, free_at=kw.pop("free_at", NOW), closes_at=at(400), **kw)  # type: ignore[arg-type]


def wait(situation: Situation, ticket: Waiting | None = None, profile: Profile = TEN) -> Forecast:
    f = forecast(situation, ticket or new(), profile)
    assert f is not None
    return f


def test_one_window_and_a_constant_time_is_people_ahead_times_the_time() -> None:
    f = wait(Situation(NOW, line(3), (desk(),)))
    assert (f.minutes, f.today) == (30, True)
    # Nothing varies: the range is the point and the small margin of what no run varies.
    assert (f.low, f.high) == (28, 32) and f.shown_range is None
    # Two windows share the line: two ahead now, the third and ours at minute 10.
    assert wait(Situation(NOW, line(3), (desk(1), desk(2)))).minutes == 10


def test_a_window_in_service_finishes_what_it_has_first() -> None:
    busy = desk(in_hand_service=SV, in_hand_since=at(-4))  # 4 of its 10 minutes gone
    assert wait(Situation(NOW, line(2), (busy,))).minutes == 6 + 2 * 10


def test_a_window_going_to_lunch_in_ten_minutes_leaves_the_rest_for_after_the_break() -> None:
    lunch = ((at(10), at(100)),)
    alone = Situation(NOW, line(2), (desk(breaks=lunch),))
    # The first ahead now, the second after the break at minute 100, ours at 110: the usual
    # formula (2 ahead × 10 ÷ 1 window) would say 20.
    assert wait(alone).minutes == 110
    # With a noon-duty window beside it, the line goes on through the break.
    duty = Situation(NOW, line(2), (desk(1, breaks=lunch), desk(2)))
    assert wait(duty).minutes == 10


def test_a_green_ticket_arriving_ahead_is_called_first() -> None:
    green = Waiting(500, SV, 1, at(5) - timedelta(minutes=15), green=True, arrives=at(5))
    ahead = Situation(NOW, (*line(1), green), (desk(),))
    assert wait(ahead).minutes == 20  # it came at minute 5 with its head start
    # At a green-channel window a green ticket goes first whatever its key.
    late_green = Waiting(501, SV, 1, at(30), green=True)
    window = desk(green_first=True)
    assert wait(Situation(NOW, (*line(1), late_green), (window,))).minutes == 20
    assert wait(Situation(NOW, (*line(1), late_green), (desk(),))).minutes == 10


def test_green_citizens_still_to_come_lengthen_an_ordinary_wait() -> None:
    quiet = wait(Situation(NOW, line(3), (desk(),)))
    busy = wait(Situation(NOW, line(3), (desk(),), green_rate={SV: 0.2}))  # one per 5 min
    assert busy.minutes > quiet.minutes
    # Nobody cuts in ahead of a green ticket.
    green = new(green=True)
    assert wait(Situation(NOW, line(3), (desk(),), green_rate={SV: 0.2}), green).minutes == 30


def test_an_appointment_to_come_usually_goes_ahead() -> None:
    booked = Waiting(-7, SV, 1, NOW - timedelta(minutes=10), arrives=at(5), shows=0.9)
    f = wait(Situation(NOW, (*line(1), booked), (desk(),)))
    assert 10 < f.minutes <= 20  # most runs: after the one ahead, the appointment, then us


def test_a_window_serving_another_service_does_not_shorten_the_wait() -> None:
    other = desk(2, frozenset({OTHER}))
    assert wait(Situation(NOW, line(3) + line(5, OTHER, start=10), (desk(1), other))).minutes == 30
    # A comprehensive window serving both calls in the line's order: ours first where
    # they came earlier, the others' first where those did.
    both = desk(2, frozenset({SV, OTHER}))
    later = line(3) + line(3, OTHER, start=10, since=-30)
    assert wait(Situation(NOW, later, (desk(1), both))).minutes == 20
    earlier = line(3, since=-30) + line(3, OTHER, start=10, since=-60)
    assert wait(Situation(NOW, earlier, (desk(1), both))).minutes == 30


def test_a_ticket_not_reached_before_closing_is_said_to_be_so() -> None:
    closing = Desk(1, frozenset({SV}), free_at=NOW, closes_at=at(25))
    f = wait(Situation(NOW, line(4), (closing,)))
    assert f.today is False and f.minutes == 25


def test_no_window_serving_the_service_gives_no_forecast() -> None:
    assert (
        forecast(Situation(NOW, line(2), (desk(services=frozenset({OTHER})),)), new(), TEN) is None
    )


def test_varying_times_give_a_range_around_the_point() -> None:
    varied = Profile(spans={SV: (3.0, 5.0, 8.0, 12.0, 20.0, 35.0)})
    f = wait(Situation(NOW, line(6), (desk(),)), profile=varied)
    assert f.low < f.minutes < f.high
    assert f.shown_range == (f.low, f.high)
    # The same question, the same answer.
    assert wait(Situation(NOW, line(6), (desk(),)), profile=varied) == f


def test_a_window_back_from_a_hand_over_later_serves_from_then() -> None:
    away = desk(free_at=at(30))
    assert wait(Situation(NOW, line(1), (away,))).minutes == 40
