"""The entry point of the bundle (``make dist``): the one program of the folder.

``yimen <command> …`` runs the ``yimen`` command, as the installed script does. A
program in the bundle has no Python interpreter beside it, and ``sys.executable`` is
this program, so the apps that start a process of their own with ``sys.executable -m
<module>`` (the speech engine's helper, the demo's consoles, a station's keeper) reach
here too: ``yimen -m <module> [args]`` runs that module as ``python -m`` would, with
``sys.argv`` as the module expects it.
"""

from __future__ import annotations

import runpy
import sys


def main(argv: list[str]) -> int:
    if argv[:1] == ["-m"]:
        if len(argv) < 2:
            print("yimen -m: a module name is needed (yimen -m kiosk …)", file=sys.stderr)
            return 2
        module = argv[1]
        # As `python -m`: argv[0] becomes the module's path (runpy sets it), the rest
        # are the module's own arguments.
        sys.argv = [sys.argv[0], *argv[2:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return 0

    from shared.cli import main as yimen

    return yimen(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
