"""The settings pages together: the list of pages beside the page shown, reading the
hall's settings and the record of changes again after a change anywhere in the hall.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from counter.settings.alarms import SettingsAlarmsPage
from counter.settings.base import _Page
from counter.settings.caps import SettingsCapsPage
from counter.settings.clerks import SettingsClerksPage
from counter.settings.holidays import SettingsHolidaysPage
from counter.settings.log import SettingsLogPage
from counter.settings.notice import SettingsNoticePage
from counter.settings.posts import SettingsPostsPage
from counter.settings.windows import SettingsWindowsPage
from shared.base.errors import YimenError
from shared.hall import Hall
from shared.qt.tasks import Worker
from shared.rules.setup import SettingsChange
from shared.store.feed import FeedEvent

log = logging.getLogger(__name__)

#: The feed's events after which the pages read the hall's settings again.
SETTING_EVENTS = ("setting_changed",)
#: How many recorded changes the change log shows.
LOG_LIMIT = 200


class _Nav(QListWidget):
    """The list of pages, as wide as its longest name in the font the stylesheet gives it."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        texts = [self.item(i).text() for i in range(self.count())]
        widest = max((self.fontMetrics().horizontalAdvance(t) for t in texts), default=0)
        return QSize(widest + 3 * self.fontMetrics().height(), hint.height())


class SettingsPages(QWidget):
    """The settings of the hall a supervisor may change, one page each, and the record."""

    #: Saved: the core's answers (one SettingsChange per change made).
    settings_saved = Signal(object)
    #: Refused: the sentence shown.
    save_refused = Signal(str)
    #: The record of the changes read (after a change anywhere in the hall).
    changes_read = Signal(object)

    def __init__(
        self,
        hall: Hall,
        *,
        token: str,
        db: Worker,
        lang: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPages")
        self.hall = hall
        self.token = token
        self.db = db
        self.lang = lang
        self.nav = _Nav()
        self.nav.setObjectName("settingsNav")
        self.stack = QStackedWidget()
        self.caps = SettingsCapsPage(self)
        self.windows = SettingsWindowsPage(self)
        self.clerks = SettingsClerksPage(self)
        self.posts = SettingsPostsPage(self)
        self.notice = SettingsNoticePage(self)
        self.holidays = SettingsHolidaysPage(self)
        self.alarms = SettingsAlarmsPage(self)
        self.log = SettingsLogPage(self)
        self.pages: tuple[_Page, ...] = (
            self.caps,
            self.windows,
            self.clerks,
            self.posts,
            self.notice,
            self.holidays,
            self.alarms,
            self.log,
        )
        for page in self.pages:
            self.stack.addWidget(page)
            self.nav.addItem(QListWidgetItem())
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        row = QHBoxLayout(self)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.retranslate()
        self.read_changes()

    def retranslate(self) -> None:
        names = (
            self.tr("Caps and slots"),
            self.tr("Window services"),
            self.tr("Clerks"),
            self.tr("AB posts"),
            self.tr("Display notice"),
            self.tr("Holidays"),
            self.tr("Alarm thresholds"),
            self.tr("Change log"),
        )
        for i, name in enumerate(names):
            item = self.nav.item(i)
            if item is not None:
                item.setText(name)
        self.nav.setAccessibleName(self.tr("Settings pages"))
        self.nav.updateGeometry()

    def show_page(self, page: QWidget) -> None:
        self.nav.setCurrentRow(self.stack.indexOf(page))

    def on_event(self, ev: FeedEvent) -> None:
        """Every feed event; a ``setting_changed`` one makes the pages read again."""
        if ev.kind in SETTING_EVENTS:
            self.reload()

    def reload(self) -> None:
        """The hall's settings and the record read again (on the worker), then shown."""
        hall = self.hall

        def read() -> list[SettingsChange]:
            hall.reload()
            return hall.setting_changes(limit=LOG_LIMIT)

        self.db.submit(read, self._read, self._read_failed)

    def read_changes(self) -> None:
        hall = self.hall
        self.db.submit(lambda: hall.setting_changes(limit=LOG_LIMIT), self._read, self._read_failed)

    def _read(self, changes: list[SettingsChange]) -> None:
        for page in self.pages:
            page.refresh()
        self.log.show_changes(changes)
        self.changes_read.emit(changes)

    def _read_failed(self, exc: BaseException) -> None:
        self.log.say(self.sentence(exc), "alert")

    def changes_saved(self, done: list[SettingsChange]) -> None:
        """A page saved: the other pages show the hall as it now is, the record is read."""
        for page in self.pages:
            page.refresh()
        self.settings_saved.emit(done)
        self.read_changes()

    def sentence(self, exc: BaseException) -> str:
        if isinstance(exc, YimenError):
            return exc.message(self.lang)
        log.error("settings operation failed", exc_info=exc)
        return self.tr("That did not work; please try again or call the hall's IT.")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
