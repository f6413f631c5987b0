"""The citizen's rating of a finished service (好差评) as large touch targets: five faces
from 非常满意 to 非常不满意 with their words under them, the reason tags once the rating is
bad, an optional line of words, and the submit button.

`RatingForm` is shown by the kiosk's 评价服务 screen (`RateScreen`, here) and by the
window's evaluator (`kiosk.evaluator`); it says what was chosen through its signals and
knows nothing of the database. The faces are drawn (no emoji font needed), their colours
and sizes come from the public QSS (``assets/styles/public.qss``), so elderly mode's
larger type makes them larger too.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    Property,
    QEvent,
    QMargins,
    QPointF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.screens import button, label
from shared.base.errors import HallError
from shared.base.messages import word
from shared.hall import ReviewTicket, TicketInfo
from shared.rules.reviews import BAD_LEVELS, LEVELS, REASONS, TEXT_MAX

#: How much each face smiles (a share of the face's size; negative: it frowns).
SMILE = {
    "very_satisfied": 0.46,
    "satisfied": 0.30,
    "basically_satisfied": 0.10,
    "dissatisfied": -0.20,
    "very_dissatisfied": -0.34,
}
#: Refusals the citizen can put right on the form itself (the choices stay).
FORM_REFUSALS = frozenset(
    {
        "review.level",
        "review.reason_needed",
        "review.reason_words",
        "review.unknown_reason",
        "review.text_long",
    }
)
#: What a citizen can do next when the kiosk cannot rate a ticket.
RATE_NEXT_STEP = {
    "review.invalid": QT_TRANSLATE_NOOP(
        "KioskWindow", "Please type the rating code again, or ask a hall guide."
    ),
    "review.not_finished": QT_TRANSLATE_NOOP(
        "KioskWindow", "Please come back to rate it once your matter is done."
    ),
    "review.other_hall": QT_TRANSLATE_NOOP("KioskWindow", "Please ask a hall guide."),
}


def level_text(level: str, lang: str) -> str:
    """A level's words for a face: 非常满意, or in English."""
    return word("level", level, lang)


def face_words(level: str, lang: str) -> str:
    """The words under a face, broken where they should be so that they fit its narrow
    button in elderly type: after 非常/基本 (非常\\n不满意, never 非常不满\\n意), at the
    first space in words of Latin letters (Very\\ndissatisfied)."""
    words = level_text(level, lang)
    if words.isascii():
        return words.replace(" ", "\n", 1)
    if len(words) >= 4:
        return words[:2] + "\n" + words[2:]
    return words


def refusal_of(rt: ReviewTicket) -> HallError | None:
    """Why the ticket of a code cannot be rated now, as the core's refusal; None if it can."""
    if rt.review is not None:
        return HallError("review.already", number=rt.ticket.number)
    if rt.ticket.state != "done":
        return HallError("review.not_finished", number=rt.ticket.number, state=rt.ticket.state)
    return None


def _repolish(w: QWidget) -> None:
    w.style().unpolish(w)
    w.style().polish(w)


class FaceIcon(QWidget):
    """One face, drawn: a disc in the level's colour, eyes, and a mouth that smiles or
    frowns; a tick on it once chosen. Its colours (``fill``, ``ink``, ``mark``) and size
    (its font's: larger in elderly type) come from the QSS."""

    def __init__(self, level: str) -> None:
        super().__init__()
        self.level = level
        self.chosen = False
        self.setProperty("role", "faceIcon")
        self.setProperty("level", level)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.scale = 2.6  # the face's size in lines of its type
        self._fill = QColor("#0B4EA2")
        self._ink = QColor("#FFFFFF")
        self._mark = QColor("#0B4EA2")

    def _get_fill(self) -> QColor:
        return self._fill

    def _set_fill(self, colour: QColor) -> None:
        self._fill = QColor(colour)
        self.update()

    def _get_ink(self) -> QColor:
        return self._ink

    def _set_ink(self, colour: QColor) -> None:
        self._ink = QColor(colour)
        self.update()

    def _get_mark(self) -> QColor:
        return self._mark

    def _set_mark(self, colour: QColor) -> None:
        self._mark = QColor(colour)
        self.update()

    fill = Property(QColor, _get_fill, _set_fill)
    ink = Property(QColor, _get_ink, _set_ink)
    mark = Property(QColor, _get_mark, _set_mark)

    def sizeHint(self) -> QSize:
        side = round(self.fontMetrics().height() * self.scale)
        # No taller than it is wide once laid out: a face is round, the rest is waste.
        return QSize(side, min(side, self.width()) if self.width() > 1 else side)

    def minimumSizeHint(self) -> QSize:
        side = round(self.fontMetrics().height() * 0.8)  # when room is short
        return QSize(side, side)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()  # elderly type: a larger face
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # its height follows its width
        super().resizeEvent(event)

    def set_chosen(self, chosen: bool) -> None:
        self.chosen = chosen
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        s = float(min(self.width(), self.height()))
        c = QPointF(self.width() / 2, self.height() / 2)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._fill)
        p.drawEllipse(c, s * 0.48, s * 0.48)
        p.setBrush(self._ink)
        eye = s * 0.065
        for dx in (-0.17, 0.17):
            p.drawEllipse(QPointF(c.x() + dx * s, c.y() - 0.11 * s), eye, eye)
        pen = QPen(self._ink, s * 0.06)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        smile = SMILE.get(self.level, 0.0)
        half = s * (0.22 if abs(smile) > 0.25 else 0.19)
        y = c.y() + s * (0.13 if smile > 0 else 0.24)
        mouth = QPainterPath(QPointF(c.x() - half, y))
        mouth.quadTo(QPointF(c.x(), y + smile * s), QPointF(c.x() + half, y))
        if self.level == "very_satisfied":  # a laugh: the open mouth filled
            mouth.closeSubpath()
            p.setBrush(self._ink)
        p.drawPath(mouth)
        if self.level == "very_dissatisfied":  # and brows drawn together
            for side in (-1, 1):
                p.drawLine(
                    QPointF(c.x() + side * 0.28 * s, c.y() - 0.26 * s),
                    QPointF(c.x() + side * 0.08 * s, c.y() - 0.19 * s),
                )
        if self.chosen:  # a tick on a badge at the top right, ringed in the face's ink
            badge = QPointF(c.x() + 0.33 * s, c.y() - 0.33 * s)
            p.setPen(QPen(self._ink, s * 0.03))
            p.setBrush(self._mark)
            p.drawEllipse(badge, s * 0.15, s * 0.15)
            tick = QPen(self._ink, s * 0.045)
            tick.setCapStyle(Qt.PenCapStyle.RoundCap)
            tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            p.setPen(tick)
            p.setBrush(Qt.BrushStyle.NoBrush)
            path = QPainterPath(QPointF(badge.x() - 0.075 * s, badge.y()))
            path.lineTo(QPointF(badge.x() - 0.02 * s, badge.y() + 0.055 * s))
            path.lineTo(QPointF(badge.x() + 0.08 * s, badge.y() - 0.06 * s))
            p.drawPath(path)
        p.end()


class FaceWords(QWidget):
    """A face's words, always two lines high so that the five faces are one size whether
    their words take one line (满意) or two (非常\n满意); lines are broken by
    `face_words`, never wrapped. A word too wide for its button in elderly type
    (Dissatisfied) is drawn a little smaller rather than cut."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "faceWords")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._text = ""
        self._align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        self._text = text
        self.updateGeometry()
        self.update()

    def setAlignment(self, align: Qt.AlignmentFlag) -> None:
        self._align = align
        self.update()

    def _natural(self) -> int:
        fm = self.fontMetrics()
        return max((fm.horizontalAdvance(line) for line in self._text.split("\n")), default=0)

    def sizeHint(self) -> QSize:
        return QSize(self._natural() + 4, self.fontMetrics().lineSpacing() * 2 + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(round(self._natural() * 0.6), self.fontMetrics().lineSpacing() * 2 + 2)

    def fitted_px(self) -> int:
        """The type size the words are drawn in: the QSS's, or less to fit the width."""
        px = self.font().pixelSize()
        natural = self._natural()
        if natural <= self.width() or natural == 0:
            return px
        return max(1, px * self.width() // natural)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        font = QFont(self.font())
        font.setPixelSize(self.fitted_px())
        fm = QFontMetrics(font)
        lines = self._text.split("\n")
        height = fm.lineSpacing() * len(lines)
        top = 0
        if self._align & Qt.AlignmentFlag.AlignVCenter:
            top = (self.height() - height) // 2
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setFont(font)
        p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        for i, line in enumerate(lines):
            x = 0
            if self._align & Qt.AlignmentFlag.AlignHCenter:
                x = (self.width() - fm.horizontalAdvance(line)) // 2
            p.drawText(x, top + i * fm.lineSpacing() + fm.ascent(), line)
        p.end()


class FaceButton(QPushButton):
    """A level to tap: its face and its words under it."""

    def __init__(self, level: str) -> None:
        super().__init__()
        self.level = level
        self.setProperty("role", "face")
        self.setProperty("chosen", False)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a keypad reaches it; a tap leaves no ring
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.face = FaceIcon(level)
        self._words = ""
        self.words = FaceWords()
        # The face and its words together in the middle of the button, however large.
        self.box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.box.setContentsMargins(6, 6, 6, 6)
        self.box.setSpacing(0)
        self.box.addStretch(1)
        self.box.addWidget(self.face)
        self.box.addSpacing(6)
        self.box.addWidget(self.words)
        self.box.addStretch(1)
        self.set_beside(False)

    def sizeHint(self) -> QSize:  # a push button's own hint knows nothing of its layout
        return self.box.totalSizeHint().expandedTo(super().sizeHint())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.animateClick()  # a keypad's Enter, as a button's Space
            return
        super().keyPressEvent(event)

    def minimumSizeHint(self) -> QSize:  # (a push button's own would call sizeHint)
        return self.box.totalMinimumSize()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The face and words inside the QSS frame and padding (which a layout in a
        button does not know of): a thick chosen frame never covers the words."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        inner = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        if inner.isValid():
            m = QMargins(
                inner.left(),
                inner.top(),
                self.width() - 1 - inner.right(),
                self.height() - 1 - inner.bottom(),
            )
            if m != self.box.contentsMargins():
                self.box.setContentsMargins(m)
        super().resizeEvent(event)

    def set_beside(self, beside: bool) -> None:
        """The words beside the face (a low screen, or the reasons need the room) or
        under it."""
        self.box.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )
        self.words.setAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            if beside
            else Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        )

    def set_words(self, text: str) -> None:
        self._words = text
        self.words.setText(text)
        self.setAccessibleName(self.text())

    def text(self) -> str:  # what a test or a screen reader reads: 非常不满意
        return self._words.replace("\n", " " if self._words.isascii() else "")

    @property
    def chosen(self) -> bool:
        return bool(self.property("chosen"))

    def set_chosen(self, chosen: bool) -> None:
        """A chosen face: tinted, framed and ticked."""
        for w in (self, self.words):
            w.setProperty("chosen", chosen)
            _repolish(w)
        self.face.set_chosen(chosen)


class RatingForm(QWidget):
    """Five faces, the reason tags (shown for 不满意 and 非常不满意), an optional line of
    words, the submit button. ``instant``: a good level is sent on its tap (the window's
    evaluator: five faces, one tap); otherwise the submit button sends. ``with_text``:
    the line of words (a kiosk or tablet with a keyboard on screen). ``face_scale``: how
    large a face is, in lines of its type. The faces shrink to make room for the
    reasons; ``set_wide`` puts their words beside them (a landscape panel)."""

    submitted = Signal(str, list, str)  # level, reason tags, words
    level_chosen = Signal(str)  # a face was tapped (the kiosk reads it aloud)
    touched = Signal()  # any tap on the form (the evaluator restarts its countdown)

    def __init__(
        self,
        *,
        instant: bool = False,
        with_text: bool = True,
        reason_columns: int = 2,
        face_scale: float = 2.6,
    ) -> None:
        super().__init__()
        self.instant = instant
        self._wide = False
        self.lang = "zh"
        self.level: str | None = None
        self._busy = False
        self.faces: dict[str, FaceButton] = {}
        self.row = row = QHBoxLayout()
        row.setSpacing(24)
        for lv, _, _ in LEVELS:
            b = FaceButton(lv.value)
            b.face.scale = face_scale
            b.clicked.connect(lambda _=False, level=lv.value: self._choose(level))
            row.addWidget(b)
            self.faces[lv.value] = b
        self.prompt = label(role="hint")  # until a face is tapped
        self.reasons_hint = label(role="hint")
        self.reason_buttons: dict[str, QPushButton] = {}
        self.reason_grid = QGridLayout()
        self.reason_grid.setSpacing(16)
        for tag in REASONS:
            r = button("", "reason")
            r.setCheckable(True)
            r.toggled.connect(lambda on, tag=tag: self._toggle(tag, on))
            self.reason_buttons[tag] = r
        self.reasons = QWidget()
        reasons_box = QVBoxLayout(self.reasons)
        reasons_box.setContentsMargins(0, 0, 0, 0)
        reasons_box.setSpacing(6)
        reasons_box.addWidget(self.reasons_hint)
        reasons_box.addLayout(self.reason_grid)
        self.opinion = QLineEdit()
        self.opinion.setProperty("role", "words")
        self.opinion.setMaxLength(TEXT_MAX)
        self.opinion.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opinion.textEdited.connect(lambda _t: self.touched.emit())
        self.with_text = with_text
        self.refusal = label(role="formRefusal")
        self.submit = button("", "primary")
        self.submit.clicked.connect(self._submit)
        # An instant form needs the button only with the reasons: it closes their grid.
        # Otherwise the words beside the button: one row less to fit.
        self._submit_in_grid = instant and not with_text
        self.send = send = QHBoxLayout()
        send.setSpacing(24)
        send.addWidget(self.opinion, 3)
        if not self._submit_in_grid:
            send.addWidget(self.submit, 2)
        self.set_reason_columns(reason_columns)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        box.addLayout(row, 1)  # room to spare goes to the faces
        box.addWidget(self.prompt)
        box.addWidget(self.refusal)
        box.addWidget(self.reasons)
        box.addLayout(send)
        self.set_language("zh")
        self.reset()

    # -- what the host does ----------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Every word of the form in ``lang`` (the levels and reasons are the core's)."""
        self.lang = lang
        for level, b in self.faces.items():
            b.set_words(face_words(level, lang))
        for tag, r in self.reason_buttons.items():
            self._mark(tag, r.isChecked())
        self.prompt.setText(self.tr("Tap the face that says how it went"))
        self.reasons_hint.setText(self.tr("What went wrong? Tap one or more"))
        self.opinion.setPlaceholderText(self.tr("Your words (optional)"))
        self.opinion.setAccessibleName(self.tr("Your words (optional)"))
        self.submit.setText(self.tr("Submit rating"))
        self.submit.setAccessibleName(self.submit.text())

    def set_gap(self, gap: int) -> None:
        """The gap between the targets (the kiosk's 8 mm)."""
        for layout in (self.row, self.reason_grid, self.send):
            layout.setSpacing(gap)

    def targets(self) -> list[QWidget]:
        """What a keypad's Tab reaches, in reading order (the hidden ones are skipped)."""
        return [*self.faces.values(), *self.reason_buttons.values(), self.opinion, self.submit]

    def set_wide(self, wide: bool) -> None:
        """A landscape panel: the faces' words beside them, the reasons in four columns."""
        self._wide = wide
        self.set_reason_columns(4 if wide else 3)
        self._show_parts()

    def set_reason_columns(self, columns: int) -> None:
        """The reason tags in ``columns`` columns (fewer rows on a wide screen)."""
        for i, r in enumerate(self.reason_buttons.values()):
            self.reason_grid.removeWidget(r)
            self.reason_grid.addWidget(r, i // columns, i % columns)
        if self._submit_in_grid:  # after the last tag, to the end of its row
            n = len(self.reason_buttons)
            self.reason_grid.removeWidget(self.submit)
            span = columns - n % columns
            self.reason_grid.addWidget(self.submit, n // columns, n % columns, 1, span)

    def reset(self) -> None:
        """Nothing chosen, nothing typed: as the next citizen should find it."""
        self.level = None
        self._busy = False
        for b in self.faces.values():
            b.set_chosen(False)
            b.setEnabled(True)
        for tag, r in self.reason_buttons.items():
            r.blockSignals(True)
            r.setChecked(False)
            r.blockSignals(False)
            self._mark(tag, False)
        self.opinion.clear()
        self.show_refusal("")
        self._show_parts()

    def show_refusal(self, sentence: str) -> None:
        """The core's sentence on the form, above the reasons in place of their hint
        (it says more); what was chosen and typed stays."""
        self.refusal.setText(sentence)
        self.refusal.setVisible(bool(sentence))
        self.reasons_hint.setVisible(not sentence)
        if sentence:
            self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        """While a rating is on its way: no second one."""
        self._busy = busy
        self.submit.setEnabled(not busy)
        for b in self.faces.values():
            b.setEnabled(not busy)

    def chosen_reasons(self) -> list[str]:
        return [tag for tag, r in self.reason_buttons.items() if r.isChecked()]

    # -- taps ------------------------------------------------------------------------------

    def _choose(self, level: str) -> None:
        if self._busy:
            return
        self.level = level
        for lv, b in self.faces.items():
            b.set_chosen(lv == level)
        self.show_refusal("")
        self._show_parts()
        self.touched.emit()
        self.level_chosen.emit(level)
        if self.instant and not self._bad:
            self._submit()

    def _toggle(self, tag: str, on: bool) -> None:
        self._mark(tag, on)
        self.show_refusal("")  # the sentence was about the reasons: answered
        self.touched.emit()

    def _mark(self, tag: str, on: bool) -> None:
        """A chosen reason: filled and ticked (not by its colour alone)."""
        r = self.reason_buttons[tag]
        words = word("review_reason", tag, self.lang)
        r.setText(("✓ " if on else "") + words)
        r.setAccessibleName(words)
        r.setProperty("chosen", on)
        _repolish(r)
        for child in r.findChildren(QLabel):
            child.setProperty("chosen", on)
            _repolish(child)

    def _submit(self) -> None:
        if self._busy:
            return
        self.touched.emit()
        self.set_busy(True)
        text = self.opinion.text().strip() if self.with_text else ""
        self.submitted.emit(self.level or "", self.chosen_reasons() if self._bad else [], text)

    @property
    def _bad(self) -> bool:
        return self.level is not None and self.level in {lv.value for lv in BAD_LEVELS}

    def _show_parts(self) -> None:
        """The reasons only for a bad level; the words and the submit button once a level
        is chosen (an instant form needs the button only for a bad level)."""
        chosen = self.level is not None
        self.prompt.setVisible(not chosen)
        self.reasons.setVisible(self._bad)
        self.opinion.setVisible(self.with_text and chosen)
        for b in self.faces.values():
            b.set_beside(self._wide)
        self.submit.setVisible(chosen and (self._bad or not self.instant))


class RateScreen(QWidget):
    """The kiosk's rating of one ticket: which ticket, then the form."""

    def __init__(self) -> None:
        super().__init__()
        self.title = label(role="title")
        self.ticket = label(role="rateTicket")
        self.form = RatingForm(reason_columns=3)
        # Portrait: the ticket under the title; landscape: beside it (set_landscape).
        self.heading = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.heading.setSpacing(16)
        self.heading.addWidget(self.title)
        self.heading.addWidget(self.ticket)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 16, 32, 16)
        box.setSpacing(8)
        box.addLayout(self.heading)
        box.addStretch(1)
        box.addWidget(self.form)
        box.addStretch(1)

    def targets(self) -> list[QWidget]:
        return self.form.targets()

    def fit(self, landscape: bool, elderly: bool) -> None:
        """Laid out for the panel and the type: on a landscape panel the ticket beside the
        title, the faces' words beside them and the reasons in four columns; on a
        portrait one the reasons in two columns, three in elderly type."""
        self.heading.setDirection(
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        self.form.set_wide(landscape)
        if not landscape:
            self.form.set_reason_columns(3 if elderly else 2)

    def show_ticket(self, t: TicketInfo, words: Sequence[str]) -> None:
        """The ticket (number, matter, window) above a fresh form."""
        self.ticket.setText(" · ".join([t.number, t.service_name, *words]))
        self.form.reset()
