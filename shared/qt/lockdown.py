"""A public station locked for the hall: full screen, no frame, on top, and nothing a
citizen can press or swipe closes it.

`Lockdown` is an event filter on the whole application, so it covers every window of
the station (the connecting window too) and every widget in them:

* a close request (Alt+F4 through the window manager, a taskbar's close, ``close()``)
  is refused, until the maintenance panel asks to leave (`leave`);
* keys that close, quit or switch on a desktop do nothing: Escape, the F-keys and any
  key with Ctrl, Alt or Meta (Alt+F4, Ctrl+W, Ctrl+Q, Alt+Tab where Qt sees it); the
  kiosk's own keys pass (digits and letters, Shift, Enter, Tab, Backspace, arrows):
  a barcode scanner and a screen reader's keypad keep working;
* context menus are off (a long press becomes a right click on a touchscreen), and
  right clicks and gestures reach no widget;
* a locked window that is minimised, or leaves full screen, is put back at once.

What the application cannot stop (Ctrl+Alt+Del, the operating system's own gestures
and shortcuts) the PC's kiosk set-up stops: the README's "The kiosk locked" says how,
on Windows and Linux.

With ``locked=False`` (``--windowed``, ``--size``) the filter is not installed and the
station is an ordinary window, for IT and for trying layouts; `leave` works the same.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QScreen, QShortcutEvent
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

_K = Qt.Key
#: Keys that do nothing on a locked station, whatever the modifiers.
BLOCKED_KEYS = frozenset(
    {
        _K.Key_Escape,
        _K.Key_Close,
        _K.Key_Exit,
        _K.Key_Cancel,
        _K.Key_Back,
        _K.Key_Menu,
        _K.Key_TopMenu,
        _K.Key_Sleep,
        _K.Key_Suspend,
        _K.Key_Hibernate,
        _K.Key_PowerOff,
        _K.Key_PowerDown,
        _K.Key_Standby,
        _K.Key_LogOff,
        _K.Key_Meta,
        _K.Key_Super_L,
        _K.Key_Super_R,
        _K.Key_Alt,
        _K.Key_AltGr,
        _K.Key_Control,
        *(getattr(_K, f"Key_F{n}") for n in range(1, 36)),
    }
)
#: Modifiers that make any key do nothing (Shift alone is typing).
BLOCKED_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
#: Events no widget of a locked station gets.
_EATEN = frozenset(
    {
        QEvent.Type.ContextMenu,
        QEvent.Type.Gesture,
        QEvent.Type.GestureOverride,
        QEvent.Type.NativeGesture,
        QEvent.Type.WhatsThis,
        QEvent.Type.QueryWhatsThis,
        QEvent.Type.EnterWhatsThisMode,
    }
)
_MOUSE = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
    }
)
_CLOSE = frozenset({QEvent.Type.Close, QEvent.Type.Quit})


def blocked_key(key: int, modifiers: Qt.KeyboardModifier) -> bool:
    """Whether a key (with its modifiers) does nothing on a locked station."""
    return key in BLOCKED_KEYS or bool(modifiers & BLOCKED_MODIFIERS)


class Lockdown(QObject):
    """The lock of one station's application (see the module's docstring)."""

    left = Signal(int)  # leaving was asked for, with this exit status
    refused = Signal(str)  # something tried to close or leave the screen (for the log, tests)

    def __init__(self, *, locked: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.locked = locked
        self.status: int | None = None  # the exit status asked for, once leaving
        self._windows: list[QWidget] = []
        self._app = QCoreApplication.instance()
        if locked and self._app is not None:
            self._app.installEventFilter(self)

    @property
    def leaving(self) -> bool:
        return self.status is not None

    def show(self, window: QWidget, *, screen: QScreen | None = None) -> None:
        """Show ``window`` as the station's screen: locked, full screen without a frame
        and on top of everything; unlocked, as an ordinary window."""
        if screen is not None:
            window.setScreen(screen)
            window.move(screen.geometry().topLeft())
        if not self.locked:
            window.show()
            return
        window.setWindowFlags(
            window.windowFlags()
            | Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._windows.append(window)
        window.destroyed.connect(lambda *_: self._forget(window))
        # The screen's whole size first: a kiosk PC without a window manager (a bare X
        # session) honours no full-screen request, and the window would keep its own size.
        target = screen or window.screen() or QGuiApplication.primaryScreen()
        if target is not None:
            window.setGeometry(target.geometry())
        window.showFullScreen()
        window.raise_()
        window.activateWindow()

    def leave(self, status: int = 0) -> None:
        """The maintenance panel's exit or restart: the lock opens, the station is told
        (`left`) to end with ``status``."""
        if self.status is not None:
            return
        self.status = status
        log.info("leaving the station's screen (exit status %d)", status)
        self.release()
        self.left.emit(status)

    def release(self) -> None:
        """The lock opens (the station is ending): its windows may close."""
        if self.status is None:
            self.status = 0
        if self._app is not None and self.locked:
            self._app.removeEventFilter(self)

    def _forget(self, window: QWidget) -> None:
        self._windows = [w for w in self._windows if w is not window]

    def _restore(self, window: QWidget) -> None:
        if self.status is None and window in self._windows and window.isVisible():
            window.showFullScreen()
            window.raise_()
            window.activateWindow()

    # -- the filter --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.status is not None:
            return False
        kind = event.type()
        if kind in _CLOSE:
            if kind == QEvent.Type.Quit or _a_window(watched):
                event.ignore()
                self.refused.emit("close")
                return True
            return False
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            if isinstance(event, QKeyEvent) and blocked_key(event.key(), event.modifiers()):
                if kind == QEvent.Type.ShortcutOverride:
                    event.accept()  # taken here: no shortcut fires for it …
                if kind == QEvent.Type.KeyPress:
                    self.refused.emit("key")
                return True  # … and no widget sees it
            return False
        if kind == QEvent.Type.Shortcut:
            return isinstance(event, QShortcutEvent) and _sequence_blocked(event)
        if kind in _EATEN:
            return True
        if kind in _MOUSE:
            return isinstance(event, QMouseEvent) and event.button() not in (
                Qt.MouseButton.LeftButton,
                Qt.MouseButton.NoButton,
            )
        if kind == QEvent.Type.WindowStateChange and isinstance(watched, QWidget):
            if watched in self._windows and (watched.isMinimized() or not watched.isFullScreen()):
                # Minimised by a gesture or a key the system saw first: back at once.
                self.refused.emit("minimise")
                QTimer.singleShot(0, lambda w=watched: self._restore(w))
            return False
        return False


def _a_window(watched: QObject) -> bool:
    """A window of the station (not a popup or a tooltip, which close by themselves)."""
    if not isinstance(watched, QWidget) or not watched.isWindow():
        return False
    return watched.windowType() not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


def _sequence_blocked(event: QShortcutEvent) -> bool:
    sequence = event.key()
    if sequence.count() == 0:
        return False
    combined = sequence[0]  # type: ignore[index]  # the stubs miss QKeySequence.__getitem__
    return blocked_key(combined.key(), combined.keyboardModifiers())


__all__ = ["BLOCKED_KEYS", "Lockdown", "blocked_key"]
