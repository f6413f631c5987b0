"""A window's tile on the supervisor's live floor (`counter.floor_view`), and the small
pieces the supervisor's screens share with it.

A tile shows the window's number and name, the clerk signed in and their post (A/B),
the state in words and in its colour, the ticket in hand with the minutes it has been in
hand (or the pause with why and since), the A post's absence, and how many the window
finished today; a click selects it, a right-click (or the menu key) asks for its menu.
With it: a one-line label that ends in … when narrow, one of today's figures, how many
columns the tiles take, a state in words, the core's sentence for a refusal (and the
refusals that end the supervisor's sign-in), a time as HH:MM and the minutes since it.
"""

from __future__ import annotations

import logging
import math
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from shared.base.errors import HallError, YimenError
from shared.base.messages import word
from shared.config.halls import HallSettings
from shared.qt.widgets import label
from shared.rules.floor import Tile

log = logging.getLogger(__name__)

#: A tile's state in words (the colour is the tile's ``state`` property, never alone).
STATE_WORDS = {
    "serving": QT_TRANSLATE_NOOP("FloorView", "In service"),
    "called": QT_TRANSLATE_NOOP("FloorView", "Called"),
    "idle": QT_TRANSLATE_NOOP("FloorView", "Free"),
    "paused": QT_TRANSLATE_NOOP("FloorView", "Paused"),
    "away": QT_TRANSLATE_NOOP("FloorView", "Away"),
    "empty": QT_TRANSLATE_NOOP("FloorView", "Nobody in"),
}
#: The refusals meaning the supervisor's sign-in no longer holds.
SESSION_ENDED = ("staff.signed_out", "staff.session_old", "staff.not_supervisor")
#: A tile is at least this many characters of the body type wide, and its shape is
#: kept near this width ÷ height when the floor has room to choose.
TILE_MIN_CHARS = 12
TILE_ASPECT = 1.6


def sentence_of(exc: BaseException, lang: str) -> str | None:
    """The core's sentence for a refusal or a fault; None for a bug (logged)."""
    if isinstance(exc, HallError | YimenError):
        return exc.message(lang)
    log.error("supervisor's operation failed", exc_info=exc)
    return None


def columns_for(count: int, width: int, height: int, min_width: int, tile_height: int) -> int:
    """How many columns of tiles: as many as the width allows at most; among those whose
    rows all fit the height, the one giving tiles nearest TILE_ASPECT; none fitting, the
    most the width allows (the floor then scrolls)."""
    most = max(1, width // max(1, min_width))
    if count <= 0:
        return most
    fitting = [c for c in range(1, most + 1) if math.ceil(count / c) * tile_height <= height]
    if not fitting:
        return most

    def shape(c: int) -> float:
        rows = math.ceil(count / c)
        return abs((width / c) / (height / rows) - TILE_ASPECT)

    return min(fitting, key=shape)


def hhmm(settings: HallSettings, at: datetime | None) -> str:
    return settings.hhmm(at)


def minutes_since(now: datetime, at: datetime) -> int:
    return max(0, math.floor((now - at).total_seconds() / 60))


def restyle(w: QWidget, name: str, value: object) -> None:
    """Set a QSS property and let the style see it."""
    if w.property(name) != value:
        w.setProperty(name, value)
        w.style().unpolish(w)
        w.style().polish(w)


class Elided(QLabel):
    """A one-line label that ends in … when its place is too narrow (its whole text is
    its tooltip)."""

    def __init__(self, role: str) -> None:
        super().__init__()
        self.setProperty("role", role)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, self.width()))


def state_words(state: str) -> str:
    return QCoreApplication.translate("FloorView", str(STATE_WORDS.get(state, state)))


class FloorTile(QFrame):
    """One window on the floor. ``chosen`` when clicked; ``menu_asked`` on a right-click."""

    chosen = Signal(int)
    menu_asked = Signal(int, QPoint)

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number_value = number
        self.tile: Tile | None = None
        self.setObjectName("floorTile")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.number = label(str(number), role="tileNumber", wrap=False)
        self.name = Elided("tileSmall")
        self.state = label(role="tileState", wrap=False)
        self.clerk = Elided("tileClerk")
        self.served = label(role="tileSmall", wrap=False)
        self.ticket = label(role="tileTicket", wrap=False)
        self.detail = label(role="tileDetail")
        self.away = label(role="tileAway")
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.number)
        top.addWidget(self.name, 1)
        top.addWidget(self.state)
        who = QHBoxLayout()
        who.addWidget(self.clerk, 1)
        who.addWidget(self.served)
        hand = QHBoxLayout()
        hand.setSpacing(10)
        hand.addWidget(self.ticket)
        hand.addWidget(self.detail, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 6, 10, 8)
        box.setSpacing(2)
        box.addLayout(top)
        box.addLayout(who)
        box.addLayout(hand)
        box.addWidget(self.away)
        box.addStretch(1)

    def show_tile(self, tile: Tile, settings: HallSettings, now: datetime, lang: str) -> None:
        self.tile = tile
        self.name.set_full_text(tile.name)
        restyle(self, "state", tile.state)
        restyle(self.state, "state", tile.state)
        self.state.setText(state_words(tile.state))
        if tile.clerk_name:
            post = {"A": self.tr("A post"), "B": self.tr("B post")}.get(tile.post or "", "")
            self.clerk.set_full_text(f"{tile.clerk_name} · {post}" if post else tile.clerk_name)
        else:
            self.clerk.set_full_text(self.tr("No one signed in"))
        self.served.setText(self.tr("Done today {n}").format(n=tile.served_today))
        if tile.away_name:
            line = self.tr("A post {name} away ({reason}) since {since}").format(
                name=tile.away_name,
                reason=word("absence", tile.away_reason or "other", lang),
                since=hhmm(settings, tile.away_since),
            )
            if tile.away_until is not None:
                line += self.tr(", back about {time}").format(time=hhmm(settings, tile.away_until))
            self.away.setText(line)
        self.away.setVisible(bool(tile.away_name))
        self.ticket.setText(tile.ticket or "")
        self.ticket.setVisible(tile.ticket is not None)
        self.show_minutes(settings, now)
        self.setAccessibleName(
            self.tr("Window {n}").format(n=tile.number) + f" {self.state.text()}"
        )

    def show_minutes(self, settings: HallSettings, now: datetime) -> None:
        """The words that count on: how long the ticket has been in hand, or the pause."""
        tile = self.tile
        if tile is None:
            return
        text = ""
        if tile.ticket is not None:
            minutes = minutes_since(now, tile.ticket_since) if tile.ticket_since else 0
            text = self.tr("in hand {n} min").format(n=minutes)
        elif tile.state == "paused":
            since = hhmm(settings, tile.since)
            if tile.paused_reason:
                text = self.tr("Since {time}: {reason}").format(
                    time=since, reason=tile.paused_reason
                )
            else:
                text = self.tr("Since {time}").format(time=since)
        self.detail.setText(text)
        self.detail.setVisible(bool(text))

    def set_selected(self, selected: bool) -> None:
        restyle(self, "selected", selected)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.chosen.emit(self.number_value)
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.chosen.emit(self.number_value)
        self.menu_asked.emit(self.number_value, event.globalPos())

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chosen.emit(self.number_value)
            return
        if event.key() == Qt.Key.Key_Menu:
            self.chosen.emit(self.number_value)
            self.menu_asked.emit(self.number_value, self.mapToGlobal(self.rect().center()))
            return
        super().keyPressEvent(event)


class FigureBox(QFrame):
    """One of today's figures: the value over its name."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("figure")
        self.value = label(role="figureValue", wrap=False, centred=True)
        self.name = label(role="figureName", wrap=False, centred=True)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 4)
        box.setSpacing(0)
        box.addWidget(self.value)
        box.addWidget(self.name)


__all__ = [
    "SESSION_ENDED",
    "STATE_WORDS",
    "Elided",
    "FigureBox",
    "FloorTile",
    "columns_for",
    "hhmm",
    "minutes_since",
    "restyle",
    "sentence_of",
    "state_words",
]
