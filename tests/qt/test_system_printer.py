"""The system printer path: the slip drawn through QtPrintSupport (here into Qt's own PDF
output, as no printer is installed), and a printer name the PC does not know."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from shared.devices.printing import PrinterFault, slip_pdf, ticket_slip
from shared.hall import Hall
from shared.qt.printing import SystemPrinter

pytestmark = [pytest.mark.gui, pytest.mark.parametrize("db_kind", ["sqlite"], indirect=True)]


def test_the_slip_goes_through_the_system_print_path(
    qapp: object, hall: Hall, tmp_path: Path
) -> None:
    t = hall.issue_ticket("gt-zc")
    pdf = slip_pdf(ticket_slip(t, hall.settings.kiosk, hall.settings.tz))
    out = tmp_path / "printed.pdf"
    SystemPrinter("Receipt", output_pdf=out).print_pdf(pdf, t.number)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    width_pt = float(info.split("Page size:")[1].split()[0])
    assert abs(width_pt / 72 * 25.4 - 80) < 1
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True)
    assert len(images.stdout.splitlines()) >= 3  # a header, a rule, the slip's image


def test_a_printer_name_the_pc_does_not_know_is_offline(
    qapp: object, hall: Hall, tmp_path: Path
) -> None:
    with pytest.raises(PrinterFault) as exc:
        SystemPrinter("No Such Printer").print_pdf(b"%PDF", "A001")
    assert exc.value.code == "printer.offline"
