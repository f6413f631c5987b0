"""Words the screens share about a ticket, translated once (context "Ticket")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from shared.hall import TicketInfo


def ticket_marks(t: TicketInfo) -> list[str]:
    """What sets the ticket apart, as the citizen's ticket screen and the clerk's console
    both show it: 绿色通道, 预约, 补打."""
    marks = []
    if t.priority == "green":
        marks.append(QCoreApplication.translate("Ticket", "Green channel"))
    if t.priority == "appointment":
        marks.append(QCoreApplication.translate("Ticket", "Appointment"))
    if t.reprint:
        marks.append(QCoreApplication.translate("Ticket", "Reprint"))
    return marks
