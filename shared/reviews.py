"""Review codes: the token printed as a QR code on every ticket.

A code names its hall and ticket and carries an HMAC (SHA-256, per-hall secret),
so a code cannot be forged for another ticket or altered; the ticket is found
from the code alone. Ratings built on it come with the review use-cases.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass

from shared.errors import HallError

_MAC_BYTES = 10  # 80 bits: far beyond guessing, short enough for a small QR code
_CODE = re.compile(r"^([A-Za-z0-9_-]{1,32})\.([0-9a-z]{1,13})\.([A-Z2-7]{16})$")


@dataclass(frozen=True)
class ReviewRef:
    hall_code: str
    ticket_id: int


def _mac(secret: bytes, hall_code: str, ticket_id: int) -> str:
    digest = hmac.new(secret, f"review:{hall_code}:{ticket_id}".encode(), hashlib.sha256)
    return base64.b32encode(digest.digest()[:_MAC_BYTES]).decode()


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def make_review_code(secret: bytes, hall_code: str, ticket_id: int) -> str:
    """``HALL.ID.MAC``, e.g. ``QC.2s.HZ4Q7…``."""
    return f"{hall_code}.{_b36(ticket_id)}.{_mac(secret, hall_code, ticket_id)}"


def parse_review_code(code: str) -> ReviewRef:
    """The hall and ticket a code names, before its MAC is checked."""
    m = _CODE.match(code.strip())
    if not m:
        raise HallError("review.invalid")
    return ReviewRef(hall_code=m.group(1), ticket_id=int(m.group(2), 36))


def verify_review_code(secret: bytes, code: str) -> ReviewRef:
    """The ticket a genuine code names; ``HallError("review.invalid")`` otherwise."""
    ref = parse_review_code(code)
    mac = code.strip().rsplit(".", 1)[1]
    if not hmac.compare_digest(mac, _mac(secret, ref.hall_code, ref.ticket_id)):
        raise HallError("review.invalid")
    return ref
