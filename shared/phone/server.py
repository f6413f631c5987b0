"""The phone page on uvicorn: in the foreground for ``yimen serve``, or in a background
thread (tests, the screenshots)."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType

import uvicorn
from starlette.types import ASGIApp


def config(
    app: ASGIApp, host: str, port: int, *, trusted_proxy: str | None = None
) -> uvicorn.Config:
    """uvicorn's settings: no access log (it would write every phone's address and
    ticket code), and the proxy's ``X-Forwarded-For`` believed only from ``trusted_proxy``."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        access_log=False,
        proxy_headers=trusted_proxy is not None,
        forwarded_allow_ips=trusted_proxy,
        server_header=False,
        log_level="warning",
        lifespan="off",
        timeout_graceful_shutdown=5,
    )


def lan_address() -> str:
    """This PC's address on the hall's network, as a phone would reach it (no packet is
    sent: a UDP socket only picks the outgoing interface)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed, only looked up
            address: str = s.getsockname()[0]
            return address
        except OSError:
            return socket.gethostname()


class BackgroundServer:
    """uvicorn in a thread, on a free port of 127.0.0.1 unless told otherwise.

    ``with BackgroundServer(app) as server: httpx.get(server.url + "/r/...")``
    """

    def __init__(
        self,
        app: ASGIApp,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        trusted_proxy: str | None = None,
    ) -> None:
        self.server = uvicorn.Server(config(app, host, port, trusted_proxy=trusted_proxy))
        self.thread = threading.Thread(target=self.server.run, name="phone-page", daemon=True)
        self.host = host
        self.port = port

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 10.0) -> BackgroundServer:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the phone page's server did not start")
            time.sleep(0.01)
        self.port = self.server.servers[0].sockets[0].getsockname()[1]
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def __enter__(self) -> BackgroundServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
