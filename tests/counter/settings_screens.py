"""A screenshot of the supervisor's settings pages as a desk screen shows them (1920×1080).

    python -m tests.counter.settings_screens [folder]    # default: assets/screenshots

The demo hall in a temporary SQLite database at 9:30 on a Tuesday; supervisor 1015 signed
in; the 放号 page with 户籍迁移 picked, its daily cap and its morning slot's quota raised by
ten and saved: supervisor-settings-1920x1080.png (Chinese, offscreen, the staff screens'
stylesheet).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QTableWidget

from counter.settings import SettingsPages
from counter.window import STAFF_SCALE_SIDE
from shared.base.clock import FixedClock
from shared.config.hall_file import DEMO_HALL_PATH, load_hall_config
from shared.hall import Hall, init_hall
from shared.qt.i18n import set_language
from shared.qt.tasks import Worker
from shared.qt.theme import stylesheet
from shared.store.db import sqlite_url

TUESDAY_0930 = datetime(2026, 11, 24, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
SIZE = (1920, 1080)
NAME = "supervisor-settings-1920x1080.png"
SERVICE = "hj-qy"


def wait_for(signal: SignalInstance, act: Callable[[], None], seconds: float = 20) -> None:
    """``act``, then the event loop until ``signal`` (or the time is up)."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    act()
    loop.exec()
    signal.disconnect(loop.quit)


def pick(table: QTableWidget, key: str) -> None:
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.text() == key:
            table.selectRow(row)
            return
    raise LookupError(key)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "assets/screenshots")
    app = QApplication.instance() or QApplication([])
    set_language("zh")
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(Path(tmp) / "hall.db")
        clock = FixedClock(TUESDAY_0930)
        init_hall(url, load_hall_config(DEMO_HALL_PATH), clock)
        hall = Hall.connect(url, clock=clock)
        db = Worker("db")
        try:
            token = hall.sign_in_supervisor("1015", "demo1234", "desk").token
            pages = SettingsPages(hall, token=token, db=db, lang="zh")
            pages.setStyleSheet(stylesheet("staff", STAFF_SCALE_SIDE))
            pages.resize(*SIZE)
            pages.show()
            wait_for(pages.changes_read, lambda: None)
            caps = pages.caps
            pick(caps.table, SERVICE)
            caps.cap.setText(str(int(caps.cap.text() or 0) + 10))
            caps.rows[0].quota.setValue(caps.rows[0].quota.value() + 10)
            wait_for(pages.settings_saved, caps.save_button.click)
            app.processEvents()
            folder.mkdir(parents=True, exist_ok=True)
            pages.grab().save(str(folder / NAME))
            print(folder / NAME)
            pages.close()
        finally:
            db.close()
            hall.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
