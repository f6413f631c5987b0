"""The desk's checklist of a service's materials (申请材料), ticked as the citizen hands
them over. A long name wraps and a long list scrolls: the console keeps its size whatever
the service asks for. The ticks tell the one-time notice (Ctrl+N) what is still missing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from shared.qt.widgets import clear, label


class MaterialTick(QWidget):
    """One material: its box, and its name wrapped beside it (a click on either ticks)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName("material")
        self.box = QCheckBox()
        self.box.setAccessibleName(name)
        self.box.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click ticks; the keys stay F-keys
        self.words = label(name)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.words, 1)

    def text(self) -> str:
        return self.words.text()

    def isChecked(self) -> bool:
        return self.box.isChecked()

    def setChecked(self, on: bool) -> None:
        self.box.setChecked(on)

    def click(self) -> None:
        self.box.click()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.box.toggle()
            return
        super().mouseReleaseEvent(event)


class ScrollColumn(QScrollArea):
    """A column that scrolls inside whatever height it is given. It asks for no height of
    its own: the console's other parts (the status line, the keys) always get theirs,
    and the column takes the rest."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(1)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), 1)


class Checklist(ScrollColumn):
    """The materials of the ticket in hand, in a scrolling column."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("checklist")
        inner = QWidget()
        inner.setObjectName("checklistInner")
        self.rows = QVBoxLayout(inner)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.addStretch(1)
        self.setWidget(inner)

    def show_names(self, names: Sequence[str]) -> None:
        """A fresh list, nothing ticked."""
        clear(self.rows)
        for name in names:
            self.rows.addWidget(MaterialTick(name))
        self.rows.addStretch(1)
        self.verticalScrollBar().setValue(0)

    def ticks(self) -> list[MaterialTick]:
        items = (self.rows.itemAt(i) for i in range(self.rows.count()))
        return [w for it in items if it is not None and isinstance(w := it.widget(), MaterialTick)]

    def handed(self) -> set[str]:
        """The materials ticked as handed over."""
        return {t.text() for t in self.ticks() if t.isChecked()}
