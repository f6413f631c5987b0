"""大厅配置：从一个人可以直接编辑的 TOML 文件读出、经过校验的类型化配置。

The hall's configuration lives in one TOML file that the hall's IT person edits by hand
(``assets/demo-hall.toml`` is a complete example).  :func:`load_hall_config` reads it,
checks every value and every cross-reference, and returns a frozen :class:`HallConfig`.

Anything wrong in the file becomes a :class:`ConfigError` that names the file, *where* the
problem is (a TOML line, or a key path such as ``windows[4].services[2]``) and *what* is
wrong: a code of the message table (``config.*`` in :mod:`shared.base.messages.config`) and
its parameters, said as one plain sentence in Chinese or in English.  Pydantic's own wording
and tracebacks never reach the user.

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
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from types import NoneType, UnionType
from typing import (
    Annotated,
    Any,
    Literal,
    NamedTuple,
    Self,
    TypeVar,
    Union,
    get_args,
    get_origin,
)
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

from shared.base.messages import named, render

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
    "KioskService",
    "KioskZone",
    "Listing",
    "Phrase",
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


# ---------------------------------------------------------------------------------------
# The error


class Phrase(NamedTuple):
    """A part of a sentence that is itself a sentence of the table (the value found, a
    "did you mean" hint, …), said in the language of the sentence around it."""

    code: str
    params: Mapping[str, Any]


class Listing(NamedTuple):
    """Items named in a sentence, with the language's separator between them (``、`` or
    ``, ``)."""

    items: tuple[str, ...]


def _phrase(code: str, /, **params: Any) -> Phrase:
    return Phrase(code, params)


def _said(value: Any, lang: str) -> Any:
    """A parameter as it reads in ``lang``: phrases and listings in words, the rest as is."""
    if isinstance(value, Phrase):
        return render(value.code, lang, **{k: _said(v, lang) for k, v in value.params.items()})
    if isinstance(value, Listing):
        return render("list.separator", lang).join(value.items)
    return value


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
        code: what is wrong, a ``config.*`` code of the message table.
        params: the code's parameters; a `Phrase` or a `Listing` among them is said in the
            language of the sentence.
        others: further problems found in the same pass (pydantic reports all field errors
            at once); ``()`` for most errors.  The error itself is always the first one.

    ``err.text(lang)`` is what is wrong, one sentence (``err.zh`` and ``err.en`` for short);
    ``str(err)`` is ``err.message("zh")``.
    """

    path: str
    where: str
    code: str
    params: Mapping[str, Any]
    others: tuple[ConfigError, ...]

    def __init__(
        self,
        path: str,
        where: str,
        code: str,
        params: Mapping[str, Any] | None = None,
        others: tuple[ConfigError, ...] = (),
    ) -> None:
        super().__init__(path, where, code)
        self.path = path
        self.where = where
        self.code = code
        self.params = dict(params or {})
        self.others = others

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.where, self.code, self.params, self.others))

    def text(self, lang: str = "zh") -> str:
        """What is wrong, one sentence in ``lang`` (without the file and the place)."""
        return str(_said(Phrase(self.code, self.params), _lang(lang)))

    @property
    def zh(self) -> str:
        return self.text("zh")

    @property
    def en(self) -> str:
        return self.text("en")

    def message(self, lang: str = "zh") -> str:
        """The whole message in ``lang`` ("zh" or "en"; anything starting with "en" is English).

        e.g. ``配置文件 assets/x.toml，services[3].prefix：票号前缀必须是一个大写字母（A–Z），
        现在是 'AA'。`` (one line).
        """
        lang = _lang(lang)
        problem = self.text(lang)
        if not self.where:
            return render("config.in_file", lang, path=self.path, problem=problem)
        line = re.fullmatch(r"line (\d+)", self.where)
        where = render("config.at_line", lang, line=line.group(1)) if line else self.where
        return render("config.in_file_at", lang, path=self.path, where=where, problem=problem)

    def __str__(self) -> str:
        return self.message("zh")

    def __repr__(self) -> str:
        return f"ConfigError(path={self.path!r}, where={self.where!r}, code={self.code!r})"


def _lang(lang: str) -> str:
    return "en" if lang.lower().startswith("en") else "zh"


# ---------------------------------------------------------------------------------------
# Value types with their own plain-language errors

_RULE = "hall_config_rule"


def _rule(code: str, sub: str = "", /, **params: Any) -> PydanticCustomError:
    """An error raised inside a validator: a ``config.*`` code and its parameters; ``sub``
    extends the key path of the model.  They travel in the error's context; its message
    template is the bare code, so that pydantic, which fills ``{name}`` blanks from the
    context itself, never sees the table's sentences (``{{number}}`` is not its escape)."""
    return PydanticCustomError(_RULE, "{code}", {"code": code, "params": params, "sub": sub})


def _shown(value: object) -> Phrase:
    """How a raw TOML value is quoted in a sentence, after "现在是" / "got"."""
    if isinstance(value, bool):
        return _phrase("config.value.flag", word="true" if value else "false")
    if isinstance(value, int | float):
        return _phrase("config.value.number", value=value)
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:40] + "…"
        return _phrase("config.value.text", text=text)
    if isinstance(value, datetime):
        return _phrase("config.value.datetime", value=value.isoformat())
    if isinstance(value, date):
        return _phrase("config.value.date", value=value.isoformat())
    if isinstance(value, time):
        return _phrase("config.value.time", value=value.isoformat())
    if isinstance(value, list | tuple):
        return _phrase("config.value.list")
    if isinstance(value, dict):
        return _phrase("config.value.table")
    return _phrase("config.value.other")


def _hhmm(t: time) -> str:
    return t.strftime("%H:%M")


def _time_text(t: time) -> str:
    return t.strftime("%H:%M:%S" if t.second else "%H:%M")


_TIME_RE = re.compile(r"\s*(\d{1,2})\s*[:：]\s*(\d{2})(?::(\d{2}))?\s*")


def _to_time(value: object) -> time:
    if isinstance(value, time):
        if value.tzinfo is not None:
            raise _rule("config.time.zone")
        return value
    if isinstance(value, str):
        m = _TIME_RE.fullmatch(value)
        if m:
            hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
            if hour < 24 and minute < 60 and second < 60:
                return time(hour, minute, second)
    raise _rule("config.time.format", got=_shown(value))


def _to_date(value: object) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _rule("config.date.format", got=_shown(value))


def _to_pair(value: object) -> object:
    if isinstance(value, list | tuple) and len(value) == 2:
        return tuple(value)
    got = _shown(value)
    if isinstance(value, list | tuple):
        n = len(value)
        got = _phrase("config.value.list_of_one" if n == 1 else "config.value.list_of", count=n)
    raise _rule("config.range.format", got=got)


def _ordered_pair(pair: tuple[time, time]) -> tuple[time, time]:
    start, end = pair
    if start >= end:
        raise _rule("config.range.order", start=_hhmm(start), end=_hhmm(end))
    return pair


_CODE_RE = re.compile(r"[A-Za-z0-9_-]{1,32}")


def _check_code(value: str) -> str:
    if not _CODE_RE.fullmatch(value):
        raise _rule("config.code.format", value=value)
    return value


def _check_text(value: str) -> str:
    if not value.strip():
        raise _rule("config.text.empty")
    return value


def _check_prefix(value: str) -> str:
    if not re.fullmatch(r"[A-Z]", value):
        raise _rule("config.prefix.format", value=value)
    return value


def _check_password(value: str) -> str:
    if len(value) < 6:
        raise _rule("config.password.short", count=len(value))
    return value


def _check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise _rule("config.timezone.unknown", value=value) from None
    return value


def _check_month_day(value: str) -> str:
    ok = re.fullmatch(r"(\d{2})-(\d{2})", value)
    if ok:
        try:
            date(2000, int(ok.group(1)), int(ok.group(2)))  # 2000 is a leap year: 02-29 is fine
        except ValueError:
            ok = None
    if not ok:
        raise _rule("config.month_day.format", value=value)
    return value


def _int_range(low: int, high: int | None) -> Callable[[int], int]:
    def check(value: int) -> int:
        if value < low or (high is not None and value > high):
            if high is None:
                raise _rule("config.number.at_least", low=low, value=value)
            raise _rule("config.number.between", low=low, high=high, value=value)
        return value

    return check


def _check_call_template(value: str) -> str:
    """A call's template names {number} and {window}, each once, and nothing else."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(value) if f is not None]
    except ValueError:
        fields = None
    if fields is None or sorted(fields) != ["number", "window"]:
        raise _rule("config.voice.template", value=value)
    return value


def _check_url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s/]+(/\S*)?", value):
        raise _rule("config.url.format", value=value)
    return value


def _one_of(*allowed: int) -> Callable[[int], int]:
    def check(value: int) -> int:
        if value not in allowed:
            listed = Listing(tuple(str(a) for a in allowed))
            raise _rule("config.number.one_of", allowed=listed, value=value)
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
SlotCap = Annotated[int, Strict(), AfterValidator(_int_range(0, 9999))]
AlarmMinutes = Annotated[int, Strict(), AfterValidator(_int_range(1, 240))]
ServiceFactor = Annotated[int, Strict(), AfterValidator(_int_range(2, 10))]
WarnDays = Annotated[int, Strict(), AfterValidator(_int_range(0, 10))]


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
    name_en: Text | None = None
    """The hall's name in English (the kiosk in English); the Chinese one when missing."""


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


class KioskZone(_Model):
    """What the kiosk shows of a zone beyond its Chinese name."""

    name_en: Text | None = None


class KioskService(_Model):
    """What the kiosk shows of a service beyond its Chinese name."""

    name_en: Text | None = None
    online_url: ReviewUrl | None = None
    booking_url: ReviewUrl | None = None


class KioskConfig(_Model):
    """[kiosk]: the ticket kiosk and its slip; every key has a default.

    It also carries, for the kiosk, the English names of the hall, its zones and its
    services and where a service can be booked or done online: these are written with
    the hall, each zone and each service (``name_en``, ``booking_url``, ``online_url``)
    and copied here when the file is read, so that they are kept in the database with
    the kiosk's settings.
    """

    review_url: ReviewUrl = "https://yimen.example.gov.cn/r/"
    """The start of the review address printed as the slip's QR code; the ticket's signed
    review code is appended (码上监督). Point it at the hall's own `yimen serve`."""
    slip_width_mm: SlipWidth = 80
    """The receipt paper's width: 80 or 58 mm."""
    slip_notice: Text = "请留意叫号，过号需重新取号"
    """The line at the foot of the slip and of the ticket screen."""
    idle_seconds: IdleSeconds = 30
    """After this many seconds without a touch the kiosk returns to its home screen."""
    hall_name_en: Text | None = None
    """Filled from ``[hall] name_en`` (write it there)."""
    zones: dict[Code, KioskZone] = Field(default_factory=dict)
    """Filled from the ``[[zones]]`` (write it there): what the kiosk shows of each zone
    beyond its Chinese name."""
    services: dict[Code, KioskService] = Field(default_factory=dict)
    """Filled from the ``[[services]]`` (write it there): what the kiosk shows of each
    service beyond its Chinese name."""

    def hall_name(self, name: str, lang: str) -> str:
        """The hall's name in ``lang``: the English one when there is one."""
        return named(name, self.hall_name_en, lang)

    def zone_name(self, code: str, name: str, lang: str) -> str:
        zone = self.zones.get(code)
        return named(name, zone.name_en if zone is not None else None, lang)

    def service_name(self, code: str, name: str, lang: str) -> str:
        service = self.services.get(code)
        return named(name, service.name_en if service is not None else None, lang)

    def service(self, code: str) -> KioskService:
        return self.services.get(code) or KioskService()


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
    paused_windows: Flag = True
    """The scrolling line also names a paused window and the open windows that serve the
    same services, in open hours: 3号窗口暂停服务，请到5号窗口办理。"""
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


class AlarmsConfig(_Model):
    """[alarms]: what raises an alarm on the supervisor's station; every key has a default.
    The empty post's threshold is [staffing] ``empty_post_minutes``."""

    wait_minutes: AlarmMinutes = 30
    """A ticket waiting longer than this many minutes (1–240) raises its service's alarm."""
    service_wait_minutes: dict[Code, AlarmMinutes] = Field(default_factory=dict)
    """The same, per service where it differs: ``{ qy-sl = 45 }``."""
    long_service_factor: ServiceFactor = 3
    """A window holding one ticket longer than this many times (2–10) its service's
    handling time raises an alarm."""
    both_away_minutes: AlarmMinutes = 5
    """A post's A away and nobody at the window in open hours for this many minutes:
    A and B both away."""
    help_minutes: AlarmMinutes = 3
    """A help request at a kiosk nobody has answered for this many minutes."""
    case_warn_days: WarnDays = 2
    """A bad review's case this many days (0–10) before its deadline; past it, another."""
    sound: Flag = True
    """The supervisor's station sounds a chime when an alarm is raised."""

    def wait_for(self, service_code: str) -> int:
        return self.service_wait_minutes.get(service_code, self.wait_minutes)


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
            raise _rule("config.summer.across_new_year", "end", start=self.start, end=self.end)
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
                "config.weekend.close_before_open",
                "close",
                weekday=self.day,
                close=_hhmm(self.close),
                open=_hhmm(self.open),
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
        self._check_hours(self.open, self.close, self.noon_break, False, "close", "noon_break")
        summer = self.summer
        if summer is not None:
            s_open = summer.open or self.open
            s_close = summer.close or self.close
            s_noon = summer.noon_break or self.noon_break
            self._check_hours(
                s_open,
                s_close,
                s_noon,
                True,
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
        summer: bool,
        close_key: str,
        noon_key: str,
    ) -> None:
        if open_ >= close:
            raise _rule(
                "config.hours.summer_close_before_open"
                if summer
                else "config.hours.close_before_open",
                close_key,
                close=_hhmm(close),
                open=_hhmm(open_),
            )
        if noon is not None and not (open_ < noon[0] and noon[1] < close):
            raise _rule(
                "config.hours.summer_noon_outside" if summer else "config.hours.noon_outside",
                noon_key,
                start=_hhmm(noon[0]),
                end=_hhmm(noon[1]),
                open=_hhmm(open_),
                close=_hhmm(close),
            )

    def _check_tickets(self) -> None:
        closes = [(False, self.close, "close")]
        opens = [self.open]
        if self.summer is not None:
            if self.summer.close is not None:
                closes.append((True, self.summer.close, "summer.close"))
            if self.summer.open is not None:
                opens.append(self.summer.open)
        start, until = self.tickets_from, self.tickets_until
        if start is not None:
            for summer, close, _ in closes:
                if start >= close:
                    raise _rule(
                        "config.tickets.from_after_summer_close"
                        if summer
                        else "config.tickets.from_after_close",
                        "tickets_from",
                        start=_hhmm(start),
                        close=_hhmm(close),
                    )
        if until is not None:
            for summer, close, where in closes:
                if until > close:
                    raise _rule(
                        "config.tickets.until_after_summer_close"
                        if summer
                        else "config.tickets.until_after_close",
                        "tickets_until" if where == "close" else where,
                        until=_hhmm(until),
                        close=_hhmm(close),
                    )
            for open_ in opens:
                if until <= open_:
                    raise _rule(
                        "config.tickets.until_before_open",
                        "tickets_until",
                        until=_hhmm(until),
                        open=_hhmm(open_),
                    )
            if start is not None and start >= until:
                raise _rule(
                    "config.tickets.from_after_until",
                    "tickets_from",
                    start=_hhmm(start),
                    until=_hhmm(until),
                )

    def _check_weekend(self) -> None:
        seen: dict[str, int] = {}
        for i, extra in enumerate(self.weekend):
            if extra.day in self.workdays:
                raise _rule(
                    "config.weekend.on_workday", _sub("weekend", i, "day"), weekday=extra.day
                )
            if extra.day in seen:
                raise _rule(
                    "config.weekend.twice",
                    _sub("weekend", i, "day"),
                    weekday=extra.day,
                    first=seen[extra.day] + 1,
                )
            seen[extra.day] = i

    def _check_dates(self) -> None:
        holidays = set(self.holidays)
        for i, day in enumerate(self.workday_swaps):
            if day in holidays:
                raise _rule("config.swaps.holiday", _sub("workday_swaps", i), day=day.isoformat())
            weekday = WEEKDAYS[day.weekday()]
            if weekday in self.workdays:
                raise _rule(
                    "config.swaps.workday",
                    _sub("workday_swaps", i),
                    day=day.isoformat(),
                    weekday=weekday,
                )


class ZoneConfig(_Model):
    """[[zones]]: a functional zone (功能区) of the hall."""

    code: Code
    name: Text
    name_en: Text | None = None
    """The zone's name in English (the kiosk in English); the Chinese one when missing."""


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
    name_en: Text | None = None
    """The service's name in English (the kiosk in English); the Chinese one when missing."""
    booking_url: ReviewUrl | None = None
    """Where the service can be booked for another day (预约); the kiosk shows it as a QR
    code when today's tickets are gone or not issued now."""
    online_url: ReviewUrl | None = None
    """Where the service can be done online (网上办); shown like ``booking_url``."""
    slot_caps: tuple[SlotCap, ...] = ()
    """The most tickets issued within each of ``time_slots`` (分时段放号), one number per
    slot in the same order, 0 = no quota; empty = no quota in any slot."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.slot_caps and len(self.slot_caps) != len(self.time_slots):
            raise _rule(
                "config.slots.caps_count",
                "slot_caps",
                name=self.name,
                slots=len(self.time_slots),
                caps=len(self.slot_caps),
            )
        for i in range(1, len(self.time_slots)):
            before, slot = self.time_slots[i - 1], self.time_slots[i]
            if slot[0] < before[1]:
                overlap = slot[1] > before[0]
                raise _rule(
                    "config.slots.overlap" if overlap else "config.slots.order",
                    _sub("time_slots", i),
                    name=self.name,
                    start=_hhmm(slot[0]),
                    end=_hhmm(slot[1]),
                    before_start=_hhmm(before[0]),
                    before_end=_hhmm(before[1]),
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
            scope = (
                _phrase("config.scope.zone", zone=self.zone)
                if self.zone
                else _phrase("config.scope.hall")
            )
            raise _rule(
                "config.window.comprehensive_with_services",
                "services",
                number=self.number,
                scope=scope,
            )
        if not self.comprehensive and not self.services and "help_desk" not in self.kinds:
            raise _rule("config.window.no_services", "services", number=self.number)
        seen: set[str] = set()
        for i, code in enumerate(self.services):
            if code in seen:
                raise _rule(
                    "config.window.service_twice",
                    _sub("services", i),
                    number=self.number,
                    code=code,
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
            raise _rule("config.posts.same_clerk", "b", window=self.window, clerk=self.a)
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
    alarms: AlarmsConfig = Field(default_factory=AlarmsConfig)
    calendar: CalendarConfig
    zones: Annotated[tuple[ZoneConfig, ...], Field(min_length=1)]
    services: Annotated[tuple[ServiceConfig, ...], Field(min_length=1)]
    windows: Annotated[tuple[WindowConfig, ...], Field(min_length=1)]
    clerks: Annotated[tuple[ClerkConfig, ...], Field(min_length=1)]
    posts: tuple[PostConfig, ...] = ()

    @model_validator(mode="after")
    def _cross_check(self) -> Self:
        zones = _unique("zones", "code", [z.code for z in self.zones], "config.what.zone_code")
        services = _unique(
            "services", "code", [s.code for s in self.services], "config.what.service_code"
        )
        _unique("windows", "number", [w.number for w in self.windows], "config.what.window_number")
        clerks = _unique("clerks", "code", [c.code for c in self.clerks], "config.what.clerk_code")
        zone_list = Listing(tuple(z.code for z in self.zones))

        for i, service in enumerate(self.services):
            if service.zone not in zones:
                raise _rule(
                    "config.service.unknown_zone",
                    _sub("services", i, "zone"),
                    name=service.name,
                    zone=service.zone,
                    hint=_hint(service.zone, zones),
                    zones=zone_list,
                )

        for i, window in enumerate(self.windows):
            if window.zone is not None and window.zone not in zones:
                raise _rule(
                    "config.window.unknown_zone",
                    _sub("windows", i, "zone"),
                    number=window.number,
                    zone=window.zone,
                    hint=_hint(window.zone, zones),
                    zones=zone_list,
                )
            for k, code in enumerate(window.services):
                if code not in services:
                    raise _rule(
                        "config.window.unknown_service",
                        _sub("windows", i, "services", k),
                        number=window.number,
                        code=code,
                        hint=_hint(code, services),
                    )
                service = self.services[services[code]]
                if window.zone is not None and service.zone != window.zone:
                    raise _rule(
                        "config.window.service_of_other_zone",
                        _sub("windows", i, "services", k),
                        number=window.number,
                        zone=window.zone,
                        name=service.name,
                        code=code,
                        service_zone=service.zone,
                    )

        numbers = {w.number for w in self.windows}
        post_of: dict[int, int] = {}
        a_of: dict[str, int] = {}
        for i, post in enumerate(self.posts):
            if post.window not in numbers:
                raise _rule(
                    "config.posts.unknown_window", _sub("posts", i, "window"), window=post.window
                )
            if post.window in post_of:
                raise _rule(
                    "config.posts.window_twice",
                    _sub("posts", i, "window"),
                    window=post.window,
                    first=post_of[post.window] + 1,
                )
            post_of[post.window] = i
            for key, code in (("a", post.a), ("b", post.b)):
                if code not in clerks:
                    raise _rule(
                        "config.posts.unknown_clerk",
                        _sub("posts", i, key),
                        window=post.window,
                        post=key.upper(),
                        clerk=code,
                        hint=_hint(code, clerks),
                    )
            if post.a in a_of:
                raise _rule(
                    "config.posts.a_twice",
                    _sub("posts", i, "a"),
                    clerk=post.a,
                    name=self.clerks[clerks[post.a]].name,
                    window=a_of[post.a],
                )
            a_of[post.a] = post.window
        for code in self.alarms.service_wait_minutes:
            if code not in services:
                raise _rule(
                    "config.alarms.unknown_service",
                    _sub("alarms", "service_wait_minutes", code),
                    code=code,
                    hint=_hint(code, services),
                )
        return self._for_the_kiosk()

    def _for_the_kiosk(self) -> Self:
        """The English names and the other ways to a service, written with the hall, its
        zones and its services, copied into ``kiosk`` (kept in the database with it)."""
        zones = dict(self.kiosk.zones)
        for z in self.zones:
            if z.name_en is not None:
                zones[z.code] = KioskZone(name_en=z.name_en)
        services = dict(self.kiosk.services)
        for sv in self.services:
            if (sv.name_en, sv.booking_url, sv.online_url) != (None, None, None):
                services[sv.code] = KioskService(
                    name_en=sv.name_en, booking_url=sv.booking_url, online_url=sv.online_url
                )
        kiosk = self.kiosk.model_copy(
            update={
                "hall_name_en": self.hall.name_en or self.kiosk.hall_name_en,
                "zones": zones,
                "services": services,
            }
        )
        object.__setattr__(self, "kiosk", kiosk)  # the model is frozen once checked
        return self


_K = TypeVar("_K", str, int)


def _unique(section: str, key: str, values: list[_K], what: str) -> dict[_K, int]:
    """Each of ``values`` once; ``what`` they are is a ``config.what.*`` code."""
    seen: dict[_K, int] = {}
    for i, value in enumerate(values):
        if value in seen:
            raise _rule(
                "config.unique",
                _sub(section, i, key),
                what=_phrase(what),
                value=f"'{value}'" if isinstance(value, str) else str(value),
                first=_sub(section, seen[value]),
            )
        seen[value] = i
    return seen


def _hint(word: str, choices: dict[str, int]) -> Phrase | str:
    """A "did you mean" for a name not found among ``choices``; nothing without a likely one."""
    best = _suggest(word, list(choices))
    return _phrase("config.did_you_mean", best=best) if best else ""


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
        raise ConfigError(shown, "", "config.file.missing") from None
    except IsADirectoryError:
        raise ConfigError(shown, "", "config.file.folder") from None
    except PermissionError:
        raise ConfigError(shown, "", "config.file.permission") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ConfigError(shown, "", "config.file.unreadable", {"reason": reason}) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(shown, f"line {line}", "config.file.not_utf8") from None
    return parse_hall_config(text, source=shown)


def parse_hall_config(text: str, source: str = "<string>") -> HallConfig:
    """Check the TOML ``text`` of a hall configuration; ``source`` names it in errors."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(exc, text, source) from None
    return check_hall_config(data, source)


def check_hall_config(data: dict[str, Any], source: str = "<string>") -> HallConfig:
    """Check a hall configuration given as the TOML file's tables (a change made on the
    supervisor's station is checked so): the same sentences as a file's."""
    try:
        return HallConfig.model_validate(data)
    except ValidationError as exc:
        problems = [_translate(e, source) for e in _misspellings_first(exc.errors())]
        first = problems[0]
        raise ConfigError(
            first.path, first.where, first.code, first.params, tuple(problems[1:])
        ) from None


# ---------------------------------------------------------------------------------------
# TOML syntax errors

#: The start of tomllib's message -> what it means, a ``config.toml.*`` code; first match wins.
_TOML_MESSAGES: tuple[tuple[str, str], ...] = (
    ("Invalid statement", "config.toml.statement"),
    ("Expected '=' after a key", "config.toml.equals"),
    ("Invalid value", "config.toml.value"),
    ("Cannot overwrite a value", "config.toml.key_twice"),
    ("Cannot declare", "config.toml.section_twice"),
    ("Cannot mutate immutable namespace", "config.toml.table_complete"),
    ("Cannot redefine namespace", "config.toml.section_clash"),
    ("Unclosed array", "config.toml.list_unclosed"),
    ("Unclosed inline table", "config.toml.inline_unclosed"),
    ("Duplicate inline table key", "config.toml.inline_key_twice"),
    ("Unterminated string", "config.toml.string_unclosed"),
    ("Illegal character '\\n'", "config.toml.string_line"),
    ("Expected newline or end of document", "config.toml.after_value"),
    ("Illegal character", "config.toml.character"),
    ("Unescaped '\\'", "config.toml.backslash"),
    ("Invalid hex value", "config.toml.escape"),
    ("Escaped character", "config.toml.escape"),
    ("Invalid date or datetime", "config.toml.date"),
    ("Expected ']' at the end of a table", "config.toml.section_bracket"),
    ("Expected ']]' at the end of an array", "config.toml.array_bracket"),
    ("Invalid initial character for a key", "config.toml.key_name"),
    ("Found invalid character", "config.toml.unexpected"),
    ("Expected", "config.toml.expected"),
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
    problem = next(
        (code for start, code in _TOML_MESSAGES if msg.startswith(start)), "config.toml.other"
    )
    full_width: Phrase | str = ""
    if 0 < line <= len(lines):
        outside = re.sub(r'"[^"]*"|\'[^\']*\'', "", lines[line - 1]).split("#")[0]
        found = next((c for c in outside if c in _FULL_WIDTH), None)
        if found:
            full_width = _phrase("config.toml.full_width", char=found)
    return ConfigError(
        source,
        f"line {line}",
        "config.toml.line",
        {
            "problem": _phrase(problem),
            "column": _phrase("config.toml.column", column=column) if column else "",
            "full_width": full_width,
        },
    )


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
    got = _shown(value)
    where = _path(loc)

    def problem(code: str, /, **params: Any) -> ConfigError:
        return ConfigError(source, where, code, params)

    if kind == _RULE:
        sub = str(ctx.get("sub", ""))
        if sub:
            where = f"{where}{sub}" if sub.startswith("[") or not where else f"{where}.{sub}"
        return problem(str(ctx["code"]), **dict(ctx.get("params") or {}))

    if kind == "missing":
        tp = _type_at(loc)
        if _is_model(tp):
            return problem("config.missing.section", name=_toml_name(loc))
        if _is_table_list(tp):
            return problem("config.missing.tables", name=_toml_name(loc))
        return problem("config.missing.key", key=loc[-1])

    if kind == "extra_forbidden":
        key = str(loc[-1])
        parent = _type_at(loc[:-1])
        allowed = list(parent.model_fields) if _is_model(parent) else []
        best = _suggest(key, allowed)
        if best:
            return problem("config.unknown_key.likely", key=key, best=best)
        return problem("config.unknown_key.allowed", key=key, allowed=Listing(tuple(allowed)))

    if kind == "string_type":
        return problem("config.expected.text", got=got)

    if kind in ("int_type", "int_parsing", "int_from_float"):
        return problem("config.expected.integer", got=got)

    if kind in ("bool_type", "bool_parsing"):
        quoted = isinstance(value, str) and value.strip().lower() in ("true", "false")
        extra = _phrase("config.remove_quotes") if quoted else ""
        return problem("config.expected.flag", extra=extra, got=got)

    if kind in ("tuple_type", "list_type"):
        tp = _type_at(loc)
        if _is_table_list(tp) and isinstance(value, dict):
            return problem("config.expected.tables", name=_toml_name(loc))
        return problem("config.expected.list", got=got)

    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return problem("config.expected.table", name=_toml_name(loc), got=got)

    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return problem(
            "config.expected.one_of", allowed=Listing(tuple(repr(a) for a in allowed)), got=got
        )

    if kind == "too_short":
        need = ctx.get("min_length", 1)
        if _is_table_list(_type_at(loc)):
            return problem("config.too_short.tables", name=_toml_name(loc), need=need)
        return problem("config.too_short.list", need=need)

    if kind == "too_long":
        return problem("config.too_long", most=ctx.get("max_length"))

    bounds = {
        "greater_than_equal": ("ge", "config.bound.ge"),
        "greater_than": ("gt", "config.bound.gt"),
        "less_than_equal": ("le", "config.bound.le"),
        "less_than": ("lt", "config.bound.lt"),
    }
    if kind in bounds:
        key, code = bounds[kind]
        return problem(code, limit=ctx.get(key), got=got)

    if kind in ("time_type", "time_parsing"):
        return problem("config.expected.time", got=got)
    if kind in ("date_type", "date_parsing"):
        return problem("config.expected.date", got=got)

    return problem("config.invalid", got=got)
