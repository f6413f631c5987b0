"""The apps' languages through Qt Linguist: Chinese (zh_CN) by default, English complete.

The source texts in the code are English (``self.tr("Need help")``); the Chinese is in
``assets/translations/yimen_zh_CN.ts``, committed, and compiled to ``.qm`` by the set-up
(``make``, or `ensure_compiled` on a PC without make). Switching to English removes the
translator; switching back installs it. Sentences from the core come from
`shared.base.messages` in the same language.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parent.parent.parent / "assets" / "translations"
LANGS = ("zh", "en")
_installed: QTranslator | None = None


def qm_path(lang: str = "zh") -> Path:
    return TRANSLATIONS / f"yimen_{'zh_CN' if lang == 'zh' else lang}.qm"


def ensure_compiled() -> None:
    """Build the .qm files from the .ts files when they are missing or older."""
    for ts in TRANSLATIONS.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        tool = shutil.which("pyside6-lrelease") or str(
            Path(sys.executable).with_name("pyside6-lrelease")
        )
        try:
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            log.warning("could not compile %s: %s", ts.name, exc)


def set_language(lang: str) -> None:
    """Chinese installs the translator, English removes it; open widgets get a
    LanguageChange event and retranslate themselves."""
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        return
    if _installed is not None:
        QCoreApplication.removeTranslator(_installed)
        _installed = None
    if lang == "en":
        return
    ensure_compiled()
    translator = QTranslator(app)
    if translator.load(str(qm_path("zh"))):
        QCoreApplication.installTranslator(translator)
        _installed = translator
    else:
        log.warning("no Chinese translation at %s: showing English", qm_path("zh"))
