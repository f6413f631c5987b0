"""The phone page (码上监督): what the QR code on a ticket opens.

``GET /r/{code}`` shows the ticket live (people ahead, the wait, then "请到3号窗口办理"),
kept up to date by a few lines of script polling ``GET /r/{code}/status``; once the
service is over it shows the rating form, and ``POST /r/{code}`` sends the rating to the
hall (channel ``qr``). The signed code is the only key: there is no login, and nothing
about the citizen is kept beyond what the rating itself holds. The short code printed for
typing at the kiosk is refused here like any invalid code (a script could guess its six
digits); the QR code carries the signed one.

When the hall's database is away (restarting, the network cut), every URL answers 503 with
``Retry-After`` and the page's own sentence: an HTML page, or JSON on the status URL.

`create_app(hall)` returns the ASGI app; ``yimen serve`` runs it on uvicorn. The facade's
calls block, so they run in Starlette's thread pool.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, tzinfo
from typing import Any

from jinja2 import Environment, PackageLoader
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import Message

from shared.base.errors import EnvironmentFault, HallError, YimenError
from shared.base.messages import named, render, word
from shared.hall import Hall, ReviewTicket, TicketInfo
from shared.phone.guard import (
    Limits,
    RateLimited,
    RateLimits,
    SecurityHeaders,
    TooLarge,
    check_form_token,
    form_token,
    page_host,
    read_limited,
    same_site_post,
)
from shared.phone.language import HTML_LANG, other_language, pick_language
from shared.rules import reviews as rv

log = logging.getLogger("yimen.phone")

#: The path the slip's QR code points at (``[kiosk] review_url``), and the page's files.
PREFIX = "/r"
STATIC = f"{PREFIX}/static"
#: How often the page asks for news, in milliseconds.
POLL_MS = 3000
#: When to ask again after a 503 (the database away), in seconds.
RETRY_AFTER_SECONDS = 10
#: The faces beside the five levels: the mouth's curve, from a broad smile to a frown.
MOUTHS = ("M14 30 Q24 42 34 30", "M15 31 Q24 38 33 31", "M15 33 L33 33", "M15 36 Q24 30 33 36",
          "M14 38 Q24 27 34 38")  # fmt: skip

#: The HTTP status of each refusal.
STATUS: dict[str, int] = {
    "review.invalid": 404,
    "review.other_hall": 404,
    "web.not_found": 404,
    "review.expired": 410,
    "review.not_finished": 409,
    "review.already": 409,
    "review.level": 422,
    "review.reason_needed": 422,
    "review.reason_words": 422,
    "review.unknown_reason": 422,
    "review.dimension": 422,
    "review.text_long": 422,
    "review.name_long": 422,
    "review.phone": 422,
    "web.too_large": 413,
    "web.cross_site": 403,
    "web.form_expired": 403,
    "web.rate_limited": 429,
    "web.unavailable": 503,
}


def _status_of(exc: YimenError) -> int:
    if isinstance(exc, EnvironmentFault):
        return 503
    return STATUS.get(exc.code, 400)


def _is_json(request: Request) -> bool:
    """Whether the URL answers in JSON (the status the page polls), refusals included."""
    path = request.url.path
    return path.startswith(PREFIX + "/") and path.endswith("/status")


def _sentence(exc: YimenError, lang: str) -> str:
    """A refusal's sentence; faults of the environment say only "try again later" (the
    citizen cannot act on a database's address)."""
    if isinstance(exc, EnvironmentFault):
        return render("web.unavailable", lang)
    return exc.message(lang)


def service_name(ticket: TicketInfo, lang: str) -> str:
    """The ticket's service as the page names it in ``lang``: the English name of the hall's
    configuration on the English page when it has one, the Chinese name otherwise. Every
    place the page shows the service asks here."""
    return named(ticket.service_name, ticket.service_name_en, lang)


def hall_name(ticket: TicketInfo, lang: str) -> str:
    """The hall as the page names it in ``lang``, as `service_name`."""
    return named(ticket.hall_name, ticket.hall_name_en, lang)


class _Form:
    """What the citizen chose and typed, kept to fill the form again after a refusal."""

    def __init__(self, data: FormData | None = None) -> None:
        def one(key: str) -> str:
            value = data.get(key) if data is not None else None
            return value if isinstance(value, str) else ""

        self.level = one("level")
        self.reasons = [r for r in (data.getlist("reason") if data else []) if isinstance(r, str)]
        self.text = one("text")
        self.dimensions = {key: one(f"dim_{key}") for key in rv.DIMENSIONS}
        self.name = one("name")
        self.phone = one("phone")
        self.token = one("token")


class PhoneApp:
    """The page's handlers over one hall."""

    def __init__(self, hall: Hall, limits: Limits) -> None:
        self.hall = hall
        self.limits = limits
        self.rates = RateLimits(limits)
        settings = hall.settings
        self.hall_name = settings.name
        self.tz: tzinfo = settings.tz
        env = Environment(loader=PackageLoader("shared.phone", "templates"), autoescape=True)
        self.templates = Jinja2Templates(env=env)

    # -- plumbing ------------------------------------------------------------------------

    @staticmethod
    def lang(request: Request) -> str:
        return pick_language(
            request.query_params.get("lang"), request.headers.get("accept-language")
        )

    @staticmethod
    def address(request: Request) -> str:
        """The client's address (the proxy's X-Forwarded-For only when it is trusted:
        uvicorn's ``forwarded_allow_ips``). Kept in memory by the rate limiter only."""
        return request.client.host if request.client else "-"

    def _base(self, request: Request, lang: str) -> dict[str, Any]:
        """What every page's template is given: ``t(code, **params)`` says a sentence of
        the message table in the page's language."""
        other = other_language(lang)
        return {
            "html_lang": HTML_LANG[lang],
            "other_lang": other,
            "t": lambda code, **params: render(code, lang, **params),
            "hall_name": self.hall_name,
            "static": STATIC,
            "switch_url": f"{request.url.path}?lang={other}",
        }

    def error_page(
        self,
        request: Request,
        lang: str,
        status: int,
        sentence: str,
        again: str | None = None,
        **headers: str,
    ) -> Response:
        """A refusal's page; ``again`` links to the ticket's page (to look again later)."""
        context = {
            **self._base(request, lang),
            "sentence": sentence,
            "status": status,
            "again": again,
        }
        return self.templates.TemplateResponse(
            request, "error.html", context, status_code=status, headers=headers
        )

    def refused(self, request: Request, lang: str, exc: YimenError) -> Response:
        if isinstance(exc, EnvironmentFault):
            return self.unavailable(request, lang, exc, json=False)
        return self.error_page(request, lang, _status_of(exc), _sentence(exc, lang))

    def unavailable(
        self, request: Request, lang: str, exc: EnvironmentFault, *, json: bool
    ) -> Response:
        """The hall's database is away: 503 with when to ask again, and the page's own
        sentence (the citizen cannot act on the database's address); the code goes to the
        server's log."""
        log.warning("phone page: %s", exc.code)
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        sentence = _sentence(exc, lang)
        if json:
            body = {"error": "web.unavailable", "message": sentence}
            return JSONResponse(body, status_code=503, headers=headers)
        # A link to the ticket's page, to look again (a reload would send a form again).
        again = f"{request.url.path}?lang={lang}"
        return self.error_page(request, lang, 503, sentence, again, **headers)

    def too_many(self, request: Request, lang: str, exc: RateLimited, *, json: bool) -> Response:
        headers = {"Retry-After": str(exc.retry_after)}
        sentence = render("web.rate_limited", lang)
        if json:
            body = {"error": "web.rate_limited", "message": sentence}
            return JSONResponse(body, status_code=429, headers=headers)
        return self.error_page(request, lang, 429, sentence, **headers)

    def now_seconds(self) -> int:
        return int(self.hall.now().timestamp())

    def _ticket_id(self, code: str) -> int:
        return rv.ticket_id_of(self.hall.settings, code, short_code=False)

    def _review_ticket(self, code: str) -> ReviewTicket:
        """The ticket of a signed code; a short code is refused (see the module's words)."""
        return self.hall.review_ticket(code, short_code=False)

    def _token(self, ticket_id: int) -> str:
        settings = self.hall.settings
        return form_token(settings.secret, settings.code, ticket_id, self.now_seconds())

    # -- what the page shows ----------------------------------------------------------------

    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    def live(self, rt: ReviewTicket, lang: str) -> dict[str, Any]:
        """The ticket now, as the page and its polling show it (JSON-able)."""
        t = rt.ticket
        if rt.review is not None:
            view = "rated"
        elif rt.can_rate:
            view = "rate"
        else:
            view = t.state
        window = t.window_no
        if t.ahead == 0:
            ahead = render("phone.next", lang)
        elif t.ahead == 1:
            ahead = render("phone.ahead_one", lang)
        else:
            ahead = render("phone.ahead", lang, n=t.ahead)
        held = ""
        if t.state == "held":
            if t.hold_kind == "materials_at_window" and window:
                held = render("phone.held_window", lang, w=window)
            elif t.hold_kind == "awaiting_step":
                held = render("phone.held_step", lang)
            else:
                held = render("phone.held", lang)
        review = rt.review
        return {
            "view": view,
            "state": t.state,
            "state_words": word("state", t.state, lang),
            "number": t.number,
            "service": service_name(t, lang),
            "ahead": t.ahead,
            "ahead_line": ahead,
            "wait_minutes": t.estimated_wait_minutes,
            "wait_line": _wait_line(t, lang),
            "windows": list(t.windows),
            "windows_line": render("phone.windows", lang, w=list(t.windows)) if t.windows else "",
            "window": window,
            "called_line": render("phone.called", lang, w=window) if window else "",
            "serving_line": render("phone.serving", lang, w=window) if window else "",
            "held_line": held,
            "level": review.level if review else None,
            "level_words": rv.level_words(review.level, lang) if review else "",
            "updated": render("phone.updated", lang, time=f"{self._local(self.hall.now()):%H:%M}"),
        }

    def rated_details(self, rt: ReviewTicket, lang: str) -> dict[str, Any]:
        review = rt.review
        if review is None:
            return {}
        stars = next(
            5 - n for n, (level, _, _) in enumerate(rv.LEVELS) if level.value == review.level
        )
        return {
            "level_words": rv.level_words(review.level, lang),
            "stars": stars,
            "reasons": [word("review_reason", r, lang) for r in review.reasons if r in rv.REASONS],
            "dimensions": [
                (word("review_dimension", k, lang), rv.level_words(v, lang))
                for k, v in review.dimensions
                if k in rv.DIMENSIONS
            ],
            "case": review.case_id is not None,
            "callback": review.real_name and review.case_id is not None,
        }

    def page(
        self,
        request: Request,
        lang: str,
        rt: ReviewTicket,
        *,
        status: int = 200,
        sentence: str | None = None,
        form: _Form | None = None,
        thanks: bool = False,
    ) -> Response:
        settings = self.hall.settings
        ticket_id = self._ticket_id(rt.code)
        self.hall_name = rt.ticket.hall_name or self.hall_name
        live = self.live(rt, lang)
        context = {
            **self._base(request, lang),
            "hall_name": hall_name(rt.ticket, lang) or self.hall_name,
            "live": live,
            "ticket": rt.ticket,
            "sentence": sentence,
            "thanks": thanks,
            "rated": self.rated_details(rt, lang),
            "form": form or _Form(),
            "token": self._token(ticket_id),
            "action": f"{request.url.path}?lang={lang}",
            "status_url": f"{request.url.path}/status?lang={lang}",
            "poll_ms": POLL_MS,
            "expires": f"{self._local(rt.expires_at):%Y-%m-%d %H:%M}",
            "levels": [
                {
                    "value": level.value,
                    "words": rv.level_words(level, lang),
                    "stars": 5 - n,
                    "mouth": MOUTHS[n],
                    "bad": level in rv.BAD_LEVELS,
                }
                for n, (level, _, _) in enumerate(rv.LEVELS)
            ],
            "reasons": [(key, word("review_reason", key, lang)) for key in rv.REASONS],
            "dimensions": [(key, word("review_dimension", key, lang)) for key in rv.DIMENSIONS],
            "text_max": rv.TEXT_MAX,
            "name_max": rv.NAME_MAX,
            "rectify_days": settings.reviews.rectify_working_days,
        }
        return self.templates.TemplateResponse(request, "ticket.html", context, status_code=status)

    # -- the endpoints ------------------------------------------------------------------------

    async def show(self, request: Request) -> Response:
        """``GET /r/{code}``: the ticket live, the form, or the rating given."""
        lang = self.lang(request)
        try:
            self.rates.hit("get_per_address", self.address(request))
        except RateLimited as exc:
            return self.too_many(request, lang, exc, json=False)
        code = request.path_params["code"]
        try:
            rt = await run_in_threadpool(self._review_ticket, code)
            thanks = request.query_params.get("thanks") == "1" and rt.review is not None
            return await run_in_threadpool(self.page, request, lang, rt, thanks=thanks)
        except YimenError as exc:
            return self.refused(request, lang, exc)

    async def status(self, request: Request) -> Response:
        """``GET /r/{code}/status``: the ticket now, as JSON for the page's polling."""
        lang = self.lang(request)
        code = request.path_params["code"]
        try:
            self.rates.hit("status_per_address", self.address(request))
            self.rates.hit("status_per_code", code[:64])
        except RateLimited as exc:
            return self.too_many(request, lang, exc, json=True)
        try:

            def read() -> dict[str, Any]:
                rt = self._review_ticket(code)
                data = self.live(rt, lang)
                if rt.can_rate:
                    data["token"] = self._token(self._ticket_id(rt.code))
                return data

            return JSONResponse(await run_in_threadpool(read))
        except EnvironmentFault as exc:
            return self.unavailable(request, lang, exc, json=True)
        except YimenError as exc:
            body = {"error": exc.code, "message": _sentence(exc, lang)}
            return JSONResponse(body, status_code=_status_of(exc))

    async def rate(self, request: Request) -> Response:
        """``POST /r/{code}``: the rating, sent to the hall; on a refusal the same page
        with the sentence and everything the citizen typed."""
        lang = self.lang(request)
        code = request.path_params["code"]
        try:
            body = await read_limited(
                request.headers.get("content-length"), request.stream(), self.limits.max_body
            )
        except TooLarge:
            return await self._refused_post(request, lang, code, HallError("web.too_large"), None)
        data = await _parse_form(request, body)
        form = _Form(data)
        try:
            self.rates.hit("post_per_address", self.address(request))
        except RateLimited as exc:
            return await self._refused_post(request, lang, code, exc, form)
        try:
            ticket_id = await run_in_threadpool(self._ticket_id, code)
            self.rates.hit("post_per_code", str(ticket_id))
            if not same_site_post(
                page_host(request.headers.get("host"), request.url.scheme),
                request.headers.get("origin"),
                request.headers.get("referer"),
                request.headers.get("sec-fetch-site"),
            ):
                raise HallError("web.cross_site")
            # An unknown or expired code says so before the form's token is looked at.
            await run_in_threadpool(self._review_ticket, code)
            await run_in_threadpool(self._check_token, ticket_id, form.token)

            def submit() -> None:
                self.hall.submit_review(
                    code,
                    form.level,
                    channel="qr",
                    reasons=form.reasons,
                    text=form.text,
                    dimensions=form.dimensions,
                    name=form.name,
                    phone=form.phone,
                    short_code=False,
                )

            await run_in_threadpool(submit)
        except (YimenError, RateLimited) as exc:
            return await self._refused_post(request, lang, code, exc, form)
        return RedirectResponse(f"{request.url.path}?lang={lang}&thanks=1", status_code=303)

    def _check_token(self, ticket_id: int, token: str) -> None:
        settings = self.hall.settings
        check_form_token(
            settings.secret, settings.code, ticket_id, token, self.now_seconds(),
            self.limits.form_seconds,
        )  # fmt: skip

    async def _refused_post(
        self,
        request: Request,
        lang: str,
        code: str,
        exc: YimenError | RateLimited,
        form: _Form | None,
    ) -> Response:
        """The ticket's page again, with the refusal's sentence and status and the form as
        it was sent; a code that names no ticket gets the plain refusal page."""
        if isinstance(exc, RateLimited):
            status, sentence = 429, render("web.rate_limited", lang)
            headers = {"Retry-After": str(exc.retry_after)}
        else:
            status, sentence, headers = _status_of(exc), _sentence(exc, lang), {}
        if isinstance(exc, EnvironmentFault):
            return self.unavailable(request, lang, exc, json=False)
        try:
            rt = await run_in_threadpool(self._review_ticket, code)
            response = await run_in_threadpool(
                self.page, request, lang, rt, status=status, sentence=sentence, form=form
            )
        except YimenError as again:
            if status in (404, 410) or not isinstance(exc, HallError):
                return self.error_page(request, lang, status, sentence, **headers)
            return self.refused(request, lang, again)
        response.headers.update(headers)
        return response

    # -- what is not a page -------------------------------------------------------------------

    async def not_found(self, request: Request, exc: Exception) -> Response:
        lang = self.lang(request)
        status = exc.status_code if isinstance(exc, HTTPException) else 404
        if status == 404:
            error, sentence = "web.not_found", render("web.not_found", lang)
        else:
            error, sentence = "web.not_allowed", render("web.not_allowed", lang)
        if _is_json(request):
            return JSONResponse({"error": error, "message": sentence}, status_code=status)
        return self.error_page(request, lang, status, sentence)

    async def bug(self, request: Request, exc: Exception) -> Response:
        """Anything unexpected: the trace goes to the server's log, the phone gets a
        plain page (JSON on the status URL). A fault of the database that got this far
        is still a 503."""
        lang = self.lang(request)
        json = _is_json(request)
        if isinstance(exc, EnvironmentFault):
            return self.unavailable(request, lang, exc, json=json)
        log.error("phone page failed", exc_info=exc)
        try:
            sentence = render("web.server_error", lang)
            if json:
                body = {"error": "web.server_error", "message": sentence}
                return JSONResponse(body, status_code=500)
            return self.error_page(request, lang, 500, sentence)
        except Exception:
            return Response("500", status_code=500, media_type="text/plain")


def _wait_line(t: TicketInfo, lang: str) -> str:
    """The forecast wait in words: none when it cannot be told, "called soon" at zero
    (never "about 0 minutes"), the range when it is wide, and a word when today's windows
    will likely not reach the ticket."""
    minutes = t.estimated_wait_minutes
    if minutes is None:
        return ""
    if not t.wait_today:
        return render("phone.wait_not_today", lang)
    if minutes <= 0:
        return render("phone.wait_soon", lang)
    if t.wait_range is not None:
        return render("phone.wait_range", lang, low=t.wait_range[0], high=t.wait_range[1])
    return render("phone.wait", lang, m=minutes)


async def _parse_form(request: Request, body: bytes) -> FormData:
    """The form in ``body`` (already read and size-checked), parsed by python-multipart
    through Starlette: urlencoded or multipart without files."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    again = Request(request.scope, replay)
    try:
        return await again.form(max_files=0, max_fields=64)
    except Exception:
        return FormData()


def _guarded(
    handler: Callable[[Request], Awaitable[Response]], phone: PhoneApp
) -> Callable[[Request], Awaitable[Response]]:
    async def run(request: Request) -> Response:
        try:
            return await handler(request)
        except Exception as exc:
            return await phone.bug(request, exc)

    return run


def create_app(hall: Hall, *, limits: Limits | None = None) -> Starlette:
    """The phone page over ``hall``, as an ASGI app."""
    phone = PhoneApp(hall, limits or Limits())
    routes = [
        Mount(STATIC, app=StaticFiles(packages=[("shared.phone", "static")]), name="static"),
        Route(PREFIX + "/{code}", _guarded(phone.show, phone), methods=["GET"]),
        Route(PREFIX + "/{code}", _guarded(phone.rate, phone), methods=["POST"]),
        Route(PREFIX + "/{code}/status", _guarded(phone.status, phone), methods=["GET"]),
    ]
    handlers: Mapping[Any, Any] = {
        404: phone.not_found,
        405: phone.not_found,
        Exception: phone.bug,
    }
    app = Starlette(debug=False, routes=routes, exception_handlers=dict(handlers))
    app.add_middleware(SecurityHeaders, static=STATIC)
    app.state.phone = phone
    return app
