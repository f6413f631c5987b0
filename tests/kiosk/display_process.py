"""The lobby display in a process of its own (offscreen), its clock set from outside, for
the soak test: days of calls in minutes, the process's memory measured as it goes.

``python -m tests.kiosk.display_process URL START_ISO``, then one command a line on stdin:

* ``now ISO``: the display's clock moves to that moment (it notices within a second);
* ``state``: prints ``STATE {json}``: the day, the newest number, the calls listed, the
  waiting per zone, how many calls it has shown, its memory (RSS, after a collection);
* ``quit``.
"""

from __future__ import annotations

import gc
import json
import queue
import sys
import threading
from datetime import datetime

import psutil
from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.display import LobbyDisplay
from shared.base.clock import FixedClock
from shared.hall import Hall
from shared.qt.feed_bridge import FeedBridge
from shared.qt.i18n import set_language


def main(url: str, start: str) -> None:
    app = QApplication([])
    set_language("zh")
    clock = FixedClock(datetime.fromisoformat(start))
    hall = Hall.connect(url, clock)
    bridge = FeedBridge(url)
    d = LobbyDisplay(hall, bridge=bridge, size=QSize(1920, 1080))
    d.show()
    shown = [0]
    d.call_shown.connect(lambda _call: shown.__setitem__(0, shown[0] + 1))
    commands: queue.Queue[str] = queue.Queue()
    threading.Thread(
        target=lambda: [commands.put(line.strip()) for line in sys.stdin], daemon=True
    ).start()
    me = psutil.Process()

    def serve() -> None:
        while not commands.empty():
            command, _, arg = commands.get().partition(" ")
            if command == "now":
                clock.set(datetime.fromisoformat(arg))
            elif command == "state":
                gc.collect()
                state = {
                    "day": str(d.board.day),
                    "newest": d.newest_number.text(),
                    "rows": [n.text() for n, _w in d.rows if n.text()],
                    "zones": {code: count.text() for code, (_n, count) in d.zone_labels.items()},
                    "shown": shown[0],
                    "rss": me.memory_info().rss,
                }
                print("STATE " + json.dumps(state, ensure_ascii=False), flush=True)
            elif command == "quit":
                app.quit()

    timer = QTimer()
    timer.timeout.connect(serve)
    timer.start(20)
    print("READY", flush=True)
    app.exec()
    bridge.stop()
    hall.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
