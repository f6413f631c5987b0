"""大厅的作息与排班。目前只有大厅日历：某一天开不开门、几点开、几点取号。

The hall calendar: given the ``[calendar]`` configuration and a date, what the opening of
that day is, or that the hall is closed.

The rules, in order:

1. a holiday (``holidays``) is closed, even on a workday and even on a Saturday with weekend
   service;
2. a workday swap (``workday_swaps``, 调休上班) is a normal workday, although it falls on a
   weekend: regular hours, with summer hours if it falls in summer;
3. a workday (``workdays``) has the regular hours, replaced by the summer values between
   ``summer.start`` and ``summer.end`` (inclusive, compared by month and day);
4. a non-workday with a ``weekend`` entry for its weekday opens with those hours, without a
   noon break, issuing tickets from opening to closing time;
5. any other day is closed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta

from shared.config.hall_file import WEEKDAYS, CalendarConfig, SummerConfig

__all__ = [
    "Opening",
    "add_working_days",
    "is_working_day",
    "open_days",
    "open_days_before",
    "opening_on",
]


@dataclass(frozen=True)
class Opening:
    """The opening of the hall on one day.

    ``noon_break`` is the lunch break (午休) of ordinary windows; noon duty (中午值班) keeps
    some windows serving through it, so the kiosk keeps issuing tickets then.
    """

    day: date
    open: time
    close: time
    noon_break: tuple[time, time] | None
    tickets_from: time
    tickets_until: time

    def in_noon_break(self, t: time) -> bool:
        """True if ``t`` falls in the noon break (``start <= t < end``)."""
        return self.noon_break is not None and self.noon_break[0] <= t < self.noon_break[1]

    def issues_tickets_at(self, t: time) -> bool:
        """True if the kiosk issues tickets at ``t``: ``tickets_from <= t < tickets_until``."""
        return self.tickets_from <= t < self.tickets_until


def _month_day(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    return int(month), int(day)


def _in_summer(summer: SummerConfig, day: date) -> bool:
    # The configuration rejects a summer that crosses new year, so start <= end here.
    return _month_day(summer.start) <= (day.month, day.day) <= _month_day(summer.end)


def opening_on(calendar: CalendarConfig, day: date) -> Opening | None:
    """The opening of the hall on ``day``, or None when the hall is closed that day."""
    if day in calendar.holidays:
        return None
    weekday = WEEKDAYS[day.weekday()]
    if day in calendar.workday_swaps or weekday in calendar.workdays:
        open_, close, noon = calendar.open, calendar.close, calendar.noon_break
        summer = calendar.summer
        if summer is not None and _in_summer(summer, day):
            if summer.open is not None:
                open_ = summer.open
            if summer.close is not None:
                close = summer.close
            if summer.noon_break is not None:
                noon = summer.noon_break
        return Opening(
            day=day,
            open=open_,
            close=close,
            noon_break=noon,
            tickets_from=open_ if calendar.tickets_from is None else calendar.tickets_from,
            tickets_until=close if calendar.tickets_until is None else calendar.tickets_until,
        )
    for extra in calendar.weekend:
        if extra.day == weekday:
            return Opening(
                day=day,
                open=extra.open,
                close=extra.close,
                noon_break=None,
                tickets_from=extra.open,
                tickets_until=extra.close,
            )
    return None


def is_working_day(calendar: CalendarConfig, day: date) -> bool:
    """A working day (工作日): a workday of the week or a swapped one (调休), not a holiday.
    A weekend day the hall opens on for a few hours is not a working day."""
    if day in calendar.holidays:
        return False
    return day in calendar.workday_swaps or WEEKDAYS[day.weekday()] in calendar.workdays


def add_working_days(calendar: CalendarConfig, day: date, n: int) -> date:
    """The ``n``-th working day after ``day`` (deadlines counted in working days)."""
    while n > 0:
        day += timedelta(days=1)
        if is_working_day(calendar, day):
            n -= 1
    return day


#: How far the open days are looked for: ten years of a calendar that never opens.
_SEARCH_DAYS = 3660


def open_days(calendar: CalendarConfig, first: date, last: date | None = None) -> Iterator[date]:
    """The days the hall opens from ``first`` on (to ``last``, both included): working
    days, 调休 included, holidays left out, and weekend days with hours of their own."""
    day = first
    for _ in range(_SEARCH_DAYS):
        if last is not None and day > last:
            return
        if opening_on(calendar, day) is not None:
            yield day
        day += timedelta(days=1)


def open_days_before(calendar: CalendarConfig, day: date, n: int) -> list[date]:
    """The ``n`` days the hall opened before ``day``, oldest first (fewer when it opened
    on fewer in the ten years before)."""
    found: list[date] = []
    for _ in range(_SEARCH_DAYS):
        if len(found) >= n:
            break
        day -= timedelta(days=1)
        if opening_on(calendar, day) is not None:
            found.append(day)
    return found[::-1]
