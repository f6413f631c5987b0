"""What every group of the ``yimen`` command uses: output for a person or a program, the
hall the options name, and the arguments several commands share."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import sys
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from shared.base.clock import Clock, clock_from_env
from shared.base.errors import HallError
from shared.base.messages import LANGS, render, word
from shared.hall import Hall, TicketInfo
from shared.rules.posts import REASON_WORDS
from shared.store.model import AbsenceReason

EXIT_REFUSED = 2


EXIT_BUG = 70


class Out:
    """Prints for a person (in their language) or for a program (JSON)."""

    def __init__(self, lang: str, as_json: bool) -> None:
        self.lang = lang
        self.json = as_json

    def say(self, code: str, /, **params: Any) -> str:
        """The message table's sentence for ``code``, in this language."""
        return render(code, self.lang, **params)

    def say_count(self, count: int, one: str, other: str, /, **params: Any) -> str:
        """The sentence ``one`` for one thing and ``other`` for none or several, with the
        number as its blank ``count`` (English says "1 review" but "2 reviews")."""
        return self.say(one if count == 1 else other, count=count, **params)

    def listed(self, items: Iterable[object]) -> str:
        """Numbers or names one after the other, as the command lists them."""
        return self.say("cli.list.sep").join(str(item) for item in items)

    def pick(self, words: tuple[str, str]) -> str:
        """One of the core's own word pairs, ``(zh, en)``, in this language."""
        return words[LANGS.index(self.lang)] if self.lang in LANGS else words[0]

    def emit(self, data: Any, text: str) -> None:
        if self.json:
            print(json.dumps(plain(data), ensure_ascii=False, indent=2))
        else:
            print(text)


def cells(text: str) -> int:
    """How many terminal columns ``text`` takes: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` filled out to ``width`` terminal columns (to the right: filled before)."""
    fill = " " * max(0, width - cells(text))
    return fill + text if right else text + fill


def plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def state_words(out: Out, state: str) -> str:
    return word("state", state, out.lang)


def ticket_text(out: Out, t: TicketInfo) -> str:
    if t.window_no is not None and t.state in ("called", "serving"):
        head = out.say(
            "cli.ticket.go_to_window", number=t.number, window=t.window_no, service=t.service_name
        )
        return head if t.state == "called" else f"{t.number} {state_words(out, t.state)}"
    return f"{t.number} {t.service_name} · {state_words(out, t.state)}"


def ask_password(out: Out) -> str:
    """The password typed at a prompt that does not echo it, or the first line of
    standard input when that is not a terminal (a script)."""
    if sys.stdin.isatty():
        return getpass.getpass(out.say("cli.password.prompt"))
    return sys.stdin.readline().rstrip("\r\n")


def bad_option(code: str, text: str) -> argparse.ArgumentTypeError:
    """An option's value refused while the options are read, before a language is
    chosen: the sentence ``code`` in both languages, then the value."""
    zh, en = render(code, "zh"), render(code, "en")
    return argparse.ArgumentTypeError(f"{zh} ({en}): {text}")


def positive(cast: Callable[[str], float], code: str) -> Callable[[str], Any]:
    """An option's type: a number above zero (``cast``: int or float), else ``code``."""

    def parse(text: str) -> Any:
        try:
            value = cast(text)
        except ValueError:
            value = 0
        if value <= 0:
            raise bad_option(code, text)
        return value

    return parse


def day_arg(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise bad_option("cli.day.bad", text) from None


def span_text(out: Out, tz: Any, start: datetime, end: datetime | None) -> str:
    until = f"{end.astimezone(tz):%H:%M}" if end is not None else out.say("cli.span.now")
    return f"{start.astimezone(tz):%H:%M}–{until}"


def month_arg(text: str | None, hall: Hall) -> tuple[int, int]:
    """``2026-08`` as (2026, 8); without it, the current month."""
    if text is None:
        today = hall.settings.business_day(hall.now())
        return today.year, today.month
    try:
        year, month = (int(part) for part in text.strip().split("-"))
    except ValueError:
        raise HallError("overtime.bad_month", month=text) from None
    return year, month


def reason_words(out: Out, reason: str | None) -> str:
    if reason is None:
        return ""
    return out.pick(REASON_WORDS[AbsenceReason(reason)])


def clock() -> Clock:
    """The system clock, or the fixed moment in ``YIMEN_NOW`` (ISO 8601 with its offset),
    for training and tests: ``YIMEN_NOW=2026-11-24T09:30+08:00 yimen ticket qy-sl``."""
    return clock_from_env(runs=False)


def hall_of(args: argparse.Namespace) -> Hall:
    return Hall.connect(args.db, clock=clock(), hall_code=args.hall)
