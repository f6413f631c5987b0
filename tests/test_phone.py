"""The phone page (码上监督): a real uvicorn server on a free port, real HTTP requests.

The hall's clock is the test's `FixedClock`, so the seven days of a review code and the
two hours of a form pass in an instant; the page's polling is not waited for: the
status endpoint it polls is asked directly.
"""

from __future__ import annotations

import html
import json
import logging
import re
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text as sql
from sqlalchemy.engine import make_url

from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.base.messages import TABLE, has, render, word
from shared.hall import Hall, TicketInfo
from shared.phone import Limits, create_app
from shared.phone.app import hall_name, service_name
from shared.phone.language import pick_language
from shared.phone.server import BackgroundServer
from shared.rules.reviews import make_review_code, parse_review_code

from .conftest import TUESDAY_0930, _pg_execute

TRACE_MARKS = ("Traceback", 'File "')


@dataclass
class Phone:
    """The hall, its clock, the running page and a client (a phone's browser)."""

    hall: Hall
    clock: FixedClock
    server: BackgroundServer
    client: httpx.Client

    def page(self, code: str, **headers: str) -> httpx.Response:
        return self.client.get(f"/r/{code}", headers=headers)

    def status(self, code: str, **headers: str) -> httpx.Response:
        return self.client.get(f"/r/{code}/status", headers=headers)

    def token(self, code: str) -> str:
        r = self.page(code)
        m = re.search(r'name="token" id="token" value="([^"]+)"', r.text)
        assert m, r.text
        return m.group(1)

    def rate(
        self,
        code: str,
        fields: dict[str, Any] | None = None,
        *,
        token: str | None = "fresh",
        headers: dict[str, str | None] | None = None,
    ) -> httpx.Response:
        """Send the form as the page's own form does in a browser (under the page's
        ``Referrer-Policy: no-referrer``: ``Origin: null``, ``Sec-Fetch-Site:
        same-origin``), unless told otherwise; a header given as None is left out."""
        data = dict(fields or {})
        if token == "fresh":
            token = self.token(code)
        if token is not None:
            data["token"] = token
        sent = {"Origin": "null", "Sec-Fetch-Site": "same-origin", **(headers or {})}
        return self.client.post(
            f"/r/{code}", data=data, headers={k: v for k, v in sent.items() if v is not None}
        )


def _phone(hall: Hall, clock: FixedClock, limits: Limits | None = None) -> Iterator[Phone]:
    with (
        BackgroundServer(create_app(hall, limits=limits)) as server,
        httpx.Client(base_url=server.url, timeout=10) as client,
    ):
        yield Phone(hall, clock, server, client)


#: The page's own guards (headers, limits, sizes, origins, languages) do not depend on the
#: database: they run on SQLite only. What the hall records runs on both.
WEB_ONLY = pytest.mark.parametrize("db_kind", ["sqlite"])


@pytest.fixture
def phone(hall: Hall, clock: FixedClock) -> Iterator[Phone]:
    yield from _phone(hall, clock)


def words(r: httpx.Response) -> str:
    """The response as a person reads it: entities decoded."""
    return html.unescape(r.text)


def shown(r: httpx.Response, view: str) -> bool:
    """Whether the page's part for ``view`` is shown (not hidden)."""
    m = re.search(rf'<section [^>]*data-views="{view}"[^>]*>', r.text)
    assert m, f"no {view} part in the page"
    return " hidden" not in m.group(0)


def no_trace(r: httpx.Response) -> None:
    for mark in TRACE_MARKS:
        assert mark not in r.text


def waiting(hall: Hall, service: str = "qy-sl", before: int = 0) -> TicketInfo:
    for _ in range(before):
        hall.issue_ticket(service)
    return hall.issue_ticket(service)


def finished(hall: Hall) -> TicketInfo:
    """A ticket served at window 1 and finished."""
    t = hall.issue_ticket("qy-sl")
    called = hall.call_next(1, "1001")
    assert called is not None and called.number == t.number
    hall.end_service(1, "1001")
    return t


def sentence(code: str, lang: str = "zh", **params: Any) -> str:
    return HallError(code, **params).message(lang)


# -- the live page ---------------------------------------------------------------------------


def test_a_waiting_ticket_shows_the_people_ahead_and_the_wait(phone: Phone) -> None:
    t = waiting(phone.hall, before=12)  # more than the windows serving it can call at once
    expected = phone.hall.review_ticket(t.review_code).ticket
    assert expected.ahead == 12 and expected.estimated_wait_minutes

    r = phone.page(t.review_code)
    assert r.status_code == 200
    page = words(r)
    assert t.number in page and t.service_name in page and phone.hall.name in page
    assert "前面还有 12 人" in page
    # A wide forecast is said as its range, a narrow one as its point.
    told = (
        f"{expected.wait_range[0]}–{expected.wait_range[1]}"
        if expected.wait_range
        else f"{expected.estimated_wait_minutes}"
    )
    assert f"预计等候约 {told} 分钟" in page
    assert shown(r, "waiting") and not shown(r, "called") and not shown(r, "rate")

    s = phone.status(t.review_code)
    assert s.status_code == 200 and s.headers["content-type"].startswith("application/json")
    data = s.json()
    assert data["view"] == "waiting" and data["ahead"] == 12
    assert data["wait_minutes"] == expected.estimated_wait_minutes
    assert data["windows"] == list(expected.windows)


def test_a_ticket_next_in_line_is_told_it_will_be_called_soon_not_0_minutes(
    phone: Phone,
) -> None:
    t = waiting(phone.hall)
    live = phone.hall.review_ticket(t.review_code).ticket
    assert live.ahead == 0 and live.estimated_wait_minutes == 0  # the hall is open

    for lang, next_words, soon in (
        ("zh", "您是下一位", "即将叫到您"),
        ("en", "You are next", "You will be called soon"),
    ):
        headers = {"Accept-Language": lang}
        page = words(phone.page(t.review_code, **headers))
        assert next_words in page and soon in page
        assert not re.search(r"约 ?0 ?分钟|about 0 min", page)
        data = phone.status(t.review_code, **headers).json()
        assert data["wait_line"] == soon and data["wait_minutes"] == 0

    later = waiting(phone.hall, before=12)  # with many ahead: minutes, as before
    data = phone.status(later.review_code).json()
    assert data["wait_minutes"] > 0
    told = phone.hall.review_ticket(later.review_code).ticket
    span = (
        f"{told.wait_range[0]}–{told.wait_range[1]}"
        if told.wait_range
        else f"{told.estimated_wait_minutes}"
    )
    assert data["wait_line"] == f"预计等候约 {span} 分钟"


def test_the_status_says_the_window_the_moment_the_ticket_is_called(phone: Phone) -> None:
    t = waiting(phone.hall, "gt-zc")  # served at window 3
    assert phone.status(t.review_code).json()["view"] == "waiting"

    called = phone.hall.call_next(3, "1003")
    assert called is not None and called.number == t.number

    data = phone.status(t.review_code).json()
    assert data["view"] == "called" and data["window"] == 3
    assert data["called_line"] == "请到3号窗口办理"
    r = phone.page(t.review_code)
    assert "请到3号窗口办理" in words(r) and shown(r, "called") and not shown(r, "waiting")
    en = phone.status(t.review_code, **{"Accept-Language": "en"}).json()
    assert en["called_line"] == "Please go to window 3"


def test_the_form_appears_when_the_service_ends_while_the_page_is_open(phone: Phone) -> None:
    t = waiting(phone.hall)
    phone.hall.call_next(1, "1001")
    phone.hall.start(1, "1001")
    r = phone.page(t.review_code)
    assert shown(r, "serving") and not shown(r, "rate")
    assert "正在1号窗口办理" in words(r)

    phone.hall.end_service(1, "1001")
    data = phone.status(t.review_code).json()
    assert data["view"] == "rate" and data["token"]
    # The page's script shows the form it holds and sends it with the polled token.
    sent = phone.rate(t.review_code, {"level": "satisfied"}, token=data["token"])
    assert sent.status_code == 303
    assert [rv.level for rv in phone.hall.reviews(t.business_day)] == ["satisfied"]


def test_the_evaluator_key_f3_opens_the_form_as_well(phone: Phone) -> None:
    t = waiting(phone.hall)
    phone.hall.call_next(1, "1001")
    phone.hall.ask_review(1, "1001")
    r = phone.page(t.review_code)
    assert shown(r, "rate") and 'method="post"' in r.text
    page = words(r)
    for level in ("非常满意", "满意", "基本满意", "不满意", "非常不满意"):
        assert level in page
    assert "服务态度不好" in page  # a reason tag
    assert "留下电话，工作人员会就这次评价给您回访" in page


@pytest.mark.parametrize(
    ("state", "sentence_start"),
    [("no_show", "您的号已过号"), ("held", "您的号已挂起"), ("expired", "这张票当天没有办理")],
)
def test_no_show_held_and_expired_tickets_get_their_own_sentence(
    phone: Phone, state: str, sentence_start: str
) -> None:
    t = waiting(phone.hall)
    if state == "no_show":
        phone.hall.call_next(1, "1001")
        phone.hall.no_show(1, "1001")
    elif state == "held":
        phone.hall.call_next(1, "1001")
        phone.hall.start(1, "1001")
        phone.hall.hold(1, "1001", "fetch_materials")
    else:
        phone.clock.advance(hours=8)  # 17:30: the hall closes with the ticket unserved
        assert phone.hall.close_day() >= 1
    r = phone.page(t.review_code)
    data = phone.status(t.review_code).json()
    assert r.status_code == 200 and data["view"] == state
    assert shown(r, state) and sentence_start in words(r)


# -- a rating sent ---------------------------------------------------------------------------


def test_a_rating_sent_from_the_phone_is_recorded_with_channel_qr(phone: Phone) -> None:
    t = finished(phone.hall)
    r = phone.rate(
        t.review_code,
        {"level": "very_satisfied", "dim_efficiency": "satisfied", "dim_attitude": ""},
    )
    assert r.status_code == 303 and r.headers["location"].startswith(f"/r/{t.review_code}")

    [review] = phone.hall.reviews(t.business_day)
    assert (review.number, review.level, review.channel) == (t.number, "very_satisfied", "qr")
    assert review.dimensions == (("efficiency", "satisfied"),)
    assert review.window_no == 1 and review.case_id is None and not review.real_name

    thanks = phone.client.get(r.headers["location"])
    assert "谢谢您的评价" in words(thanks) and "非常满意" in words(thanks)
    assert shown(thanks, "rated") and not shown(thanks, "rate")
    again = phone.page(t.review_code)
    assert "已评价" in words(again) and "非常满意" in words(again)
    assert "谢谢您的评价" not in words(again)
    assert phone.status(t.review_code).json()["view"] == "rated"


def test_a_bad_rating_with_a_reason_opens_a_case_with_a_callback(phone: Phone) -> None:
    t = finished(phone.hall)
    r = phone.rate(
        t.review_code,
        {
            "level": "dissatisfied",
            "reason": ["slow", "unclear"],
            "text": "等了一个多小时",
            "name": "王女士",
            "phone": "13800000000",
        },
    )
    assert r.status_code == 303
    [case] = phone.hall.cases()
    assert case.review.number == t.number and case.review.channel == "qr"
    assert case.review.reasons == ("slow", "unclear") and case.review.text == "等了一个多小时"
    assert case.callback_needed and case.phone == "13800000000" and case.name == "王女士"

    thanks = words(phone.client.get(r.headers["location"]))
    assert "不满意" in thanks and "等候或办理时间太长" in thanks
    assert "个工作日内整改" in thanks and "回访" in thanks


def test_the_thanks_page_never_shows_the_citizens_words_name_or_phone(phone: Phone) -> None:
    """Whoever holds the slip (a stranger who picked it up) can open ``?thanks=1``: it
    thanks and shows the level, never what the citizen typed."""
    t = finished(phone.hall)
    typed = {"text": "柜台的王某某态度很差，我家住幸福路8号", "name": "王女士"}
    typed["phone"] = "13800000000"
    sent = {"level": "very_dissatisfied", "reason": ["attitude"], **typed}
    r = phone.rate(t.review_code, sent)
    assert r.status_code == 303 and r.headers["location"].endswith("thanks=1")
    [case] = phone.hall.cases()
    assert case.review.text == typed["text"] and case.phone == typed["phone"]  # recorded

    urls = {r.headers["location"], f"/r/{t.review_code}?lang=en&thanks=1"}
    for url in urls | {f"/r/{t.review_code}?lang=zh", f"/r/{t.review_code}/status"}:
        page = phone.client.get(url)
        assert page.status_code == 200
        seen = words(page)
        if url in urls:
            assert "谢谢您的评价" in seen or "Thank you for your rating" in seen
            assert "非常不满意" in seen or "Very dissatisfied" in seen
        for value in typed.values():
            assert value not in seen and value not in page.text, (url, value)
        assert "幸福路" not in seen and "王某某" not in seen


# -- the bad inputs -----------------------------------------------------------------------------


def _id(t: TicketInfo) -> int:
    return parse_review_code(t.review_code).ticket_id


def _altered(code: str) -> str:
    last = code[-1]
    return code[:-1] + ("A" if last != "A" else "B")


@dataclass(frozen=True)
class Bad:
    """One bad input: what is sent, the status and the sentence the phone gets."""

    send: Callable[[Phone], tuple[httpx.Response, str]]
    status: int
    kept: str | None = None  # typed words the page must still hold


def _get(code_of: Callable[[Phone, TicketInfo], str], refusal: str, **params: Any) -> Any:
    def send(p: Phone) -> tuple[httpx.Response, str]:
        t = finished(p.hall)
        return p.page(code_of(p, t)), sentence(refusal, **params)

    return send


def _post(
    fields: dict[str, Any],
    refusal: str,
    *,
    ticket: Callable[[Hall], TicketInfo] = finished,
    params: Callable[[TicketInfo], dict[str, Any]] = lambda t: {},
    before: Callable[[Phone, TicketInfo], None] = lambda p, t: None,
    token: str | None = "fresh",
    headers: dict[str, str | None] | None = None,
    lang: str = "zh",
) -> Any:
    def send(p: Phone) -> tuple[httpx.Response, str]:
        t = ticket(p.hall)
        sent_token = p.token(t.review_code) if token == "fresh" else token
        before(p, t)
        r = p.rate(t.review_code, fields, token=sent_token, headers=headers)
        return r, sentence(refusal, lang, **params(t))

    return send


def _oversized(chunked: bool) -> Any:
    def send(p: Phone) -> tuple[httpx.Response, str]:
        t = finished(p.hall)
        body = b"level=satisfied&text=" + b"a" * 20_000
        content: Any = iter([body[i : i + 4096] for i in range(0, len(body), 4096)])
        r = p.client.post(
            f"/r/{t.review_code}",
            content=content if chunked else body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": p.server.url,
            },
        )
        if chunked:
            assert r.request.headers.get("transfer-encoding") == "chunked"
            assert "content-length" not in r.request.headers
        return r, sentence("web.too_large")

    return send


def _rated_twice(p: Phone, t: TicketInfo) -> None:
    assert p.rate(t.review_code, {"level": "satisfied"}).status_code == 303


def _too_many(p: Phone) -> tuple[httpx.Response, str]:
    t = finished(p.hall)
    for _ in range(5):  # five refused tries of one ticket within ten minutes
        assert p.rate(t.review_code, {"level": "6"}).status_code == 422
    r = p.rate(t.review_code, {"level": "satisfied", "text": "第六次"})
    assert int(r.headers["retry-after"]) >= 1
    assert phone_reviews(p, t) == []
    return r, sentence("web.rate_limited")


def phone_reviews(p: Phone, t: TicketInfo) -> list[str]:
    return [r.number for r in p.hall.reviews(t.business_day)]


def _expire(p: Phone, t: TicketInfo) -> None:
    p.clock.advance(days=7, minutes=1)


def _form_hours(p: Phone, t: TicketInfo) -> None:
    p.clock.advance(hours=2, minutes=1)


BAD: dict[str, Bad] = {
    "altered code": Bad(_get(lambda p, t: _altered(t.review_code), "review.invalid"), 404),
    "truncated code": Bad(_get(lambda p, t: t.review_code[:-4], "review.invalid"), 404),
    "code forged with another key": Bad(
        _get(lambda p, t: make_review_code(b"other-secret", "QC", _id(t)), "review.invalid"), 404
    ),
    "another hall's code": Bad(
        _get(lambda p, t: make_review_code(b"other-secret", "XX", _id(t)), "review.other_hall"),
        404,
    ),
    "altered code, in English": Bad(
        lambda p: (
            p.page(_altered(finished(p.hall).review_code), **{"Accept-Language": "en-GB,en"}),
            sentence("review.invalid", "en"),
        ),
        404,
    ),
    "expired code": Bad(
        _post(
            {"level": "satisfied"}, "review.expired", before=_expire, params=lambda t: {"days": 7}
        ),
        410,
    ),
    "unfinished ticket": Bad(
        _post(
            {"level": "satisfied", "text": "还在等"},
            "review.not_finished",
            ticket=lambda h: waiting(h),
            params=lambda t: {"number": t.number, "state": "waiting"},
        ),
        409,
        "还在等",
    ),
    "second rating": Bad(
        _post(
            {"level": "very_dissatisfied", "reason": "other", "text": "再评一次"},
            "review.already",
            before=_rated_twice,
            params=lambda t: {"number": t.number},
        ),
        409,
    ),
    "level 6": Bad(_post({"level": "6", "text": "我写的意见"}, "review.level"), 422, "我写的意见"),
    "level excellent": Bad(_post({"level": "excellent"}, "review.level"), 422),
    "no level": Bad(_post({"name": "李先生"}, "review.level"), 422, "李先生"),
    "bad level without a reason": Bad(
        _post(
            {"level": "very_dissatisfied", "name": "张三", "phone": "13900000000"},
            "review.reason_needed",
            params=lambda t: {"level": "非常不满意"},
        ),
        422,
        "13900000000",
    ),
    "bad level without a reason, in English": Bad(
        _post(
            {"level": "dissatisfied"},
            "review.reason_needed",
            headers={"Accept-Language": "en-US,en;q=0.9,zh-CN;q=0.5"},
            lang="en",
            params=lambda t: {"level": "Dissatisfied"},
        ),
        422,
    ),
    "words too long": Bad(
        _post(
            {"level": "satisfied", "text": "很" * 501},
            "review.text_long",
            params=lambda t: {"max": 500},
        ),
        422,
        "很" * 501,
    ),
    "bad phone": Bad(
        _post({"level": "satisfied", "phone": "call me", "text": "谢谢"}, "review.phone"),
        422,
        "谢谢",
    ),
    "oversized body": Bad(_oversized(chunked=False), 413),
    "oversized chunked body": Bad(_oversized(chunked=True), 413),
    "foreign origin": Bad(
        _post(
            {"level": "very_satisfied"},
            "web.cross_site",
            headers={"Origin": "https://evil.example.com", "Sec-Fetch-Site": "cross-site"},
        ),
        403,
    ),
    "foreign origin, no fetch metadata": Bad(
        _post(
            {"level": "very_satisfied"},
            "web.cross_site",
            headers={"Origin": "http://evil.test", "Sec-Fetch-Site": None},
        ),
        403,
    ),
    "sec-fetch-site cross-site": Bad(
        _post(
            {"level": "very_satisfied"},
            "web.cross_site",
            headers={"Origin": "null", "Sec-Fetch-Site": "cross-site"},
        ),
        403,
    ),
    "foreign referer without origin": Bad(
        _post(
            {"level": "very_satisfied"},
            "web.cross_site",
            headers={
                "Origin": None,
                "Sec-Fetch-Site": None,
                "Referer": "https://evil.example.com/x",
            },
        ),
        403,
    ),
    "missing form token": Bad(
        _post({"level": "satisfied", "text": "没有令牌"}, "web.cross_site", token=None),
        403,
        "没有令牌",
    ),
    "forged form token": Bad(
        _post({"level": "satisfied"}, "web.cross_site", token="1795483800." + "0" * 32), 403
    ),
    "expired form token": Bad(
        _post({"level": "satisfied", "text": "慢慢写的"}, "web.form_expired", before=_form_hours),
        403,
        "慢慢写的",
    ),
    "too many posts": Bad(_too_many, 429),
}


@WEB_ONLY
@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_bad_inputs_are_refused_with_their_sentence_and_a_4xx(phone: Phone, case: str) -> None:
    bad = BAD[case]
    r, expected = bad.send(phone)
    assert r.status_code == bad.status, words(r)
    assert expected in words(r)
    no_trace(r)
    assert r.headers["content-type"].startswith("text/html")
    if bad.kept is not None:
        assert bad.kept in words(r)  # nothing the citizen typed is lost
    if r.status_code in (403, 409, 422):
        # The same page again, with the form where the citizen can send it once more.
        assert 'id="ticket"' in r.text
    # Refused: nothing recorded (the second rating's first one stands alone).
    assert len(phone.hall.reviews(TUESDAY_0930.date())) == (case == "second rating")
    assert phone.hall.cases() == []


@WEB_ONLY
def test_the_oversized_page_is_refused_before_anything_is_recorded(phone: Phone) -> None:
    t = finished(phone.hall)
    r, _ = BAD["oversized chunked body"].send(phone)
    assert r.status_code == 413
    assert phone_reviews(phone, t) == []


@WEB_ONLY
def test_a_foreign_post_records_nothing(phone: Phone) -> None:
    t = finished(phone.hall)
    r = phone.rate(
        t.review_code, {"level": "very_dissatisfied", "reason": "attitude"},
        headers={"Origin": "https://evil.example.com"},
    )  # fmt: skip
    assert r.status_code == 403 and phone_reviews(phone, t) == []
    ok = phone.rate(t.review_code, {"level": "satisfied"})  # the page's own form still works
    assert ok.status_code == 303 and phone_reviews(phone, t) == [t.number]


@WEB_ONLY
@pytest.mark.parametrize(
    "headers",
    [
        {},  # a browser today, under the page's no-referrer policy: Origin null
        {"Origin": "own", "Sec-Fetch-Site": None},  # an older browser naming the origin
        {"Origin": None, "Sec-Fetch-Site": None, "Referer": "own"},  # Referer, no Origin
        {"Origin": None, "Sec-Fetch-Site": None},  # neither: the form token decides
    ],
    ids=["origin null", "own origin", "own referer", "no origin"],
)
def test_the_pages_own_form_is_accepted_however_the_browser_names_it(
    phone: Phone, headers: dict[str, str | None]
) -> None:
    t = finished(phone.hall)
    own = {k: (f"{phone.server.url}/r/{t.review_code}" if v == "own" else v)
           for k, v in headers.items()}  # fmt: skip
    r = phone.rate(t.review_code, {"level": "basically_satisfied"}, headers=own)
    assert r.status_code == 303 and phone_reviews(phone, t) == [t.number]


def test_the_status_endpoint_answers_refusals_in_json(phone: Phone) -> None:
    t = finished(phone.hall)
    r = phone.status(_altered(t.review_code))
    assert r.status_code == 404
    assert r.json() == {"error": "review.invalid", "message": sentence("review.invalid")}
    phone.clock.advance(days=8)
    r = phone.status(t.review_code, **{"Accept-Language": "en"})
    assert r.status_code == 410
    assert r.json()["message"] == sentence("review.expired", "en", days=7)


def _wrong_short(short: str) -> str:
    """The same ticket with other check digits: what a guesser sends."""
    ticket, digits = short.split("-")
    return f"{ticket}-{(int(digits) + 1) % 1_000_000:06d}"


@WEB_ONLY
def test_the_short_code_is_refused_on_the_phone_exactly_like_a_wrong_guess(phone: Phone) -> None:
    """The slip's QR code carries the signed code; the six digits printed under it are for
    typing at the kiosk, where a person stands. On the page a script could try them all
    within the code's seven days, so a genuine short code gets the very answer a wrong
    one gets: the page confirms nothing."""
    t = finished(phone.hall)
    genuine, typed = t.short_code, t.short_code.replace("-", "")
    assert phone.hall.review_ticket(genuine).ticket.number == t.number  # the kiosk's way
    token = phone.token(t.review_code)  # a genuine form token of this very ticket

    def answers(code: str) -> list[tuple[int, str, str]]:
        got = [
            phone.page(code),
            phone.status(code),
            phone.rate(code, {"level": "very_dissatisfied", "reason": "slow"}, token=token),
        ]
        return [(r.status_code, r.headers["content-type"], r.text.replace(code, "…")) for r in got]

    for code in (genuine, typed):
        assert answers(code) == answers(_wrong_short(genuine))
        page, status, post = answers(code)
        assert page[0] == status[0] == post[0] == 404
        assert json.loads(status[2]) == {
            "error": "review.invalid",
            "message": sentence("review.invalid"),
        }
        assert sentence("review.invalid") in html.unescape(page[2])
        assert sentence("review.invalid") in html.unescape(post[2])
    assert phone_reviews(phone, t) == []  # nothing was recorded through the short code
    assert phone.rate(t.review_code, {"level": "satisfied"}).status_code == 303


@WEB_ONLY
def test_unknown_addresses_and_methods_get_a_readable_page(phone: Phone) -> None:
    r = phone.client.get("/")
    assert r.status_code == 404 and sentence("web.not_found") in words(r)
    r = phone.client.put("/r/QC.1.AAAAAAAAAAAAAAAA")
    assert r.status_code == 405 and "不支持这种请求" in words(r)
    no_trace(r)
    r = phone.client.post("/r/QC.1.AAAAAAAAAAAAAAAA/status")
    assert r.status_code == 405 and r.json()["error"] == "web.not_allowed"


# -- language, headers, limits, faults ------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "header", "lang"),
    [
        (None, None, "zh"),
        (None, "en-US,en;q=0.9", "en"),
        (None, "en;q=0.3, zh-CN;q=0.8", "zh"),
        (None, "fr-FR, en;q=0.5", "en"),
        (None, "zh-TW;q=0, en;q=0.1", "en"),
        (None, "de, fr", "zh"),
        ("en", "zh-CN", "en"),
        ("zh", "en", "zh"),
        ("xx", "en", "en"),
    ],
)
def test_the_language_follows_accept_language_and_lang(
    query: str | None, header: str | None, lang: str
) -> None:
    assert pick_language(query, header) == lang


@WEB_ONLY
def test_the_page_speaks_the_phones_language(phone: Phone) -> None:
    t = waiting(phone.hall, before=2)
    en = words(phone.page(t.review_code, **{"Accept-Language": "en-US,en;q=0.9"}))
    assert "2 people ahead of you" in en and "前面还有" not in en and 'lang="en"' in en
    zh = words(phone.page(t.review_code, **{"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}))
    assert "前面还有 2 人" in zh
    forced = words(phone.client.get(f"/r/{t.review_code}?lang=en"))
    assert "2 people ahead of you" in forced


def test_the_service_is_named_in_the_pages_language_chinese_where_no_english_is_given() -> None:
    t = TicketInfo(
        number="A001", service_code="qy-sl", service_name="企业设立登记", zone_name="商事经营",
        state="waiting", priority="ordinary", business_day=TUESDAY_0930.date(),
        issued_at=TUESDAY_0930, review_code="x", hall_name="青川区政务服务中心",
    )  # fmt: skip
    named = replace(
        t, service_name_en="Company registration", hall_name_en="Qingchuan Service Centre"
    )
    assert service_name(named, "en") == "Company registration"
    assert hall_name(named, "en") == "Qingchuan Service Centre"
    assert service_name(named, "zh") == "企业设立登记"
    # Chinese wherever the hall gave no English name
    assert service_name(t, "en") == "企业设立登记" and hall_name(t, "en") == "青川区政务服务中心"
    assert service_name(replace(t, service_name_en=" "), "en") == "企业设立登记"


def test_the_english_page_names_the_service_and_hall_as_the_halls_file_does(
    phone: Phone,
) -> None:
    t = waiting(phone.hall, before=1)  # the demo hall names qy-sl and itself in English
    en = words(phone.page(t.review_code, **{"Accept-Language": "en"}))
    assert '<div class="service">Company registration</div>' in en
    assert t.service_name not in en
    assert '<div class="hall">Qingchuan District Government Service Center</div>' in en
    assert phone.status(t.review_code, **{"Accept-Language": "en"}).json()["service"] == (
        "Company registration"
    )
    zh = words(phone.page(t.review_code, **{"Accept-Language": "zh"}))
    assert f'<div class="service">{t.service_name}</div>' in zh
    assert phone.status(t.review_code).json()["service"] == t.service_name


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_503_sentence_says_the_same_true_thing_in_both_languages(lang: str) -> None:
    """While the database is away a rating sent may or may not have been saved (the
    connection can drop during its COMMIT): both languages say to look again, and the
    page's own label for a rating given is how to tell."""
    said = render("web.unavailable", lang)
    assert render("phone.rated", lang) in said
    assert render("phone.rated", lang) == {"zh": "已评价", "en": "Already rated"}[lang]
    for untrue in ("没有丢失", "没有保存", "Nothing was recorded", "Nothing was saved"):
        assert untrue not in said


@WEB_ONLY
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_says_the_tables_sentences_in_its_language(phone: Phone, lang: str) -> None:
    done = finished(phone.hall)
    sent = phone.rate(done.review_code, {"level": "dissatisfied", "reason": ["slow", "unclear"]})
    assert sent.status_code == 303
    t = waiting(phone.hall, before=2)
    ticket = phone.hall.review_ticket(t.review_code).ticket
    asked = {"Accept-Language": {"zh": "zh-CN", "en": "en-US"}[lang]}

    page = words(phone.page(t.review_code, **asked))
    for said in (
        render("phone.title", lang),
        render("phone.listen", lang),
        render("phone.ahead", lang, n=2),
        render("phone.windows", lang, w=list(ticket.windows)),
        render("phone.switch", lang),
    ):
        assert said in page
    other = {"zh": "en", "en": "zh"}[lang]
    assert render("phone.listen", other) not in page
    polled = phone.status(t.review_code, **asked).json()
    assert polled["ahead_line"] == render("phone.ahead", lang, n=2)
    assert polled["state_words"] == word("state", "waiting", lang)

    rated = words(phone.page(done.review_code, **asked))
    reasons = {
        "zh": "原因：等候或办理时间太长、告知不清，需要多跑",
        "en": "Reasons: Waited or took too long, Not told clearly; must come again",
    }[lang]
    assert reasons in rated
    assert render("phone.rated", lang) in rated
    assert word("level", "dissatisfied", lang) in rated


def test_every_sentence_the_page_names_is_in_the_table() -> None:
    """The templates name the table's codes (``t('phone.…')``), the handlers render them,
    and the page's script shows only what the server sends: it has no words of its own."""
    folder = Path(__file__).resolve().parent.parent / "shared" / "phone"
    templates = "".join(p.read_text(encoding="utf-8") for p in (folder / "templates").glob("*"))
    named = set(re.findall(r"\bt\('([a-z_.]+)'", templates))
    assert named and all(has(code) for code in named), sorted(c for c in named if not has(c))
    rendered = set(re.findall(r'render\(\s*"([a-z_.]+)"', (folder / "app.py").read_text()))
    assert {code for code in TABLE if code.startswith("phone.")} <= named | rendered
    script = (folder / "static" / "phone.js").read_text(encoding="utf-8")
    assert not re.search(r"[\u4e00-\u9fff]", script)


@WEB_ONLY
def test_every_answer_carries_the_security_headers(phone: Phone) -> None:
    t = waiting(phone.hall)
    answers = [
        phone.page(t.review_code),
        phone.status(t.review_code),
        phone.page(_altered(t.review_code)),
        phone.client.get("/nowhere"),
    ]
    for r in answers:
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert r.headers["cache-control"] == "no-store"
        assert "server" not in r.headers
    # The page's script and style come from the page itself, no inline script.
    page = answers[0].text
    assert '<script src="/r/static/phone.js"></script>' in page and "<script>" not in page
    for path in ("/r/static/phone.js", "/r/static/phone.css"):
        r = phone.client.get(path)
        assert r.status_code == 200 and r.headers["x-content-type-options"] == "nosniff"


@WEB_ONLY
def test_page_loads_are_limited_per_address_and_x_forwarded_for_is_not_believed(
    hall: Hall, clock: FixedClock
) -> None:
    t = waiting(hall)
    for p in _phone(hall, clock, Limits(get_per_address="3/minute")):
        for n in range(3):
            assert p.page(t.review_code, **{"X-Forwarded-For": f"10.0.0.{n}"}).status_code == 200
        r = p.page(t.review_code, **{"X-Forwarded-For": "10.0.0.99"})
        assert r.status_code == 429 and sentence("web.rate_limited") in words(r)
        assert 1 <= int(r.headers["retry-after"]) <= 60
        no_trace(r)


@WEB_ONLY
def test_behind_a_trusted_proxy_each_phone_has_its_own_limit(hall: Hall, clock: FixedClock) -> None:
    t = waiting(hall)
    app = create_app(hall, limits=Limits(get_per_address="2/minute"))
    with (
        BackgroundServer(app, trusted_proxy="127.0.0.1") as server,
        httpx.Client(base_url=server.url) as client,
    ):
        for phone_address in ("203.0.113.5", "203.0.113.6"):
            for _ in range(2):
                r = client.get(f"/r/{t.review_code}", headers={"X-Forwarded-For": phone_address})
                assert r.status_code == 200
        r = client.get(f"/r/{t.review_code}", headers={"X-Forwarded-For": "203.0.113.5"})
        assert r.status_code == 429


@WEB_ONLY
def test_posts_are_limited_per_address_across_tickets(hall: Hall, clock: FixedClock) -> None:
    tickets = [finished(hall) for _ in range(3)]
    for p in _phone(hall, clock, Limits(post_per_address="2/minute")):
        tokens = [p.token(t.review_code) for t in tickets]
        for t, token in zip(tickets[:2], tokens, strict=False):
            assert p.rate(t.review_code, {"level": "satisfied"}, token=token).status_code == 303
        r = p.rate(
            tickets[2].review_code, {"level": "satisfied", "text": "第三张"}, token=tokens[2]
        )
        assert r.status_code == 429 and "第三张" in words(r)
        assert [rv.number for rv in hall.reviews(tickets[0].business_day)] == [
            t.number for t in tickets[:2]
        ]


@WEB_ONLY
def test_polling_is_limited_per_ticket(hall: Hall, clock: FixedClock) -> None:
    t = waiting(hall)
    for p in _phone(hall, clock, Limits(status_per_code="2/minute")):
        assert [p.status(t.review_code).status_code for _ in range(3)] == [200, 200, 429]
        r = p.status(t.review_code)
        assert r.json()["error"] == "web.rate_limited" and "retry-after" in r.headers


def _sqlite_files(database: str) -> list[Path]:
    return [Path(database + suffix) for suffix in ("", "-wal", "-shm")]


def _take_the_database_away(hall: Hall, db_url: str, request: pytest.FixtureRequest) -> None:
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        hall.db.dispose()  # the last connection closed: the WAL is written back
        for path in _sqlite_files(str(url.database)):
            if path.exists():
                path.rename(f"{path}.away")
        return
    admin: str = request.getfixturevalue("pg_admin_url")
    name = url.database
    _pg_execute(admin, f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
    _pg_execute(
        admin, f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
    )


def _give_it_back(db_url: str, request: pytest.FixtureRequest) -> None:
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        for path in _sqlite_files(str(url.database)):
            path.unlink(missing_ok=True)  # what the app opened meanwhile: empty
            away = Path(f"{path}.away")
            if away.exists():
                away.rename(path)
        return
    _pg_execute(request.getfixturevalue("pg_admin_url"),
                f"ALTER DATABASE {url.database} ALLOW_CONNECTIONS true")  # fmt: skip


def test_a_database_that_is_down_gives_503(
    phone: Phone, db_url: str, request: pytest.FixtureRequest
) -> None:
    t = finished(phone.hall)
    token = phone.token(t.review_code)
    _take_the_database_away(phone.hall, db_url, request)
    try:
        r = phone.page(t.review_code)
        assert r.status_code == 503 and sentence("web.unavailable") in words(r)
        no_trace(r)
        s = phone.status(t.review_code)
        assert s.status_code == 503 and s.json()["error"] == "web.unavailable"
        posted = phone.rate(t.review_code, {"level": "satisfied"}, token=token)
        assert posted.status_code == 503 and sentence("web.unavailable") in words(posted)
        # A link to look again at the ticket's page (a reload would send the form again)
        again = f'<a class="again" href="/r/{t.review_code}?lang=zh">重新打开本页</a>'
        assert again in words(posted) and again in words(r)
        for answer in (r, s, posted):
            assert int(answer.headers["retry-after"]) > 0
    finally:
        phone.hall.db.dispose()
        _give_it_back(db_url, request)
    assert phone.page(t.review_code).status_code == 200


def test_an_unexpected_fault_gives_a_plain_500_and_the_trace_goes_to_the_log(
    phone: Phone, caplog: pytest.LogCaptureFixture
) -> None:
    t = finished(phone.hall)
    with phone.hall.db.write() as s:  # a damaged schema: a bug, not a citizen's mistake
        s.execute(sql("ALTER TABLE tickets RENAME COLUMN number TO number_renamed"))
    with caplog.at_level(logging.ERROR, logger="yimen.phone"):
        r = phone.page(t.review_code)
    assert r.status_code == 500
    assert "系统出错了" in words(r)
    no_trace(r)
    assert "ticket" not in r.text.split("<main>")[1].lower()  # no SQL, no names of tables
    [record] = [rec for rec in caplog.records if rec.name == "yimen.phone"]
    assert record.exc_info is not None
    s = phone.status(t.review_code)  # the page's polling gets JSON, as with any refusal
    assert s.status_code == 500 and s.headers["content-type"].startswith("application/json")
    assert s.json() == {"error": "web.server_error", "message": s.json()["message"]}
    assert "系统出错了" in s.json()["message"]
    no_trace(s)


# -- yimen serve --------------------------------------------------------------------------------


@WEB_ONLY
def test_yimen_serve_names_the_address_and_refuses_a_taken_port(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from shared.cli import EXIT_REFUSED, main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["--db", db_url, "serve", "--host", "127.0.0.1", "--port", str(port)])
    out, err = capsys.readouterr()
    assert f"http://127.0.0.1:{port}/r/" in out
    assert f'review_url = "http://127.0.0.1:{port}/r/"' in out  # the reminder for the kiosk
    assert code == EXIT_REFUSED
    assert sentence("web.cannot_listen", host="127.0.0.1", port=port) in err
