"""The supervisor's alarms (告警): what on the floor needs a manager now.

The list shows the alarms to look at (open, nobody has acknowledged them), newest first:
the kind in words, the core's sentence, when it was raised, and an Acknowledge button
(recorded with who and when). Below, greyed, today's others: acknowledged (by whom, and
whether the cause has ended since) or resolved by themselves.

Why a timer: most alarms are about time passing, not about something happening. A
ticket that has waited 29 minutes becomes a long wait at minute 31 with no event at
all; so do a long service, an empty post, A and B both away, a noon gap, a case
nearing its deadline and an unanswered help request. The station therefore asks the
core to sweep (``Hall.sweep_alarms()``: raise the alarms of causes present now and
resolve those whose cause has ended) when it starts and every 30 seconds, on the
database worker. Any station may sweep: the core raises each alarm once, whoever
sweeps. The list itself is read again when the change feed brings ``alarm_raised``,
``alarm_acknowledged`` or ``alarm_resolved`` (another station's sweep or a colleague's
acknowledgement), never on a timer.

An alarm that appears on the list while the station runs plays a short chime when the
hall has ``[alarms] sound = true``, on its own thread; a PC without a sound device stays
silent and the badge alone says it (the chime is never an error).
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter.floor_tiles import SESSION_ENDED, hhmm, restyle, sentence_of
from counter.window import set_tone
from shared.base.errors import HallError
from shared.base.messages import render
from shared.config.halls import HallSettings
from shared.devices.announcer import Output, SoundDeviceOutput
from shared.devices.voice import CHIME_PATH, TAIL, read_wav, silence
from shared.hall import Hall
from shared.qt.tasks import Worker
from shared.qt.widgets import clear, label
from shared.rules.alarms import AlarmInfo
from shared.store.feed import FeedEvent

log = logging.getLogger(__name__)

#: How often the station sweeps for alarms that time alone raises or ends.
SWEEP_MS = 30_000
#: The feed's events after which the list is read again.
ALARM_EVENTS = ("alarm_raised", "alarm_acknowledged", "alarm_resolved")


class Chime:
    """The alarm's chime (the calls' chime, ``assets/sounds/chime.wav``), played on a
    thread of its own; no sound device, or any fault of one, is logged and let be."""

    def __init__(self, output: Output | None = None, parent: QWidget | None = None) -> None:
        self.output: Output = output or SoundDeviceOutput()
        self.worker = Worker("chime", parent)
        self._frames: bytes | None = None

    def play(self) -> None:
        output = self.output

        def run() -> None:
            try:
                if self._frames is None:
                    self._frames = read_wav(CHIME_PATH).frames + silence(TAIL)
                frames = self._frames
                output.open()
                output.play(frames)
            except Exception as exc:  # no device, no library, no file: the badge says it
                log.info("alarm chime not played: %s", exc)
                return
            finally:
                try:
                    output.close()
                except Exception:
                    log.debug("closing the chime's output", exc_info=True)

        self.worker.submit(run)

    def close(self) -> None:
        self.worker.close(wait=False)


class AlarmsPanel(QWidget):
    """The alarms tab. ``count_changed`` with the number of alarms to look at;
    ``raised`` when one appears while the station runs; ``alarms_shown`` after each
    read; ``said`` with each status sentence; ``session_ended`` with the core's sentence
    when the supervisor's sign-in no longer holds."""

    count_changed = Signal(int)
    raised = Signal(int)  # how many new ones
    alarms_shown = Signal(object)  # list[AlarmInfo]
    said = Signal(str)
    session_ended = Signal(str)

    def __init__(
        self,
        hall: Hall,
        *,
        db: Worker,
        lang: str = "zh",
        output: Output | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("alarmsPanel")
        self.hall = hall
        self.db = db
        self.lang = lang
        self.settings: HallSettings = hall.settings
        self.token: str | None = None
        self.alarms: list[AlarmInfo] = []
        self._known: set[int] | None = None  # the ids to look at, as last read
        self._reading = False
        self._again = False
        self._sweep_again = False
        self.chime = Chime(output, self)
        self.acknowledge_buttons: dict[int, QPushButton] = {}
        self._build()
        self.retranslate()
        self._sweeper = QTimer(self)
        self._sweeper.timeout.connect(self.sweep)

    def _build(self) -> None:
        self.title = label(role="heading")
        self.open_box = QVBoxLayout()
        self.open_box.setSpacing(8)
        self.none_label = label(role="hint")
        self.done_title = label(role="heading")
        self.done_box = QVBoxLayout()
        self.done_box.setSpacing(6)
        inner = QWidget()
        inner.setObjectName("alarmsInner")
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(self.title)
        column.addWidget(self.none_label)
        column.addLayout(self.open_box)
        column.addSpacing(16)
        column.addWidget(self.done_title)
        column.addLayout(self.done_box)
        column.addStretch(1)
        self.list_scroll = QScrollArea()
        self.list_scroll.setObjectName("alarmsScroll")
        self.list_scroll.setWidgetResizable(True)
        self.list_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.list_scroll.setWidget(inner)
        inner.setMaximumWidth(1280)  # a sentence and its button within one glance
        self.status = label(role="status")
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 12, 6)
        box.addWidget(self.list_scroll, 1)
        box.addWidget(self.status)

    def retranslate(self) -> None:
        self.none_label.setText(self.tr("No alarm to look at."))
        self.done_title.setText(self.tr("Earlier today: acknowledged or resolved"))
        self._show(self.alarms)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self.status.setMinimumHeight(self.status.fontMetrics().height())
        super().showEvent(event)

    # -- sweeping and reading ------------------------------------------------------------

    def start(self, token: str) -> None:
        """The supervisor signed in: sweep now and every 30 seconds."""
        self.token = token
        self._known = None  # what is on the list at sign-in is not news
        self.sweep()
        self._sweeper.start(SWEEP_MS)

    def stop(self) -> None:
        self.token = None
        self._sweeper.stop()

    def sweep(self) -> None:
        """Ask the core to raise and resolve the alarms time has brought, then read the
        list (one sweep in flight at a time)."""
        if self.token is None:
            return
        if self._reading:
            self._sweep_again = True
            return
        self._read(sweep=True)

    def on_event(self, ev: FeedEvent) -> None:
        if self.token is None or ev.kind not in ALARM_EVENTS:
            return
        if self._reading:
            self._again = True
            return
        self._read(sweep=False)

    def refresh(self) -> None:
        if self.token is None:
            return
        if self._reading:
            self._again = True
            return
        self._read(sweep=False)

    def _read(self, *, sweep: bool) -> None:
        self._reading, self._again = True, False
        if sweep:
            self._sweep_again = False
        hall = self.hall

        def work() -> tuple[list[AlarmInfo], HallSettings]:
            if sweep:
                hall.sweep_alarms()
            settings = hall.settings
            today = settings.day_start(settings.business_day(hall.now()))
            return hall.alarms(since=today), settings

        self.db.submit(work, self._got, self._failed)

    def _next(self) -> None:
        if self._sweep_again:
            self._read(sweep=True)
        elif self._again:
            self._read(sweep=False)

    def _got(self, answer: tuple[list[AlarmInfo], HallSettings]) -> None:
        self._reading = False
        alarms, self.settings = answer
        self._show(alarms)
        self._next()

    def _failed(self, exc: BaseException) -> None:
        self._reading = False
        self.refused(exc)
        self._next()

    # -- showing -----------------------------------------------------------------------

    def _show(self, alarms: list[AlarmInfo]) -> None:
        self.alarms = alarms
        to_look = [a for a in alarms if a.to_look_at]
        others = [a for a in alarms if not a.to_look_at]
        ids = {a.id for a in to_look}
        new = ids - self._known if self._known is not None else set()
        if self.token is not None:
            self._known = ids
        clear(self.open_box)
        clear(self.done_box)
        self.acknowledge_buttons = {}
        for a in to_look:
            self.open_box.addWidget(self._card(a, done=False))
        for a in others:
            self.done_box.addWidget(self._card(a, done=True))
        self.title.setText(self.tr("Alarms to look at: {n}").format(n=len(to_look)))
        self.none_label.setVisible(not to_look)
        self.done_title.setVisible(bool(others))
        self.count_changed.emit(len(to_look))
        if new:
            if self.settings.alarms.sound:
                self.chime.play()
            self.raised.emit(len(new))
        self.alarms_shown.emit(alarms)

    def _card(self, a: AlarmInfo, *, done: bool) -> QFrame:
        card = QFrame()
        card.setObjectName("alarmCard")
        restyle(card, "done", done)
        kind = label(render(f"alarm.kind.{a.kind}", self.lang), role="alarmKind", wrap=False)
        when = label(self.tr("raised {time}").format(time=self._at(a.raised_at)), role="hint")
        sentence = label(a.sentence(self.lang), role="alarmSentence")
        head = QHBoxLayout()
        head.addWidget(kind)
        head.addWidget(when, 1)
        box = QVBoxLayout(card)
        box.setContentsMargins(12, 8, 12, 8)
        box.setSpacing(4)
        box.addLayout(head)
        row = QHBoxLayout()
        row.addWidget(sentence, 1)
        if done:
            outcome = label(self._outcome(a), role="hint")
            box.addLayout(row)
            box.addWidget(outcome)
        else:
            button = QPushButton(self.tr("Acknowledge"))
            button.setProperty("role", "primary")
            button.setProperty("compact", True)
            button.setAccessibleName(
                self.tr("Acknowledge: {sentence}").format(sentence=sentence.text())
            )
            button.clicked.connect(lambda _=False, i=a.id: self.acknowledge(i))
            row.addWidget(button)
            box.addLayout(row)
            self.acknowledge_buttons[a.id] = button
        card.setAccessibleName(f"{kind.text()}: {sentence.text()}")
        return card

    def _outcome(self, a: AlarmInfo) -> str:
        parts = []
        if a.acknowledged_at is not None:
            parts.append(
                self.tr("acknowledged by {name} at {time}").format(
                    name=a.acknowledged_by_name or a.acknowledged_by or "",
                    time=self._at(a.acknowledged_at),
                )
            )
        if a.resolved_at is not None:
            parts.append(self.tr("resolved at {time}").format(time=self._at(a.resolved_at)))
        else:
            parts.append(self.tr("cause not ended yet"))
        return " · ".join(parts)

    def _at(self, at: datetime) -> str:
        return hhmm(self.settings, at)

    # -- acting ------------------------------------------------------------------------

    def acknowledge(self, alarm_id: int) -> None:
        token = self.token
        if token is None:
            return
        button = self.acknowledge_buttons.get(alarm_id)
        if button is not None:
            button.setEnabled(False)

        def done(a: AlarmInfo) -> None:
            self.say(
                self.tr("Acknowledged: {kind}.").format(
                    kind=render(f"alarm.kind.{a.kind}", self.lang)
                )
            )
            self.refresh()

        def failed(exc: BaseException) -> None:
            again = self.acknowledge_buttons.get(alarm_id)  # the list may be new since
            if again is not None:
                again.setEnabled(True)
            self.refused(exc)
            self.refresh()  # acknowledged by a colleague meanwhile: the list says so

        self.db.submit(lambda: self.hall.acknowledge_alarm(token, alarm_id), done, failed)

    def say(self, sentence: str, *, alert: bool = False) -> None:
        self.status.setText(sentence)
        set_tone(self.status, alert)
        self.said.emit(sentence)

    def refused(self, exc: BaseException) -> None:
        sentence = sentence_of(exc, self.lang)
        if sentence is None:
            sentence = self.tr("That did not work; please try again or call the hall's IT.")
        if isinstance(exc, HallError) and exc.code in SESSION_ENDED:
            self.session_ended.emit(sentence)
            return
        self.say(sentence, alert=True)

    def close_workers(self) -> None:
        self.stop()
        self.chime.close()


__all__ = ["ALARM_EVENTS", "SWEEP_MS", "AlarmsPanel", "Chime"]
