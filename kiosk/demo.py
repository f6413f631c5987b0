"""The kiosk walked through every screen, for the demo and the README:
``python -m kiosk.demo --db URL --out DIR`` saves a screenshot of each screen (portrait
1080×1920 in Chinese, English and elderly type, and landscape 1920×1080) and prints the
slips into ``DIR/slips``.

It drives the real window exactly as a finger would (the same slots as the buttons) and
waits for each answer, so what it saves is what a citizen would see. Run it under
``QT_QPA_PLATFORM=offscreen`` on a machine with no screen, or under xvfb for a real one.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.window import KioskWindow
from shared.base.clock import clock_from_env
from shared.devices.printing import PdfFolderPrinter
from shared.hall import Hall
from shared.qt.headless import save_screens, settle


def walk(hall: Hall, out: Path, app: QApplication) -> list[Path]:
    saved: list[Path] = []
    printer = PdfFolderPrinter(out / "slips")

    def window(size: QSize) -> KioskWindow:
        w = KioskWindow(hall, printer, kiosk="K1", size=size)
        w.show()
        settle(app, lambda: bool(w.services))
        return w

    def shot(w: KioskWindow, name: str) -> None:
        settle(app)
        path = out / f"kiosk-{name}.png"
        w.grab().save(str(path))
        saved.append(path)
        print(f"  {path}", flush=True)

    def ticket(w: KioskWindow, start: Callable[[], None]) -> None:
        shown: list[object] = []
        printed: list[object] = []
        w.ticket_shown.connect(shown.append)
        w.slip_printed.connect(printed.append)
        w.printer_failed.connect(printed.append)
        start()
        settle(app, lambda: bool(shown))
        settle(app, lambda: bool(printed))  # the band says to take the slip

    def refusal(w: KioskWindow, name: str) -> None:
        """不动产登记, whose numbers are gone today, chosen from 社会民生: the refusal."""
        refused: list[str] = []
        w.refused.connect(refused.append)
        w._on_home_zone_chosen("MS")
        w._on_services_chosen("bdc-dj")
        settle(app, lambda: bool(refused))
        shot(w, name)

    for n in range(4):  # a morning already under way
        hall.issue_ticket(("qy-sl", "gt-zc", "sb-cb", "gt-zc")[n], kiosk="K2")

    w = window(QSize(1080, 1920))
    shot(w, "home")
    w._on_home_zone_chosen("SS")
    shot(w, "services")
    ticket(w, lambda: w._on_services_chosen("gt-zc"))
    shot(w, "ticket")
    w.go_home()
    w._on_home_green_chosen()
    w._on_home_zone_chosen("MS")
    ticket(w, lambda: w._on_services_chosen("sb-cb"))
    shot(w, "ticket-green")
    w.go_home()
    w._on_home_appointment_chosen()
    w.keypad.field.setText("2026")
    shot(w, "appointment")
    slot = hall.now().replace(second=0, microsecond=0)
    appt = hall.book_appointment(
        "gt-zc",
        slot,
        slot + timedelta(minutes=30),
        citizen_name="王强",
        id_number="11010519491231002X",
    )
    w.keypad.field.setText(appt.code)
    ticket(w, w.keypad._submit)
    shot(w, "ticket-appointment")
    w.go_home()
    for _ in range(40):
        hall.issue_ticket("bdc-dj", kiosk="K2")  # today's numbers for 不动产登记 are gone
    refusal(w, "refusal")
    w.ask_for_help()
    shot(w, "help")
    w.go_home()
    w._on_home_elderly_toggled()
    shot(w, "elderly-home")
    w._on_home_zone_chosen("MS")
    shot(w, "elderly-services")
    w.next_citizen()
    w._on_home_language_toggled()
    shot(w, "home-en")
    w._on_home_zone_chosen("MS")
    shot(w, "services-en")
    ticket(w, lambda: w._on_services_chosen("yl-dy"))
    shot(w, "ticket-en")
    w.go_home()
    refusal(w, "refusal-en")
    w.next_citizen()
    w.close()

    wide = window(QSize(1920, 1080))
    shot(wide, "home-landscape")
    refusal(wide, "refusal-landscape")
    wide.go_home()
    wide._on_home_zone_chosen("SS")
    ticket(wide, lambda: wide._on_services_chosen("qy-sl"))
    shot(wide, "ticket-landscape")
    wide.go_home()
    wide._on_home_elderly_toggled()
    wide._on_home_zone_chosen("MS")
    shot(wide, "elderly-services-landscape")
    wide.go_home()
    wide._on_home_appointment_chosen()
    shot(wide, "elderly-appointment-landscape")
    wide.go_home()
    wide._on_home_zone_chosen("SS")
    ticket(wide, lambda: wide._on_services_chosen("gt-zc"))
    shot(wide, "elderly-ticket-landscape")
    wide.close()
    return saved


def main(argv: Sequence[str] | None = None) -> int:
    return save_screens("kiosk.demo", argv, lambda: clock_from_env(runs=True), walk)


if __name__ == "__main__":
    sys.exit(main())
