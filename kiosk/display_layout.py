"""The sizes of the lobby display and the window screens, worked out from the screen's
pixels, its diagonal and the hall's viewing distance before a widget is made.

The letters are sized for the back row: at least 1 cm high per 3 m of the hall's viewing
distance (``[display] viewing_metres``) on a screen of ``screen_inches``; the newest
call's number a sixth of the screen's height, its window at least 60 % of it; the labels
(the hall's name, 正在呼叫, 票号/窗口) smaller than the data they name. Every band and
label gets a height that holds its letters, and the bands add up to the screen: where the
back-row size cannot fit, the layout gives up, in order, room around the labels, some of
the number's height, then letter size everywhere (the number and its window stay the
largest), and says so (`Layout.readable`). It never lets two texts overlap.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

from shared.qt.theme import letter_px

#: display.qss's families, in its order: the layout measures with the first one there.
FONT_FAMILIES = ("WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC")
#: A label of letters and digits only (a ticket number, a window's number) needs no room
#: for the descenders and tall signs of Chinese: its capitals and a margin, per px of font.
NUMBER_LINE = 0.92  # the newest call's number
ROW_LINE = 1.0  # a listed call's number and window
BIG_WORDS_LINE = 1.0  # a window screen's number, or 欢迎光临 in its place
NOTICE_LINE = 1.25  # the notice's band, per line of its text
LABEL_SHARE = 0.8  # a label's type against the data's
ROW_SHARE = 1.15  # the listed calls' type against the back row's least
WINDOW_SHARES = (0.65, 0.6)  # the newest call's window against its number, at best and least
LEAST_STRETCH = 80  # a number or window narrowed at most to this (per cent)
LEAST_ROWS = 3  # the last calls listed even on a small screen
#: Where the sizes give way, in order (label, number, data scale): the labels first, then
#: the number (down to three quarters of a sixth of the height), then every letter, the
#: number and its window always the largest (the window at least as large as a listed call).
_LABEL_STEPS = (1.0, 0.9, 0.8)
_NUMBER_STEPS = (0.95, 0.9, 0.85, 0.8, 0.75)
_DATA_STEPS = tuple(0.95**i for i in range(1, 60))  # 0.95 … 0.05: whatever fits
#: Where a sentence may break: after Chinese or Latin punctuation, then after a space.
_PUNCTUATION_BREAK = re.compile(r"(?<=[，、；：。,;:])")
_SPACE_BREAK = re.compile(r"(?<= )")


@lru_cache(maxsize=1)
def font_family() -> str:
    """The family the display's texts are drawn in (the first of the QSS's present)."""
    present = set(QFontDatabase.families())
    return next((f for f in FONT_FAMILIES if f in present), FONT_FAMILIES[0])


def _font(px: int | float, bold: bool = True) -> QFont:
    font = QFont(font_family())
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    return font


@lru_cache(maxsize=1)
def _metrics100() -> QFontMetricsF:
    return QFontMetricsF(_font(100))


def cap_ratio() -> float:
    """How high a capital letter of the display's font is, per pixel of font size."""
    return _metrics100().capHeight() / 100


def advance_em(text: str) -> float:
    """How wide ``text`` is in the display's bold font, in ems."""
    return _metrics100().horizontalAdvance(text) / 100


def line_px(px: int) -> int:
    """The height of a whole line of text (Chinese included) at font size ``px``."""
    return math.ceil(QFontMetricsF(_font(px)).height())


def letter_font_px(letter: float) -> int:
    """The font size whose capitals are ``letter`` pixels high."""
    return math.ceil(letter / cap_ratio())


def balanced_lines(text: str, width: Callable[[str], float], room: float) -> list[str]:
    """``text`` in as few lines as fit ``room`` (``width`` measures a line), broken after
    punctuation where it can (after a space where it must, anywhere as a last resort),
    the lines as even as those breaks allow. A line that fits nowhere stays one line."""
    text = " ".join(text.split())
    width = cache(width)
    if width(text) <= room:
        return [text]
    words = (_PUNCTUATION_BREAK.split(text), _SPACE_BREAK.split(text))
    for tiers in (words, (list(text),)):  # between words in as many lines as it takes first
        for n in range(2, len(text) + 1):
            for pieces in tiers:
                pieces = [p for p in pieces if p]
                if len(pieces) < n:
                    continue
                lines = _even_split(pieces, n, width)
                if max(width(line) for line in lines) <= room:
                    return lines
    return [text]


def _even_split(pieces: list[str], n: int, width: Callable[[str], float]) -> list[str]:
    """``pieces`` joined into ``n`` lines whose widest is as narrow as possible."""

    @cache
    def best(start: int, lines: int) -> tuple[float, tuple[str, ...]]:
        if lines == 1:
            line = "".join(pieces[start:]).strip()
            return width(line), (line,)
        found: tuple[float, tuple[str, ...]] = (math.inf, ())
        for end in range(start + 1, len(pieces) - lines + 2):
            line = "".join(pieces[start:end]).strip()
            rest_w, rest = best(end, lines - 1)
            widest = max(width(line), rest_w)
            if widest < found[0]:
                found = (widest, (line, *rest))
        return found

    return list(best(0, n)[1])


@dataclass(frozen=True)
class LobbyTexts:
    """What the lobby display will write, in the screen's language, for measuring."""

    widest_number: str  # the hall's widest ticket number (its widest prefix and 888)
    widest_window: str  # 12号窗口: the hall's widest window, as the newest call names it
    go_before: str  # 请到
    go_after: str  # 办理
    titles: tuple[str, ...]  # 正在呼叫, what it says while the connection is lost, 请留意叫号
    recent_title: str  # 最近叫号
    heads: tuple[str, str]  # 票号, 窗口
    widest_row_window: str  # 12
    zone_items: tuple[str, ...]  # 商事经营 888人, one per zone
    zone_title: str  # 等候：
    top_line: str  # the hall's name and the clock's widest text, as on one line
    top_parts: tuple[str, str]  # the hall's name, the clock's widest text
    outage: str  # the sentence of the lost connection


@dataclass(frozen=True)
class Layout:
    """The sizes of one screen, in pixels, and how many calls it lists."""

    width: int
    height: int
    portrait: bool
    letter: float  # the capital-letter height the back row needs
    readable: bool  # every call, count and the notice at least that high
    text: int  # the data's type: the waiting counts, the notice
    head: int  # the labels' type: the top band, the panels' titles, the column heads
    call: int  # the words around the newest window (请到 … 办理)
    window_px: int  # the newest call's window
    window_stretch: int  # its width, in per cent of the font's own
    row: int  # the last calls
    number_px: int  # the newest call's number (on a window screen, the number in hand)
    number_stretch: int  # its width, in per cent of the font's own
    band: int  # the lost connection's sentence
    words_stacked: bool  # 请到 on a line of its own above the window, 办理 under it
    two_line_top: bool  # the hall's name above the date and clock
    rows: int  # rows of last calls
    columns: int  # columns of last calls
    zone_columns: int
    pad: int
    radius: int
    top_h: int  # the top band
    number_h: int  # the newest number's label
    row_h: int  # a listed call's labels
    zones_h: int  # the waiting counts
    notice_h: int  # the notice line
    band_h: int  # the lost connection's band
    newest_w: int  # landscape: the newest call's panel (the last calls take the rest)

    def qss(self) -> dict[str, int]:
        return {
            "text": self.text,
            "head": self.head,
            "call": self.call,
            "window_px": self.window_px,
            "row": self.row,
            "number_px": self.number_px,
            "band_px": self.band,
            "pad": self.pad,
            "radius": self.radius,
        }


@dataclass(frozen=True)
class _Step:
    label: float  # the labels' scale
    number: float  # the newest number's scale
    data: float  # every letter's scale (below 1: under the back row's size)


def _steps() -> Iterator[_Step]:
    for label in _LABEL_STEPS:
        yield _Step(label, 1.0, 1.0)
    for number in _NUMBER_STEPS:
        yield _Step(_LABEL_STEPS[-1], number, 1.0)
    for data in _DATA_STEPS:
        yield _Step(_LABEL_STEPS[-1], _NUMBER_STEPS[-1], data)


def lobby_layout(
    size: QSize, inches: float, metres: float, listed: int, texts: LobbyTexts
) -> Layout:
    """The lobby display's sizes for a screen of ``size`` and ``inches`` read from
    ``metres``: every letter of a call, a count or the notice at least as high as the
    back row needs; the newest call's number a sixth of the screen's height (narrowed,
    down to 80 %, where its panel is too narrow), its window at least 60 % of it; the
    labels smaller; as many rows of last calls as then fit, at most ``listed``. On a
    screen too small for all that, the first of `_steps` that fits with three calls
    listed (one if three never fit); its `Layout.readable` says whether the back row
    can read it."""
    fitted: Layout | None = None
    for least_rows in (min(LEAST_ROWS, listed), 1):
        for step in _steps():
            fitted = _lobby_fit(size, inches, metres, listed, texts, step, least_rows)
            if fitted is not None:
                return fitted
    # Nothing fits (a screen of a few hundred pixels): the smallest sizes, what fits of it.
    last = _Step(_LABEL_STEPS[-1], _NUMBER_STEPS[-1], _DATA_STEPS[-1])
    fitted = _lobby_fit(size, inches, metres, listed, texts, last, 0, force=True)
    assert fitted is not None
    return fitted


def _lobby_fit(
    size: QSize,
    inches: float,
    metres: float,
    listed: int,
    t: LobbyTexts,
    step: _Step,
    least_rows: int,
    *,
    force: bool = False,
) -> Layout | None:
    """The layout at ``step``, or None where it does not fit the screen (``force``: the
    layout anyway, squeezed to what fits)."""
    w, h = size.width(), size.height()
    portrait = h > w
    short = min(w, h)
    letter = letter_px(w, h, inches, metres)
    least = letter_font_px(letter)
    pad = max(8, round(short * 0.02))
    text = max(1, round(max(least, short * 0.05) * step.data))
    row = max(1, round(max(least * ROW_SHARE, short * 0.075) * step.data))
    head = max(1, round(text * LABEL_SHARE * step.label))

    # The top band: the hall's name and the clock on one line where they fit.
    two_line_top = advance_em(t.top_line) * head > w - 6 * pad
    if two_line_top and max(map(advance_em, t.top_parts)) * head > w - 4 * pad and not force:
        return None
    top_h = line_px(head) * (2 if two_line_top else 1) + 2 * (pad // 2)

    # The waiting counts, as many to a row as fit after their title.
    item_w = max((advance_em(z) * text for z in t.zone_items), default=0.0) + pad
    room = w - 2 * pad - advance_em(t.zone_title) * head - pad
    if t.zone_items and item_w > room and not force:
        return None
    zone_columns = max(1, min(len(t.zone_items) or 1, math.floor(room / item_w)))
    zone_rows = math.ceil(len(t.zone_items) / zone_columns) if t.zone_items else 0
    zones_h = zone_rows * line_px(text)
    notice_h = math.ceil(line_px(text) * NOTICE_LINE)
    band_h = zones_h + notice_h  # the red band takes the notice's and the counts' place

    # The last calls' panel: as wide as its widest column needs.
    number_col = max(advance_em(t.heads[0]) * head, advance_em(t.widest_number) * row)
    window_col = max(advance_em(t.heads[1]) * head, advance_em(t.widest_row_window) * row)
    pair_w = number_col + 2 * pad + window_col
    body_w = w - 2 * pad  # within the body's margins
    if portrait:
        columns = 2
        if 2 * pair_w + 2 * pad > body_w - 2 * pad and not force:
            return None
        newest_w = body_w
    else:
        columns = 1
        recent_w = max(pair_w, advance_em(t.recent_title) * head) + 4 * pad
        newest_w = math.floor(min((body_w - pad) * 0.64, body_w - pad - recent_w))
    inner_w = newest_w - 2 * pad
    if max(map(advance_em, t.titles)) * head > inner_w and not force:
        return None

    # The newest number: a sixth of the screen's height in capitals (its window then as
    # large as a listed call at least), narrowed where the panel is too narrow, smaller
    # only where that is not enough.
    number_px = max(
        math.floor(math.ceil(h / 6 / cap_ratio()) * step.number),
        math.ceil(row / WINDOW_SHARES[-1]),
    )
    number_em = advance_em(t.widest_number)
    number_stretch = min(100, math.floor(100 * inner_w / (number_em * number_px)))
    if number_stretch < LEAST_STRETCH:
        number_stretch = LEAST_STRETCH
        number_px = math.floor(inner_w / (number_em * LEAST_STRETCH / 100))
    window = _window_line(number_px, text, head, inner_w, pad, t)
    if window is None:  # the window's name, at 60 % of the number, is wider than the panel
        widest_window = inner_w / (advance_em(t.widest_window) * LEAST_STRETCH / 100)
        number_px = min(number_px, math.floor(widest_window / WINDOW_SHARES[-1]))
        number_stretch = min(100, math.floor(100 * inner_w / (number_em * number_px)))
        window = _window_line(number_px, text, head, inner_w, pad, t)
    if window is None or number_px * WINDOW_SHARES[-1] < row:  # the window below a call
        if not force:
            return None
        window = (math.ceil(number_px * WINDOW_SHARES[-1]), head, True, LEAST_STRETCH)
    window_px, call, words_stacked, window_stretch = window
    number_h = math.ceil(number_px * NUMBER_LINE)
    row_h = math.ceil(row * ROW_LINE)
    newest_h = (
        line_px(head)  # 正在呼叫
        + number_h
        + (line_px(call) * sum(1 for w in (t.go_before, t.go_after) if w) if words_stacked else 0)
        + max(line_px(window_px), line_px(call))
    )
    body_h = h - top_h - zones_h - notice_h - 2 * pad  # within the body's margins
    if portrait:
        recent_inner = body_h - (newest_h + 2 * pad) - pad - 2 * pad
    else:
        if newest_h > body_h - 2 * pad and not force:
            return None
        recent_inner = body_h - 2 * pad
    rows_fit = max(0, math.floor((recent_inner - 2 * line_px(head)) / row_h))
    rows = min(rows_fit, math.ceil(listed / columns))
    if rows * columns < least_rows and not force:
        return None
    if force and rows_fit < 1:
        rows = 0

    band = _band_px(t.outage, text, w - 4 * pad, band_h)
    return Layout(
        w, h, portrait, letter, step.data >= 1.0, text, head, call, window_px,
        window_stretch, row, number_px, number_stretch, band, words_stacked, two_line_top,
        rows, columns, zone_columns, pad, max(4, round(short * 0.012)), top_h, number_h,
        row_h, zones_h, notice_h, band_h, newest_w,
    )  # fmt: skip


def _window_line(
    number_px: int, text: int, head: int, room: float, pad: int, t: LobbyTexts
) -> tuple[int, int, bool, int] | None:
    """The newest call's window under its number (window size, words' size, the words
    on lines of their own, the window's stretch): at least 60 % of the number, 请到 and
    办理 on its line as large as the data where they fit, else as the labels, else
    narrowed (to 80 %); where none of that fits, 请到 above the window and 办理 under it."""
    window_em = advance_em(t.widest_window)
    gap = pad // 2
    options = [(False, call, least) for least in (100, LEAST_STRETCH) for call in (text, head)]
    options += [(True, text, LEAST_STRETCH), (True, head, LEAST_STRETCH)]
    for stacked, call, least in options:
        words = [advance_em(w) * call for w in (t.go_before, t.go_after) if w]
        if stacked and any(w > room for w in words):
            continue
        beside = 0.0 if stacked else sum(w + gap for w in words)
        for share in WINDOW_SHARES:
            window_px = math.ceil(number_px * share)
            stretch = math.floor(100 * (room - beside) / (window_em * window_px))
            if stretch >= least:
                return window_px, call, stacked, min(100, stretch)
    return None


def _band_px(sentence: str, text: int, room: float, band_h: int) -> int:
    """The largest type, at most the data's, at which ``sentence`` fits the band."""
    px = text
    while px > 8:
        fm = QFontMetricsF(_font(px))
        lines = balanced_lines(sentence, fm.horizontalAdvance, room)
        fits = all(fm.horizontalAdvance(line) <= room for line in lines)
        if fits and len(lines) * fm.height() <= band_h - 2:
            return px
        px -= 1
    return px


def window_layout(size: QSize, big_words: list[str], words: list[str], outage: str) -> Layout:
    """A window screen's sizes: the number (or ``big_words``: 欢迎光临, 暂停服务) as large as
    the screen allows, ``words`` (请到本窗口办理) under it, room kept for the lost
    connection's band (``outage``) above them."""
    w, h = size.width(), size.height()
    short = min(w, h)
    pad = max(6, round(short * 0.03))
    text = max(12, round(short * 0.06))
    head = max(text, round(short * 0.085))
    fm = QFontMetricsF(_font(text))
    band_lines = balanced_lines(outage, fm.horizontalAdvance, w - 4 * pad)
    band_h = len(band_lines) * line_px(text) + 2 * (pad // 2)
    top_h = line_px(head) + 2 * (pad // 2)
    fixed = top_h + band_h + 2 * line_px(text) + pad  # the services, the clerk, the margin
    widest = max(advance_em(t) for t in ["W888", *big_words])
    words_em = max(map(advance_em, words))
    number_px = min(round(h * 0.40), math.floor((w - 2 * pad) / widest))
    while True:
        call = min(round(number_px * 0.42), math.floor((w - 2 * pad) / words_em))
        number_h = math.ceil(number_px * BIG_WORDS_LINE)
        if number_h + line_px(call) <= h - fixed or number_px <= 8:
            break
        number_px -= 1
    return Layout(
        w, h, h > w, 0.0, True, text, head, call, call, 100, text, number_px, 100, text,
        False, False, 0, 0, 0, pad, 0, top_h, number_h, line_px(text), 0, 0, band_h, w,
    )  # fmt: skip
