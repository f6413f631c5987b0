"""The printed and exported documents: the ticket slip, the one-time notice, the CSV files."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # The ticket slip
    "documents.slip.mark": {"zh": "【{mark}】", "en": "[{mark}]"},
    "documents.slip.mark.green": {"zh": "绿色通道", "en": "Green channel"},
    "documents.slip.mark.appointment": {"zh": "预约", "en": "Appointment"},
    "documents.slip.mark.reprint": {"zh": "补打", "en": "Reprint"},
    "documents.slip.wait.unknown": {
        "zh": "前面还有 {ahead} 人，等候时间暂无法估计",
        "en": "{ahead} ahead of you; the wait cannot be estimated yet",
    },
    "documents.slip.wait.soon": {
        "zh": "前面还有 {ahead} 人，即将叫号",
        "en": "{ahead} ahead of you; you will be called soon",
    },
    "documents.slip.wait.minutes": {
        "zh": "前面还有 {ahead} 人，预计等候约 {minutes} 分钟",
        "en": "{ahead} ahead of you; about {minutes} min to wait",
    },
    "documents.slip.window": {"zh": "{windows}号窗口", "en": "window {windows}"},
    "documents.slip.windows": {"zh": "{windows}号窗口", "en": "windows {windows}"},
    "documents.slip.ask_guide": {"zh": "请咨询导服人员", "en": "please ask a hall guide"},
    "documents.slip.windows_line": {"zh": "受理窗口：{windows}", "en": "Served at: {windows}"},
    "documents.slip.issued_at": {"zh": "取号时间：{at}", "en": "Issued: {at}"},
    "documents.slip.id_masked": {"zh": "证件号码：{id}", "en": "ID: {id}"},
    "documents.slip.valid_today": {"zh": "当日有效", "en": "Valid today only"},
    "documents.slip.valid_today_no_show": {
        "zh": "当日有效，过号请重新取号",
        "en": "Valid today only; if you miss your call, please take a new ticket",
    },
    # How a hall's slip notice says it already that a missed call needs a new ticket
    "documents.slip.no_show_word": {"zh": "过号", "en": "miss"},
    "documents.slip.short_code": {"zh": "评价短码 {code}", "en": "Rating code {code}"},
    "documents.slip.scan": {
        "zh": "扫码查看排队进度、评价服务（码上监督）",
        "en": "Scan to follow the queue and rate the service",
    },
    "documents.slip.kiosk": {"zh": "取号机 {kiosk}", "en": "Kiosk {kiosk}"},
    # The one-time notice (一次性告知单)
    "documents.notice.title": {"zh": "一次性告知单", "en": "One-time notice"},
    "documents.notice.serial": {"zh": "编号：{serial}", "en": "No. {serial}"},
    "documents.notice.serial_reprint": {
        "zh": "【补打】\u3000编号：{serial}",
        "en": "[Reprint]  No. {serial}",
    },
    "documents.notice.page": {"zh": "{serial}\u3000第 {page} 页", "en": "{serial}  page {page}"},
    "documents.notice.page_of": {
        "zh": "{serial}\u3000第 {page} 页，共 {pages} 页",
        "en": "{serial}  page {page} of {pages}",
    },
    "documents.notice.continued": {
        "zh": "一次性告知单（续）\u3000{number}\u3000{service}",
        "en": "One-time notice (continued)  {number}  {service}",
    },
    "documents.notice.label.service": {"zh": "办理事项", "en": "Service"},
    "documents.notice.label.number": {"zh": "排队号码", "en": "Number"},
    "documents.notice.label.window": {"zh": "受理窗口", "en": "Window"},
    "documents.notice.label.clerk": {"zh": "经办人员", "en": "Clerk"},
    "documents.notice.label.at": {"zh": "告知时间", "en": "Told at"},
    "documents.notice.window": {"zh": "{number}号窗口", "en": "Window {number}"},
    "documents.notice.window_named": {
        "zh": "{number}号窗口（{name}）",
        "en": "Window {number} ({name})",
    },
    "documents.notice.clerk": {"zh": "{name}（工号 {code}）", "en": "{name} (staff no. {code})"},
    "documents.notice.materials": {
        "zh": "您办理本事项还需补齐以下材料（共 {count} 项）：",
        "en": "To complete this matter, please bring the following ({count} in all):",
    },
    "documents.notice.materials_short": {
        "zh": "还需补齐以下材料（共 {count} 项）：",
        "en": "Still needed ({count} in all):",
    },
    "documents.notice.other": {"zh": "其他：{other}", "en": "Other: {other}"},
    "documents.notice.return_by": {
        "zh": "请于今天 {time} 前备齐以上材料回到大厅，到{where}出示本告知单（号码 {number}），"
        "无需重新取号，工作人员将优先为您办理。",
        "en": "Please bring the materials above back to the hall today before {time} and show "
        "this notice (number {number}) at {where}; you need no new ticket and will be "
        "served first.",
    },
    "documents.notice.return": {
        "zh": "请备齐以上材料回到大厅，到{where}出示本告知单（号码 {number}），"
        "无需重新取号，工作人员将优先为您办理。",
        "en": "Please bring the materials above back to the hall and show this notice "
        "(number {number}) at {where}; you need no new ticket and will be served first.",
    },
    "documents.notice.at_windows": {
        "zh": " {windows} 号任一窗口",
        "en": "any of windows {windows}",
    },
    "documents.notice.at_window": {"zh": " {windows} 号任一窗口", "en": "window {windows}"},
    "documents.notice.at_help_desk": {"zh": "导服台", "en": "the help desk"},
    "documents.notice.guide": {"zh": "扫码查看办事指南", "en": "Scan for the service's guide"},
    # The reviews as CSV
    "documents.reviews.id": {"zh": "评价编号", "en": "review"},
    "documents.reviews.day": {"zh": "日期", "en": "day"},
    "documents.reviews.at": {"zh": "评价时间", "en": "rated at"},
    "documents.reviews.number": {"zh": "票号", "en": "ticket"},
    "documents.reviews.service_code": {"zh": "事项编号", "en": "service code"},
    "documents.reviews.service": {"zh": "事项", "en": "service"},
    "documents.reviews.window": {"zh": "窗口", "en": "window"},
    "documents.reviews.clerk_code": {"zh": "工号", "en": "clerk code"},
    "documents.reviews.clerk": {"zh": "工作人员", "en": "clerk"},
    "documents.reviews.level_code": {"zh": "评价代码（{scale}）", "en": "level code ({scale})"},
    "documents.reviews.level": {"zh": "评价", "en": "level"},
    "documents.reviews.channel": {"zh": "渠道", "en": "channel"},
    "documents.reviews.reasons": {"zh": "原因", "en": "reasons"},
    "documents.reviews.words": {"zh": "意见", "en": "words"},
    "documents.reviews.real_name": {"zh": "实名", "en": "real name"},
    "documents.reviews.case": {"zh": "整改件", "en": "case"},
    "documents.yes": {"zh": "是", "en": "yes"},
    "documents.no": {"zh": "否", "en": "no"},
}
