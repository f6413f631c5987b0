"""The lobby display and window screens of the demo hall, for the demo and the README:
``python -m kiosk.display_demo --db URL --out DIR`` saves the lobby display at 1920×1080,
1080×1920 and on a 1366×768 TV, the same with the connection lost, and the screens above
a few windows, as the hall stands at the clock's moment (``YIMEN_NOW``). Run it under
``QT_QPA_PLATFORM=offscreen`` on a machine with no screen, or under xvfb for a real one.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.display import HallScreen, LobbyDisplay, WindowScreen
from shared.base.clock import clock_from_env
from shared.hall import Hall
from shared.qt.feed_bridge import FeedBridge
from shared.qt.headless import save_screens, settle

LOBBY_SIZES = {"1920x1080": (QSize(1920, 1080), 55), "1080x1920": (QSize(1080, 1920), 55),
               "tv-1366x768": (QSize(1366, 768), 43)}  # fmt: skip
WINDOW_SIZE = QSize(1366, 768)


def walk(hall: Hall, out: Path, app: QApplication) -> list[Path]:
    saved: list[Path] = []

    def shot(screen: HallScreen, name: str) -> None:
        screen.show()
        settle(app, lambda: screen.started_up)
        path = out / f"display-{name}.png"
        screen.grab().save(str(path))
        saved.append(path)
        screen.close()

    url = hall.db.url.render_as_string(hide_password=False)
    call_one(hall)
    for name, (size, inches) in LOBBY_SIZES.items():
        shot(LobbyDisplay(hall, size=size, inches=inches), name)
    bridge = FeedBridge(url)  # the screen starts it; the demo says the connection is lost
    lost = LobbyDisplay(hall, bridge=bridge, size=QSize(1920, 1080), inches=55)
    settle(app, lambda: lost.started_up)
    bridge.connection_lost.emit("the demo pulls the cable")
    shot(lost, "1920x1080-connection-lost")
    bridge.stop()
    shown: dict[str, int | None] = dict.fromkeys(("called", "serving", "open", "closed"))
    for w in hall.lobby().windows:
        kind = w.ticket_state if w.ticket else ("open" if w.open else "closed")
        if kind in shown and shown[kind] is None:
            shown[kind] = w.number
    for kind, number in shown.items():
        if number is not None:
            shot(WindowScreen(hall, number, size=WINDOW_SIZE), f"window{number}-{kind}")
    at = hall.settings.local(hall.now())
    print(f"  {at:%H:%M}：{len(saved)} 张综合屏与窗口屏截图 {out}/display-*.png", flush=True)
    return saved


def call_one(hall: Hall) -> None:
    """A clerk at an open window calls the next citizen (F1), so a call is in hand."""
    lobby = hall.lobby()
    if any(w.ticket_state == "called" for w in lobby.windows):
        return
    for w in lobby.windows:
        open_and_free = w.open and w.ticket is None and w.clerk_code is not None
        if open_and_free and hall.call_next(w.number, w.clerk_code or "") is not None:
            return


def main(argv: Sequence[str] | None = None) -> int:
    def work(hall: Hall, out: Path, app: QApplication) -> None:
        walk(hall, out, app)

    return save_screens("kiosk.display_demo", argv, lambda: clock_from_env(runs=False), work)


if __name__ == "__main__":
    sys.exit(main())
