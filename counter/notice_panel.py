"""The one-time notice panel of the console (一次性告知, Ctrl+N).

With a ticket in hand, the panel lists the service's materials, ticked for those the clerk
has *not* ticked as handed over in the desk's checklist, and a line for anything else.
Enter prints the notice and holds the ticket (the citizen fetches the materials and comes
back ahead of the line). The record is made on the database worker; the slip is laid out
and printed on the printer's worker, so a slow or broken printer never holds the keys. A
printer that fails leaves the notice recorded and the ticket held; the status line says
what the printer needs and how to print it again.

Without a ticket in hand, or for a ticket whose visit already has its notice, the panel
offers the reprint (补打) of a ticket number instead: the same notice, marked 补打.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter.console import Console
from shared.base.errors import HallError, YimenError
from shared.devices.printing import notice_pdf
from shared.hall import NoticeInfo
from shared.qt.tasks import Worker
from shared.qt.widgets import label
from shared.rules.notices import print_fault_sentence

log = logging.getLogger(__name__)


class NoticePanel(QWidget):
    """The Ctrl+N side panel of a console: give the notice, or reprint one."""

    def __init__(self, console: Console) -> None:
        super().__init__()
        self.console = console
        self.printing = Worker("printer", self)  # layout and printer, off the GUI thread
        self._for: str | None = None  # the ticket the give page was opened for
        self._last: str | None = None  # the last notice given here: Ctrl+N offers it
        self.title = label(role="heading")
        self.pages = QStackedWidget()

        # Give: the service's materials, anything else, print.
        self.give_page = QWidget()
        self.what = label(role="hint")
        self.missing = QListWidget()
        self.missing.setWordWrap(True)
        self.missing.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.other_label = label(role="hint")
        self.other = QLineEdit()
        self.print_button = QPushButton()
        self.print_button.setProperty("role", "primary")
        self.print_button.clicked.connect(self.confirm)
        box = QVBoxLayout(self.give_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.what)
        box.addWidget(self.missing, 1)
        box.addWidget(self.other_label)
        box.addWidget(self.other)
        box.addWidget(self.print_button)

        # Reprint: a ticket number.
        self.reprint_page = QWidget()
        self.reprint_sentence = label(role="refusal")
        self.number_label = label(role="hint")
        self.number = QLineEdit()
        self.number.setMaxLength(8)
        self.reprint_button = QPushButton()
        self.reprint_button.setProperty("role", "primary")
        self.reprint_button.clicked.connect(self.confirm)
        box = QVBoxLayout(self.reprint_page)
        box.setContentsMargins(0, 0, 0, 0)
        for w in (self.reprint_sentence, self.number_label, self.number, self.reprint_button):
            box.addWidget(w)
        box.addStretch(1)

        self.pages.addWidget(self.give_page)
        self.pages.addWidget(self.reprint_page)
        self.hint = label(role="hint")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.title)
        outer.addWidget(self.pages, 1)
        outer.addWidget(self.hint)
        # Enter prints (from the list, the line or the buttons); Space ticks in the list.
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.confirm)
        self.retranslate()

    # -- opening -----------------------------------------------------------------------

    def open(self) -> None:
        """Ctrl+N: the give page for the ticket in hand, or the reprint page when there is
        none in hand or its visit already has its notice (asked of the core first)."""
        c = self.console
        if c.clerk is None:
            return
        if c.compact:
            c.toggle_compact()  # the panel lives beside the full desk
        ticket = c.desk.ticket if c.desk is not None else None
        if ticket is None:
            self.show_reprint(self._last, "")
            return
        number = ticket.number

        def got(notices: list[NoticeInfo]) -> None:
            given = next((n for n in notices if n.number == number), None)
            if given is not None:
                refusal = HallError("notice.already_given", number=number, time=f"{given.at:%H:%M}")
                self.show_reprint(number, refusal.message(c.lang))
            else:
                self.show_give()

        c.db.submit(c.hall.notices, got, c.refused)

    def show_give(self) -> None:
        c = self.console
        ticket = c.desk.ticket if c.desk is not None else None
        if ticket is None:
            return
        self._for = ticket.number
        handed = c.checklist.handed()
        self.missing.clear()
        for name in c.settings.catalog.service(ticket.service_code).materials:
            item = QListWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if name in handed else Qt.CheckState.Checked)
            self.missing.addItem(item)
        self.missing.setCurrentRow(0)
        self.other.clear()
        self.what.setText(
            self.tr("{number} · {service}: still missing").format(
                number=ticket.number, service=ticket.service_name
            )
        )
        self.pages.setCurrentWidget(self.give_page)
        self._show()
        self.missing.setFocus()

    def show_reprint(self, number: str | None, sentence: str) -> None:
        self._for = None
        self.reprint_sentence.setText(sentence)
        self.reprint_sentence.setVisible(bool(sentence))
        self.number.setText(number or "")
        self.pages.setCurrentWidget(self.reprint_page)
        self._show()
        self.number.setFocus()
        self.number.selectAll()

    def _show(self) -> None:
        self.print_button.setEnabled(True)
        self.reprint_button.setEnabled(True)
        self.console.side.setCurrentWidget(self)

    def ticked(self) -> list[str]:
        items = (self.missing.item(i) for i in range(self.missing.count()))
        return [it.text() for it in items if it.checkState() == Qt.CheckState.Checked]

    # -- giving and reprinting --------------------------------------------------------------

    def confirm(self) -> None:
        if self.console.side.currentWidget() is not self:
            return
        if self.pages.currentWidget() is self.give_page:
            self.give()
        else:
            self.reprint()

    def give(self) -> None:
        c = self.console
        if c.clerk is None or self._for is None or not self.print_button.isEnabled():
            return
        code, number = c.clerk.clerk, self._for
        materials, other = self.ticked(), self.other.text().strip() or None
        self.print_button.setEnabled(False)  # one notice per press, however fast the keys

        def done(info: NoticeInfo) -> None:
            self._last = info.number
            c.close_panel()
            c.refresh()
            self._print(info)

        def failed(exc: BaseException) -> None:
            self.print_button.setEnabled(True)
            if isinstance(exc, HallError) and exc.code == "notice.already_given":
                self.show_reprint(number, exc.message(c.lang))  # given meanwhile: reprint it
            c.refused(exc)

        c.db.submit(lambda: c.hall.give_notice(c.window_no, code, materials, other), done, failed)

    def reprint(self) -> None:
        c = self.console
        number = self.number.text().strip().upper()
        if c.clerk is None or not self.reprint_button.isEnabled():
            return
        if not number:
            self.number.setFocus()
            return
        code = c.clerk.clerk
        self.reprint_button.setEnabled(False)

        def done(info: NoticeInfo) -> None:
            self._last = info.number
            c.close_panel()
            self._print(info)

        def failed(exc: BaseException) -> None:
            self.reprint_button.setEnabled(True)
            c.refused(exc)

        c.db.submit(lambda: c.hall.reprint_notice(number, c.window_no, code), done, failed)

    def _print(self, info: NoticeInfo) -> None:
        """Lay the slip out and print it on the printer's worker; say how it went."""
        c = self.console
        paper = c.settings.notice.paper
        printer = c.printer
        c.say(self.tr("Printing the notice for {number}…").format(number=info.number))

        def printed(_: object) -> None:
            if info.reprint:
                c.say(
                    self.tr("Notice for {number} printed again (补打).").format(number=info.number)
                )
            else:
                c.say(
                    self.tr(
                        "Notice for {number} printed. The ticket is held while the citizen"
                        " fetches the materials."
                    ).format(number=info.number)
                )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, YimenError):
                sentence = print_fault_sentence(info.number, exc, c.lang)
            else:
                log.error("printing notice %s failed", info.serial, exc_info=exc)
                sentence = self.tr("The notice for {number} is recorded but did not print.").format(
                    number=info.number
                )
            c.say(
                sentence
                + " "
                + self.tr("Ctrl+N, then {number} and Enter, prints it again.").format(
                    number=info.number
                ),
                alert=True,
            )

        self.printing.submit(
            lambda: printer.print_pdf(notice_pdf(info, paper), info.file_stem), printed, failed
        )

    def close_worker(self) -> None:
        self.printing.close(wait=False)

    # -- words -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Ctrl+N One-time notice"))
        self.missing.setAccessibleName(self.tr("Materials still missing"))
        self.other_label.setText(self.tr("Anything else still needed"))
        self.other.setAccessibleName(self.other_label.text())
        self.print_button.setText(self.tr("Print the notice and hold the ticket"))
        self.print_button.setAccessibleName(self.print_button.text())
        self.number_label.setText(self.tr("Reprint the notice of ticket number"))
        self.number.setAccessibleName(self.number_label.text())
        self.reprint_button.setText(self.tr("Reprint the notice (补打)"))
        self.reprint_button.setAccessibleName(self.reprint_button.text())
        self.hint.setText(self.tr("Space ticks; Enter prints; Esc closes."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
