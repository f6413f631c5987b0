"""ID numbers at the kiosk: checked, then kept only as a salted hash and the last
six digits (what the ticket slip may show). The number itself is never stored."""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

from shared.base.errors import HallError

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_OTHER_DOCUMENT = re.compile(r"^[A-Z0-9]{6,20}$")


@dataclass(frozen=True)
class IdentityKey:
    hash: str
    last6: str


def resident_id_is_valid(number: str) -> bool:
    """An 18-character resident ID card number with a correct check digit (GB 11643)."""
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS, strict=True))
    return _CHECK[total % 11] == number[17]


def identity_key(id_number: str, secret: bytes) -> IdentityKey:
    """The salted hash and last six characters of an ID number.

    Resident ID numbers must carry a valid check digit; other documents (passports,
    permits) are 6–20 letters or digits. Raises ``HallError("id.invalid")``.
    """
    number = re.sub(r"\s+", "", id_number).upper()
    if len(number) == 18 and number[:17].isdigit():
        if not resident_id_is_valid(number):
            raise HallError("id.invalid")
    elif not _OTHER_DOCUMENT.match(number):
        raise HallError("id.invalid")
    digest = hmac.new(secret, b"id:" + number.encode(), hashlib.sha256).hexdigest()
    return IdentityKey(hash=digest, last6=number[-6:])
