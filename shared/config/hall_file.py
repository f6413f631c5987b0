"""大厅配置：从一个人可以直接编辑的 TOML 文件读出、经过校验的类型化配置。

The hall's configuration lives in one TOML file that the hall's IT person edits by hand
(``assets/demo-hall.toml`` is a complete example).  :func:`load_hall_config` reads it,
checks every value and every cross-reference, and returns a frozen :class:`HallConfig`.

Anything wrong in the file becomes a :class:`ConfigError` that names the file, *where* the
problem is (a TOML line, or a key path such as ``windows[4].services[2]``) and *what* is
wrong, in one plain Chinese sentence and the same in English.  Pydantic's own wording and
tracebacks never reach the user.

Conventions of the file:

* times are quoted ``"HH:MM"`` strings (``"09:00"``); ``"HH:MM:SS"`` and a TOML local time
  (``09:00:00``) are accepted as well.  ``model_dump(mode="json")`` writes ``"HH:MM"`` back,
  so a dumped model validates again to an equal one;
* dates are quoted ``"YYYY-MM-DD"`` strings; a bare TOML date (``2026-10-01``) is accepted too;
* a time range is a list of two times, ``["12:00", "13:30"]``, start before end;
* a misspelt key is an error, never silently ignored.
"""

from __future__ import annotations

import difflib
import os
import re
import string
import tomllib
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from pathlib import Path
from types import NoneType, UnionType
from typing import Annotated, Any, Literal, Self, TypeVar, Union, get_args, get_origin
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    Strict,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

__all__ = [
    "DEMO_HALL_PATH",
    "WEEKDAYS",
    "CalendarConfig",
    "ClerkConfig",
    "ConfigError",
    "ExtraDayConfig",
    "HallConfig",
    "HallInfo",
    "KioskConfig",
    "PostConfig",
    "RulesConfig",
    "ServiceConfig",
    "SummerConfig",
    "VoiceConfig",
    "Weekday",
    "WindowConfig",
    "WindowKind",
    "ZoneConfig",
    "load_hall_config",
    "parse_hall_config",
]

DEMO_HALL_PATH: Path = Path(__file__).resolve().parent.parent.parent / "assets" / "demo-hall.toml"
"""The demo hall shipped with the project (青川区政务服务中心)."""

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Weekday names in ``date.weekday()`` order (Monday is 0)."""

WindowKind = Literal["green_channel", "help_desk", "cross_region", "one_matter"]

_WEEKDAY_ZH: dict[str, str] = dict(
    zip(WEEKDAYS, ("周一", "周二", "周三", "周四", "周五", "周六", "周日"), strict=True)
)
_WEEKDAY_EN: dict[str, str] = dict(
    zip(
        WEEKDAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)


# ---------------------------------------------------------------------------------------
# The error


class ConfigError(Exception):
    """A problem in a hall configuration file, told in words the hall's IT person can act on.

    Attributes:
        path: the file as given by the caller, or ``"<string>"`` for text parsed directly.
        where: a neutral locator, never localised: ``"line 12"`` for a TOML syntax error, or
            a key path in the TOML names such as ``"services[3].prefix"`` or
            ``"windows[4].services[2]"``.  List indexes in key paths are **1-based** and count
            the entries in the order they appear in the file (``windows[4]`` is the fourth
            ``[[windows]]`` block, not window number 4).  Empty when the problem concerns the
            whole file (missing, unreadable, not UTF-8).
        zh: what is wrong, one sentence in Chinese.
        en: the same in English.
        others: further problems found in the same pass (pydantic reports all field errors
            at once); ``()`` for most errors.  The error itself is always the first one.

    ``str(err)`` is ``err.message("zh")``.
    """

    path: str
    where: str
    zh: str
    en: str
    others: tuple[ConfigError, ...]

    def __init__(
        self,
        path: str,
        where: str,
        zh: str,
        en: str,
        others: tuple[ConfigError, ...] = (),
    ) -> None:
        super().__init__(path, where, zh, en)
        self.path = path
        self.where = where
        self.zh = zh
        self.en = en
        self.others = others

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.where, self.zh, self.en, self.others))

    def message(self, lang: str = "zh") -> str:
        """The whole message in ``lang`` ("zh" or "en"; anything starting with "en" is English).

        e.g. ``配置文件 assets/x.toml，services[3].prefix：票号前缀必须是一个大写字母（A–Z），
        现在是 'AA'。`` (one line).
        """
        if lang.lower().startswith("en"):
            if not self.where:
                return f"Config file {self.path}: {self.en}"
            return f"Config file {self.path}, {self.where}: {self.en}"
        if not self.where:
            return f"配置文件 {self.path}：{self.zh}"
        line = re.fullmatch(r"line (\d+)", self.where)
        where = f"第 {line.group(1)} 行" if line else self.where
        return f"配置文件 {self.path}，{where}：{self.zh}"

    def __str__(self) -> str:
        return self.message("zh")

    def __repr__(self) -> str:
        return f"ConfigError(path={self.path!r}, where={self.where!r}, en={self.en!r})"


# ---------------------------------------------------------------------------------------
# Value types with their own plain-language errors

_RULE = "hall_config_rule"


def _rule(zh: str, en: str, sub: str = "") -> PydanticCustomError:
    """An error raised inside a validator; ``sub`` extends the key path of the model."""
    return PydanticCustomError(_RULE, "{en}", {"zh": zh, "en": en, "sub": sub})


def _shown(value: object) -> tuple[str, str]:
    """How a raw TOML value is quoted in a sentence: (zh, en), for "现在是{zh}" / "got {en}"."""
    if isinstance(value, bool):
        word = "true" if value else "false"
        return f" {word}", word
    if isinstance(value, int | float):
        return f"数字 {value}", f"the number {value}"
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:40] + "…"
        return f" '{text}'", f"'{text}'"
    if isinstance(value, datetime):
        return f"日期时间 {value.isoformat()}", f"the date-time {value.isoformat()}"
    if isinstance(value, date):
        return f"日期 {value.isoformat()}", f"the date {value.isoformat()}"
    if isinstance(value, time):
        return f"时间 {value.isoformat()}", f"the time {value.isoformat()}"
    if isinstance(value, list | tuple):
        return "一个列表", "a list"
    if isinstance(value, dict):
        return "一个表", "a table"
    return "其他类型的值", "a value of another kind"


def _hhmm(t: time) -> str:
    return t.strftime("%H:%M")


def _time_text(t: time) -> str:
    return t.strftime("%H:%M:%S" if t.second else "%H:%M")


_TIME_RE = re.compile(r"\s*(\d{1,2})\s*[:：]\s*(\d{2})(?::(\d{2}))?\s*")


def _to_time(value: object) -> time:
    if isinstance(value, time):
        if value.tzinfo is not None:
            raise _rule(
                '时间不能带时区，请写成 "HH:MM"。',
                'a time must not carry a time zone; write it as "HH:MM".',
            )
        return value
    if isinstance(value, str):
        m = _TIME_RE.fullmatch(value)
        if m:
            hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
            if hour < 24 and minute < 60 and second < 60:
                return time(hour, minute, second)
    zh, en = _shown(value)
    raise _rule(
        f'时间要写成带英文引号的 "HH:MM"，例如 "09:00"，现在是{zh}。',
        f'a time must be written as a quoted "HH:MM", e.g. "09:00", got {en}.',
    )


def _to_date(value: object) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    zh, en = _shown(value)
    raise _rule(
        f'日期要写成 "YYYY-MM-DD"，例如 "2026-10-01"，并且必须是真实存在的日期，现在是{zh}。',
        f'a date must be written as "YYYY-MM-DD", e.g. "2026-10-01", and be a real date, got {en}.',
    )


def _to_pair(value: object) -> object:
    if isinstance(value, list | tuple) and len(value) == 2:
        return tuple(value)
    zh, en = _shown(value)
    if isinstance(value, list | tuple):
        n = len(value)
        zh, en = f"{n} 项的列表", f"a list of {n} item" + ("" if n == 1 else "s")
    raise _rule(
        f'时间段要写成开始和结束两个时间组成的列表，例如 ["12:00", "13:30"]，现在是{zh}。',
        f"a time range must be a list of two times, start and end, e.g. "
        f'["12:00", "13:30"], got {en}.',
    )


def _ordered_pair(pair: tuple[time, time]) -> tuple[time, time]:
    start, end = pair
    if start >= end:
        raise _rule(
            f"时间段的开始时间 {_hhmm(start)} 必须早于结束时间 {_hhmm(end)}。",
            f"a time range must start before it ends; {_hhmm(start)} is not before {_hhmm(end)}.",
        )
    return pair


_CODE_RE = re.compile(r"[A-Za-z0-9_-]{1,32}")


def _check_code(value: str) -> str:
    if not _CODE_RE.fullmatch(value):
        raise _rule(
            f"代码只能由英文字母、数字、下划线和连字符组成，长度 1 到 32 个字符，"
            f"现在是 '{value}'。",
            f"a code must be 1 to 32 characters of English letters, digits, '_' and '-', "
            f"got '{value}'.",
        )
    return value


def _check_text(value: str) -> str:
    if not value.strip():
        raise _rule("这里不能为空。", "this must not be empty.")
    return value


def _check_prefix(value: str) -> str:
    if not re.fullmatch(r"[A-Z]", value):
        raise _rule(
            f"票号前缀必须是一个大写字母（A–Z），现在是 '{value}'。",
            f"the ticket prefix must be one capital letter (A–Z), got '{value}'.",
        )
    return value


def _check_password(value: str) -> str:
    if len(value) < 6:
        raise _rule(
            f"初始密码至少要有 6 个字符，现在只有 {len(value)} 个。",
            f"an initial password must have at least 6 characters, this one has {len(value)}.",
        )
    return value


def _check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise _rule(
            f"'{value}' 不是有效的时区名称，中国大陆的大厅请写 \"Asia/Shanghai\"。",
            f"'{value}' is not a valid IANA time zone name; halls in mainland China use "
            f'"Asia/Shanghai".',
        ) from None
    return value


def _check_month_day(value: str) -> str:
    ok = re.fullmatch(r"(\d{2})-(\d{2})", value)
    if ok:
        try:
            date(2000, int(ok.group(1)), int(ok.group(2)))  # 2000 is a leap year: 02-29 is fine
        except ValueError:
            ok = None
    if not ok:
        raise _rule(
            f'月日要写成 "MM-DD"，例如 "05-01"，并且必须是真实存在的日子，现在是 \'{value}\'。',
            f'a month-day must be written as "MM-DD", e.g. "05-01", and be a real day, '
            f"got '{value}'.",
        )
    return value


def _int_range(low: int, high: int | None) -> Callable[[int], int]:
    def check(value: int) -> int:
        if value < low or (high is not None and value > high):
            if high is None:
                raise _rule(
                    f"必须是不小于 {low} 的整数，现在是 {value}。",
                    f"must be a whole number of at least {low}, got {value}.",
                )
            raise _rule(
                f"必须是 {low} 到 {high} 之间的整数，现在是 {value}。",
                f"must be a whole number from {low} to {high}, got {value}.",
            )
        return value

    return check


def _check_call_template(value: str) -> str:
    """A call's template names {number} and {window}, each once, and nothing else."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(value) if f is not None]
    except ValueError:
        fields = None
    if fields is None or sorted(fields) != ["number", "window"]:
        raise _rule(
            f"叫号模板必须包含 {{number}} 和 {{window}} 各一次，不能有其他花括号，"
            f"例如 \"请{{number}}号到{{window}}号窗口办理\"，现在是 '{value}'。",
            f"a call template must contain {{number}} and {{window}} once each and no other "
            f"braces, e.g. \"Number {{number}}, please go to window {{window}}\", got '{value}'.",
        )
    return value


def _check_url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s/]+(/\S*)?", value):
        raise _rule(
            f"网址要以 http:// 或 https:// 开头，中间不能有空格，现在是 '{value}'。",
            f"an address must start with http:// or https:// and contain no spaces, got '{value}'.",
        )
    return value


def _one_of(*allowed: int) -> Callable[[int], int]:
    def check(value: int) -> int:
        if value not in allowed:
            words = "、".join(str(a) for a in allowed)
            raise _rule(
                f"只能是 {words} 之一，现在是 {value}。",
                f"must be one of {', '.join(str(a) for a in allowed)}, got {value}.",
            )
        return value

    return check


Text = Annotated[str, Strict(), AfterValidator(_check_text)]
Code = Annotated[str, Strict(), AfterValidator(_check_code)]
Prefix = Annotated[str, Strict(), AfterValidator(_check_prefix)]
Password = Annotated[str, Strict(), AfterValidator(_check_password)]
TimeZoneName = Annotated[str, Strict(), AfterValidator(_check_timezone)]
MonthDay = Annotated[str, Strict(), AfterValidator(_check_month_day)]
Flag = Annotated[bool, Strict()]
Time = Annotated[
    time, BeforeValidator(_to_time), PlainSerializer(_time_text, return_type=str, when_used="json")
]
Day = Annotated[date, BeforeValidator(_to_date)]
TimeRange = Annotated[tuple[Time, Time], BeforeValidator(_to_pair), AfterValidator(_ordered_pair)]


# Whole numbers in a range (inclusive); strict: "5", 5.0 and true are refused.
HeadStartMinutes = Annotated[int, Strict(), AfterValidator(_int_range(0, 240))]
MaxRecalls = Annotated[int, Strict(), AfterValidator(_int_range(1, 5))]
NoShowRequeues = Annotated[int, Strict(), AfterValidator(_int_range(0, 1))]
HandlingMinutes = Annotated[int, Strict(), AfterValidator(_int_range(1, 240))]
Positive = Annotated[int, Strict(), AfterValidator(_int_range(1, None))]
CallTemplate = Annotated[str, Strict(), AfterValidator(_check_call_template)]
ReviewUrl = Annotated[str, Strict(), AfterValidator(_check_url)]
SlipWidth = Annotated[int, Strict(), AfterValidator(_one_of(58, 80))]
IdleSeconds = Annotated[int, Strict(), AfterValidator(_int_range(10, 600))]
Repeat = Annotated[int, Strict(), AfterValidator(_int_range(1, 2))]
SpeechRate = Annotated[int, Strict(), AfterValidator(_int_range(80, 300))]
BacklogSeconds = Annotated[int, Strict(), AfterValidator(_int_range(3, 120))]
DelaySeconds = Annotated[int, Strict(), AfterValidator(_int_range(10, 600))]
CallsListed = Annotated[int, Strict(), AfterValidator(_int_range(3, 20))]
FlashSeconds = Annotated[int, Strict(), AfterValidator(_int_range(1, 30))]
SpokenWithin = Annotated[int, Strict(), AfterValidator(_int_range(5, 600))]
ViewingMetres = Annotated[int, Strict(), AfterValidator(_int_range(2, 30))]
ScreenInches = Annotated[int, Strict(), AfterValidator(_int_range(10, 120))]
EmptyPostMinutes = Annotated[int, Strict(), AfterValidator(_int_range(5, 240))]
NoonWindows = Annotated[int, Strict(), AfterValidator(_int_range(1, 10))]
CodeDays = Annotated[int, Strict(), AfterValidator(_int_range(1, 30))]
RectifyDays = Annotated[int, Strict(), AfterValidator(_int_range(5, 15))]
ExtensionDays = Annotated[int, Strict(), AfterValidator(_int_range(1, 15))]
EvaluatorSeconds = Annotated[int, Strict(), AfterValidator(_int_range(10, 120))]


def _path(parts: Sequence[str | int]) -> str:
    """``("windows", 3, "services", 1)`` -> ``"windows[4].services[2]"`` (1-based)."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else part
    return out


def _sub(*parts: str | int) -> str:
    return _path(parts)


def _suggest(word: str, choices: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# ---------------------------------------------------------------------------------------
# The models


class HallInfo(_Model):
    """[hall]: who the hall is."""

    code: Code
    """Short code of the hall, 1–32 characters of ``[A-Za-z0-9_-]``; every database row
    carries it, so one database can serve many halls."""
    name: Text
    timezone: TimeZoneName = "Asia/Shanghai"


class RulesConfig(_Model):
    """[rules]: the hall's queueing rules; every key has a default."""

    priority_head_start_minutes: HeadStartMinutes = 15
    """How many minutes of head start a green-channel or due appointment ticket gets over
    ordinary tickets (0–240).  A head start, not an absolute jump, so nobody starves."""
    transfer_keeps_place: Flag = True
    """A transferred ticket keeps its original issue time (首问负责) instead of going to the
    back of the new line."""
    max_recalls: MaxRecalls = 5
    """How many times a clerk may recall (重呼) a ticket, 1–5."""
    no_show_requeues: NoShowRequeues = 1
    """How many times a no-show (过号) ticket may be put back in line, 0–1."""
    check_in_early_minutes: HeadStartMinutes = 60
    """How many minutes before its slot an appointment can be checked in at the kiosk
    (0–240); earlier, the kiosk says from when."""


class KioskConfig(_Model):
    """[kiosk]: the ticket kiosk and its slip; every key has a default."""

    review_url: ReviewUrl = "https://yimen.example.gov.cn/r/"
    """The start of the review address printed as the slip's QR code; the ticket's signed
    review code is appended (码上监督). Point it at the hall's own `yimen serve`."""
    slip_width_mm: SlipWidth = 80
    """The receipt paper's width: 80 or 58 mm."""
    slip_notice: Text = "请留意叫号，过号需重新取号"
    """The line at the foot of the slip and of the ticket screen."""
    idle_seconds: IdleSeconds = 30
    """After this many seconds without a touch the kiosk returns to its home screen."""


class VoiceConfig(_Model):
    """[voice]: what a call says and how it is spoken; every key has a default."""

    template: CallTemplate = "请{number}号到{window}号窗口办理"
    """The words of a call in Chinese; ``{number}`` is read letter then digit by digit
    (A零零一), ``{window}`` as a quantity (十二号窗口)."""
    template_en: CallTemplate = "Number {number}, please go to window {window}"
    """The same in English."""
    language: Literal["zh", "en"] = "zh"
    """The language calls are spoken in."""
    one: Literal["一", "幺"] = "一"
    """How the digit 1 of a ticket number is read: 一 (yī) or 幺 (yāo)."""
    repeat: Repeat = 2
    """How many times the words of a call are said after the chime (1 or 2)."""
    rate: SpeechRate = 165
    """Speaking rate in words per minute (80–300); announcements want it slow."""
    speaker: Literal["counter", "display"] = "counter"
    """Which station speaks the calls: each counter PC, or the lobby display (a hall with
    central loudspeakers)."""
    backlog_seconds: BacklogSeconds = 10
    """When a call has waited this long, or the calls behind it would take this long to say,
    it is said once, without a chime if another call just ended (3–120)."""
    max_delay_seconds: DelaySeconds = 60
    """A call not spoken within this many seconds of being made is shown, not spoken
    (10–600)."""


class DisplayConfig(_Model):
    """[display]: the lobby display (综合屏) and the window screens; every key has a default."""

    notice: Text = (
        "请留意叫号，听到您的号码后到相应窗口办理；过号需重新取号。如需帮助，请到导服台咨询。"
    )
    """The scrolling line at the foot of the lobby display."""
    calls_listed: CallsListed = 8
    """How many of the last calls the lobby display lists (3–20; fewer when the screen
    has no room for them at a size readable from ``viewing_metres``)."""
    flash_seconds: FlashSeconds = 6
    """How long the newest call flashes (1–30 s)."""
    spoken_within_seconds: SpokenWithin = 30
    """A call the display learns of later than this (back from a lost connection) is
    shown, not spoken (5–600 s)."""
    viewing_metres: ViewingMetres = 10
    """How far the back row sits from the lobby display (2–30 m): the letters of the calls
    are at least 1 cm high per 3 m of it."""
    screen_inches: ScreenInches = 55
    """The lobby display's diagonal in inches (10–120), to size its letters for the back
    row; ``yimen display --inches`` overrides it for one screen."""


class StaffingConfig(_Model):
    """[staffing]: the hall's staffing rules (AB岗, 中午值班); every key has a default."""

    empty_post_minutes: EmptyPostMinutes = 30
    """A window with a post (AB岗) and nobody signed in for more than this many minutes of
    open hours (the noon break not counted) is recorded as an empty post (空岗), 5–240."""
    noon_windows_per_zone: NoonWindows = 1
    """How many comprehensive windows of each zone keep serving through the noon break
    (中午值班), 1–10; a comprehensive window of the whole hall counts for every zone."""


class NoticeConfig(_Model):
    """[notice]: the one-time notice slip (一次性告知单); every key has a default."""

    contact: Text = "咨询电话：12345（政务服务便民热线）"
    """The hall's contact line printed at the foot of the slip."""
    guide_url: ReviewUrl = "https://yimen.example.gov.cn/guide/{service}"
    """The address of a service's guide (办事指南), printed as a QR code; ``{service}`` is
    replaced by the service's code."""
    paper: Literal["A4", "A5", "80mm"] = "A5"
    """The paper the counter prints it on: A4 or A5 sheets, or an 80 mm receipt roll."""


class ReviewsConfig(_Model):
    """[reviews]: good and bad reviews (好差评) and their cases; every key has a default."""

    code_days: CodeDays = 7
    """A ticket can be rated for this many days after it was issued (1–30); an older
    review code is refused."""
    rectify_working_days: RectifyDays = 15
    """A bad review's case is to be rectified within this many working days of the review
    (5–15; the hall's calendar says which days are working days)."""
    extension_working_days: ExtensionDays = 15
    """The one extension a case may get adds at most this many working days (1–15)."""
    evaluator_seconds: EvaluatorSeconds = 30
    """How long the window's evaluator shows the five faces after F3 (10–120 s)."""


class SummerConfig(_Model):
    """[calendar.summer]: summer hours (夏季作息) between two month-days, both inclusive.

    A range crossing new year (start after end) is rejected.  ``None`` keeps the regular
    value for that key.
    """

    start: MonthDay
    end: MonthDay
    noon_break: TimeRange | None = None
    open: Time | None = None
    close: Time | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.start > self.end:
            raise _rule(
                f"夏季作息从 {self.start} 到 {self.end} 跨了年，不支持跨年的时段；"
                f"请让开始日期早于结束日期。",
                f"the summer hours from {self.start} to {self.end} cross new year, which is "
                f"not supported; the start must come before the end.",
                "end",
            )
        return self


class ExtraDayConfig(_Model):
    """[[calendar.weekend]]: extra service on a non-workday weekday, e.g. Saturday mornings
    ("5+2" 周末服务).  No noon break; tickets are issued from open to close."""

    day: Weekday
    open: Time
    close: Time

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.open >= self.close:
            raise _rule(
                f"{_WEEKDAY_ZH[self.day]}的关门时间 {_hhmm(self.close)} 必须晚于开门时间 "
                f"{_hhmm(self.open)}。",
                f"on {_WEEKDAY_EN[self.day]} the closing time {_hhmm(self.close)} must be "
                f"after the opening time {_hhmm(self.open)}.",
                "close",
            )
        return self


class CalendarConfig(_Model):
    """[calendar]: when the hall is open and issues tickets.

    A holiday closes the day even on a workday; a workday swap (调休) is a normal workday
    although it falls on a weekend; summer values replace the regular ones between
    ``summer.start`` and ``summer.end``.  See :func:`shared.config.calendar.opening_on`.
    """

    workdays: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri")
    open: Time
    close: Time
    noon_break: TimeRange | None = None
    tickets_from: Time | None = None
    """When the kiosk starts issuing tickets; may be before ``open``.  None = at ``open``."""
    tickets_until: Time | None = None
    """When the kiosk stops issuing tickets; at the latest ``close``.  None = at ``close``."""
    summer: SummerConfig | None = None
    weekend: tuple[ExtraDayConfig, ...] = ()
    holidays: tuple[Day, ...] = ()
    """Closed dates (法定节假日), including the weekend days of a holiday."""
    workday_swaps: tuple[Day, ...] = ()
    """Weekend dates that are normal workdays (调休上班)."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        self._check_hours(self.open, self.close, self.noon_break, "", "", "close", "noon_break")
        summer = self.summer
        if summer is not None:
            s_open = summer.open or self.open
            s_close = summer.close or self.close
            s_noon = summer.noon_break or self.noon_break
            self._check_hours(
                s_open,
                s_close,
                s_noon,
                "夏季",
                "in summer ",
                "summer.open" if summer.close is None else "summer.close",
                "summer.noon_break"
                if summer.noon_break is not None
                else ("summer.open" if summer.close is None else "summer.close"),
            )
        self._check_tickets()
        self._check_weekend()
        self._check_dates()
        return self

    @staticmethod
    def _check_hours(
        open_: time,
        close: time,
        noon: tuple[time, time] | None,
        zh: str,
        en: str,
        close_key: str,
        noon_key: str,
    ) -> None:
        if open_ >= close:
            raise _rule(
                f"{zh}关门时间 {_hhmm(close)} 必须晚于开门时间 {_hhmm(open_)}。",
                f"{en}the closing time {_hhmm(close)} must be after the opening time "
                f"{_hhmm(open_)}.",
                close_key,
            )
        if noon is not None and not (open_ < noon[0] and noon[1] < close):
            raise _rule(
                f"{zh}午休 {_hhmm(noon[0])}–{_hhmm(noon[1])} 必须在开门 {_hhmm(open_)} "
                f"和关门 {_hhmm(close)} 之间。",
                f"{en}the noon break {_hhmm(noon[0])}–{_hhmm(noon[1])} must lie between "
                f"opening at {_hhmm(open_)} and closing at {_hhmm(close)}.",
                noon_key,
            )

    def _check_tickets(self) -> None:
        closes = [("", "", self.close, "close")]
        opens = [self.open]
        if self.summer is not None:
            if self.summer.close is not None:
                closes.append(("夏季", " in summer", self.summer.close, "summer.close"))
            if self.summer.open is not None:
                opens.append(self.summer.open)
        start, until = self.tickets_from, self.tickets_until
        if start is not None:
            for zh, en, close, _ in closes:
                if start >= close:
                    raise _rule(
                        f"开始取号时间 {_hhmm(start)} 必须早于{zh}关门时间 {_hhmm(close)}。",
                        f"tickets must start before closing time{en}; {_hhmm(start)} is not "
                        f"before {_hhmm(close)}.",
                        "tickets_from",
                    )
        if until is not None:
            for zh, en, close, where in closes:
                if until > close:
                    raise _rule(
                        f"停止取号时间 {_hhmm(until)} 不能晚于{zh}关门时间 {_hhmm(close)}。",
                        f"tickets must stop by closing time{en}; {_hhmm(until)} is after "
                        f"{_hhmm(close)}.",
                        "tickets_until" if where == "close" else where,
                    )
            for open_ in opens:
                if until <= open_:
                    raise _rule(
                        f"停止取号时间 {_hhmm(until)} 必须晚于开门时间 {_hhmm(open_)}。",
                        f"tickets must stop after opening time; {_hhmm(until)} is not after "
                        f"{_hhmm(open_)}.",
                        "tickets_until",
                    )
            if start is not None and start >= until:
                raise _rule(
                    f"开始取号时间 {_hhmm(start)} 必须早于停止取号时间 {_hhmm(until)}。",
                    f"tickets must start before they stop; {_hhmm(start)} is not before "
                    f"{_hhmm(until)}.",
                    "tickets_from",
                )

    def _check_weekend(self) -> None:
        seen: dict[str, int] = {}
        for i, extra in enumerate(self.weekend):
            if extra.day in self.workdays:
                raise _rule(
                    f"{_WEEKDAY_ZH[extra.day]}本来就是工作日（见 workdays），"
                    f"不需要再写在 [[calendar.weekend]] 里。",
                    f"{_WEEKDAY_EN[extra.day]} is already a workday (see workdays); it does "
                    f"not belong in [[calendar.weekend]].",
                    _sub("weekend", i, "day"),
                )
            if extra.day in seen:
                raise _rule(
                    f"{_WEEKDAY_ZH[extra.day]}写了两次，weekend[{seen[extra.day] + 1}] "
                    f"已经设置过。",
                    f"{_WEEKDAY_EN[extra.day]} is given twice; weekend[{seen[extra.day] + 1}] "
                    f"already sets it.",
                    _sub("weekend", i, "day"),
                )
            seen[extra.day] = i

    def _check_dates(self) -> None:
        holidays = set(self.holidays)
        for i, day in enumerate(self.workday_swaps):
            if day in holidays:
                raise _rule(
                    f"{day.isoformat()} 同时写在节假日和调休上班日里，只能是其中一种。",
                    f"{day.isoformat()} is listed both as a holiday and as a workday swap; "
                    f"it can only be one.",
                    _sub("workday_swaps", i),
                )
            weekday = WEEKDAYS[day.weekday()]
            if weekday in self.workdays:
                raise _rule(
                    f"调休上班日 {day.isoformat()} 是{_WEEKDAY_ZH[weekday]}，本来就是工作日；"
                    f"请检查日期是否写错。",
                    f"the workday swap {day.isoformat()} is a {_WEEKDAY_EN[weekday]}, already "
                    f"a workday; check the date.",
                    _sub("workday_swaps", i),
                )


class ZoneConfig(_Model):
    """[[zones]]: a functional zone (功能区) of the hall."""

    code: Code
    name: Text


class ServiceConfig(_Model):
    """[[services]]: one service (事项) the hall handles."""

    code: Code
    zone: Code
    """The code of the zone that offers the service."""
    name: Text
    prefix: Prefix
    """Ticket prefix, one capital letter; several services may share one (numbers then run
    on together: A001 企业设立, A002 企业变更…)."""
    materials: tuple[Text, ...] = ()
    """Required application materials (申请材料), printed on the one-time notice."""
    daily_cap: Positive | None = None
    """At most this many tickets a day (每日放号上限); None = no cap."""
    handling_minutes: HandlingMinutes = 10
    """Expected handling time (1–240 min) before the hall has any history of its own."""
    time_slots: tuple[TimeRange, ...] = ()
    """Ticket time slots (取号时段), in order, not overlapping; empty = whenever the hall
    issues tickets."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        for i in range(1, len(self.time_slots)):
            before, slot = self.time_slots[i - 1], self.time_slots[i]
            if slot[0] < before[1]:
                overlap = slot[1] > before[0]
                zh = "与前一个时段重叠" if overlap else "排在了前一个时段的前面"
                en = "overlaps the one before" if overlap else "comes before the one above"
                raise _rule(
                    f"事项“{self.name}”的取号时段 {_hhmm(slot[0])}–{_hhmm(slot[1])} {zh}"
                    f"（{_hhmm(before[0])}–{_hhmm(before[1])}）；时段要按时间先后排列且不能重叠。",
                    f"the ticket slot {_hhmm(slot[0])}–{_hhmm(slot[1])} of service "
                    f"'{self.code}' {en} ({_hhmm(before[0])}–{_hhmm(before[1])}); slots must "
                    f"be in time order and must not overlap.",
                    _sub("time_slots", i),
                )
        return self


class WindowConfig(_Model):
    """[[windows]]: a numbered counter window (窗口).

    A comprehensive window (综合窗口, 无差别受理) serves every service of its zone, or of the
    whole hall when ``zone`` is None, and lists no services.  Any other window lists at least
    one service, unless it is a help desk (帮办代办).
    """

    number: Positive
    name: Text
    zone: Code | None = None
    comprehensive: Flag = False
    services: tuple[Code, ...] = ()
    kinds: tuple[WindowKind, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.comprehensive and self.services:
            scope_zh = f"功能区 '{self.zone}' 的全部事项" if self.zone else "全厅所有事项"
            scope_en = (
                f"every service of zone '{self.zone}'"
                if self.zone
                else ("every service of the hall")
            )
            raise _rule(
                f"{self.number} 号窗口是综合窗口，已经受理{scope_zh}，不要再列出 services；"
                f"要么删掉 services，要么把 comprehensive 改为 false。",
                f"window {self.number} is comprehensive and already serves {scope_en}; remove "
                f"its services or set comprehensive = false.",
                "services",
            )
        if not self.comprehensive and not self.services and "help_desk" not in self.kinds:
            raise _rule(
                f"{self.number} 号窗口没有列出任何事项：请在 services 里写上它受理的事项代码，"
                f"或者设为综合窗口（comprehensive = true）。",
                f"window {self.number} lists no services: list the codes of the services it "
                f"handles, or make it comprehensive (comprehensive = true).",
                "services",
            )
        seen: set[str] = set()
        for i, code in enumerate(self.services):
            if code in seen:
                raise _rule(
                    f"{self.number} 号窗口的事项 '{code}' 写了两次。",
                    f"window {self.number} lists the service '{code}' twice.",
                    _sub("services", i),
                )
            seen.add(code)
        return self


class ClerkConfig(_Model):
    """[[clerks]]: a member of staff who can log in at a counter.

    ``password`` is an *initial* password (at least 6 characters).  It is hashed (argon2)
    when the configuration is loaded into the database and is never stored in plain text
    there; change it at first login.  Leave it out to set it later.
    """

    code: Code
    name: Text
    role: Literal["clerk", "supervisor"] = "clerk"
    password: Password | None = None


class PostConfig(_Model):
    """[[posts]]: the AB posts (AB岗) of one window: ``a`` holds the post, ``b`` is the
    backup who takes over when A is away.  Both are clerk codes."""

    window: Positive
    a: Code
    b: Code

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.a == self.b:
            raise _rule(
                f"{self.window} 号窗口的 A 岗和 B 岗是同一个人 '{self.a}'，"
                f"B 岗必须是另一位工作人员。",
                f"window {self.window} has the same clerk '{self.a}' as A and B; the B post "
                f"must be someone else.",
                "b",
            )
        return self


class HallConfig(_Model):
    """The whole hall configuration file."""

    hall: HallInfo
    rules: RulesConfig = Field(default_factory=RulesConfig)
    voice: VoiceConfig = Field(default_factory=VoiceConfig)
    kiosk: KioskConfig = Field(default_factory=KioskConfig)
    display: DisplayConfig = Field(default_factory=DisplayConfig)
    staffing: StaffingConfig = Field(default_factory=StaffingConfig)
    notice: NoticeConfig = Field(default_factory=NoticeConfig)
    reviews: ReviewsConfig = Field(default_factory=ReviewsConfig)
    calendar: CalendarConfig
    zones: Annotated[tuple[ZoneConfig, ...], Field(min_length=1)]
    services: Annotated[tuple[ServiceConfig, ...], Field(min_length=1)]
    windows: Annotated[tuple[WindowConfig, ...], Field(min_length=1)]
    clerks: Annotated[tuple[ClerkConfig, ...], Field(min_length=1)]
    posts: tuple[PostConfig, ...] = ()

    @model_validator(mode="after")
    def _cross_check(self) -> Self:
        zones = _unique("zones", "code", [z.code for z in self.zones], "功能区代码", "zone code")
        services = _unique(
            "services", "code", [s.code for s in self.services], "事项代码", "service code"
        )
        _unique("windows", "number", [w.number for w in self.windows], "窗口号", "window number")
        clerks = _unique(
            "clerks", "code", [c.code for c in self.clerks], "工作人员代码", "clerk code"
        )
        zone_list = "、".join(z.code for z in self.zones)
        zone_list_en = ", ".join(z.code for z in self.zones)

        for i, service in enumerate(self.services):
            if service.zone not in zones:
                raise _rule(
                    f"事项“{service.name}”所属的功能区 '{service.zone}' 不存在"
                    f"{_hint_zh(service.zone, zones)}；已有的功能区是：{zone_list}。",
                    f"service '{service.code}' names the zone '{service.zone}', which does "
                    f"not exist{_hint_en(service.zone, zones)}; the zones are: {zone_list_en}.",
                    _sub("services", i, "zone"),
                )

        for i, window in enumerate(self.windows):
            if window.zone is not None and window.zone not in zones:
                raise _rule(
                    f"{window.number} 号窗口所属的功能区 '{window.zone}' 不存在"
                    f"{_hint_zh(window.zone, zones)}；已有的功能区是：{zone_list}。",
                    f"window {window.number} names the zone '{window.zone}', which does not "
                    f"exist{_hint_en(window.zone, zones)}; the zones are: {zone_list_en}.",
                    _sub("windows", i, "zone"),
                )
            for k, code in enumerate(window.services):
                if code not in services:
                    raise _rule(
                        f"{window.number} 号窗口列出的事项 '{code}' 不存在"
                        f"{_hint_zh(code, services)}；事项代码要与 [[services]] 里的 code 一致。",
                        f"window {window.number} lists the service '{code}', which does not "
                        f"exist{_hint_en(code, services)}; use a code from [[services]].",
                        _sub("windows", i, "services", k),
                    )
                service = self.services[services[code]]
                if window.zone is not None and service.zone != window.zone:
                    raise _rule(
                        f"{window.number} 号窗口属于功能区 '{window.zone}'，但它列出的事项"
                        f"“{service.name}”（{code}）属于功能区 '{service.zone}'。",
                        f"window {window.number} belongs to zone '{window.zone}' but lists "
                        f"the service '{code}', which belongs to zone '{service.zone}'.",
                        _sub("windows", i, "services", k),
                    )

        numbers = {w.number for w in self.windows}
        post_of: dict[int, int] = {}
        a_of: dict[str, int] = {}
        for i, post in enumerate(self.posts):
            if post.window not in numbers:
                raise _rule(
                    f"AB 岗设置里的 {post.window} 号窗口不存在（[[windows]] 里没有这个窗口号）。",
                    f"the AB posts name window {post.window}, which does not exist in [[windows]].",
                    _sub("posts", i, "window"),
                )
            if post.window in post_of:
                raise _rule(
                    f"{post.window} 号窗口的 AB 岗已经在 posts[{post_of[post.window] + 1}] "
                    f"设置过，每个窗口只能设置一次。",
                    f"the AB posts of window {post.window} are already set in "
                    f"posts[{post_of[post.window] + 1}]; each window is set once.",
                    _sub("posts", i, "window"),
                )
            post_of[post.window] = i
            for key, code in (("a", post.a), ("b", post.b)):
                if code not in clerks:
                    raise _rule(
                        f"{post.window} 号窗口的 {key.upper()} 岗工作人员 '{code}' 不在 "
                        f"[[clerks]] 名单里{_hint_zh(code, clerks)}。",
                        f"the {key.upper()} post of window {post.window} names the clerk "
                        f"'{code}', who is not in [[clerks]]{_hint_en(code, clerks)}.",
                        _sub("posts", i, key),
                    )
            if post.a in a_of:
                name = self.clerks[clerks[post.a]].name
                raise _rule(
                    f"工作人员 '{post.a}'（{name}）已经是 {a_of[post.a]} 号窗口的 A 岗，"
                    f"一个人不能同时担任两个窗口的 A 岗。",
                    f"the clerk '{post.a}' ({name}) already holds the A post of window "
                    f"{a_of[post.a]}; nobody can be A of two windows.",
                    _sub("posts", i, "a"),
                )
            a_of[post.a] = post.window
        return self


_K = TypeVar("_K", str, int)


def _unique(section: str, key: str, values: list[_K], zh: str, en: str) -> dict[_K, int]:
    seen: dict[_K, int] = {}
    for i, value in enumerate(values):
        if value in seen:
            first = _sub(section, seen[value])
            shown = f"'{value}'" if isinstance(value, str) else str(value)
            raise _rule(
                f"{zh} {shown} 重复了，{first} 已经用过。",
                f"the {en} {shown} is used twice; {first} already has it.",
                _sub(section, i, key),
            )
        seen[value] = i
    return seen


def _hint_zh(word: str, choices: dict[str, int]) -> str:
    best = _suggest(word, list(choices))
    return f"（是不是想写 '{best}'？）" if best else ""


def _hint_en(word: str, choices: dict[str, int]) -> str:
    best = _suggest(word, list(choices))
    return f" (did you mean '{best}'?)" if best else ""


# ---------------------------------------------------------------------------------------
# Loading


def load_hall_config(path: str | os.PathLike[str]) -> HallConfig:
    """Read and check the hall configuration file at ``path``.

    Raises :class:`ConfigError` for everything that can go wrong, including a missing or
    unreadable file and a file that is not UTF-8 (a UTF-8 byte-order mark is accepted).
    """
    shown = os.fspath(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise ConfigError(
            shown,
            "",
            "找不到这个文件，请检查路径是否正确。",
            "the file does not exist; check the path.",
        ) from None
    except IsADirectoryError:
        raise ConfigError(
            shown,
            "",
            "这是一个文件夹，不是配置文件。",
            "this is a folder, not a configuration file.",
        ) from None
    except PermissionError:
        raise ConfigError(
            shown,
            "",
            "没有读取这个文件的权限。",
            "there is no permission to read this file.",
        ) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ConfigError(
            shown,
            "",
            f"无法读取这个文件（{reason}）。",
            f"the file cannot be read ({reason}).",
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(
            shown,
            f"line {line}",
            "文件不是 UTF-8 编码（可能被另存为了 GBK/ANSI）；请用 UTF-8 编码重新保存。",
            "the file is not UTF-8 encoded (perhaps saved as GBK/ANSI); save it again as UTF-8.",
        ) from None
    return parse_hall_config(text, source=shown)


def parse_hall_config(text: str, source: str = "<string>") -> HallConfig:
    """Check the TOML ``text`` of a hall configuration; ``source`` names it in errors."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(exc, text, source) from None
    try:
        return HallConfig.model_validate(data)
    except ValidationError as exc:
        problems = [_translate(e, source) for e in _misspellings_first(exc.errors())]
        first = problems[0]
        raise ConfigError(
            first.path, first.where, first.zh, first.en, tuple(problems[1:])
        ) from None


# ---------------------------------------------------------------------------------------
# TOML syntax errors

_TOML_MESSAGES: tuple[tuple[str, str, str], ...] = (
    ("Invalid statement", "这一行不是合法的 TOML 语句", "this line is not a valid TOML statement"),
    ("Expected '=' after a key", "键的后面缺少等号“=”", "a key must be followed by '='"),
    (
        "Invalid value",
        "等号后面的值写法不对（文本要用英文双引号括起来）",
        "the value after '=' is not valid (text must be in double quotes)",
    ),
    ("Cannot overwrite a value", "同一个键写了两次", "the same key is given twice"),
    ("Cannot declare", "同一个段（[...]）写了两次", "the same [section] is declared twice"),
    (
        "Cannot mutate immutable namespace",
        "不能往已经写完的表里再添加键",
        "keys cannot be added to a table that is already complete",
    ),
    (
        "Cannot redefine namespace",
        "这个段名和前面的键冲突了",
        "this section name clashes with an earlier key",
    ),
    (
        "Unclosed array",
        "列表缺少右方括号“]”或者元素之间缺少逗号",
        "a list is missing its closing ']' or a comma between items",
    ),
    ("Unclosed inline table", "内联表缺少右花括号“}”", "an inline table is missing its '}'"),
    (
        "Duplicate inline table key",
        "内联表里同一个键写了两次",
        "an inline table has the same key twice",
    ),
    ("Unterminated string", "文本缺少结尾的引号", "a text value is missing its closing quote"),
    (
        "Illegal character '\\n'",
        "文本缺少结尾的引号（文本必须在同一行内用引号结束）",
        "a text value is missing its closing quote (text must end on the same line)",
    ),
    (
        "Expected newline or end of document",
        '值的后面还有多余的内容（时间要写成带引号的 "09:00"；一行只写一个键）',
        'there is more after the value (write times in quotes, like "09:00"; one key per line)',
    ),
    (
        "Illegal character",
        "文本里有不允许的字符（比如换行或制表符）",
        "a text value contains a character that is not allowed (such as a line break)",
    ),
    (
        "Unescaped '\\'",
        "文本里的反斜杠“\\”要写成“\\\\”",
        "a backslash in text must be written as '\\\\'",
    ),
    ("Invalid hex value", "文本里的 \\u 转义写法不对", "a \\u escape in text is not valid"),
    ("Escaped character", "文本里的 \\u 转义写法不对", "a \\u escape in text is not valid"),
    (
        "Invalid date or datetime",
        '日期写法不对，请写成带引号的 "YYYY-MM-DD"',
        'a date is not valid; write it as a quoted "YYYY-MM-DD"',
    ),
    (
        "Expected ']' at the end of a table",
        "段名缺少右方括号“]”",
        "a [section] name is missing its closing ']'",
    ),
    (
        "Expected ']]' at the end of an array",
        "段名缺少右方括号“]]”",
        "a [[section]] name is missing its closing ']]'",
    ),
    (
        "Invalid initial character for a key",
        "键名的写法不对（键名只用英文字母、数字、下划线）",
        "a key name is not valid (use English letters, digits and '_')",
    ),
    ("Found invalid character", "这里有多余的字符", "there is an unexpected character here"),
    ("Expected", "这里缺少必要的符号", "a required character is missing here"),
)

_FULL_WIDTH = "“”‘’＝，［］：｛｝＃"


def _toml_error(exc: tomllib.TOMLDecodeError, text: str, source: str) -> ConfigError:
    msg = str(exc)
    where = re.search(r"\(at line (\d+), column (\d+)\)", msg)
    lines = text.splitlines()
    if where:
        line, column = int(where.group(1)), int(where.group(2))
    else:  # "(at end of document)"
        line, column = max(len(lines), 1), 0
    zh, en = "这里不符合 TOML 格式", "the file is not valid TOML here"
    for start, z, e in _TOML_MESSAGES:
        if msg.startswith(start):
            zh, en = z, e
            break
    hint_zh = f"（第 {column} 列）" if column else ""
    hint_en = f" (column {column})" if column else ""
    if 0 < line <= len(lines):
        outside = re.sub(r'"[^"]*"|\'[^\']*\'', "", lines[line - 1]).split("#")[0]
        found = next((c for c in outside if c in _FULL_WIDTH), None)
        if found:
            hint_zh += (
                f"（这一行有全角符号 {found}，TOML 的引号、等号、括号和逗号都要用半角的英文符号）"
            )
            hint_en += (
                f" (the line has the full-width character {found}; TOML quotes, '=', "
                f"brackets and commas must be plain ASCII)"
            )
    return ConfigError(source, f"line {line}", f"{zh}{hint_zh}。", f"{en}{hint_en}.")


# ---------------------------------------------------------------------------------------
# Pydantic errors -> plain sentences


def _strip(tp: Any) -> Any:
    """Peel ``Annotated[...]`` and ``X | None`` off a type annotation."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, UnionType):
            rest = [a for a in get_args(tp) if a is not NoneType]
            if len(rest) != 1:
                return tp
            tp = rest[0]
        else:
            return tp


def _type_at(loc: Sequence[str | int]) -> Any:
    """The (stripped) annotation at ``loc`` inside :class:`HallConfig`, or None."""
    tp: Any = HallConfig
    for part in loc:
        tp = _strip(tp)
        if isinstance(part, str):
            if not (isinstance(tp, type) and issubclass(tp, BaseModel)):
                return None
            field = tp.model_fields.get(part)
            if field is None:
                return None
            tp = field.annotation
        else:
            if get_origin(tp) is not tuple:
                return None
            args = get_args(tp)
            if len(args) == 2 and args[1] is Ellipsis:
                tp = args[0]
            elif part < len(args):
                tp = args[part]
            else:
                return None
    return _strip(tp)


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _is_table_list(tp: Any) -> bool:
    if get_origin(tp) is not tuple:
        return False
    args = get_args(tp)
    return len(args) == 2 and args[1] is Ellipsis and _is_model(_strip(args[0]))


def _toml_name(loc: Sequence[str | int]) -> str:
    """``("calendar", "weekend")`` -> ``"calendar.weekend"`` as written in a header."""
    return ".".join(p for p in loc if isinstance(p, str))


def _misspellings_first(errors: list[Any]) -> list[Any]:
    """Order errors as pydantic found them, except that an unknown key comes before a
    missing key of the same table: ``opne = …`` is reported as a misspelling of ``open``,
    not as a missing ``open``."""
    first_of_parent: dict[tuple[Any, ...], int] = {}
    for i, error in enumerate(errors):
        first_of_parent.setdefault(tuple(error["loc"][:-1]), i)

    def rank(item: tuple[int, Any]) -> tuple[int, int, int]:
        i, error = item
        parent = first_of_parent[tuple(error["loc"][:-1])]
        return (parent, 0 if error["type"] == "extra_forbidden" else 1, i)

    return [error for _, error in sorted(enumerate(errors), key=rank)]


def _translate(error: Any, source: str) -> ConfigError:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    got_zh, got_en = _shown(value)
    where = _path(loc)

    if kind == _RULE:
        sub = str(ctx.get("sub", ""))
        if sub:
            where = f"{where}{sub}" if sub.startswith("[") or not where else f"{where}.{sub}"
        return ConfigError(source, where, str(ctx["zh"]), str(ctx["en"]))

    if kind == "missing":
        key = loc[-1]
        tp = _type_at(loc)
        if _is_model(tp):
            name = _toml_name(loc)
            return ConfigError(
                source, where, f"缺少 [{name}] 这一段。", f"the [{name}] section is missing."
            )
        if _is_table_list(tp):
            name = _toml_name(loc)
            return ConfigError(
                source,
                where,
                f"缺少 [[{name}]]，至少要写一项。",
                f"[[{name}]] is missing; at least one entry is needed.",
            )
        return ConfigError(
            source, where, f"缺少必填项 {key}。", f"the required key '{key}' is missing."
        )

    if kind == "extra_forbidden":
        key = str(loc[-1])
        parent = _type_at(loc[:-1])
        allowed = list(parent.model_fields) if _is_model(parent) else []
        best = _suggest(key, allowed)
        if best:
            return ConfigError(
                source,
                where,
                f"不认识的键 '{key}'，是不是想写 '{best}'？",
                f"unknown key '{key}'; did you mean '{best}'?",
            )
        return ConfigError(
            source,
            where,
            f"不认识的键 '{key}'；这里可以写的键有：{'、'.join(allowed)}。",
            f"unknown key '{key}'; the keys allowed here are: {', '.join(allowed)}.",
        )

    if kind == "string_type":
        return ConfigError(
            source,
            where,
            f"这里应当是用英文双引号括起来的文本，现在是{got_zh}。",
            f"this must be text in double quotes, got {got_en}.",
        )

    if kind in ("int_type", "int_parsing", "int_from_float"):
        return ConfigError(
            source,
            where,
            f"这里应当是一个整数（不加引号），现在是{got_zh}。",
            f"this must be a whole number (without quotes), got {got_en}.",
        )

    if kind in ("bool_type", "bool_parsing"):
        extra_zh = extra_en = ""
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            extra_zh, extra_en = "（去掉引号）", " (remove the quotes)"
        return ConfigError(
            source,
            where,
            f"这里应当是 true 或 false{extra_zh}，现在是{got_zh}。",
            f"this must be true or false{extra_en}, got {got_en}.",
        )

    if kind in ("tuple_type", "list_type"):
        tp = _type_at(loc)
        if _is_table_list(tp) and isinstance(value, dict):
            name = _toml_name(loc)
            return ConfigError(
                source,
                where,
                f"[[{name}]] 要用两层方括号，每一项写一个 [[{name}]]，现在写成了 [{name}]。",
                f"[[{name}]] takes double brackets, one [[{name}]] per entry; it is written "
                f"as [{name}].",
            )
        return ConfigError(
            source,
            where,
            f'这里应当是一个列表，例如 ["甲", "乙"]，现在是{got_zh}。',
            f'this must be a list, e.g. ["a", "b"], got {got_en}.',
        )

    if kind in ("model_type", "model_attributes_type", "dict_type"):
        name = _toml_name(loc)
        return ConfigError(
            source,
            where,
            f"这里应当是一个表（[{name}] 段），现在是{got_zh}。",
            f"this must be a table (a [{name}] section), got {got_en}.",
        )

    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return ConfigError(
            source,
            where,
            f"只能是以下之一：{'、'.join(repr(a) for a in allowed)}，现在是{got_zh}。",
            f"must be one of {', '.join(repr(a) for a in allowed)}, got {got_en}.",
        )

    if kind == "too_short":
        tp = _type_at(loc)
        need = ctx.get("min_length", 1)
        if _is_table_list(tp):
            name = _toml_name(loc)
            return ConfigError(
                source,
                where,
                f"[[{name}]] 至少要写 {need} 项。",
                f"[[{name}]] needs at least {need} entry.",
            )
        return ConfigError(
            source,
            where,
            f"这个列表至少要有 {need} 项。",
            f"this list needs at least {need} item(s).",
        )

    if kind == "too_long":
        most = ctx.get("max_length")
        return ConfigError(
            source,
            where,
            f"这个列表最多只能有 {most} 项。",
            f"this list can have at most {most} item(s).",
        )

    bounds = {
        "greater_than_equal": ("ge", "不能小于", "must be at least"),
        "greater_than": ("gt", "必须大于", "must be greater than"),
        "less_than_equal": ("le", "不能大于", "must be at most"),
        "less_than": ("lt", "必须小于", "must be less than"),
    }
    if kind in bounds:
        key, zh, en = bounds[kind]
        return ConfigError(
            source,
            where,
            f"{zh} {ctx.get(key)}，现在是{got_zh}。",
            f"{en} {ctx.get(key)}, got {got_en}.",
        )

    if kind in ("time_type", "time_parsing", "date_type", "date_parsing"):
        what_zh = '时间 "HH:MM"' if kind.startswith("time") else '日期 "YYYY-MM-DD"'
        what_en = 'a time "HH:MM"' if kind.startswith("time") else 'a date "YYYY-MM-DD"'
        return ConfigError(
            source,
            where,
            f"这里应当是{what_zh}，现在是{got_zh}。",
            f"this must be {what_en}, got {got_en}.",
        )

    return ConfigError(
        source,
        where,
        f"这个值不符合要求，现在是{got_zh}。",
        f"this value is not valid, got {got_en}.",
    )
