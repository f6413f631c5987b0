"""What a side panel of the console may use of it (the F-key panels, Ctrl+N, Ctrl+R).

The console (`counter.window.CounterWindow`) builds its panels and hands itself over;
the panels know it only through this protocol, so they never import the console.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QLineEdit, QPushButton, QStackedWidget

from counter.materials import Checklist
from shared.config.halls import HallSettings
from shared.devices.printing import Printer
from shared.hall import Desk, Hall
from shared.qt.tasks import Worker
from shared.rules.signin import SignedIn


class Console(Protocol):
    hall: Hall
    window_no: int
    lang: str
    printer: Printer
    clerk: SignedIn | None
    desk: Desk | None
    settings: HallSettings  # the hall's settings as of the last desk read
    db: Worker  # the console's database worker: every call to the hall goes through it
    code: QLineEdit  # the sign-in page's clerk code
    side: QStackedWidget  # the line, or the open panel
    checklist: Checklist  # the desk's materials, ticked as handed over
    cases_key: QPushButton

    @property
    def compact(self) -> bool: ...

    def toggle_compact(self) -> None: ...

    def close_panel(self) -> None: ...

    def refresh(self) -> None: ...

    def say(self, sentence: str, *, alert: bool = False) -> None:
        """One line in the console's status (refusals are never a popup): information in
        the plain style, a refusal or a fault (``alert``) in the alert style."""

    def sentence(self, exc: BaseException) -> str:
        """The person's sentence for a refusal or a fault."""

    def refused(self, exc: BaseException) -> None:
        """Say a refusal; signed out elsewhere, go back to the sign-in page."""
