"""A kiosk or a lobby display runs for weeks without a restart. A Qt binding that drops a
reference to ``None`` on every call (PySide6 6.12.0 on Python 3.11 does, for every call
that returns nothing) kills the process with "deallocating None" after a few thousand
calls: minutes of a real screen. This holds the installed binding to account."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

pytestmark = pytest.mark.gui


def test_qt_calls_leave_the_reference_count_of_none_alone(qapp: object) -> None:
    label, button = QLabel(), QPushButton()
    before = sys.getrefcount(None)
    for i in range(20_000):  # a few hours of a busy kiosk's screen updates
        label.setText(str(i))
        label.setVisible(True)
        button.setEnabled(bool(i % 2))
    drift = sys.getrefcount(None) - before
    assert abs(drift) < 100, f"None lost {-drift} references in 60,000 Qt calls"
