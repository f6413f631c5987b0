"""The hall calendar: is the hall open on a given day, when, and when does the kiosk issue
tickets.  Dates are real 2026 dates of the demo hall (青川区政务服务中心), whose holidays and
workday swaps follow the State Council's 2026 holiday notice."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import pytest

from shared.config.calendar import Opening, opening_on
from shared.config.hall_file import DEMO_HALL_PATH, CalendarConfig, load_hall_config


@pytest.fixture(scope="module")
def calendar() -> CalendarConfig:
    return load_hall_config(DEMO_HALL_PATH).calendar


def a_calendar(**changes: Any) -> CalendarConfig:
    """A plain Monday-to-Friday calendar, 09:00–17:00, with some keys changed."""
    data: dict[str, Any] = {"open": "09:00", "close": "17:00", **changes}
    return CalendarConfig.model_validate(data)


def test_an_ordinary_tuesday_opens_with_regular_hours(calendar: CalendarConfig) -> None:
    tuesday = date(2026, 11, 24)
    assert opening_on(calendar, tuesday) == Opening(
        day=tuesday,
        open=time(9, 0),
        close=time(17, 30),
        noon_break=(time(12, 0), time(13, 30)),
        tickets_from=time(8, 30),
        tickets_until=time(17, 0),
    )


def test_a_summer_wednesday_has_the_long_noon_break(calendar: CalendarConfig) -> None:
    opening = opening_on(calendar, date(2026, 7, 15))
    assert opening is not None
    assert opening.noon_break == (time(12, 0), time(14, 30))
    assert (opening.open, opening.close) == (time(9, 0), time(17, 30))
    assert (opening.tickets_from, opening.tickets_until) == (time(8, 30), time(17, 0))


@pytest.mark.parametrize(
    ("day", "noon_ends"),
    [
        pytest.param(date(2026, 4, 30), time(13, 30), id="the_day_before_summer"),
        pytest.param(date(2026, 5, 6), time(14, 30), id="the_first_workday_after_may_day"),
        pytest.param(date(2026, 9, 30), time(14, 30), id="the_last_day_of_summer"),
        pytest.param(date(2026, 10, 8), time(13, 30), id="the_first_day_after_national_day"),
    ],
)
def test_summer_hours_run_from_may_first_to_september_thirtieth_inclusive(
    calendar: CalendarConfig, day: date, noon_ends: time
) -> None:
    opening = opening_on(calendar, day)
    assert opening is not None and opening.noon_break is not None
    assert opening.noon_break[1] == noon_ends


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(date(2026, 10, 1), id="national_day_a_thursday"),
        pytest.param(date(2026, 10, 7), id="the_last_day_of_the_national_day_week"),
        pytest.param(date(2026, 2, 16), id="spring_festival_monday"),
        pytest.param(date(2026, 5, 1), id="labour_day_a_friday"),
        pytest.param(date(2027, 1, 1), id="new_year_2027"),
    ],
)
def test_a_holiday_closes_the_hall_even_on_a_workday(calendar: CalendarConfig, day: date) -> None:
    assert day.weekday() < 5
    assert opening_on(calendar, day) is None


def test_a_holiday_saturday_has_no_saturday_service(calendar: CalendarConfig) -> None:
    assert opening_on(calendar, date(2026, 10, 3)) is None


def test_a_workday_swap_sunday_is_a_full_workday_with_summer_hours(
    calendar: CalendarConfig,
) -> None:
    sunday = date(2026, 9, 20)
    assert sunday.weekday() == 6
    assert opening_on(calendar, sunday) == Opening(
        day=sunday,
        open=time(9, 0),
        close=time(17, 30),
        noon_break=(time(12, 0), time(14, 30)),
        tickets_from=time(8, 30),
        tickets_until=time(17, 0),
    )


def test_a_winter_workday_swap_sunday_has_the_short_noon_break(calendar: CalendarConfig) -> None:
    opening = opening_on(calendar, date(2026, 1, 4))
    assert opening is not None
    assert opening.noon_break == (time(12, 0), time(13, 30))


def test_a_workday_swap_saturday_keeps_workday_hours_not_saturday_hours(
    calendar: CalendarConfig,
) -> None:
    opening = opening_on(calendar, date(2026, 10, 10))
    assert opening is not None
    assert (opening.open, opening.close) == (time(9, 0), time(17, 30))
    assert opening.tickets_from == time(8, 30)


def test_an_ordinary_saturday_has_morning_service_without_noon_break(
    calendar: CalendarConfig,
) -> None:
    saturday = date(2026, 11, 28)
    assert opening_on(calendar, saturday) == Opening(
        day=saturday,
        open=time(9, 0),
        close=time(12, 0),
        noon_break=None,
        tickets_from=time(9, 0),
        tickets_until=time(12, 0),
    )


def test_a_summer_saturday_keeps_saturday_hours(calendar: CalendarConfig) -> None:
    opening = opening_on(calendar, date(2026, 7, 18))
    assert opening is not None
    assert (opening.open, opening.close, opening.noon_break) == (time(9), time(12), None)


def test_an_ordinary_sunday_is_closed(calendar: CalendarConfig) -> None:
    assert opening_on(calendar, date(2026, 11, 29)) is None


def test_the_kiosk_issues_tickets_from_half_past_eight_until_five(
    calendar: CalendarConfig,
) -> None:
    opening = opening_on(calendar, date(2026, 11, 24))
    assert opening is not None
    assert not opening.issues_tickets_at(time(8, 29))
    assert opening.issues_tickets_at(time(8, 30))
    assert opening.issues_tickets_at(time(12, 45)), "noon duty windows keep serving"
    assert opening.issues_tickets_at(time(16, 59, 59))
    assert not opening.issues_tickets_at(time(17, 0))
    assert not opening.issues_tickets_at(time(17, 15))


def test_on_saturday_the_kiosk_issues_tickets_only_while_open(calendar: CalendarConfig) -> None:
    opening = opening_on(calendar, date(2026, 11, 28))
    assert opening is not None
    assert not opening.issues_tickets_at(time(8, 45))
    assert opening.issues_tickets_at(time(9, 0))
    assert opening.issues_tickets_at(time(11, 59))
    assert not opening.issues_tickets_at(time(12, 0))


def test_without_ticket_hours_tickets_run_from_opening_to_closing() -> None:
    opening = opening_on(a_calendar(), date(2026, 11, 24))
    assert opening is not None
    assert (opening.tickets_from, opening.tickets_until) == (time(9, 0), time(17, 0))
    assert opening.noon_break is None


def test_summer_may_move_opening_and_closing_and_the_ticket_hours_follow() -> None:
    calendar = a_calendar(
        noon_break=["12:00", "13:30"],
        summer={"start": "06-01", "end": "08-31", "open": "08:30", "close": "18:00"},
    )
    summer = opening_on(calendar, date(2026, 7, 1))
    assert summer is not None
    assert (summer.open, summer.close) == (time(8, 30), time(18, 0))
    assert summer.noon_break == (time(12, 0), time(13, 30)), "kept from the regular hours"
    assert (summer.tickets_from, summer.tickets_until) == (time(8, 30), time(18, 0))
    autumn = opening_on(calendar, date(2026, 9, 1))
    assert autumn is not None and (autumn.open, autumn.close) == (time(9), time(17))


def test_fixed_ticket_hours_stay_fixed_in_summer() -> None:
    calendar = a_calendar(
        tickets_from="08:30",
        tickets_until="16:30",
        summer={"start": "06-01", "end": "08-31", "close": "18:00"},
    )
    opening = opening_on(calendar, date(2026, 7, 1))
    assert opening is not None
    assert (opening.tickets_from, opening.tickets_until) == (time(8, 30), time(16, 30))


def test_a_hall_open_monday_to_saturday_serves_saturdays_with_full_hours() -> None:
    calendar = a_calendar(workdays=["mon", "tue", "wed", "thu", "fri", "sat"])
    opening = opening_on(calendar, date(2026, 11, 28))
    assert opening is not None and opening.close == time(17, 0)
    assert opening_on(calendar, date(2026, 11, 29)) is None


def test_a_summer_of_a_single_day_covers_that_day_only() -> None:
    calendar = a_calendar(summer={"start": "07-01", "end": "07-01", "close": "16:00"})
    first = opening_on(calendar, date(2026, 7, 1))
    second = opening_on(calendar, date(2026, 7, 2))
    assert first is not None and first.close == time(16, 0)
    assert second is not None and second.close == time(17, 0)


def test_every_open_day_of_2026_issues_tickets_within_its_hours(
    calendar: CalendarConfig,
) -> None:
    day, open_days = date(2026, 1, 1), 0
    while day.year == 2026:
        opening = opening_on(calendar, day)
        if opening is not None:
            open_days += 1
            assert opening.day == day
            assert opening.open < opening.close
            assert opening.tickets_from < opening.tickets_until <= opening.close
            if opening.noon_break is not None:
                assert opening.open < opening.noon_break[0] < opening.noon_break[1]
                assert opening.noon_break[1] < opening.close
        day += timedelta(days=1)
    # 2026: 261 Monday–Friday days, minus 19 weekday holidays, plus 6 swaps, plus the
    # Saturdays that are neither holidays nor swaps (52 - 7 holiday - 4 swap = 41).
    assert open_days == 261 - 19 + 6 + 41
