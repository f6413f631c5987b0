"""F1–F10 for the console while another program is in front (``--global-keys``).

The clerk's PC also runs the department's approval system, and the clerk wants F1 to
call the next citizen without first clicking the console. `pynput` listens to the
keyboard of the whole desktop on its own thread; each F-key is handed to the console
as a queued Qt signal, so the operation runs on the GUI thread like a key of its own.

* On Windows (the halls' PCs) F1–F10 are taken away from the program in front, so the
  approval system's own F1 (often its help) does not open as well.
* On Linux (X11) keys cannot be taken away from the program in front; they reach both.
  While the console itself is in front, its own shortcuts act and the global key is
  left alone, so a key never acts twice.
* Where there is no desktop to listen to (a server, Wayland), the console says so in its
  status line and the keys work while it has focus, as without the setting.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

VK_F1 = 0x70  # Windows virtual-key codes F1..F10 are 0x70..0x79
FIRST, LAST = 1, 10
REPEAT_SECONDS = 0.3  # a second press of one key sooner than this is the same press


def f_number(key: Any) -> int | None:
    """The number of an F-key among F1–F10 (a pynput key, or its name), else None."""
    name = getattr(key, "name", key)
    if not isinstance(name, str) or not name.startswith("f") or not name[1:].isdigit():
        return None
    n = int(name[1:])
    return n if FIRST <= n <= LAST else None


class GlobalKeys(QObject):
    """Emits ``pressed(n)`` for each F1–F10 pressed anywhere on the desktop."""

    pressed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listener: Any = None
        self._held: set[int] = set()  # a key held down acts once
        self._last: dict[int, float] = {}  # ... and one reported twice (X11 can) too
        #: Keys are taken away from the program in front (Windows): the console must act
        #: on them even while it is in front itself, since its shortcuts never see them.
        self.suppresses = sys.platform == "win32"

    def start(self) -> str | None:
        """Start listening; the reason in words when the desktop cannot be listened to."""
        try:
            from pynput import keyboard
        except Exception as exc:  # no X server, Wayland, or not installed
            log.info("global keys unavailable: %s", exc)
            return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        options: dict[str, Any] = {"on_press": self._on_press, "on_release": self._on_release}
        if self.suppresses:
            options["win32_event_filter"] = self._win32_filter
        try:
            self._listener = keyboard.Listener(**options)
            self._listener.start()
            self._listener.wait()
        except Exception as exc:
            log.info("global keys could not start: %s", exc)
            self._listener = None
            return str(exc) or type(exc).__name__
        return None

    def stop(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None

    @property
    def listening(self) -> bool:
        return self._listener is not None

    def _on_press(self, key: Any) -> None:
        n = f_number(key)
        if n is None or n in self._held:
            return
        now = time.monotonic()
        if now - self._last.get(n, -1.0) < REPEAT_SECONDS:
            return  # the same press reported again, or a bounce: no finger is that quick
        self._held.add(n)
        self._last[n] = now
        self.pressed.emit(n)  # queued to the console's thread

    def _on_release(self, key: Any) -> None:
        n = f_number(key)
        if n is not None:
            self._held.discard(n)

    def _win32_filter(self, msg: int, data: Any) -> bool:
        n = data.vkCode - VK_F1 + 1
        if FIRST <= n <= LAST:
            if msg == 0x0100:  # WM_KEYDOWN: ours, and nobody else's
                self._on_press(f"f{n}")
            elif msg == 0x0101:  # WM_KEYUP
                self._on_release(f"f{n}")
            self._listener.suppress_event()
        return True
