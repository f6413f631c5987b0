"""What a call says: the words shown and the words spoken, in Chinese and English.

A call is a template from the hall's ``[voice]`` settings ("请{number}号到{window}号窗口办理")
filled twice: once for the screen (请A001号到3号窗口办理) and once for the voice, with every
figure written out in words so that no speech engine has to guess how to read it:

* the ticket number is read letter then digit by digit: A001 → A零零一, B010 → B零一零
  (the digit 1 is 一 or 幺, a hall setting); in English "A-zero zero one";
* the window number is read as a quantity: 12 → 十二, 20 → 二十; in English "twelve".

A recall or a call-back says exactly the same words again and nothing more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.base.errors import HallError
from shared.config.hall_file import VoiceConfig

LANGS = ("zh", "en")

_NUMBER_RE = re.compile(r"([A-Z])(\d{1,6})")
_ZH_DIGITS = "零一二三四五六七八九"
_EN_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_EN_TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
#: The largest window number read as a quantity (九千九百九十九).
MAX_WINDOW = 9999


@dataclass(frozen=True)
class CallWords:
    """One call in one language: ``text`` for screens, ``speech`` for the voice."""

    number: str
    window: int
    lang: str
    text: str
    speech: str


def check_number(number: str) -> str:
    """A ticket number as the hall issues it: one capital letter and digits (A001)."""
    cleaned = number.strip().upper()
    if not _NUMBER_RE.fullmatch(cleaned):
        raise HallError("speech.bad_number", number=number)
    return cleaned


def spoken_number(number: str, lang: str = "zh", one: str = "一") -> str:
    """A ticket number read letter then digit by digit: A001 → A零零一 / A-zero zero one."""
    m = _NUMBER_RE.fullmatch(check_number(number))
    assert m is not None
    letter, digits = m.group(1), m.group(2)
    if lang == "en":
        # "A-zero": with a space espeak reads a lone "A" as the article, not the letter.
        return f"{letter}-" + " ".join(_EN_DIGITS[int(d)] for d in digits)
    zh_digits = _ZH_DIGITS.replace("一", one)
    return letter + "".join(zh_digits[int(d)] for d in digits)


def spoken_quantity(n: int, lang: str = "zh") -> str:
    """A whole number from 0 to 9999 read as a quantity: 12 → 十二, twelve."""
    if not 0 <= n <= MAX_WINDOW:
        raise HallError("speech.bad_window", window=n)
    return _en_quantity(n) if lang == "en" else _zh_quantity(n)


def _zh_quantity(n: int) -> str:
    if n == 0:
        return "零"
    units = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
    out = ""
    pending_zero = False
    for value, unit in units:
        digit = n // value % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        out += _ZH_DIGITS[digit] + unit
    if out.startswith("一十"):  # 十二, not 一十二 (but 一百一十二 keeps its 一)
        out = out[1:]
    return out


def _en_quantity(n: int) -> str:
    if n < 10:
        return _EN_DIGITS[n]
    if n < 20:
        return _EN_TEENS[n - 10]
    if n < 100:
        tens, rest = divmod(n, 10)
        return _EN_TENS[tens] + (f"-{_EN_DIGITS[rest]}" if rest else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = f"{_EN_DIGITS[hundreds]} hundred"
        return head + (f" and {_en_quantity(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    head = f"{_EN_DIGITS[thousands]} thousand"
    if not rest:
        return head
    return head + (" and " if rest < 100 else " ") + _en_quantity(rest)


def call_words(
    number: str, window: int, voice: VoiceConfig | None = None, lang: str | None = None
) -> CallWords:
    """The words of calling ``number`` to ``window``, in ``lang`` (default: the hall's)."""
    voice = voice or VoiceConfig()
    lang = lang or voice.language
    if lang not in LANGS:
        raise HallError("speech.bad_lang", lang=lang)
    number = check_number(number)
    if not 1 <= window <= MAX_WINDOW:
        raise HallError("speech.bad_window", window=window)
    template = voice.template_en if lang == "en" else voice.template
    return CallWords(
        number=number,
        window=window,
        lang=lang,
        text=template.format(number=number, window=window),
        speech=template.format(
            number=spoken_number(number, lang, voice.one),
            window=spoken_quantity(window, lang),
        ),
    )
