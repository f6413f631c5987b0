"""告警阈值: when the supervisor's station raises an alarm."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QSpinBox

from counter.settings.base import Owner, _Page
from shared.qt.widgets import label
from shared.rules import setup as su

#: The thresholds of the alarms page: the key's path in the hall's configuration.
ALARM_KEYS = (
    "alarms.wait_minutes",
    "alarms.long_service_factor",
    "alarms.both_away_minutes",
    "alarms.help_minutes",
    "alarms.case_warn_days",
    "staffing.empty_post_minutes",
)


class SettingsAlarmsPage(_Page):
    """告警阈值: the thresholds of the alarms and the chime; saved as one change."""

    def __init__(self, owner: Owner) -> None:
        super().__init__(owner)
        self.spins: dict[str, QSpinBox] = {}
        self.labels: dict[str, Any] = {}
        grid = QGridLayout()
        for row, path in enumerate(ALARM_KEYS):
            spin = QSpinBox()
            spin.setRange(0, 999)  # the core says what a threshold may be
            self.spins[path] = spin
            self.labels[path] = label(wrap=False)
            grid.addWidget(self.labels[path], row, 0)
            grid.addWidget(spin, row, 1)
        self.sound = QCheckBox()
        grid.addWidget(self.sound, len(ALARM_KEYS), 0, 1, 2)
        grid.setColumnStretch(2, 1)
        self.save_button = self.button("primary")
        self.save_button.clicked.connect(self.submit)
        self.box.addLayout(grid)
        keys = QHBoxLayout()
        keys.addWidget(self.save_button)
        keys.addStretch(1)
        self.box.addLayout(keys)
        self.finish_layout()
        self.box.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Alarm thresholds"))
        self.hint.setText(
            self.tr("When the supervisor's station raises an alarm; saved, it applies at once.")
        )
        words = {
            "alarms.wait_minutes": self.tr("A ticket waits longer than"),
            "alarms.long_service_factor": self.tr("One ticket at a window longer than"),
            "alarms.both_away_minutes": self.tr("A and B of a post both away for"),
            "alarms.help_minutes": self.tr("A help request unanswered for"),
            "alarms.case_warn_days": self.tr("A bad-review case due within"),
            "staffing.empty_post_minutes": self.tr("A post's window empty for"),
        }
        units = {
            "alarms.wait_minutes": self.tr(" minutes"),
            "alarms.long_service_factor": self.tr(" × its handling time"),
            "alarms.both_away_minutes": self.tr(" minutes"),
            "alarms.help_minutes": self.tr(" minutes"),
            "alarms.case_warn_days": self.tr(" days"),
            "staffing.empty_post_minutes": self.tr(" minutes"),
        }
        for path, spin in self.spins.items():
            self.labels[path].setText(words[path])
            spin.setSuffix(units[path])
            spin.setAccessibleName(words[path] + units[path])
        self.sound.setText(self.tr("Chime when an alarm is raised"))
        self.sound.setAccessibleName(self.sound.text())
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save the alarm thresholds"))
        self.refresh()

    def _current(self) -> dict[str, Any]:
        s = self.settings
        values: dict[str, Any] = {}
        for path in ALARM_KEYS:
            section, key = path.split(".")
            values[path] = getattr(s.alarms if section == "alarms" else s.staffing, key)
        values["alarms.sound"] = s.alarms.sound
        return values

    def refresh(self, *, force: bool = False) -> None:
        if force or not self.edited:
            for path, value in self._current().items():
                if path == "alarms.sound":
                    self.sound.setChecked(bool(value))
                else:
                    self.spins[path].setValue(int(value))
            self.mark_loaded()
        self.update_actions()

    def form(self) -> Any:
        values: dict[str, Any] = {path: spin.value() for path, spin in self.spins.items()}
        values["alarms.sound"] = self.sound.isChecked()
        return values

    def submit(self) -> None:
        now, typed = self._current(), self.form()
        edits = [su.setting(path, value) for path, value in typed.items() if now[path] != value]
        hall, token = self.hall, self.token
        self.save([lambda: hall.change_settings(token, "alarms", edits)])
