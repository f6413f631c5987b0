"""The core's own words: the hall's states, steps, levels and reasons, wherever they are
named in a sentence, and the few lines the core composes itself (the lobby's notice line,
a case step's details, the demo's account of its simulated morning and of what it
opened)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # A ticket's state
    "state.waiting": {"zh": "等候中", "en": "waiting"},
    "state.called": {"zh": "已呼叫", "en": "called"},
    "state.serving": {"zh": "办理中", "en": "in service"},
    "state.done": {"zh": "已办结", "en": "done"},
    "state.no_show": {"zh": "过号", "en": "no-show"},
    "state.held": {"zh": "挂起", "en": "on hold"},
    "state.expired": {"zh": "未办结（已过期）", "en": "expired"},
    # A review's level
    "level.very_satisfied": {"zh": "非常满意", "en": "Very satisfied"},
    "level.satisfied": {"zh": "满意", "en": "Satisfied"},
    "level.basically_satisfied": {"zh": "基本满意", "en": "Basically satisfied"},
    "level.dissatisfied": {"zh": "不满意", "en": "Dissatisfied"},
    "level.very_dissatisfied": {"zh": "非常不满意", "en": "Very dissatisfied"},
    # A language, named in a sentence
    "language.zh": {"zh": "中文(普通话)", "en": "Chinese (Mandarin)"},
    "language.en": {"zh": "英语", "en": "English"},
    # A bad-review case's state, and its steps
    "case_state.pending": {"zh": "待整改", "en": "to rectify"},
    "case_state.rectifying": {"zh": "整改中", "en": "being rectified"},
    "case_state.rectified": {"zh": "整改完成", "en": "rectified"},
    "case_state.invalid_applied": {
        "zh": "申请认定无效（待审批）",
        "en": "invalid: awaiting approval",
    },
    "case_state.invalid": {"zh": "已认定无效", "en": "found invalid"},
    "case_state.unrectifiable_applied": {
        "zh": "申请无法整改（待审批）",
        "en": "cannot be rectified: awaiting approval",
    },
    "case_state.unrectifiable": {
        "zh": "无法整改（已批准）",
        "en": "cannot be rectified (approved)",
    },
    "case_action.opened": {"zh": "差评立案", "en": "opened"},
    "case_action.start": {"zh": "开始整改", "en": "start rectifying"},
    "case_action.complete": {"zh": "整改完成", "en": "complete"},
    "case_action.apply_invalid": {"zh": "申请认定无效", "en": "apply to find it invalid"},
    "case_action.apply_unrectifiable": {"zh": "申请无法整改", "en": "apply: cannot be rectified"},
    "case_action.approve": {"zh": "批准", "en": "approve"},
    "case_action.reject": {"zh": "驳回", "en": "reject"},
    "case_action.extend": {"zh": "延期", "en": "extend"},
    "case_action.callback": {"zh": "回访", "en": "call back"},
    # How a callback (回访) went, and a step's extension
    "callback.satisfied": {"zh": "群众满意", "en": "The citizen is satisfied"},
    "callback.unsatisfied": {"zh": "群众仍不满意", "en": "The citizen is still dissatisfied"},
    "callback.unreachable": {"zh": "联系不上", "en": "Could not reach the citizen"},
    "step.extension_one": {"zh": "延期 {days} 个工作日", "en": "+{days} working day"},
    "step.extension": {"zh": "延期 {days} 个工作日", "en": "+{days} working days"},
    # Why a service was rated bad, what else is rated, where a review came from
    "review_reason.attitude": {"zh": "服务态度不好", "en": "Unfriendly attitude"},
    "review_reason.slow": {"zh": "等候或办理时间太长", "en": "Waited or took too long"},
    "review_reason.unclear": {
        "zh": "告知不清，需要多跑",
        "en": "Not told clearly; must come again",
    },
    "review_reason.refused": {"zh": "不予办理，理由不清", "en": "Refused without a clear reason"},
    "review_reason.rules": {"zh": "不按规定办理", "en": "Rules not followed"},
    "review_reason.facilities": {"zh": "环境设施不便", "en": "Facilities inconvenient"},
    "review_reason.other": {"zh": "其他", "en": "Other"},
    "review_dimension.efficiency": {"zh": "办事效率", "en": "Efficiency"},
    "review_dimension.attitude": {"zh": "服务态度", "en": "Attitude"},
    "review_dimension.service": {"zh": "服务水平", "en": "Service level"},
    "review_channel.qr": {"zh": "扫码", "en": "QR code"},
    "review_channel.kiosk": {"zh": "取号机", "en": "kiosk"},
    "review_channel.evaluator": {"zh": "窗口评价器", "en": "window evaluator"},
    "review_channel.other": {"zh": "其他渠道", "en": "other"},
    "review_words.level_and_reasons": {"zh": "{level}：{reasons}", "en": "{level}: {reasons}"},
    # Why a clerk left the window (the record keeps the English value)
    "absence.leave": {"zh": "请假", "en": "leave"},
    "absence.study": {"zh": "学习培训", "en": "study"},
    "absence.meeting": {"zh": "会议", "en": "meeting"},
    "absence.business_trip": {"zh": "出差", "en": "business trip"},
    "absence.lunch": {"zh": "午餐", "en": "lunch"},
    "absence.other": {"zh": "其他", "en": "other"},
    # A day of the week, named in a sentence
    "weekday.mon": {"zh": "周一", "en": "Monday"},
    "weekday.tue": {"zh": "周二", "en": "Tuesday"},
    "weekday.wed": {"zh": "周三", "en": "Wednesday"},
    "weekday.thu": {"zh": "周四", "en": "Thursday"},
    "weekday.fri": {"zh": "周五", "en": "Friday"},
    "weekday.sat": {"zh": "周六", "en": "Saturday"},
    "weekday.sun": {"zh": "周日", "en": "Sunday"},
    # Between the items of a list, and between the clauses of a line
    "list.separator": {"zh": "、", "en": ", "},
    "list.clauses": {"zh": "；", "en": "; "},
    # A person with their staff code
    "person.with_code": {"zh": "{name}（{code}）", "en": "{name} ({code})"},
    # The lines the lobby's notice puts before (at noon) or instead of (past closing) the
    # hall's own; a window in such a line
    "lobby.noon_duty": {
        "zh": "午间值班：{windows}窗口照常办理。",
        "en": "Noon duty: window {windows} serving as usual.",
    },
    "lobby.noon_break": {
        "zh": "午间休息，{until} 起恢复办理。",
        "en": "Noon break: service resumes at {until}.",
    },
    "lobby.after_hours": {
        "zh": "已过下班时间，{windows}窗口延时服务，请耐心等候。",
        "en": "Past closing time: window {windows} still serving; please wait patiently.",
    },
    "lobby.window": {"zh": "{number}号", "en": "{number}"},
    "lobby.paused_go": {
        "zh": "{window}窗口暂停服务，请到{windows}窗口办理。",
        "en": "Window {window} is paused; please go to window {windows}.",
    },
    "lobby.paused": {
        "zh": "{window}窗口暂停服务。",
        "en": "Window {window} is paused.",
    },
    # The reason a ticket held by a one-time notice is recorded with
    "hold_reason.notice": {"zh": "一次性告知 {serial}", "en": "one-time notice {serial}"},
    # ``yimen demo``: the simulated morning, told as it happens
    "demo.head": {
        "zh": "示范服务中心 · {day} 上午（模拟）· 数据库 {url}",
        "en": "Demo hall · morning of {day} (simulated) · database {url}",
    },
    "demo.summary": {
        "zh": "共取号 {issued} 张（绿色通道 {green} 张），拒绝 {refused} 次；"
        "办结 {done} 件，过号 {no_shows} 次，挂起 {held} 次，转移 {transferred} 次；"
        "11:30 仍有 {still_waiting} 人等候。"
        "等候时间：平均 {mean:.1f} 分钟，最长 {longest:.1f} 分钟。",
        "en": "Issued {issued} tickets ({green} green channel), refused {refused}; "
        "done {done}, no-shows {no_shows}, holds {held}, transfers {transferred}; "
        "{still_waiting} still waiting at 11:30. "
        "Wait: mean {mean:.1f} min, longest {longest:.1f} min.",
    },
    "demo.refused": {"zh": "取号被拒绝：{problem}", "en": "refused: {problem}"},
    "demo.ticket": {
        "zh": "取号 {number}{mark} {service}，前面 {ahead} 人，预计 {minutes} 分钟",
        "en": "ticket {number}{mark} {service}, {ahead} ahead, ~{minutes} min",
    },
    "demo.green_mark": {"zh": "【绿色通道】", "en": " [green channel]"},
    "demo.signed_in": {
        "zh": "{name} 在 {window} 号窗口登录{post}",
        "en": "{name} signed in at window {window}{post}",
    },
    "demo.post": {"zh": "（{post}岗）", "en": " ({post} post)"},
    "demo.call": {"zh": "请{number}号到{window}号窗口办理", "en": "{number} to window {window}"},
    "demo.recall": {
        "zh": "重呼：请{number}号到{window}号窗口办理",
        "en": "recall {number} to window {window}",
    },
    "demo.no_show": {"zh": "{number} 过号", "en": "{number} did not come"},
    "demo.finished": {
        "zh": "{window}号窗口办结 {number}",
        "en": "window {window} finished {number}",
    },
    "demo.held": {
        "zh": "{number} 缺材料，挂起（回去取材料，回来后优先办理）",
        "en": "{number} on hold: fetching a missing document",
    },
    "demo.returned": {
        "zh": "{number} 取回材料，优先排在队首",
        "en": "{number} is back, ahead of the line",
    },
    "demo.transferred": {
        "zh": "{number} 转至“{service}”，保留原排队位置",
        "en": "{number} transferred to '{service}', keeping its place",
    },
    "demo.hold_reason": {"zh": "缺少营业执照复印件", "en": "Copy of the business licence missing"},
    "demo.transfer_reason": {"zh": "首问负责，转办", "en": "First contact takes charge: passed on"},
    # ``yimen demo``: the stations it opens, or the files it leaves (--headless)
    "demo.hall": {"zh": "示范服务中心 · 数据库 {url}", "en": "Demo hall · database {url}"},
    "demo.hall_at": {
        "zh": "示范服务中心 · 数据库 {url} · 演示时间 {now}",
        "en": "Demo hall · database {url} · demo time {now}",
    },
    "demo.opened.moment": {
        "zh": "演示时间：{now}（服务中心当前不取号）",
        "en": "Demo time: {now} (the hall does not issue tickets right now)",
    },
    "demo.opened.kiosk": {
        "zh": "取号机已打开，取号单（PDF）存入 {folder}。",
        "en": "The kiosk is open; its slips (PDF) are saved in {folder}.",
    },
    "demo.opened.display": {
        "zh": "大厅综合屏已打开（1280×720 窗口）。",
        "en": "The lobby display is open (a 1280×720 window).",
    },
    "demo.opened.consoles": {
        "zh": "{count} 个窗口的叫号终端已打开：以窗口的工号登录，密码 demo1234（{consoles}），"
        "F1 呼叫下一位。",
        "en": "{count} clerk consoles are open, one per staffed window: sign in with the "
        "window's clerk code and the password demo1234 ({consoles}); F1 calls the next number.",
    },
    "demo.opened.console": {"zh": "{window}号窗口 {clerk}", "en": "window {window}: {clerk}"},
    "demo.opened.terminal": {
        "zh": "也可以在终端里叫号：",
        "en": "Numbers can be called from a terminal too:",
    },
    "demo.files.kiosk": {
        "zh": "取号机的每个画面（PNG）与取号单（PDF）：",
        "en": "Every screen of the kiosk (PNG) and the slips (PDF):",
    },
    "demo.files.calls": {
        "zh": "窗口叫号，叫号语音（WAV）：",
        "en": "Windows calling numbers, and the calls as heard (WAV):",
    },
    "demo.files.consoles": {
        "zh": "每个有工作人员的窗口一台叫号终端，用键盘办理模拟的次日上午（PNG）：",
        "en": "A clerk's console for each staffed window, working a simulated next morning "
        "from the keyboard (PNG):",
    },
    "demo.files.displays": {
        "zh": "大厅综合屏与窗口屏，上午结束时（PNG）：",
        "en": "The lobby display and the window screens at the end of the morning (PNG):",
    },
    "demo.files.done": {"zh": "完成。打开 {out} 查看。", "en": "Done. Open {out} to see them."},
}
