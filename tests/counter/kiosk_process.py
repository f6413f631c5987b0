"""A kiosk in a process of its own: takes ``count`` tickets for the given services, one
after another with a short pause (citizens tapping), printing ``TICKET <number>`` each."""

from __future__ import annotations

import random
import sys
import time

from shared.base.clock import clock_from_env
from shared.hall import Hall


def main(url: str, kiosk: str, count: int, services: list[str]) -> None:
    rng = random.Random(kiosk)
    with Hall.connect(url, clock_from_env(runs=True)) as hall:
        for i in range(count):
            t = hall.issue_ticket(services[i % len(services)], kiosk=kiosk)
            print(f"TICKET {t.number}", flush=True)
            time.sleep(rng.uniform(0.01, 0.08))
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(","))
