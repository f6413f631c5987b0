"""节假日: holidays and 调休 working days."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter.settings.base import Owner, _Page
from shared.base.messages import render
from shared.qt.widgets import label


class _DayList(QWidget):
    """One list of dates with its date picker: add the date picked, remove the one selected."""

    def __init__(self) -> None:
        super().__init__()
        self.heading = label(role="heading")
        self.days = QListWidget()
        self.days.setObjectName("settingsDays")
        self.pick = QDateEdit()
        self.pick.setCalendarPopup(True)
        self.pick.setDisplayFormat("yyyy-MM-dd")
        self.add = QPushButton()
        self.remove = QPushButton()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.heading)
        box.addWidget(self.days, 1)
        row = QHBoxLayout()
        row.addWidget(self.pick, 1)
        row.addWidget(self.add)
        box.addLayout(row)
        box.addWidget(self.remove)

    def chosen(self) -> date | None:
        item = self.days.currentItem()
        if item is None or not item.isSelected():
            return None
        day: date = item.data(Qt.ItemDataRole.UserRole)
        return day


class SettingsHolidaysPage(_Page):
    """节假日: the days the hall is closed, and the weekend days that are working days."""

    KINDS = ("holidays", "workday_swaps")

    def __init__(self, owner: Owner) -> None:
        super().__init__(owner)
        self.lists = {kind: _DayList() for kind in self.KINDS}
        today = self.hall.now().astimezone(self.settings.tz).date()
        split = QHBoxLayout()
        for kind, days in self.lists.items():
            days.pick.setDate(QDate(today.year, today.month, today.day))
            self.keys.extend((days.add, days.remove))
            days.add.clicked.connect(lambda _=False, k=kind: self.add(k))
            days.remove.clicked.connect(lambda _=False, k=kind: self.remove(k))
            days.days.itemSelectionChanged.connect(self.update_actions)
            split.addWidget(days, 1)
        self.box.addLayout(split, 1)
        self.finish_layout()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Holidays and swapped working days"))
        self.hint.setText(
            self.tr(
                "On a holiday the hall is closed, even on a weekday; a swapped working day "
                "is a weekend day the hall opens as on a weekday."
            )
        )
        holidays, swaps = self.lists["holidays"], self.lists["workday_swaps"]
        holidays.heading.setText(self.tr("Holidays (closed)"))
        swaps.heading.setText(self.tr("Swapped working days (open)"))
        holidays.days.setAccessibleName(self.tr("Holidays"))
        swaps.days.setAccessibleName(self.tr("Swapped working days"))
        holidays.pick.setAccessibleName(self.tr("Holiday to add"))
        swaps.pick.setAccessibleName(self.tr("Swapped working day to add"))
        for days in self.lists.values():
            days.add.setText(self.tr("Add"))
            days.remove.setText(self.tr("Remove the day selected"))
        holidays.add.setAccessibleName(self.tr("Add the holiday"))
        swaps.add.setAccessibleName(self.tr("Add the swapped working day"))
        holidays.remove.setAccessibleName(self.tr("Remove the holiday selected"))
        swaps.remove.setAccessibleName(self.tr("Remove the swapped working day selected"))
        self.refresh()

    def _dates(self, kind: str) -> tuple[date, ...]:
        cal = self.settings.calendar
        return tuple(cal.holidays if kind == "holidays" else cal.workday_swaps)

    def refresh(self, *, force: bool = False) -> None:
        for kind, days in self.lists.items():
            keep = days.chosen()
            with QSignalBlocker(days.days):
                days.days.clear()
                for day in self._dates(kind):
                    weekday = render(f"weekday.{day.strftime('%a').lower()}", self.lang)
                    item = QListWidgetItem(f"{day.isoformat()}  {weekday}")
                    item.setData(Qt.ItemDataRole.UserRole, day)
                    days.days.addItem(item)
                    if day == keep:
                        days.days.setCurrentItem(item)
        self.update_actions()

    def can(self, button: QPushButton) -> bool:
        for days in self.lists.values():
            if button is days.remove:
                return days.chosen() is not None
        return True

    def add(self, kind: str) -> None:
        day = self.lists[kind].pick.date().toPython()
        assert isinstance(day, date)
        hall, token = self.hall, self.token
        self.save([lambda: hall.set_calendar_day(token, kind, day, True)])

    def remove(self, kind: str) -> None:
        day = self.lists[kind].chosen()
        if day is None:
            return
        hall, token = self.hall, self.token
        self.save([lambda: hall.set_calendar_day(token, kind, day, False)])
