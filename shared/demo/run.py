"""``yimen demo`` (``make demo``): the demo hall opened for someone trying Yimen.

    yimen demo              # the kiosk and a console per staffed window (headless: below)
    yimen demo --headless   # every kiosk screen saved as PNG, the slips, some calls as WAV,
                            # and the consoles working a simulated morning from their keys
    yimen demo --morning    # a simulated morning told in the terminal

The demo hall lives in its own database (``demo.db`` beside the real one), so trying it
never touches a hall's data. Outside the hall's hours (an evening, a weekend) the demo runs
on the next working day from 09:30, the clock moving on from there, so a ticket can be taken
at any time of day. The kiosk is a Qt app: it is imported by name, the core never imports Qt.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import platformdirs
from sqlalchemy import func, select

from shared.base.clock import clock_from_env
from shared.base.messages import render
from shared.config.hall_file import DEMO_HALL_PATH, load_hall_config
from shared.demo.simulate import initial_passwords, next_open_day, run_demo_morning
from shared.devices.printing import default_slip_folder
from shared.devices.speech import call_words
from shared.devices.voice import Voice, write_wav
from shared.hall import Hall, init_hall
from shared.store.db import connect, sqlite_url
from shared.store.model import Event

DEMO_OPENS_AT = time(9, 30)
CALLS = ((1, "1001"), (3, "1003"), (6, "1006"))  # windows with people waiting by then


def demo_db_path() -> Path:
    return Path(platformdirs.user_data_dir("yimen", appauthor=False)) / "demo.db"


def has_screen() -> bool:
    """Whether a window can be shown here: always on Windows and macOS, on Linux only
    under X11 or Wayland (a server over ssh has neither)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def demo_moment(hall: Hall, now: datetime) -> datetime | None:
    """None when the demo hall issues tickets right now; otherwise the moment the demo
    pretends it is: 09:30 on the next day the hall is open."""
    local = hall.settings.local(now)
    opening = hall.settings.opening(local.date())
    t = local.time()
    if opening is not None and opening.issues_tickets_at(t) and not opening.in_noon_break(t):
        return None
    start = local.date() + timedelta(days=0 if local.time() < DEMO_OPENS_AT else 1)
    day = next_open_day(hall, start)
    return hall.settings.at(day, DEMO_OPENS_AT)


def open_demo_hall(url: str) -> str | None:
    """Create (or bring up to date) the demo hall at ``url``; return the ``YIMEN_NOW`` the
    apps should run at, or None for the real time."""
    clock = clock_from_env(runs=False)  # YIMEN_NOW too: a closed moment moves on as well
    init_hall(url, load_hall_config(DEMO_HALL_PATH), clock)
    with Hall.connect(url, clock) as hall:
        moment = demo_moment(hall, clock.now())
    if moment is None:
        return os.environ.get("YIMEN_NOW") or None
    return moment.isoformat(timespec="minutes")


def app_main(module: str) -> Callable[[list[str]], int]:
    main: Callable[[list[str]], int] = importlib.import_module(module).main
    return main


def opened_lines(url: str, now: str | None, staffed: list[tuple[int, str]], lang: str) -> str:
    """What the windowed demo tells the terminal: the stations it opened (``staffed``: each
    window with a clerk, and the clerk's code) and how to call from the terminal too."""
    consoles = [render("demo.opened.console", lang, window=n, clerk=code) for n, code in staffed]
    lines = [render("demo.hall", lang, url=url)]
    if now:
        lines.append(render("demo.opened.moment", lang, now=now))
    lines += [
        render("demo.opened.kiosk", lang, folder=default_slip_folder()),
        render("demo.opened.display", lang),
        render("demo.opened.consoles", lang, count=len(staffed), consoles=consoles),
        render("demo.opened.terminal", lang),
        "  "
        + (f"export YIMEN_NOW={now}; " if now else "")
        + f"yimen sign-in 1 --clerk 1001 --db {url}",
        f"  yimen call 1 --clerk 1001 --db {url}",
    ]
    return "\n".join(lines)


def run_window(url: str, lang: str) -> int:
    """The kiosk in this process and a clerk's console for each window with a clerk, each
    in a process of its own as on the hall's PCs; closing the kiosk closes them all."""
    now = open_demo_hall(url)
    if now:
        os.environ["YIMEN_NOW"] = now
    with Hall.connect(url, clock_from_env(runs=False)) as hall:
        staffed = [(w.number, w.a_clerk) for w in hall.windows() if w.a_clerk]
    consoles = [
        subprocess.Popen(
            [sys.executable, "-m", "counter", "--window", str(n), "--db", url, "--lang", lang]
        )
        for n, _ in staffed
    ]
    display = [sys.executable, "-m", "kiosk.display_app", "--db", url, "--size", "1280x720"]
    consoles.append(subprocess.Popen([*display, "--lang", lang]))  # on a PC of its own
    print(opened_lines(url, now, staffed, lang), flush=True)
    try:
        return app_main("kiosk.app")(
            ["--db", url, "--kiosk", "K1", "--size", "720x1280", "--lang", lang]
        )
    finally:
        for console in consoles:
            console.terminate()
        for console in consoles:
            console.wait(10)


def run_headless(out: Path, lang: str) -> int:
    """Everything a screen would show, saved to files: a fresh demo hall in ``out``."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    url = sqlite_url(out / "demo.db")
    now = open_demo_hall(url)
    if now:
        os.environ["YIMEN_NOW"] = now
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    head = (
        render("demo.hall_at", lang, url=url, now=now)
        if now
        else render("demo.hall", lang, url=url)
    )
    print(head, flush=True)
    print(render("demo.files.kiosk", lang), flush=True)
    status = app_main("kiosk.demo")(["--db", url, "--out", str(out)])
    if status:
        return status
    print(render("demo.files.calls", lang), flush=True)

    calls = out / "calls"
    calls.mkdir()
    passwords = initial_passwords(load_hall_config(DEMO_HALL_PATH))
    with Hall.connect(url, clock_from_env(runs=True)) as hall:
        voice = Voice(hall.settings.voice)
        try:
            for window, clerk in CALLS:
                hall.sign_in(clerk, passwords[clerk], window)
                ticket = hall.call_next(window, clerk)
                if ticket is None:
                    continue
                words = call_words(ticket.number, window, hall.settings.voice, lang)
                path = calls / f"{ticket.number}-window{window}.wav"
                write_wav(path, voice.render_call(words))
                print(f"  {words.text}  {path}", flush=True)
        finally:
            voice.close()
    print(render("demo.files.consoles", lang), flush=True)
    status = app_main("counter.demo")(["--db", url, "--out", str(out)])
    if status:
        return status
    print(render("demo.files.displays", lang), flush=True)
    os.environ["YIMEN_NOW"] = last_activity(url).isoformat()
    status = app_main("kiosk.display_demo")(["--db", url, "--out", str(out)])
    if status:
        return status
    print(render("demo.files.done", lang, out=out), flush=True)
    return 0


def last_activity(url: str) -> datetime:
    """When the last thing happened in the hall (the end of the simulated morning)."""
    db = connect(url)
    try:
        with db.read() as s:
            at = s.scalar(select(func.max(Event.at)))
    finally:
        db.dispose()
    return (at or datetime.now(UTC)) + timedelta(seconds=1)


def run_demo(args: argparse.Namespace, lang: str, as_json: bool) -> int:
    if args.morning:
        return run_demo_morning(args.db, lang, as_json=as_json)
    if args.headless or not has_screen():
        return run_headless(Path(args.out), lang)
    return run_window(args.db or sqlite_url(demo_db_path()), lang)
