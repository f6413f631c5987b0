"""Small widget helpers the apps share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLayout


def label(
    text: str = "", role: str | None = None, *, wrap: bool = True, centred: bool = False
) -> QLabel:
    """A label styled by its QSS ``role``."""
    lb = QLabel(text)
    if role:
        lb.setProperty("role", role)
    lb.setWordWrap(wrap)
    if centred:
        lb.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return lb


def clear(layout: QLayout) -> None:
    """Empty a layout of its widgets, off the screen at once (hidden: deleteLater waits
    for the event loop, and until then an old widget would still be painted under the new
    ones). Each stays its parent's until Qt deletes it: a widget taken from its parent
    belongs to Python, and one deleted both ways can be freed twice."""
    while layout.count():
        item = layout.takeAt(0)
        w = item.widget() if item is not None else None
        if w is not None:
            w.hide()
            w.deleteLater()
