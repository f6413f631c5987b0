"""The station's checks of ``yimen doctor``: what this PC needs to print, speak and show.

Each asks the code the stations themselves use wherever it can, so that what the doctor
says is what the station will meet: the slip's font search (`printing.FONT_CANDIDATES`),
the speech process (`voice.SpeechEngine`), the sound output (`announcer.SoundDeviceOutput`),
the printer settings (`printing.printer_from_spec`). The screens and a system printer
are Qt's to tell; the front door hands in how to ask (`checks.Probes`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from shared.base.errors import EnvironmentFault
from shared.base.messages import TABLE
from shared.config.hall_file import VoiceConfig
from shared.devices import printing
from shared.devices.checks import Finding, ScreenInfo, Station
from shared.devices.speech import call_words

#: What the slip must be able to write: every Chinese character of its own sentences.
CJK_SAMPLE = "".join(
    sorted(
        {
            ch
            for code, entry in TABLE.items()
            if code.startswith("documents.slip.")
            for ch in entry["zh"]
            if ord(ch) >= 0x2E80
        }
    )
)
#: The families the screens' style sheets ask for, first present wins
#: (``assets/styles/*.qss``); fontconfig stands in another Chinese font for a missing one.
SCREEN_FAMILIES = ("WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC")
#: Chinese fonts Windows brings, for its screens (no fontconfig there).
WINDOWS_FONTS = ("msyh.ttc", "msyhl.ttc", "simhei.ttf", "simsun.ttc", "deng.ttf")
#: The call the voice check renders, and the least it must say: a peak of this share of
#: full scale, for this long.
SAMPLE_CALL = ("A001", 1)
LOUD_ENOUGH = 0.05
LONG_ENOUGH = 0.5
#: Free space the PDF folder needs for a day's slips (some 30 kB each).
FOLDER_BYTES = 50 * 1024 * 1024
SUBPROCESS_SECONDS = 8.0


# -- fonts -----------------------------------------------------------------------------


def pdf_font(pc: Station) -> Finding:
    """The CJK font the slip, the one-time notice and the reports embed: the first of
    `printing.font_candidates` that exists, as `printing.cjk_font` takes it; it must load
    and hold the Chinese a slip prints."""
    from reportlab.pdfbase.ttfonts import TTFont

    found = printing.cjk_font_file()
    if found is None:
        return pc.problem(
            "pdf_font",
            "doctor.pdf_font.missing",
            "doctor.pdf_font.fix",
            looked=", ".join(p for p, _ in printing.font_candidates()),
        )
    path, index = found
    try:
        font = TTFont("YimenDoctorCheck", path, subfontIndex=index)
    except Exception as exc:  # reportlab's TTFError, or a file it cannot read at all
        return pc.problem(
            "pdf_font", "doctor.pdf_font.broken", "doctor.pdf_font.fix", path=path, detail=exc
        )
    missing = [ch for ch in CJK_SAMPLE if ord(ch) not in font.face.charToGlyph]
    if missing:
        return pc.problem(
            "pdf_font",
            "doctor.pdf_font.no_chinese",
            "doctor.pdf_font.fix",
            path=path,
            chars="".join(missing),
        )
    return pc.ok("pdf_font", "doctor.pdf_font.ok", path=path)


def screen_font(pc: Station) -> Finding:
    """A Chinese font for the Qt screens: on Linux one that fontconfig lists for Chinese
    (what Qt asks it for); on Windows one of its own; macOS always has PingFang."""
    if sys.platform == "darwin":
        return pc.ok("screen_font", "doctor.screen_font.ok", family="PingFang SC")
    if sys.platform == "win32":
        folder = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
        present = [f for f in WINDOWS_FONTS if (folder / f).is_file()]
        if not present:
            return pc.problem(
                "screen_font",
                "doctor.screen_font.none",
                "doctor.screen_font.fix_windows",
                where=folder,
            )
        return pc.ok("screen_font", "doctor.screen_font.ok", family=present[0])
    try:
        listed = subprocess.run(
            ["fc-list", ":lang=zh", "family"],
            capture_output=True,
            text=True,
            timeout=SUBPROCESS_SECONDS,
            check=False,
        )
    except FileNotFoundError:
        return pc.problem(
            "screen_font", "doctor.screen_font.no_fontconfig", "doctor.screen_font.fix"
        )
    except subprocess.TimeoutExpired:
        return pc.problem(
            "screen_font",
            "doctor.screen_font.slow",
            "doctor.screen_font.fix_cache",
            seconds=round(SUBPROCESS_SECONDS),
        )
    families = [line.split(",", 1)[0].strip() for line in listed.stdout.splitlines()]
    if not families:
        return pc.problem("screen_font", "doctor.screen_font.none", "doctor.screen_font.fix")
    family = next((f for f in SCREEN_FAMILIES if f in families), sorted(families)[0])
    return pc.ok("screen_font", "doctor.screen_font.ok", family=family)


# -- voice and sound ---------------------------------------------------------------------


def voice(pc: Station, settings: VoiceConfig | None, not_here: str | None) -> Finding:
    """The speech engine starts, has a voice for the hall's call language, and says a
    call that is not silence (rendered to a file here, never played)."""
    from shared.devices.voice import RATE, SpeechEngine, read_wav, tidy

    if not_here is not None:
        return pc.ok("voice", not_here)
    settings = settings or VoiceConfig()
    lang = settings.language
    engine = SpeechEngine(timeout=SUBPROCESS_SECONDS * 2)
    try:
        try:
            chosen = engine.voice_of(lang)
        except EnvironmentFault as exc:
            return pc.problem(
                "voice", "doctor.voice.no_engine", "doctor.voice.fix_engine",
                detail=exc.params.get("detail", ""),
            )  # fmt: skip
        if chosen is None:
            return pc.problem(
                "voice", "doctor.voice.no_voice", "doctor.voice.fix_voice", language=lang
            )
        words = call_words(*SAMPLE_CALL, settings, lang)
        with tempfile.TemporaryDirectory(prefix="yimen-doctor-") as folder:
            wav = Path(folder) / "call.wav"
            try:
                engine.render(words.speech, lang, settings.rate, wav)
                samples = tidy(read_wav(wav)).samples()  # the words, without quiet around
            except Exception as exc:  # the engine's fault, or a file that is not a WAV
                detail = exc.message(pc.lang) if isinstance(exc, EnvironmentFault) else exc
                return pc.problem(
                    "voice", "doctor.voice.failed", "doctor.voice.fix_engine", detail=detail
                )
        peak = float(np.max(np.abs(samples.astype(np.float64)))) / 32768 if len(samples) else 0
        seconds = len(samples) / RATE
        if peak < LOUD_ENOUGH or seconds < LONG_ENOUGH:
            return pc.problem(
                "voice", "doctor.voice.silent", "doctor.voice.fix_engine",
                language=lang, text=words.text,
            )  # fmt: skip
        return pc.ok(
            "voice", "doctor.voice.ok", language=lang, voice=f"{engine.driver}:{chosen}",
            text=words.text, seconds=round(seconds, 1),
        )  # fmt: skip
    finally:
        engine.close()


def sound(pc: Station, not_here: str | None) -> Finding:
    """The station's sound output opens, as the announcer opens it (PortAudio's default
    output device); nothing is played."""
    from shared.devices.announcer import OutputUnavailable, SoundDeviceOutput

    if not_here is not None:
        return pc.ok("sound", not_here)
    output = SoundDeviceOutput()
    try:
        output.open()
    except OutputUnavailable as exc:
        detail = exc.params.get("detail", "")
        if exc.code == "sound.no_library":
            return pc.problem(
                "sound", "doctor.sound.no_library", "doctor.sound.fix_library", detail=detail
            )
        return pc.problem("sound", "doctor.sound.no_device", "doctor.sound.fix", detail=detail)
    finally:
        output.close()
    return pc.ok("sound", "doctor.sound.ok", device=_output_name())


def _output_name() -> str:
    import sounddevice as sd

    try:
        return str(sd.query_devices(kind="output")["name"])
    except Exception:  # the name is only for the reader
        return "?"


# -- the printer -------------------------------------------------------------------------


def printer_setting(pc: Station) -> str | None:
    """The printer this PC's station would use: ``--printer``, else the role's variable
    (the kiosk's slips ``YIMEN_PRINTER``, the counter's notices ``YIMEN_NOTICE_PRINTER``)."""
    if pc.printer:
        return pc.printer
    variable = "YIMEN_NOTICE_PRINTER" if pc.role == "counter" else "YIMEN_PRINTER"
    return os.environ.get(variable) or None


def printer(pc: Station, system_state: Callable[[str], str], width_mm: int) -> Finding:
    """The printer the station is set to: there, switched on, with paper. Nothing is
    printed: a receipt printer is asked for its state, a system printer's queue for its
    own, a PDF folder whether it can be written."""
    spec = printer_setting(pc)
    if spec and spec.startswith("system:"):
        return _system_printer(pc, spec.removeprefix("system:"), system_state)
    if not spec and pc.role == "counter":  # notices kept beside the slips' folder
        return _folder(pc, printing.default_notice_folder())
    try:
        target = printing.printer_from_spec(spec, width_mm)
    except printing.PrinterFault as exc:
        return pc.problem(
            "printer", "doctor.printer.bad_spec", "doctor.printer.fix_spec",
            detail=exc.message(pc.lang),
        )  # fmt: skip
    if isinstance(target, printing.PdfFolderPrinter):
        return _folder(pc, target.folder)
    assert isinstance(target, printing.EscPosPrinter)
    return _receipt_printer(pc, target)


def _folder(pc: Station, folder: Path) -> Finding:
    """Slips kept as PDF files: the folder (or where it will be made) can be written and
    has room. No paper printer is a choice, said so, not a problem."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        return pc.problem(
            "printer", "doctor.printer.folder_locked", "doctor.printer.fix_folder", path=folder
        )
    free = shutil.disk_usage(existing).free
    if free < FOLDER_BYTES:
        return pc.problem(
            "printer", "doctor.printer.folder_full", "doctor.printer.fix_folder",
            path=folder, mb=free // (1024 * 1024),
        )  # fmt: skip
    return pc.ok("printer", "doctor.printer.folder_ok", path=folder)


def _receipt_printer(pc: Station, target: printing.EscPosPrinter) -> Finding:
    """An ESC/POS printer asked, as before every slip, whether it is online and has paper
    (python-escpos: paper 2 present, 1 near its end, 0 out)."""
    name = target.connection
    try:
        paper = target.paper()  # the station's own question, before every slip
    except printing.PrinterFault as exc:
        return pc.problem(
            "printer", "doctor.printer.offline", "doctor.printer.fix_offline",
            printer=name, detail=exc.params.get("detail", ""),
        )  # fmt: skip
    if paper is printing.Paper.OUT:
        return pc.problem(
            "printer", "doctor.printer.no_paper", "doctor.printer.fix_paper", printer=name
        )
    if paper is printing.Paper.LOW:
        return pc.problem(
            "printer", "doctor.printer.paper_low", "doctor.printer.fix_paper", printer=name
        )
    return pc.ok("printer", "doctor.printer.ok", printer=name)


def _system_printer(pc: Station, name: str, system_state: Callable[[str], str]) -> Finding:
    state = system_state(name)
    if state == "missing":
        return pc.problem(
            "printer", "doctor.printer.not_installed", "doctor.printer.fix_install", printer=name
        )
    if state in ("aborted", "error"):
        return pc.problem(
            "printer", "doctor.printer.error", "doctor.printer.fix_offline", printer=name
        )
    words = pc.say(f"doctor.printer.state.{state}")
    return pc.ok("printer", "doctor.printer.system_ok", printer=name, state=words)


# -- the screen --------------------------------------------------------------------------


@dataclass(frozen=True)
class ScreenNeed:
    """The smallest screen a role's layout is made for, in logical pixels: ``turns`` when
    it may stand either way (a public screen: portrait or landscape), ``free`` when it is
    measured on the screen's free area (a window beside the taskbar) rather than whole."""

    width: int
    height: int
    turns: bool
    free: bool

    def met_by(self, screen: ScreenInfo) -> bool:
        w, h = (
            (screen.free_width, screen.free_height) if self.free else (screen.width, screen.height)
        )
        if self.turns:
            return min(w, h) >= min(self.width, self.height) and max(w, h) >= max(
                self.width, self.height
            )
        return w >= self.width and h >= self.height

    @property
    def text(self) -> str:
        return f"{self.width}×{self.height}"


#: Each role's least screen (tests/test_doctor.py holds them to the apps' own layouts):
#: the kiosk's touch targets are 96 px per 1080 of the short side and must stay at least
#: 80 px (UI.md: 20 mm on a 21.5" panel), on a 16:9 panel; the lobby display is laid out
#: down to a 1366×768 TV; the counter's console never asks for less than its SMALLEST
#: plus the window's frame, the supervisor's station its SMALLEST; the evaluator is laid
#: out for a 1280×800 tablet.
SCREEN_NEEDS: dict[str, ScreenNeed] = {
    "kiosk": ScreenNeed(900, 1600, turns=True, free=False),
    "display": ScreenNeed(1366, 768, turns=True, free=False),
    "counter": ScreenNeed(916, 660, turns=False, free=True),
    "supervisor": ScreenNeed(1280, 720, turns=False, free=True),
    "evaluator": ScreenNeed(1280, 800, turns=True, free=False),
}


class ScreenUnavailable(EnvironmentFault):
    """Qt cannot show anything on this PC (no graphical session, no platform plugin)."""


def screen(pc: Station, screens: Callable[[], Sequence[ScreenInfo]]) -> Finding:
    """The primary screen (where a station opens full screen) against the role's least
    size; without a role, which roles it is large enough for."""
    try:
        found = list(screens())
    except ScreenUnavailable as exc:
        return pc.problem(
            "screen", "doctor.screen.unavailable", "doctor.screen.fix_session",
            detail=exc.message(pc.lang),
        )  # fmt: skip
    if not found:
        return pc.problem("screen", "doctor.screen.none", "doctor.screen.fix_session")
    main = next((s for s in found if s.primary), found[0])
    if main.platform in ("offscreen", "minimal"):
        return pc.problem(
            "screen", "doctor.screen.offscreen", "doctor.screen.fix_session",
            platform=main.platform,
        )  # fmt: skip
    size = f"{main.width}×{main.height}"
    if pc.role in SCREEN_NEEDS:
        need = SCREEN_NEEDS[pc.role]
        role = pc.say(f"doctor.role.{pc.role}")
        if need.met_by(main):
            return pc.ok("screen", "doctor.screen.ok", size=size, role=role, need=need.text)
        return pc.problem(
            "screen", "doctor.screen.small", f"doctor.screen.fix.{pc.role}",
            size=size, free=f"{main.free_width}×{main.free_height}", role=role, need=need.text,
        )  # fmt: skip
    fits = [pc.say(f"doctor.role.{r}") for r, need in SCREEN_NEEDS.items() if need.met_by(main)]
    if not fits:
        return pc.problem("screen", "doctor.screen.fits_none", "doctor.screen.fix.any", size=size)
    return pc.ok("screen", "doctor.screen.fits", size=size, roles=fits)
