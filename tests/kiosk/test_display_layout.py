"""The lobby display and the window screens as the hall sees them, offscreen: at every
layout (1920×1080, 1080×1920, the 43" 1366×768 TV, screens too small for the viewing
distance, and the window screens), in Chinese and English, with a call showing and with
the connection lost, no two texts' ink overlaps and none is cut off; the newest number
and its window are the largest, the labels smaller than the data they name; a screen too
small for the back row says so in the log."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QFontMetricsF, QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.display import HallScreen, LobbyDisplay, Marquee, WindowScreen
from shared.hall import Hall
from shared.qt.feed_bridge import FeedBridge
from shared.qt.theme import letter_px

pytestmark = pytest.mark.gui
WAIT = 15_000
LOBBIES = {  # name: (size, inches)
    "1920x1080": (QSize(1920, 1080), 55),
    "1080x1920": (QSize(1080, 1920), 55),
    "tv-1366x768": (QSize(1366, 768), 43),
    "32in-1366x768": (QSize(1366, 768), 32),  # too small for 10 m
    "20in-800x480": (QSize(800, 480), 20),  # far too small
}
WINDOW_SCREENS = {"1366x768": QSize(1366, 768), "1024x600": QSize(1024, 600),
                  "800x480": QSize(800, 480)}  # fmt: skip


def busy_morning(hall: Hall) -> None:
    """Tickets in every zone, ten calls at five windows: the list full, window 10 named
    (two digits), the newest call in hand when the screen starts (so it does not flash)."""
    for _ in range(4):
        for code in ("qy-sl", "gt-zc", "hj-qy", "bdc-dj", "tz-ba", "gjj-tq"):
            hall.issue_ticket(code)
    for window, clerk in [(1, "1001"), (3, "1003"), (5, "1005"), (7, "1007"), (10, "1010")] * 2:
        hall.end_service(window, clerk) if hall.desk(window).ticket else None
        hall.call_next(window, clerk)


def opened(qtbot: QtBot, screen: HallScreen) -> HallScreen:
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.started_up, timeout=WAIT)
    settled()
    return screen


def settled() -> None:
    """The layouts done with the texts just set (they are laid out on the next turn of
    the event loop)."""
    QApplication.sendPostedEvents()
    QApplication.processEvents()


# -- the ink of a text ------------------------------------------------------------------


@dataclass(frozen=True)
class Ink:
    """Where a widget's text is painted, in the screen's coordinates."""

    widget: QWidget
    box: QRect  # the painted pixels' bounding box

    @property
    def name(self) -> str:
        text = self.widget.text() if isinstance(self.widget, QLabel | Marquee) else ""
        return f"{self.widget.objectName() or self.widget.property('role')}:{text!r}"


def pixels(image: QImage) -> np.ndarray:
    """The image's pixels as red, green, blue (rows, columns, 3)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)  # 0xffRRGGBB words
    w, h = image.width(), image.height()
    words = np.frombuffer(image.constBits(), np.uint32, image.sizeInBytes() // 4)
    argb = words.reshape(h, image.bytesPerLine() // 4)[:, :w]
    return np.stack([(argb >> 16) & 255, (argb >> 8) & 255, argb & 255], axis=-1).astype(np.int16)


def ink_of(widget: QWidget, screen: QWidget) -> Ink | None:
    """The bounding box of the pixels ``widget`` paints in other colours than its
    background (its most common colour), rendered on its own: what it shows, however
    its box lies."""
    rgb = pixels(widget.grab().toImage())
    packed = (rgb[..., 0].astype(np.int32) << 16) | (rgb[..., 1] << 8) | rgb[..., 2]
    colours, counts = np.unique(packed, return_counts=True)
    bg = int(colours[counts.argmax()])
    background = np.array([bg >> 16, (bg >> 8) & 255, bg & 255], np.int16)
    ink = np.abs(rgb - background).sum(axis=2) > 96  # anti-aliased fringes aside
    ys, xs = np.nonzero(ink)
    if len(xs) == 0:
        return None
    at = widget.mapTo(screen, QPoint(0, 0))
    box = QRect(at.x() + int(xs.min()), at.y() + int(ys.min()),
                int(xs.max() - xs.min()) + 1, int(ys.max() - ys.min()) + 1)  # fmt: skip
    return Ink(widget, box)


def texts_on(screen: QWidget) -> list[QWidget]:
    shown: list[QWidget] = [
        lb for lb in screen.findChildren(QLabel) if lb.isVisibleTo(screen) and lb.text()
    ]
    shown += [m for m in screen.findChildren(Marquee) if m.isVisibleTo(screen) and m.text()]
    return shown


def assert_nothing_overlaps(screen: QWidget, where: str) -> list[Ink]:
    """Every text painted, whole, inside its panel and the screen, and no two texts'
    ink touching."""
    inks: list[Ink] = []
    screen_box = QRect(QPoint(0, 0), screen.size())
    for widget in texts_on(screen):
        ink = ink_of(widget, screen)
        assert ink is not None, f"{where}: {widget.objectName()} paints nothing"
        inks.append(ink)
        assert screen_box.contains(ink.box), f"{where}: {ink.name} leaves the screen"
        parent = widget.parentWidget()
        assert parent is not None
        assert parent.rect().contains(widget.geometry()), f"{where}: {ink.name} leaves its panel"
        if isinstance(widget, Marquee):
            continue  # a moving line: cut at the screen's edges on purpose
        # Not cut off: as wide and as high as its text's letters (anti-aliasing aside).
        assert isinstance(widget, QLabel)
        fm = QFontMetricsF(widget.font())
        lines = [fm.tightBoundingRect(line) for line in widget.text().split("\n")]
        wide = max(r.width() for r in lines)
        high = fm.lineSpacing() * (len(lines) - 1) + min(r.height() for r in lines)
        assert ink.box.width() >= wide * 0.97 - 2, f"{where}: {ink.name} is cut at its side"
        assert ink.box.height() >= high * 0.97 - 2, f"{where}: {ink.name} is cut at its foot"
    for i, a in enumerate(inks):
        for b in inks[i + 1 :]:
            assert not a.box.intersects(b.box), f"{where}: {a.name} overlaps {b.name}"
    return inks


def font_px(label: QWidget) -> int:
    label.ensurePolished()
    return label.font().pixelSize()


def cap(label: QWidget) -> float:
    label.ensurePolished()
    return QFontMetricsF(label.font()).capHeight()


# -- the lobby display ------------------------------------------------------------------


@pytest.mark.parametrize("layout", list(LOBBIES))
def test_no_text_overlaps_another_on_the_lobby_display_at_any_layout(
    qtbot: QtBot, hall: Hall, feed: FeedBridge, lang: str, layout: str,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    size, inches = LOBBIES[layout]
    busy_morning(hall)
    with caplog.at_level(logging.WARNING, logger="kiosk.display"):
        d = LobbyDisplay(hall, bridge=feed, size=size, inches=inches)
    opened(qtbot, d)
    assert isinstance(d, LobbyDisplay)
    where = f"{layout} {lang}"
    assert d.newest_number.text() and d.newest_window.text()  # a call is showing
    assert not d.flashing  # (it was made before the screen started)
    inks = assert_nothing_overlaps(d, where)
    listed = [n for n, _w in d.rows if n.text()]
    assert len(listed) >= 3, f"{where}: only {len(listed)} recent calls fit"
    # The number and its window the largest ink on the screen.
    tallest = {ink.widget: ink.box.height() for ink in inks}
    others = [h for w, h in tallest.items() if w not in (d.newest_number, d.newest_window)]
    assert cap(d.newest_number) > cap(d.newest_window) >= max(cap(n) for n, _w in d.rows)
    assert tallest[d.newest_number] > max(others)
    # The back row: the letter size held, or the log says the screen is too small.
    need = letter_px(size.width(), size.height(), inches, hall.settings.display.viewing_metres)
    data = [lb for pair in [*d.rows, *d.zone_labels.values()] for lb in pair]
    readable = all(cap(lb) >= need - 0.5 for lb in [*data, d.notice])
    too_small = [r for r in caplog.records if "too small" in r.getMessage()]
    assert readable != bool(too_small), f"{where}: readable={readable}, logged={too_small}"
    if layout in ("1920x1080", "1080x1920", "tv-1366x768"):
        assert readable, f"{where}: the back row cannot read the calls"
        if size.width() > size.height():  # the top band on one line where the screen is wide
            assert not d.layout_.two_line_top, where

    # The connection lost: the red band in the counts' and the notice's place.
    feed.connection_lost.emit("the cable")
    qtbot.waitUntil(lambda: d.outage_band.isVisible(), timeout=WAIT)
    settled()
    assert not d.waiting.isVisible() and not d.notice.isVisible()
    assert_nothing_overlaps(d, f"{where}, connection lost")


@pytest.mark.parametrize("layout", ["1920x1080", "1080x1920", "tv-1366x768"])
def test_the_number_and_its_window_come_first_and_the_labels_are_smaller_than_the_data(
    qtbot: QtBot, hall: Hall, lang: str, layout: str
) -> None:
    size, inches = LOBBIES[layout]
    busy_morning(hall)
    d = LobbyDisplay(hall, size=size, inches=inches)
    opened(qtbot, d)
    assert isinstance(d, LobbyDisplay)
    where = f"{layout} {lang}"
    # The window at least 60 % of the number's height, from the fonts in use.
    assert cap(d.newest_window) >= 0.6 * cap(d.newest_number) - 0.5, where
    # The number a sixth of the screen's height; in portrait it gives a little of that
    # (at most a quarter) for its window's name, at 60 % of it, to fit the width, and for
    # three calls to be listed.
    sixth = size.height() / 6
    assert cap(d.newest_number) >= (sixth if layout != "1080x1920" else 0.75 * sixth) - 1, where
    labels: list[QWidget] = [d.hall_name, d.clock, d.now_calling, d.recent_title, d.zones_title]
    labels += d.column_heads
    data: list[QWidget] = [lb for pair in d.rows for lb in pair]
    data += [lb for pair in d.zone_labels.values() for lb in pair]
    data += [d.notice, d.newest_window, d.newest_number]
    largest_label = max(map(font_px, labels))
    smallest_data = min(map(font_px, data))
    assert largest_label < smallest_data, (
        f"{where}: labels {largest_label} px, data {smallest_data} px"
    )
    assert max(map(font_px, labels)) <= 0.85 * min(font_px(n) for n, _w in d.rows), where


# -- the window screens -----------------------------------------------------------------


@pytest.mark.parametrize("layout", list(WINDOW_SCREENS))
def test_no_text_overlaps_another_on_a_window_screen(
    qtbot: QtBot, hall: Hall, feed: FeedBridge, lang: str, layout: str
) -> None:
    busy_morning(hall)
    s = WindowScreen(hall, 10, bridge=feed, size=WINDOW_SCREENS[layout])
    opened(qtbot, s)
    assert isinstance(s, WindowScreen)
    assert s.words.isVisible() and s.clerk.text()  # the number in hand, its words, the clerk
    assert_nothing_overlaps(s, f"window screen {layout} {lang}")
    feed.connection_lost.emit("the cable")
    qtbot.waitUntil(lambda: s.outage_band.isVisible(), timeout=WAIT)
    settled()
    assert_nothing_overlaps(s, f"window screen {layout} {lang}, connection lost")
