"""Screenshots of the phone page as a citizen's phone shows it (390×844), for the README.

    python tests/phone_screens.py assets/screenshots     # make phone-screenshots

The demo hall in a temporary SQLite database at 9:30 on a Tuesday; a ticket for window 3
with three people ahead: phone-waiting.png; the three served and the ticket called:
phone-called.png; its service over: phone-rate.png (the rating form). Needs headless
Chromium (Debian: ``apt-get install chromium``) and a CJK font (fonts-wqy-microhei).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from shared.base.clock import FixedClock
from shared.config.hall_file import DEMO_HALL_PATH, load_hall_config
from shared.demo.simulate import initial_passwords, sign_in_a_posts
from shared.hall import Hall, init_hall
from shared.phone import create_app
from shared.phone.server import BackgroundServer
from shared.store.db import sqlite_url

TUESDAY_0930 = datetime(2026, 11, 24, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
SIZE = (390, 844)
WINDOW, CLERK = 3, "1003"


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "chromium-headless-shell", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("Chromium is needed: apt-get install chromium (or chromium-headless-shell)")


def shoot(browser: str, url: str, png: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--hide-scrollbars",
                "--lang=zh-CN",
                f"--window-size={SIZE[0]},{SIZE[1]}",
                f"--screenshot={png}",
                url,
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(png)


def main(out: Path) -> int:
    browser = chromium()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        url = sqlite_url(Path(folder) / "phone.db")
        clock = FixedClock(TUESDAY_0930)
        init_hall(url, load_hall_config(DEMO_HALL_PATH), clock)
        with Hall.connect(url, clock=clock) as hall:
            sign_in_a_posts(hall, initial_passwords(load_hall_config(DEMO_HALL_PATH)))
            for _ in range(3):
                hall.issue_ticket("gt-zc")
            clock.advance(minutes=2)
            ticket = hall.issue_ticket("gt-zc")  # window 3's service, three ahead
            page = f"/r/{ticket.review_code}?lang=zh"
            with BackgroundServer(create_app(hall)) as server:
                shoot(browser, server.url + page, out / "phone-waiting.png")
                for _ in range(3):
                    clock.advance(minutes=4)
                    hall.call_next(WINDOW, CLERK)
                    hall.end_service(WINDOW, CLERK)
                clock.advance(minutes=1)
                called = hall.call_next(WINDOW, CLERK)
                assert called is not None and called.number == ticket.number
                shoot(browser, server.url + page, out / "phone-called.png")
                clock.advance(minutes=6)
                hall.ask_review(WINDOW, CLERK)
                shoot(browser, server.url + page, out / "phone-rate.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "assets/screenshots")))
