"""The system printer by name (QtPrintSupport): the Windows driver path for receipt
printers that come with a driver, and any printer the PC knows.

The slip is the same PDF as everywhere (`shared.devices.printing.slip_pdf`, or the one-time
notice's `notice_pdf`), rasterised at the printer's resolution and drawn at its real width,
top left of the page; every page of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from shared.devices.printing import Printer, PrinterFault, pdf_to_images, printer_from_spec

if TYPE_CHECKING:
    from PIL.Image import Image


class SystemPrinter:
    """Prints through the operating system's printer ``name`` (``system:NAME``)."""

    def __init__(self, name: str, width_mm: int = 80, output_pdf: Path | None = None) -> None:
        self.name = name
        self.width_mm = width_mm
        self.output_pdf = output_pdf  # for tests: Qt's own PDF output instead of a device
        self.description = f"system printer {name}"

    def print_pdf(self, pdf: bytes, name: str) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.output_pdf is not None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.output_pdf))
        else:
            if self.name not in QPrinterInfo.availablePrinterNames():
                raise PrinterFault(
                    "printer.offline", printer=self.name, detail="not installed on this PC"
                )
            printer.setPrinterName(self.name)
        if not printer.isValid():
            raise PrinterFault("printer.offline", printer=self.name, detail="not valid")
        printer.setDocName(name)
        dpi = printer.resolution()
        width_px = round(self.width_mm / 25.4 * dpi)
        pages = [raster.convert("L") for raster in pdf_to_images(pdf, width_px)]

        def page_size(raster: Image) -> QPageSize:
            height_mm = raster.height / dpi * 25.4
            return QPageSize(QSizeF(self.width_mm, height_mm), QPageSize.Unit.Millimeter)

        printer.setPageSize(page_size(pages[0]))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterFault("printer.failed", printer=self.name, detail="cannot start a page")
        try:
            for i, raster in enumerate(pages):  # a notice on sheets may run to more pages
                if i:
                    printer.setPageSize(page_size(raster))
                    printer.newPage()
                image = QImage(
                    raster.tobytes(),
                    raster.width,
                    raster.height,
                    raster.width,
                    QImage.Format.Format_Grayscale8,
                ).copy()
                painter.drawImage(QRectF(0, 0, image.width(), image.height()), image)
        finally:
            painter.end()


def station_printer(spec: str | None, width_mm: int = 80) -> Printer:
    """A station's printer from its setting, the system printer (``system:NAME``) too."""
    if spec and spec.startswith("system:"):
        return SystemPrinter(spec.removeprefix("system:"), width_mm)
    return printer_from_spec(spec, width_mm)
