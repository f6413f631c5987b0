"""The clerks' PCs, in a process of their own: windows 1–10 call one after another.

``python -m tests.kiosk.caller_process URL COUNT PAUSE_AT GO_FLAG``: before each call a
ticket is taken that the window serves, and the window's last ticket is finished (F3)
or, now and then, recalled;
every call is printed as ``CALL <number> <window> <kind>`` once committed, in commit
order. After ``PAUSE_AT`` calls it prints ``PAUSED`` and waits for the file ``GO_FLAG``
(the test restarts the database meanwhile), then goes on; it prints ``DONE`` at the end.
The clock is ``YIMEN_NOW``, running.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from shared.base.clock import clock_from_env
from shared.hall import Hall


def main(url: str, count: int, pause_at: int, go_flag: Path) -> None:
    hall = Hall.connect(url, clock_from_env(runs=True))
    every = [sv.code for sv in hall.services()]
    windows = [w for w in hall.windows() if w.number <= 10 and w.clerk_code]
    for i in range(count):
        if i == pause_at:
            print("PAUSED", flush=True)
            while not go_flag.exists():
                time.sleep(0.05)
        w = windows[i % len(windows)]
        assert w.clerk_code is not None
        in_hand = hall.desk(w.number).ticket is not None
        if in_hand and i % 7 == 6:  # now and then the citizen does not come: a recall
            t = hall.recall(w.number, w.clerk_code)
            print(f"CALL {t.number} {w.number} recalled", flush=True)
            continue
        hall.issue_ticket((w.services or tuple(every))[i % len(w.services or every)])
        if in_hand:
            hall.end_service(w.number, w.clerk_code)
        called = hall.call_next(w.number, w.clerk_code)
        assert called is not None, f"nobody waits for window {w.number}"
        print(f"CALL {called.number} {w.number} called", flush=True)
    print("DONE", flush=True)
    hall.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
