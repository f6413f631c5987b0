"""Runs first in every process of the bundle (a PyInstaller runtime hook): points the
libraries that look for files of the system at the copies in the bundle, so that a
Linux PC without espeak-ng, PortAudio or a CJK font still speaks, plays and prints.

A variable the PC already sets is left alone (a hall may choose its own font or voice
data). On Windows nothing here applies: the voice is SAPI5, PortAudio comes in
sounddevice's own wheel and the fonts are Windows' own (微软雅黑).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import sys
from pathlib import Path


def _point_at_bundle(base: Path) -> None:
    if not sys.platform.startswith("linux"):
        return
    # espeak-ng reads its voices and dictionaries from $ESPEAK_DATA_PATH/espeak-ng-data;
    # pyttsx3 opens libespeak-ng.so.1 by name, which finds the copy loaded here first.
    if (base / "espeak-ng-data").is_dir():
        os.environ.setdefault("ESPEAK_DATA_PATH", str(base))
    espeak = base / "libespeak-ng.so.1"
    if espeak.is_file():
        # If it cannot be loaded, the system's own (if any) is found by name as usual.
        with contextlib.suppress(OSError):
            ctypes.CDLL(str(espeak), mode=ctypes.RTLD_GLOBAL)
    # sounddevice asks ctypes.util.find_library("portaudio"), which searches the
    # system only.
    bundled = {"portaudio": base / "libportaudio.so.2"}
    find_library = ctypes.util.find_library

    def find_bundled_first(name: str) -> str | None:
        path = bundled.get(name)
        return str(path) if path is not None and path.is_file() else find_library(name)

    ctypes.util.find_library = find_bundled_first
    # The slip's PDF font (shared.devices.printing reads YIMEN_CJK_FONT first) and, for
    # the screens, the same font through fontconfig (Qt's font source on Linux): the
    # bundle's fonts.conf includes the system's and adds the bundle's fonts folder.
    font = base / "fonts" / "wqy-microhei.ttc"
    if font.is_file():
        os.environ.setdefault("YIMEN_CJK_FONT", str(font))
    if (base / "fonts" / "fonts.conf").is_file():
        os.environ.setdefault("FONTCONFIG_FILE", str(base / "fonts" / "fonts.conf"))


_point_at_bundle(Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)))
