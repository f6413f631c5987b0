"""The phone page's own words (``yimen serve``): its headings, the ticket's lines as the page
and its polling show them, the rating form and what it says once a rating is given. Its
refusals (``web.*``, ``review.*``) come from `refusals`."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # Around every page
    "phone.title": {"zh": "码上监督 · 好差评", "en": "Rate our service"},
    # The link to the page in the other language, named in that language
    "phone.switch": {"zh": "English", "en": "中文"},
    "phone.sorry": {"zh": "抱歉", "en": "Sorry"},
    "phone.colon": {"zh": "：", "en": ": "},
    "phone.noscript": {
        "zh": "本页不能自动更新，请下拉刷新。",
        "en": "This page cannot update itself; please reload it.",
    },
    "phone.again": {"zh": "重新打开本页", "en": "Open this page again"},
    "phone.offline": {"zh": "网络不稳定，正在重试…", "en": "Connection lost; trying again…"},
    "phone.updated": {"zh": "更新于 {time}", "en": "Updated {time}"},
    # The ticket, live
    "phone.number": {"zh": "您的号码", "en": "Your number"},
    "phone.state": {"zh": "状态：", "en": "State: "},
    "phone.ahead": {"zh": "前面还有 {n} 人", "en": "{n} people ahead of you"},
    "phone.ahead_one": {"zh": "前面还有 1 人", "en": "1 person ahead of you"},
    "phone.next": {"zh": "您是下一位", "en": "You are next"},
    "phone.wait": {"zh": "预计等候约 {m} 分钟", "en": "Estimated wait: about {m} min"},
    "phone.wait_range": {
        "zh": "预计等候约 {low}–{high} 分钟",
        "en": "Estimated wait: about {low}–{high} min",
    },
    "phone.wait_not_today": {
        "zh": "今天可能轮不到您，建议改日或网上预约",
        "en": "You may not be reached today: another day, or an appointment, may suit you better",
    },
    "phone.wait_soon": {"zh": "即将叫到您", "en": "You will be called soon"},
    "phone.windows": {"zh": "办理窗口：{w} 号", "en": "Windows: {w}"},
    "phone.listen": {
        "zh": "请留意大厅叫号。本页会自动更新，叫到您时这里会显示窗口。",
        "en": "Listen for your number. This page updates by itself and shows your window "
        "when you are called.",
    },
    "phone.called": {"zh": "请到{w}号窗口办理", "en": "Please go to window {w}"},
    "phone.called_hint": {"zh": "已叫到您的号", "en": "Your number has been called"},
    "phone.serving": {"zh": "正在{w}号窗口办理", "en": "Being served at window {w}"},
    "phone.serving_hint": {
        "zh": "办理结束后，可以在这里评价。",
        "en": "When the service is over you can rate it here.",
    },
    "phone.no_show": {
        "zh": "您的号已过号。如仍需办理，请到取号机重新取号，或到导服台咨询。",
        "en": "Your number was called but you were not there. To be served, take a new ticket "
        "at the kiosk or ask at the help desk.",
    },
    "phone.held": {
        "zh": "您的号已挂起：请按工作人员的告知准备好材料，回来后到本事项的任一窗口优先办理，"
        "不用重新取号。",
        "en": "Your ticket is on hold: get what the clerk asked for, then come back to any "
        "window of this service to be served first; no new ticket is needed.",
    },
    "phone.held_window": {
        "zh": "您的号已挂起：材料留在{w}号窗口，回来后请直接到{w}号窗口办理，不用重新取号。",
        "en": "Your ticket is on hold: your papers stay at window {w}; come back straight to "
        "window {w}, no new ticket is needed.",
    },
    "phone.held_step": {
        "zh": "您的号已挂起：还需等待其他环节办好（例如刻章），办好后工作人员会通知您。",
        "en": "Your ticket is on hold until another step is done (a seal being carved, for "
        "example); staff will let you know.",
    },
    "phone.expired": {
        "zh": "这张票当天没有办理，已经失效。如需办理，请重新取号。",
        "en": "This ticket was not served on its day and is no longer valid. Please take a new "
        "ticket to be served.",
    },
    # The rating form
    "phone.rate_title": {"zh": "请为本次服务评价", "en": "Please rate this service"},
    "phone.rate_hint": {
        "zh": "点一下您的感受，再按“提交评价”。",
        "en": "Tap how it went, then “Send rating”.",
    },
    "phone.overall": {"zh": "总体评价（必选）", "en": "Overall (required)"},
    "phone.reasons": {
        "zh": "不满意的原因（必选一项，或在下面写明）",
        "en": "What went wrong (tick one, or tell us below)",
    },
    "phone.text": {
        "zh": "意见或建议（选填，最多 {max} 字）",
        "en": "Comments (optional, at most {max} characters)",
    },
    "phone.dimensions": {"zh": "分项评价（选填）", "en": "Rate each part (optional)"},
    "phone.contact": {"zh": "留下联系方式（选填）", "en": "Contact details (optional)"},
    "phone.name": {"zh": "姓名", "en": "Name"},
    "phone.phone": {"zh": "手机号码", "en": "Phone number"},
    "phone.privacy": {
        "zh": "留下电话，工作人员会就这次评价给您回访；除此之外，不保存您的任何信息。",
        "en": "A phone number means staff will call you back about this rating; nothing else "
        "about you is kept.",
    },
    "phone.send": {"zh": "提交评价", "en": "Send rating"},
    "phone.expires": {"zh": "可在 {date} 前评价", "en": "You can rate until {date}"},
    # The rating given
    "phone.thanks": {"zh": "谢谢您的评价！", "en": "Thank you for your rating!"},
    "phone.rated": {"zh": "已评价", "en": "Already rated"},
    "phone.your_level": {"zh": "您的评价：{level}", "en": "Your rating: {level}"},
    "phone.your_reasons": {"zh": "原因：{reasons}", "en": "Reasons: {reasons}"},
    "phone.case_opened": {
        "zh": "您反映的问题已登记，服务中心会在 {days} 个工作日内整改。",
        "en": "What you reported has been recorded; the hall will put it right within {days} "
        "working days.",
    },
    "phone.callback": {"zh": "工作人员会打电话回访您。", "en": "Staff will call you back."},
}
