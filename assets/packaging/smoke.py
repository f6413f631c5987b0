"""The bundle's smoke test (``make dist-check``; the Windows workflow runs it too): the
folder that ``make dist`` built, run as a PC without Python would run it.

Everything runs from a fresh temporary folder, with HOME (on Windows USERPROFILE and
APPDATA) pointed into it, a bare PATH and no Python or yimen variables, by the bundle's
absolute path. Checked, in order:

* ``yimen --version`` and ``yimen --help`` answer;
* ``yimen -m shared.cli --version`` answers the same: the bundle runs a module as
  ``python -m`` would (the speech helper and the stations' keeper start that way);
* ``yimen init --demo`` makes the demo hall in a SQLite file (Alembic's migrations run
  from the bundle's files);
* ``yimen doctor`` runs: status 0 (all well) or 1 (problems found) are both fine, a crash
  (status 70, a traceback) is not;
* ``yimen say A001 3 --wav`` speaks (Linux: the bundle's espeak-ng, in Mandarin);
* ``yimen report --pdf`` writes a PDF with the CJK font embedded;
* ``yimen kiosk`` comes up offscreen on the demo database and keeps running until it is
  ended; it never ends by itself, and its standard error has no traceback; on Linux with
  Xvfb at hand, the same on an X display, until its window is on the screen.

    python assets/packaging/smoke.py dist/yimen

Exit status 0 when every check passed; each check prints one line.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import wave
from collections.abc import Callable, Sequence
from pathlib import Path

WINDOWS = sys.platform == "win32"
#: How long a command may take (the first start of a bundle reads a few hundred MB).
COMMAND_SECONDS = 180
#: How long the kiosk has to come up, and how long it must then keep running.
UP_SECONDS = 90
KEEPS_RUNNING_SECONDS = 5
#: How long the kiosk (and its keeper) have to end once asked to.
END_SECONDS = 30
#: What a crash leaves on standard error.
CRASH_SIGNS = ("Traceback (most recent call last)", "Fatal Python error")


class Failed(Exception):
    pass


class Smoke:
    def __init__(self, bundle: Path, work: Path) -> None:
        self.program = bundle / ("yimen.exe" if WINDOWS else "yimen")
        if not self.program.is_file():
            raise SystemExit(f"no bundle at {bundle} (make dist builds it)")
        self.work = work
        self.run_dir = work / "run"
        self.home = work / "home"
        self.run_dir.mkdir()
        self.home.mkdir()
        self.db = "sqlite:///" + (work / "demo.db").as_posix()
        self.env = self._bare_environment()
        self.failures = 0

    def _bare_environment(self) -> dict[str, str]:
        """No variable of this machine's Python or of yimen; HOME in the temporary folder."""
        keep = ("SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT", "TEMP", "TMP", "NUMBER_OF_PROCESSORS")
        env = {name: os.environ[name] for name in keep if name in os.environ}
        env["PATH"] = (
            os.environ.get("SYSTEMROOT", "C:\\Windows") + "\\System32"
            if WINDOWS
            else "/usr/bin:/bin"
        )
        env["HOME"] = str(self.home)
        env["LANG"] = "C.UTF-8"
        env["QT_QPA_PLATFORM"] = "offscreen"
        if WINDOWS:
            env["USERPROFILE"] = str(self.home)
            env["APPDATA"] = str(self.home / "AppData" / "Roaming")
            env["LOCALAPPDATA"] = str(self.home / "AppData" / "Local")
        else:
            env["XDG_RUNTIME_DIR"] = str(self.work)
        return env

    def yimen(
        self, *argv: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.program), *argv],
            cwd=self.run_dir,
            env=env or self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=COMMAND_SECONDS,
            check=False,
        )

    def check(self, what: str, test: Callable[[], str]) -> None:
        started = time.monotonic()
        try:
            said = test()
        except Failed as exc:
            self.failures += 1
            print(f"FAIL {what}: {exc}", flush=True)
            return
        except (OSError, subprocess.SubprocessError) as exc:
            self.failures += 1
            print(f"FAIL {what}: {exc!r}", flush=True)
            return
        print(
            f"ok   {what} ({time.monotonic() - started:.1f} s){': ' + said if said else ''}",
            flush=True,
        )


def expect(done: subprocess.CompletedProcess[str], codes: Sequence[int] = (0,)) -> None:
    crashed = any(sign in done.stderr for sign in CRASH_SIGNS)
    if done.returncode not in codes or crashed:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise Failed(f"exit status {done.returncode}\n{tail}")


def run_checks(s: Smoke) -> None:
    def version() -> str:
        done = s.yimen("--version")
        expect(done)
        if not done.stdout.startswith("yimen "):
            raise Failed(f"says {done.stdout!r}")
        return done.stdout.strip()

    def help_text() -> str:
        done = s.yimen("--help")
        expect(done)
        if "usage: yimen" not in done.stdout:
            raise Failed(f"says {done.stdout[:200]!r}")
        return ""

    def module() -> str:
        done = s.yimen("-m", "shared.cli", "--version")
        expect(done)
        if done.stdout != s.yimen("--version").stdout:
            raise Failed(f"says {done.stdout!r}")
        return "the bundle runs `-m module` as python does"

    def init() -> str:
        done = s.yimen("init", "--demo", "--db", s.db)
        expect(done)
        return done.stdout.strip().splitlines()[-1]

    def doctor() -> str:
        done = s.yimen("doctor", "--db", s.db)
        if done.returncode == 2 and "invalid choice: 'doctor'" in done.stderr:
            return "not in this build yet (skipped)"
        expect(done, codes=(0, 1))
        return "all well" if done.returncode == 0 else "ran, reported problems (status 1)"

    def say() -> str:
        wav = s.work / "call.wav"
        lang = "en" if WINDOWS else "zh"  # a Windows runner has no Chinese voice
        done = s.yimen("say", "A001", "3", "--wav", str(wav), "--db", s.db, "--lang", lang)
        expect(done)
        with wave.open(str(wav)) as w:
            seconds = w.getnframes() / w.getframerate()
        if seconds < 2:
            raise Failed(f"the call lasts {seconds:.1f} s")
        return f"{seconds:.1f} s of speech"

    def report() -> str:
        pdf = s.work / "report.pdf"
        done = s.yimen("report", "--pdf", str(pdf), "--db", s.db)
        expect(done)
        data = pdf.read_bytes()
        if not data.startswith(b"%PDF") or b"FontFile2" not in data:
            raise Failed("no PDF with an embedded TrueType font")
        return f"{len(data) // 1024} KB, CJK font embedded"

    s.check("yimen --version", version)
    s.check("yimen --help", help_text)
    s.check("yimen -m shared.cli --version", module)
    s.check("yimen init --demo", init)
    s.check("yimen doctor", doctor)
    s.check("yimen say --wav", say)
    s.check("yimen report --pdf", report)
    s.check("yimen kiosk, offscreen", lambda: kiosk(s, s.env, up=None))
    display = xvfb_display(s)
    if display is not None:
        env = {**s.env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display[0]}
        try:
            s.check("yimen kiosk, on X (Xvfb)", lambda: kiosk(s, env, up=window_shown(env)))
        finally:
            display[1].terminate()
            display[1].wait(10)


def kiosk(s: Smoke, env: dict[str, str], up: Callable[[], bool] | None) -> str:
    """The kiosk comes up, keeps running, and ends when asked, with no trace of a crash."""
    err_path = s.work / "kiosk.err"
    with open(err_path, "w", encoding="utf-8") as err:
        proc = subprocess.Popen(
            [str(s.program), "kiosk", "--db", s.db],
            cwd=s.run_dir,
            env=env,
            stdout=err,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + UP_SECONDS
        came_up = up or (lambda: has_open(proc.pid, s.work / "demo.db"))
        while not came_up():
            if proc.poll() is not None:
                raise Failed(f"ended by itself (status {proc.returncode}):\n{tail(err_path)}")
            if time.monotonic() > deadline:
                raise Failed(f"not up within {UP_SECONDS} s:\n{tail(err_path)}")
            time.sleep(0.2)
        up_after = UP_SECONDS - (deadline - time.monotonic())
        time.sleep(KEEPS_RUNNING_SECONDS)
        if proc.poll() is not None:
            raise Failed(f"ended by itself (status {proc.returncode}):\n{tail(err_path)}")
        family = descendants(proc.pid)
    finally:
        end(proc)
    text = err_path.read_text(encoding="utf-8", errors="replace")
    if any(sign in text for sign in CRASH_SIGNS):
        raise Failed(f"a traceback on standard error:\n{tail(err_path)}")
    left = [pid for pid in family if alive(pid)]
    if left:
        raise Failed(f"processes left behind after it ended: {left}")
    return f"up after {up_after:.1f} s, ran {KEEPS_RUNNING_SECONDS} s more, ended when asked"


def end(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        if WINDOWS:
            proc.terminate()
        else:
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(END_SECONDS)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise Failed(f"did not end within {END_SECONDS} s of SIGTERM") from None


def tail(path: Path, lines: int = 20) -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def descendants(pid: int) -> list[int]:
    """The process and its children's children (Linux; elsewhere the process alone)."""
    if WINDOWS or not Path("/proc").is_dir():
        return [pid]
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo += children.get(p, [])
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def has_open(pid: int, path: Path) -> bool:
    """The process or one of its children has ``path`` open: it reached the database
    (Linux; elsewhere taken as so once the process has run a few seconds)."""
    if WINDOWS or not Path("/proc").is_dir():
        time.sleep(KEEPS_RUNNING_SECONDS)
        return True
    for p in descendants(pid):
        try:
            fds = list(Path(f"/proc/{p}/fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                if Path(os.readlink(fd)) == path:
                    return True
            except OSError:
                continue
    return False


def xvfb_display(s: Smoke) -> tuple[str, subprocess.Popen[bytes]] | None:
    """An X server of its own (Xvfb) to show the kiosk on, where Xvfb and xwininfo are."""
    if WINDOWS or not (shutil.which("Xvfb") and shutil.which("xwininfo")):
        return None
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1080x1920x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    if not number:
        server.terminate()
        return None
    return f":{number}", server


#: The demo hall's name: the kiosk's window bears it (the "connecting" window does not).
DEMO_HALL = "青川区政务服务中心"


def window_shown(env: dict[str, str]) -> Callable[[], bool]:
    """The kiosk's window (named after the hall) is on the X display and viewable."""

    def shown() -> bool:
        tree = subprocess.run(
            ["xwininfo", "-root", "-tree"], env=env, capture_output=True, check=False
        ).stdout.decode("utf-8", "replace")
        for line in tree.splitlines():
            if f'"{DEMO_HALL}"' in line:
                wid = line.split()[0]
                info = subprocess.run(
                    ["xwininfo", "-id", wid], env=env, capture_output=True, check=False
                ).stdout.decode("utf-8", "replace")
                if "Map State: IsViewable" in info:
                    return True
        return False

    return shown


def main(argv: Sequence[str]) -> int:
    if len(argv) != 1:
        print("usage: python assets/packaging/smoke.py dist/yimen", file=sys.stderr)
        return 2
    bundle = Path(argv[0]).resolve()
    with tempfile.TemporaryDirectory(prefix="yimen-smoke-", ignore_cleanup_errors=True) as tmp:
        s = Smoke(bundle, Path(tmp).resolve())
        print(f"smoke test of {s.program}, in {tmp}", flush=True)
        run_checks(s)
    if s.failures:
        print(f"{s.failures} check(s) failed", flush=True)
        return 1
    print("every check passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
