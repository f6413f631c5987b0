"""What stands between the phone page and the hall: the security headers, rate limits,
the size of what is sent, posts from other sites, and the form token.

The rate limiter keeps its counts in memory only (they vanish with the process); no
address is written anywhere.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.base.errors import HallError

#: Posts (ratings sent) per client address: a family behind one router rates a few tickets.
POST_PER_ADDRESS = "30/minute"
#: Posts per ticket: a citizen correcting a refused form a few times.
POST_PER_CODE = "5/10 minutes"
#: Page loads per client address.
GET_PER_ADDRESS = "120/minute"
#: The page's own polling (every 3 s: 20 a minute), per ticket: two open tabs still fit.
STATUS_PER_CODE = "60/minute"
#: Polling per client address: many phones on a hall's guest Wi-Fi share one address.
STATUS_PER_ADDRESS = "1200/minute"
#: The largest rating form accepted (the words are at most 500 characters).
MAX_BODY = 16 * 1024
#: How long a rendered form may be sent (the form token's life).
FORM_SECONDS = 2 * 3600


@dataclass(frozen=True)
class Limits:
    """The page's limits; tests pass small ones."""

    post_per_address: str = POST_PER_ADDRESS
    post_per_code: str = POST_PER_CODE
    get_per_address: str = GET_PER_ADDRESS
    status_per_code: str = STATUS_PER_CODE
    status_per_address: str = STATUS_PER_ADDRESS
    max_body: int = MAX_BODY
    form_seconds: int = FORM_SECONDS


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__("rate limited")
        self.retry_after = retry_after


class RateLimits:
    """Moving-window counts in memory, one per kind of request and key."""

    def __init__(self, limits: Limits) -> None:
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._items: dict[str, RateLimitItem] = {
            kind: parse(getattr(limits, kind))
            for kind in (
                "post_per_address",
                "post_per_code",
                "get_per_address",
                "status_per_code",
                "status_per_address",
            )
        }

    def hit(self, kind: str, key: str) -> None:
        """Count one request; `RateLimited` (with the seconds to wait) when over."""
        item = self._items[kind]
        if not self._limiter.hit(item, kind, key):
            reset = self._limiter.get_window_stats(item, kind, key).reset_time
            raise RateLimited(max(1, math.ceil(reset - time.time())))


# -- the headers -------------------------------------------------------------------------


SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (
        b"content-security-policy",
        b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),  # the code is in the address
    (b"x-frame-options", b"DENY"),
)


class SecurityHeaders:
    """Adds the security headers to every response, and ``Cache-Control: no-store`` to
    all but the page's own files."""

    def __init__(self, app: ASGIApp, static: str) -> None:
        self.app = app
        self.static = static.rstrip("/") + "/"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith(self.static)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                if b"cache-control" not in names:
                    cache = b"no-cache" if static else b"no-store"
                    headers.append((b"cache-control", cache))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


# -- the body ---------------------------------------------------------------------------


class TooLarge(Exception):
    pass


async def read_limited(
    content_length: str | None, chunks: AsyncIterator[bytes], limit: int
) -> bytes:
    """The request's body, refused (`TooLarge`) past ``limit`` bytes: by its declared
    length before reading, and by counting what arrives (a chunked body declares none)."""
    if content_length is not None and (
        not content_length.strip().isdigit() or int(content_length) > limit
    ):
        raise TooLarge()
    body = bytearray()
    async for chunk in chunks:
        body += chunk
        if len(body) > limit:
            raise TooLarge()
    return bytes(body)


# -- other sites --------------------------------------------------------------------------


def _origin_host(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.hostname:
        return None
    return _host(parts.hostname, parts.port, parts.scheme)


def _host(hostname: str, port: int | None, scheme: str) -> str:
    default = {"http": 80, "https": 443}.get(scheme)
    name = hostname.lower().rstrip(".")
    return name if port is None or port == default else f"{name}:{port}"


def page_host(host_header: str | None, scheme: str) -> str | None:
    """The host the phone asked for (the Host header), as an Origin names it."""
    if not host_header:
        return None
    parts = urlsplit(f"//{host_header.strip()}")
    if not parts.hostname:
        return None
    try:
        port = parts.port
    except ValueError:
        return None
    return _host(parts.hostname, port, scheme)


def same_site_post(
    host: str | None,
    origin: str | None,
    referer: str | None,
    fetch_site: str | None,
) -> bool:
    """Whether a post came from the page itself.

    Refused: ``Sec-Fetch-Site`` other than same-origin (or none: typed by the user), an
    ``Origin`` naming another host, and without an Origin a ``Referer`` naming another host.
    The page is served with ``Referrer-Policy: no-referrer``, under which browsers send
    ``Origin: null`` with the page's own form: that is accepted unless ``Sec-Fetch-Site``
    says otherwise (the form token is checked in any case).
    """
    if fetch_site is not None and fetch_site.strip().lower() not in ("same-origin", "none"):
        return False
    if origin is not None and origin.strip().lower() != "null":
        return host is not None and _origin_host(origin.strip()) == host
    if origin is None and referer:
        return host is not None and _origin_host(referer.strip()) == host
    return True


# -- the form token ---------------------------------------------------------------------------


def _token_mac(secret: bytes, hall_code: str, ticket_id: int, issued: int) -> str:
    message = f"phone-form:{hall_code}:{ticket_id}:{issued}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:32]


def form_token(secret: bytes, hall_code: str, ticket_id: int, issued: int) -> str:
    """The token rendered into a ticket's form: when it was issued, and its HMAC."""
    return f"{issued}.{_token_mac(secret, hall_code, ticket_id, issued)}"


def check_form_token(
    secret: bytes, hall_code: str, ticket_id: int, token: str | None, now: int, seconds: int
) -> None:
    """``web.cross_site`` for a missing or forged token, ``web.form_expired`` for an old one."""
    issued_text, _, mac = (token or "").strip().partition(".")
    if not issued_text.isdigit() or not mac:
        raise HallError("web.cross_site")
    issued = int(issued_text)
    if not hmac.compare_digest(mac, _token_mac(secret, hall_code, ticket_id, issued)):
        raise HallError("web.cross_site")
    if issued > now + 300:  # issued in the future: not one of ours
        raise HallError("web.cross_site")
    if now - issued > seconds:
        raise HallError("web.form_expired")
