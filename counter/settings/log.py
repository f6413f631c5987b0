"""修改记录: the record of every change of the hall's settings."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from counter.settings.base import Owner, _Page, difference_line
from shared.base.messages import render
from shared.rules.setup import SettingsChange


class SettingsLogPage(_Page):
    """修改记录: every recorded change, newest first: when, who, what, and old → new."""

    def __init__(self, owner: Owner) -> None:
        super().__init__(owner)
        self.changes: list[SettingsChange] = []
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.box.addWidget(self.tree, 1)
        self.finish_layout()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Change log"))
        self.hint.setText(self.tr("Every change of the hall's settings, newest first."))
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.tree.setAccessibleName(self.tr("Changes of the hall's settings"))
        self.show_changes(self.changes)

    def show_changes(self, changes: list[SettingsChange]) -> None:
        self.changes = changes
        tz = self.settings.tz
        self.tree.clear()
        for change in changes:
            who = (
                render("person.with_code", self.lang, name=change.by_name, code=change.by)
                if change.by
                else render("setup.nobody", self.lang)
            )
            what = render(f"setup.what.{change.what}", self.lang)
            item = QTreeWidgetItem([f"{change.at.astimezone(tz):%Y-%m-%d %H:%M}", who, what])
            for d in change.changes:
                line = QTreeWidgetItem(["", "", difference_line(d, self.key_words)])
                line.setToolTip(2, line.text(2))
                item.addChild(line)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        if not changes:
            self.say(self.tr("No change recorded yet."))
        else:
            self.say("")
