"""放号: every service's daily cap, its ticket slots and their quotas."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from counter.settings.base import Owner, Step, _fill, _hhmm, _key_of, _Page, _qtime, _table
from shared.base.messages import render
from shared.config.catalog import ServiceEntry
from shared.qt.widgets import clear, label


class _SlotRow(QWidget):
    """One ticket slot of the service being edited: start, end, quota, and its removal."""

    def __init__(self, start: str, end: str, quota: int) -> None:
        super().__init__()
        self.start = QTimeEdit(_qtime(start))
        self.end = QTimeEdit(_qtime(end))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.quota = QSpinBox()
        self.quota.setRange(0, 9999)
        self.quota.setValue(quota)
        self.dash = label("–", wrap=False)
        self.remove = QPushButton()
        self.remove.setProperty("role", "settingsSmall")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start, 2)
        row.addWidget(self.dash)
        row.addWidget(self.end, 2)
        row.addWidget(self.quota, 2)
        row.addWidget(self.remove, 1)

    def value(self) -> tuple[str, str, int]:
        return _hhmm(self.start.time()), _hhmm(self.end.time()), self.quota.value()


class SettingsCapsPage(_Page):
    """放号: every service's daily cap and ticket slots; one service edited at a time."""

    def __init__(self, owner: Owner) -> None:
        super().__init__(owner)
        self.table = _table(5, 1)
        self.table.itemSelectionChanged.connect(self._picked)
        self.service: str | None = None  # the code of the service in the editor
        self.editor = QWidget()
        self.editor.setObjectName("settingsEditor")
        self.heading = label(role="heading")
        self.cap_label = label()
        self.cap = QLineEdit()
        self.cap.setValidator(QIntValidator(0, 999999, self.cap))
        self.slots_label = label()
        self.slot_head = QWidget()
        self.head_start, self.head_end, self.head_quota = label(), label(), label()
        head = QHBoxLayout(self.slot_head)
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.head_start, 2)
        head.addWidget(label("", wrap=False))
        head.addWidget(self.head_end, 2)
        head.addWidget(self.head_quota, 2)
        head.addWidget(label(), 1)
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        self.rows: list[_SlotRow] = []
        self.no_slots = label(role="hint")
        self.add_slot = self.button()
        self.add_slot.clicked.connect(self._new_row)
        self.save_button = self.button("primary")
        self.save_button.clicked.connect(self.submit)
        self.takes_effect = label(role="hint")
        form = QVBoxLayout(self.editor)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.heading)
        cap_row = QHBoxLayout()
        cap_row.addWidget(self.cap_label)
        cap_row.addWidget(self.cap, 1)
        form.addLayout(cap_row)
        form.addWidget(self.slots_label)
        form.addWidget(self.slot_head)
        form.addLayout(self.rows_box)
        form.addWidget(self.no_slots)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_slot)
        add_row.addStretch(1)
        form.addLayout(add_row)
        form.addSpacing(self.fontMetrics().height())
        form.addWidget(self.takes_effect)
        form.addWidget(self.save_button)
        self.finish_layout(form)
        form.addStretch(1)
        split = QHBoxLayout()
        split.addWidget(self.table, 3)
        split.addWidget(self.editor, 2)
        self.box.addLayout(split, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Caps and ticket slots"))
        self.hint.setText(
            self.tr(
                "Pick a service to change its daily cap or its ticket slots. A change takes "
                "effect at once: the tickets already issued today count toward it."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Service"),
                self.tr("Zone"),
                self.tr("Daily cap"),
                self.tr("Ticket slots (quota)"),
            ]
        )
        self.table.setAccessibleName(self.tr("Services with their caps and slots"))
        self.cap_label.setText(self.tr("Daily cap"))
        self.cap.setPlaceholderText(self.tr("empty: no cap"))
        self.cap.setAccessibleName(self.tr("Daily cap (empty: no cap)"))
        self.slots_label.setText(self.tr("Ticket slots"))
        self.head_start.setText(self.tr("From"))
        self.head_end.setText(self.tr("Until"))
        self.head_quota.setText(self.tr("Quota"))
        self.no_slots.setText(self.tr("No slots: tickets whenever the hall issues them."))
        self.add_slot.setText(self.tr("Add a slot"))
        self.add_slot.setAccessibleName(self.add_slot.text())
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save the cap and the slots"))
        self.takes_effect.setText(
            self.tr("Takes effect at once; today's tickets already issued count toward it.")
        )
        self._name_rows()
        self.refresh()

    def _name_rows(self) -> None:
        for n, row in enumerate(self.rows, 1):
            row.start.setAccessibleName(self.tr("Slot {n} from").format(n=n))
            row.end.setAccessibleName(self.tr("Slot {n} until").format(n=n))
            row.quota.setAccessibleName(self.tr("Slot {n} quota (0: no quota)").format(n=n))
            row.quota.setSpecialValueText(self.tr("no quota"))
            row.remove.setText(self.tr("Remove"))
            row.remove.setAccessibleName(self.tr("Remove slot {n}").format(n=n))
        self.no_slots.setVisible(not self.rows)
        self.slot_head.setVisible(bool(self.rows))

    def _slots_words(self, sv: ServiceEntry) -> str:
        if not sv.time_slots:
            return self.tr("all day")
        lines = []
        for i, (start, end) in enumerate(sv.time_slots):
            quota = sv.slot_caps[i] if i < len(sv.slot_caps) else 0
            line = f"{start}–{end}"
            if quota:
                line += " " + self.tr("({n})").format(n=quota)
            lines.append(line)
        return "\n".join(lines)

    def refresh(self, *, force: bool = False) -> None:
        services = self.settings.catalog.services
        rows = [
            (
                sv.code,
                [
                    sv.code,
                    sv.name_in(self.lang),
                    sv.zone_name_in(self.lang),
                    str(sv.daily_cap) if sv.daily_cap else self.tr("no cap"),
                    self._slots_words(sv),
                ],
            )
            for sv in services
        ]
        _fill(self.table, rows, self.service)
        known = {sv.code for sv in services}
        if self.service not in known:
            self.service = None
            self._loaded = None
        if force or not self.edited:
            self._show_service()
        self.update_actions()

    def _picked(self) -> None:
        code = _key_of(self.table)
        if code is None or code == self.service:
            return
        self.service = code
        self._show_service()
        self.say("")

    def _show_service(self) -> None:
        self.editor.setVisible(self.service is not None)
        if self.service is None:
            return
        sv = self.settings.catalog.service(self.service)
        self.heading.setText(
            render("person.with_code", self.lang, name=sv.name_in(self.lang), code=sv.code)
        )
        self.cap.setText(str(sv.daily_cap) if sv.daily_cap is not None else "")
        self.rows = []
        clear(self.rows_box)
        for i, (start, end) in enumerate(sv.time_slots):
            self._add_row(start, end, sv.slot_caps[i] if i < len(sv.slot_caps) else 0)
        self._name_rows()
        self.mark_loaded()
        self.update_actions()

    def _add_row(self, start: str, end: str, quota: int, *, focus: bool = False) -> None:
        row = _SlotRow(start, end, quota)
        row.remove.clicked.connect(lambda: self._remove_row(row))
        self.rows.append(row)
        self.rows_box.addWidget(row)
        row.show()  # a child added to a shown form is not shown by the layout
        self._name_rows()
        if focus:
            row.start.setFocus()

    def _new_row(self) -> None:
        """A slot after the last one (an hour long), to be set as wanted."""
        start = self.rows[-1].end.time() if self.rows else QTime(9, 0)
        end = start.addSecs(3600) if start < QTime(23, 0) else QTime(23, 59)
        self._add_row(_hhmm(start), _hhmm(end), 0, focus=True)

    def _remove_row(self, row: _SlotRow) -> None:
        if row in self.rows:
            self.rows.remove(row)
            row.hide()
            row.deleteLater()
            self._name_rows()

    def form(self) -> Any:
        if self.service is None:
            return None
        return self.service, self.cap.text().strip(), tuple(r.value() for r in self.rows)

    def can(self, button: QPushButton) -> bool:
        return self.service is not None

    def submit(self) -> None:
        if self.service is None:
            return
        code, hall, token = self.service, self.hall, self.token
        sv = self.settings.catalog.service(code)
        text = self.cap.text().strip()
        cap = int(text) if text else None
        values = [r.value() for r in self.rows]
        slots = [(start, end) for start, end, _ in values]
        quotas = [quota for _, _, quota in values]
        had = (tuple(sv.time_slots), tuple(sv.slot_caps) if any(sv.slot_caps) else ())
        now = (tuple(slots), tuple(quotas) if any(quotas) else ())
        steps: list[Step] = []
        if now != had:
            steps.append(lambda: hall.set_time_slots(token, code, slots, caps=quotas))
        if cap != sv.daily_cap or not steps:
            steps.append(lambda: hall.set_daily_cap(token, code, cap))
        self.save(steps)
