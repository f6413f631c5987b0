"""Rating a service at the kiosk (评价服务), driven by touch on SQLite and PostgreSQL: the
short code typed on the keypad or the slip's QR code scanned, the five faces, a bad
rating's reason, the core's sentence for every ticket that cannot be rated, the faces
read aloud in elderly mode, the short code on the ticket screen, and every rating screen
fitting the panel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.rating import RatingForm, face_words
from kiosk.window import KioskWindow
from shared.base.errors import HallError
from shared.devices.announcer import Announcer, MemoryOutput
from shared.devices.printing import PdfFolderPrinter
from shared.devices.voice import Voice
from shared.hall import Hall, TicketInfo
from shared.qt.theme import sizes
from shared.rules.reviews import REASONS, ReviewInfo

from ..test_announcer import ToneEngine
from .test_kiosk import PORTRAIT, WAIT, cut_off, make_kiosk, take, tap

pytestmark = pytest.mark.gui
W = TypeVar("W", bound=QWidget)
_HELD: list[QWidget] = []


def held(w: W) -> W:
    """A window kept until the test's end and deleted there, on the GUI thread: one left
    to the garbage collector may be destroyed on a database or feed thread, its running
    timers left behind for a later test to crash on."""
    _HELD.append(w)
    return w


@pytest.fixture(autouse=True)
def _delete_held() -> Iterator[None]:
    yield
    while _HELD:
        w = _HELD.pop()
        if shiboken6.isValid(w):
            w.close()
            shiboken6.delete(w)


def words(source: str) -> str:
    """A kiosk text as the citizen sees it in the language installed now."""
    return QCoreApplication.translate("KioskWindow", source)


@pytest.fixture
def kiosk(qtbot: QtBot, hall: Hall, tmp_path: Path) -> KioskWindow:
    k = held(make_kiosk(qtbot, hall, PdfFolderPrinter(tmp_path / "slips")))
    k.thanks_ms = 300
    return k


def finished(hall: Hall, service: str = "gt-zc", window: int = 3) -> TicketInfo:
    """A ticket served at ``window`` and finished with F3, as the clerk would."""
    t = hall.issue_ticket(service)
    called = hall.call_next(window, f"{1000 + window}")
    assert called is not None and called.number == t.number
    return hall.ask_review(window, f"{1000 + window}")


def reviews_of(hall: Hall, t: TicketInfo) -> list[ReviewInfo]:
    return [r for r in hall.reviews(t.business_day) if r.number == t.number]


def open_rating(qtbot: QtBot, kiosk: KioskWindow, code: str, tap_home: bool = True) -> None:
    """From home: 评价服务, the code typed on the keys (its dash left out), OK."""
    if tap_home:
        tap(qtbot, kiosk.home.rate)
    assert kiosk.stack.currentWidget() is kiosk.rate_keypad
    for digit in code.replace("-", ""):
        tap(qtbot, kiosk.rate_keypad.keys[digit])
    with qtbot.waitSignal(kiosk.rating_shown, timeout=WAIT):
        tap(qtbot, kiosk.rate_keypad.ok)
    assert kiosk.stack.currentWidget() is kiosk.rating


def test_a_finished_ticket_is_rated_at_the_kiosk_by_its_short_code(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    t = finished(hall)
    assert kiosk.home.rate.text() == words("Rate a service")
    open_rating(qtbot, kiosk, t.short_code)
    assert t.number in kiosk.rating.ticket.text()
    assert t.service_name in kiosk.rating.ticket.text()
    form = kiosk.rating.form
    assert [b.text() for b in form.faces.values()] == [
        "非常满意", "满意", "基本满意", "不满意", "非常不满意",
    ]  # fmt: skip
    assert not form.submit.isVisible() and not form.reasons.isVisible()
    tap(qtbot, form.faces["satisfied"])
    assert form.faces["satisfied"].chosen and not form.reasons.isVisible()
    with qtbot.waitSignal(kiosk.reviewed, timeout=WAIT):
        tap(qtbot, form.submit)
    assert kiosk.message.headline.text() == words("Thank you for your rating")
    [review] = reviews_of(hall, t)
    assert (review.level, review.channel, review.window_no) == ("satisfied", "kiosk", 3)
    assert review.case_id is None
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.home, timeout=WAIT)


def test_a_bad_rating_without_a_reason_is_refused_on_the_form_and_kept(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    t = finished(hall)
    open_rating(qtbot, kiosk, t.short_code)
    form = kiosk.rating.form
    tap(qtbot, form.faces["dissatisfied"])
    assert form.reasons.isVisible()
    assert [r.text() for r in form.reason_buttons.values()] == [zh for zh, _ in REASONS.values()]
    with qtbot.waitSignal(kiosk.refused, timeout=WAIT) as got:
        tap(qtbot, form.submit)
    assert got.args[0] == "review.reason_needed"
    assert form.refusal.text() == HallError("review.reason_needed", level="不满意").message("zh")
    assert "不满意" in form.refusal.text()
    assert kiosk.stack.currentWidget() is kiosk.rating  # still on the form
    assert form.level == "dissatisfied" and form.faces["dissatisfied"].chosen
    assert reviews_of(hall, t) == []
    tap(qtbot, form.reason_buttons["slow"])
    assert form.reason_buttons["slow"].text().startswith("✓")
    assert not form.refusal.isVisible()
    with qtbot.waitSignal(kiosk.reviewed, timeout=WAIT):
        tap(qtbot, form.submit)
    [review] = reviews_of(hall, t)
    assert (review.level, review.reasons, review.channel) == ("dissatisfied", ("slow",), "kiosk")
    [case] = hall.cases()
    assert case.review.number == t.number and case.id == review.case_id
    assert kiosk.message.headline.text() == words("Thank you for your rating")


def test_the_slips_qr_code_scanned_whole_opens_the_rating(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    t = finished(hall)
    tap(qtbot, kiosk.home.rate)
    address = hall.settings.kiosk.review_url + t.review_code
    assert address.startswith("http")
    qtbot.keyClicks(kiosk.rate_keypad.field, address)  # a scanner types like a keyboard …
    with qtbot.waitSignal(kiosk.rating_shown, timeout=WAIT) as got:
        qtbot.keyClick(kiosk.rate_keypad.field, Qt.Key.Key_Return)  # … and ends with Enter
    assert got.args[0].ticket.number == t.number
    tap(qtbot, kiosk.rating.form.faces["very_satisfied"])
    with qtbot.waitSignal(kiosk.reviewed, timeout=WAIT):
        tap(qtbot, kiosk.rating.form.submit)
    assert [r.level for r in reviews_of(hall, t)] == ["very_satisfied"]


@pytest.mark.parametrize("case", ["waiting", "wrong_digits", "already_rated"])
def test_a_ticket_that_cannot_be_rated_gets_the_cores_sentence(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall, case: str
) -> None:
    if case == "waiting":
        t = hall.issue_ticket("gt-zc")
        code, expected = (
            t.short_code,
            HallError("review.not_finished", number=t.number, state="waiting"),
        )
    elif case == "wrong_digits":
        t = finished(hall)
        ticket, digits = t.short_code.split("-")
        code = f"{ticket}-{(int(digits) + 1) % 1_000_000:06d}"
        expected = HallError("review.invalid")
    else:
        t = finished(hall)
        hall.submit_review(t.review_code, "satisfied")
        code, expected = t.short_code, HallError("review.already", number=t.number)
    tap(qtbot, kiosk.home.rate)
    kiosk.rate_keypad.field.setText(code)
    with qtbot.waitSignal(kiosk.refused, timeout=WAIT) as got:
        tap(qtbot, kiosk.rate_keypad.ok)
    assert got.args[0] == expected.code
    assert kiosk.stack.currentWidget() is kiosk.message
    assert kiosk.message.sentence.text() == expected.message("zh")
    if case != "wrong_digits":
        assert t.number in kiosk.message.sentence.text()
    assert len(reviews_of(hall, t)) == (1 if case == "already_rated" else 0)
    tap(qtbot, kiosk.message.back)
    assert kiosk.stack.currentWidget() is kiosk.home


def test_in_english_the_sentence_and_the_faces_are_english(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    t = hall.issue_ticket("gt-zc")
    tap(qtbot, kiosk.home.language)
    try:
        assert kiosk.home.rate.text() == "Rate a service"
        tap(qtbot, kiosk.home.rate)
        kiosk.rate_keypad.field.setText(t.short_code)
        with qtbot.waitSignal(kiosk.refused, timeout=WAIT):
            tap(qtbot, kiosk.rate_keypad.ok)
        assert kiosk.message.sentence.text().startswith(f"Ticket {t.number} is not finished")
        assert kiosk.rating.form.faces["very_dissatisfied"].text() == "Very dissatisfied"
    finally:
        kiosk.go_home()
        tap(qtbot, kiosk.home.language)


def test_elderly_mode_reads_the_chosen_face_aloud(qtbot: QtBot, hall: Hall, tmp_path: Path) -> None:
    t = finished(hall)
    voice = Voice(engine=ToneEngine(), cache_dir=tmp_path / "voice")
    said: list[str] = []
    announcer = Announcer(
        voice, MemoryOutput(), on_result=lambda r: said.append(r.announcement.words.speech)
    )
    try:
        kiosk = held(
            make_kiosk(qtbot, hall, PdfFolderPrinter(tmp_path / "slips"), announcer=announcer)
        )
        tap(qtbot, kiosk.home.elderly)
        # Elderly home keeps to six choices, rating not among them (the window's
        # evaluator asks at the window); a rating begun all the same is read aloud.
        assert not kiosk.home.rate.isVisible()
        kiosk._on_home_rate_chosen()
        open_rating(qtbot, kiosk, t.short_code, tap_home=False)
        tap(qtbot, kiosk.rating.form.faces["basically_satisfied"])
        qtbot.waitUntil(lambda: any("基本满意" in s for s in said), timeout=WAIT)
        assert any(s.startswith("您选择的是") and "基本满意" in s for s in said)
    finally:
        announcer.close()
        voice.close()


def test_the_ticket_screen_shows_the_short_code_under_the_qr(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    t = take(qtbot, kiosk, "SS", "gt-zc")
    assert t.short_code and t.short_code in kiosk.ticket.short_code.text()
    assert kiosk.ticket.short_code.isVisible()
    qr, code = kiosk.ticket.qr.geometry(), kiosk.ticket.short_code.geometry()
    assert 0 <= code.top() - qr.bottom() < 60  # right under it, not across the screen
    assert hall.ticket_by_review_code(t.short_code).number == t.number


def test_the_form_resets_for_the_next_citizen() -> None:
    form = held(RatingForm())
    form.set_language("zh")
    form._choose("very_dissatisfied")
    form.reason_buttons["attitude"].setChecked(True)
    form.show_refusal("x")
    form.reset()
    assert form.level is None and form.chosen_reasons() == []
    assert not any(b.chosen for b in form.faces.values())
    assert form.refusal.text() == "" and form.opinion.text() == ""
    assert face_words("very_dissatisfied", "zh") == "非常\n不满意"


@pytest.mark.parametrize("size", [PORTRAIT, QSize(1920, 1080)], ids=["portrait", "landscape"])
def test_the_rating_screens_fit_the_panel_in_both_languages_and_elderly_type(
    qtbot: QtBot, hall: Hall, tmp_path: Path, size: QSize
) -> None:
    """Nothing cut off, squeezed or off the glass on the code screen and on the form with
    the reasons and a refusal showing, with the idle countdown showing too."""
    t = finished(hall)
    kiosk = held(KioskWindow(hall, PdfFolderPrinter(tmp_path / "slips"), kiosk="K1", size=size))
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitUntil(lambda: bool(kiosk.services), timeout=WAIT)
    found: dict[str, list[str]] = {}
    standard_body = sizes(min(size.width(), size.height()))["body"]  # … never below this
    # (Elderly home keeps to six choices and offers no rating: standard type only.)
    for lang in ("zh", "en"):
        kiosk.next_citizen()
        if lang != kiosk.lang:
            tap(qtbot, kiosk.home.language)
        open_rating(qtbot, kiosk, t.short_code)
        form = kiosk.rating.form
        tap(qtbot, form.faces["very_dissatisfied"])
        form.show_refusal(
            HallError("review.reason_needed", level="非常不满意").message(lang)
        )  # the longest sentence the form shows
        kiosk._set_idle_hint(kiosk.tr("Back to home in {n} s").format(n=30))
        for page in (kiosk.rate_keypad, kiosk.rating):
            kiosk.stack.setCurrentWidget(page)
            qtbot.wait(20)  # the layouts settle
            problems = cut_off(kiosk)
            for face in kiosk.rating.form.faces.values():  # a word drawn smaller to fit …
                if page is kiosk.rating and face.words.fitted_px() < standard_body:
                    problems.append(f"{face.text()} drawn at {face.words.fitted_px()} px")
            if problems:
                found[f"{lang} {type(page).__name__}"] = problems
        assert kiosk.size() == size
    assert not found, found


def test_every_rating_button_has_an_accessible_name(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    t = finished(hall)
    open_rating(qtbot, kiosk, t.short_code)
    tap(qtbot, kiosk.rating.form.faces["dissatisfied"])
    form = kiosk.rating.form
    buttons = [*form.faces.values(), *form.reason_buttons.values(), form.submit]
    assert all(b.accessibleName() for b in buttons)
    assert form.faces["dissatisfied"].accessibleName() == "不满意"


@pytest.fixture(autouse=True)
def _chinese_again(qapp: object) -> Iterator[None]:
    from shared.qt.i18n import set_language

    set_language("zh")
    yield
    set_language("zh")
