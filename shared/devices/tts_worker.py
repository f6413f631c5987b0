"""The speech engine's own process: pyttsx3, owned by one thread of one process.

pyttsx3's drivers are not thread-safe, keep one cached engine per process, let a saved
file's path stick to later calls and (the espeak driver) print a line on standard output
for every file saved. So the engine lives here, in a small helper process that
`shared.devices.voice.SpeechEngine` starts once and talks to in JSON lines:

* on start it writes ``{"ok": true, "driver": …, "voices": {"zh": id, "en": id}}``, or
  ``{"ok": false, "code": "voice.no_engine", "detail": …}`` and ends;
* then for each request ``{"text": …, "lang": …, "rate": …, "path": …}`` it writes the WAV
  and answers ``{"ok": true, "voice": id}``, or ``{"ok": false, "code": …, "detail": …}``.

The protocol runs on a copy of the original standard output; the real one is pointed at
the null device, so nothing the driver prints can break a reply. Run it with
``python -m shared.devices.tts_worker``; it ends when its standard input closes.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

#: Voices known to read Mandarin well, best first (espeak-ng ids, then SAPI5 name parts).
_PREFERRED = {
    "zh": ("sit/cmn-latn-pinyin", "huihui", "yaoyao", "kangkang", "xiaoxiao"),
    "en": ("gmw/en", "gmw/en-us", "zira", "david", "samantha"),
}
_LANG_PATTERNS = {
    # Not sit/cmn itself: it reads Chinese characters as pinyin spelled in English.
    "zh": re.compile(r"(^|[^a-z])(zh|cmn-latn-pinyin|chinese|中文|0804)([^a-z]|$)", re.I),
    "en": re.compile(r"(^|[^a-z])(en|en-(gb|us)|english|0409|0809)([^a-z]|$)", re.I),
}


def choose_voice(voices: Iterable[tuple[str, str, Sequence[str]]], lang: str) -> str | None:
    """The id of the best installed voice for ``lang``, from (id, name, languages) triples;
    None when no installed voice speaks it."""
    voices = list(voices)
    for wanted in _PREFERRED.get(lang, ()):
        for vid, name, _ in voices:
            if vid.lower() == wanted or wanted in name.lower() or vid.lower().endswith(wanted):
                return vid
    pattern = _LANG_PATTERNS.get(lang)
    if pattern is None:
        return None
    for vid, name, languages in voices:
        if vid.lower() == "sit/cmn":
            continue
        if any(pattern.search(str(x)) for x in (*languages, vid, name)):
            return vid
    return None


FINISH_SECONDS = 15.0
#: Times an utterance is said again when the driver wrote no audio.
EMPTY_ATTEMPTS = 3


def _reply(out: TextIO, message: dict[str, Any]) -> None:
    out.write(json.dumps(message, ensure_ascii=False) + "\n")
    out.flush()


def main() -> int:
    # The protocol keeps the real standard output; fd 1 goes to the null device so the
    # driver's prints (and any C library's) cannot reach the reader.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process
    try:
        import pyttsx3

        engine = pyttsx3.init()
        listed = [
            (str(v.id), str(v.name or ""), [str(x) for x in (v.languages or [])])
            for v in engine.getProperty("voices")
        ]
    except Exception as exc:  # no driver, no library (libespeak-ng1), COM failure
        _reply(out, {"ok": False, "code": "voice.no_engine", "detail": _short(exc)})
        return 1
    chosen = {lang: choose_voice(listed, lang) for lang in ("zh", "en")}
    driver = str(getattr(engine, "driver_name", "") or "")
    # espeak-ng synthesises on a thread of its own in pyttsx3's mode, and the espeak
    # driver's runAndWait returns as soon as synthesis has *started*: the file is written
    # later, when the utterance finishes. Wait for that, or a busy PC gets empty files.
    finished = threading.Event()
    engine.connect("finished-utterance", lambda name, completed: finished.set())
    waits_for_finish = driver == "espeak"
    _reply(out, {"ok": True, "driver": driver, "voices": chosen})

    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            voice = chosen.get(request["lang"])
            if voice is None:
                _reply(out, {"ok": False, "code": "voice.no_voice", "detail": request["lang"]})
                continue
            engine.setProperty("voice", voice)
            engine.setProperty("rate", int(request["rate"]))
            # The espeak driver writes the file before it adds the samples that came with
            # the end of the utterance: when all of them came then (a busy PC), the file
            # is empty. Saying it again is the cure; a voice that never speaks fails.
            problem = ""
            for _attempt in range(EMPTY_ATTEMPTS):
                finished.clear()
                engine.save_to_file(request["text"], request["path"])
                engine.runAndWait()
                if waits_for_finish and not finished.wait(FINISH_SECONDS):
                    problem = "no end of speech"
                    break
                path = request["path"]
                problem = "" if os.path.exists(path) and os.path.getsize(path) > 44 else "no audio"
                if not problem:
                    break
            if problem:
                _reply(out, {"ok": False, "code": "voice.failed", "detail": problem})
                continue
            _reply(out, {"ok": True, "voice": voice})
        except Exception as exc:
            _reply(out, {"ok": False, "code": "voice.failed", "detail": _short(exc)})
    return 0


def _short(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


if __name__ == "__main__":
    sys.exit(main())
