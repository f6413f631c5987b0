"""What the phone page says, in Chinese and English, and which of the two a phone wants.

The core's refusals come from `shared.base.messages`; these are the page's own words.
"""

from __future__ import annotations

from typing import Any

LANGS = ("zh", "en")

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("码上监督 · 好差评", "Rate our service"),
    "switch": ("English", "中文"),
    "number": ("您的号码", "Your number"),
    "service": ("办理事项", "Service"),
    "state": ("状态：", "State: "),
    "colon": ("：", ": "),
    "ahead": ("前面还有 {n} 人", "{n} people ahead of you"),
    "ahead_one": ("前面还有 1 人", "1 person ahead of you"),
    "next": ("您是下一位", "You are next"),
    "wait": ("预计等候约 {m} 分钟", "Estimated wait: about {m} min"),
    "windows": ("办理窗口：{w} 号", "Windows: {w}"),
    "listen": (
        "请留意大厅叫号。本页会自动更新，叫到您时这里会显示窗口。",
        "Listen for your number. This page updates by itself and shows your window "
        "when you are called.",
    ),
    "called": ("请到{w}号窗口办理", "Please go to window {w}"),
    "called_hint": ("已叫到您的号", "Your number has been called"),
    "serving": ("正在{w}号窗口办理", "Being served at window {w}"),
    "serving_hint": (
        "办理结束后，可以在这里评价。",
        "When the service is over you can rate it here.",
    ),
    "no_show": (
        "您的号已过号。如仍需办理，请到取号机重新取号，或到导服台咨询。",
        "Your number was called but you were not there. To be served, take a new ticket "
        "at the kiosk or ask at the help desk.",
    ),
    "held": (
        "您的号已挂起：请按工作人员的告知准备好材料，回来后到本事项的任一窗口优先办理，不用重新取号。",
        "Your ticket is on hold: get what the clerk asked for, then come back to any "
        "window of this service to be served first; no new ticket is needed.",
    ),
    "held_window": (
        "您的号已挂起：材料留在{w}号窗口，回来后请直接到{w}号窗口办理，不用重新取号。",
        "Your ticket is on hold: your papers stay at window {w}; come back straight to "
        "window {w}, no new ticket is needed.",
    ),
    "held_step": (
        "您的号已挂起：还需等待其他环节办好（例如刻章），办好后工作人员会通知您。",
        "Your ticket is on hold until another step is done (a seal being carved, for "
        "example); staff will let you know.",
    ),
    "expired": (
        "这张票当天没有办理，已经失效。如需办理，请重新取号。",
        "This ticket was not served on its day and is no longer valid. Please take a new "
        "ticket to be served.",
    ),
    "rate_title": ("请为本次服务评价", "Please rate this service"),
    "rate_hint": ("点一下您的感受，再按“提交评价”。", "Tap how it went, then “Send rating”."),
    "overall": ("总体评价（必选）", "Overall (required)"),
    "reasons": (
        "不满意的原因（必选一项，或在下面写明）",
        "What went wrong (tick one, or tell us below)",
    ),
    "text": ("意见或建议（选填，最多 {max} 字）", "Comments (optional, at most {max} characters)"),
    "dimensions": ("分项评价（选填）", "Rate each part (optional)"),
    "contact": ("留下联系方式（选填）", "Contact details (optional)"),
    "name": ("姓名", "Name"),
    "phone": ("手机号码", "Phone number"),
    "privacy": (
        "留下电话，工作人员会就这次评价给您回访；除此之外，不保存您的任何信息。",
        "A phone number means staff will call you back about this rating; nothing else "
        "about you is kept.",
    ),
    "send": ("提交评价", "Send rating"),
    "thanks": ("谢谢您的评价！", "Thank you for your rating!"),
    "rated": ("已评价", "Already rated"),
    "your_level": ("您的评价：{level}", "Your rating: {level}"),
    "your_reasons": ("原因：{reasons}", "Reasons: {reasons}"),
    "your_text": ("您的意见：{text}", "Your words: {text}"),
    "case_opened": (
        "您反映的问题已登记，服务中心会在 {days} 个工作日内整改。",
        "What you reported has been recorded; the hall will put it right within {days} "
        "working days.",
    ),
    "callback": ("工作人员会打电话回访您。", "Staff will call you back."),
    "expires": ("可在 {date} 前评价", "You can rate until {date}"),
    "updated": ("更新于 {time}", "Updated {time}"),
    "offline": ("网络不稳定，正在重试…", "Connection lost; trying again…"),
    "noscript": (
        "本页不能自动更新，请下拉刷新。",
        "This page cannot update itself; please reload it.",
    ),
    "sorry": ("抱歉", "Sorry"),
    "server_error": (
        "系统出错了，请稍后再试。您的评价没有保存，可以稍后重新提交。",
        "Something went wrong on our side; please try again later. Nothing was saved, so "
        "you can send it again.",
    ),
    "not_allowed": ("不支持这种请求。", "That kind of request is not supported."),
}

#: The faces beside the five levels: the mouth's curve, from a broad smile to a frown.
MOUTHS = ("M14 30 Q24 42 34 30", "M15 31 Q24 38 33 31", "M15 33 L33 33", "M15 36 Q24 30 33 36",
          "M14 38 Q24 27 34 38")  # fmt: skip


def text(key: str, lang: str, **params: Any) -> str:
    zh, en = TEXTS[key]
    words = en if lang == "en" else zh
    return words.format(**params) if params else words


def pick_language(query: str | None, accept_language: str | None) -> str:
    """``?lang=en|zh`` if given; otherwise the phone's preferred of zh and en by its
    ``Accept-Language`` (q-values respected, first listed wins a tie); zh by default."""
    if query in LANGS:
        return query
    best, best_q = "zh", 0.0
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-", 1)[0]
        if primary not in LANGS:
            continue
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > best_q:
            best, best_q = primary, q
    return best
