"""What every group of the ``yimen`` command uses: output for a person or a program, the
hall the options name, and the arguments several commands share."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import sys
from datetime import date, datetime
from typing import Any

from shared.base.clock import Clock, clock_from_env
from shared.base.errors import HallError
from shared.base.messages import word
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

    def t(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def emit(self, data: Any, text: str) -> None:
        if self.json:
            print(json.dumps(plain(data), ensure_ascii=False, indent=2))
        else:
            print(text)


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
        head = out.t(
            f"请{t.number}号到{t.window_no}号窗口办理（{t.service_name}）",
            f"Ticket {t.number}, please go to window {t.window_no} ({t.service_name})",
        )
        return head if t.state == "called" else f"{t.number} {state_words(out, t.state)}"
    return f"{t.number} {t.service_name} · {state_words(out, t.state)}"


def ask_password(out: Out) -> str:
    """The password typed at a prompt that does not echo it, or the first line of
    standard input when that is not a terminal (a script)."""
    if sys.stdin.isatty():
        return getpass.getpass(out.t("密码：", "Password: "))
    return sys.stdin.readline().rstrip("\r\n")


def day_arg(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期应写成 YYYY-MM-DD，例如 2026-11-24 (a date: YYYY-MM-DD): {text}"
        ) from None


def span_text(out: Out, tz: Any, start: datetime, end: datetime | None) -> str:
    until = f"{end.astimezone(tz):%H:%M}" if end is not None else out.t("至今", "now")
    return f"{start.astimezone(tz):%H:%M}–{until}"


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


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
    zh, en = REASON_WORDS[AbsenceReason(reason)]
    return out.t(zh, en)


def clock() -> Clock:
    """The system clock, or the fixed moment in ``YIMEN_NOW`` (ISO 8601 with its offset),
    for training and tests: ``YIMEN_NOW=2026-11-24T09:30+08:00 yimen ticket qy-sl``."""
    return clock_from_env(runs=False)


def hall_of(args: argparse.Namespace) -> Hall:
    return Hall.connect(args.db, clock=clock(), hall_code=args.hall)
