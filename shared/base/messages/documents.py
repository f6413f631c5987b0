"""The printed and exported documents: the ticket slip, the one-time notice, the daily notice
and the month's report, the CSV files."""

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
    "documents.slip.wait.range": {
        "zh": "前面还有 {ahead} 人，预计等候约 {low}–{high} 分钟",
        "en": "{ahead} ahead of you; about {low}–{high} min to wait",
    },
    "documents.slip.wait.not_today": {
        "zh": "前面还有 {ahead} 人，今天可能轮不到，建议改日或网上预约",
        "en": "{ahead} ahead of you; you may not be reached today (another day or an appointment?)",
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
    # The daily notice, the ranking and the month's report (PDF and CSV)
    "documents.report.title.day": {
        "zh": "{year}年{month}月{day}日 每日通报",
        "en": "Daily notice, {year}-{month:02d}-{day:02d}",
    },
    "documents.report.title.week": {
        "zh": "{year}年第{week}周 周报",
        "en": "Weekly report, week {week} of {year}",
    },
    "documents.report.title.month": {
        "zh": "{year}年{month}月 月度报告",
        "en": "Monthly report, {year}-{month:02d}",
    },
    "documents.report.title.range": {
        "zh": "{first} 至 {last} 统计报告",
        "en": "Report, {first} to {last}",
    },
    "documents.report.heading": {"zh": "{hall} · {title}", "en": "{hall} · {title}"},
    # How the language's lines break in the PDF: between any two characters (CJK), or
    # between words
    "documents.report.wrap": {"zh": "CJK", "en": "words"},
    "documents.report.range.day": {
        "zh": "统计日期：{first}（{weekday}）",
        "en": "Day: {first} ({weekday})",
    },
    "documents.report.range.days": {
        "zh": "统计范围：{first} 至 {last}，共 {days} 天",
        "en": "Range: {first} to {last}, {days} days",
    },
    "documents.report.as_at": {"zh": "数据截至 {at}", "en": "Figures as at {at}"},
    "documents.report.page_of": {
        "zh": "第 {page} 页 / 共 {pages} 页",
        "en": "Page {page} of {pages}",
    },
    "documents.report.section.summary": {"zh": "全中心概况", "en": "The hall at a glance"},
    "documents.report.section.ranking.window": {"zh": "窗口排名", "en": "Ranking of the windows"},
    "documents.report.section.ranking.clerk": {
        "zh": "工作人员排名",
        "en": "Ranking of the clerks",
    },
    "documents.report.section.figures.window": {"zh": "各窗口数据", "en": "Figures per window"},
    "documents.report.section.figures.clerk": {
        "zh": "各工作人员数据",
        "en": "Figures per clerk",
    },
    "documents.report.section.figures.service": {
        "zh": "各事项数据",
        "en": "Figures per service",
    },
    "documents.report.section.charts": {"zh": "图表", "en": "Charts"},
    "documents.report.section.notes": {"zh": "说明", "en": "Notes"},
    "documents.report.section.definitions": {
        "zh": "各项数据的含义",
        "en": "What each figure means",
    },
    "documents.report.section.formula": {"zh": "排名的计算方法", "en": "How the ranking is made"},
    "documents.report.part.work": {"zh": "办件与时长", "en": "Tickets and times"},
    "documents.report.part.other": {
        "zh": "评价、岗位与其他",
        "en": "Reviews, posts and the rest",
    },
    "documents.report.minutes_note": {
        "zh": "时长单位为分钟；“—”表示本期没有可计算的票。",
        "en": "Times in minutes; '—' where no ticket of the range gives one.",
    },
    "documents.report.not_applicable": {
        "zh": "空岗只计入窗口；AB岗交接与离岗计入窗口和人员，不计入事项。",
        "en": "Empty posts count for windows only; hand-overs and time away for windows "
        "and clerks, not services.",
    },
    # The units, their words and the hall's row
    "documents.report.window": {"zh": "{number}号窗口", "en": "Window {number}"},
    "documents.report.clerk": {"zh": "{name}（{code}）", "en": "{name} ({code})"},
    "documents.report.hall_row": {"zh": "全中心", "en": "Whole hall"},
    "documents.report.key.window": {"zh": "窗口", "en": "Window"},
    "documents.report.key.clerk": {"zh": "工号", "en": "Code"},
    "documents.report.key.service": {"zh": "事项编号", "en": "Code"},
    "documents.report.key.hall": {"zh": "中心代码", "en": "Hall"},
    "documents.report.name.window": {"zh": "窗口名称", "en": "Window's name"},
    "documents.report.name.clerk": {"zh": "姓名", "en": "Name"},
    "documents.report.name.service": {"zh": "事项名称", "en": "Service"},
    "documents.report.name.hall": {"zh": "中心名称", "en": "Hall's name"},
    # Each figure's short name: a table's head, and with its unit a CSV column's
    "documents.report.head.served": {"zh": "办结", "en": "Served"},
    "documents.report.head.handled": {"zh": "经手", "en": "Handled"},
    "documents.report.head.wait_mean": {"zh": "平均等候", "en": "Mean wait"},
    "documents.report.head.wait_p90": {"zh": "90%等候", "en": "P90 wait"},
    "documents.report.head.handling_mean": {"zh": "平均办理", "en": "Mean handling"},
    "documents.report.head.handling_p90": {"zh": "90%办理", "en": "P90 handling"},
    "documents.report.head.no_shows": {"zh": "过号", "en": "No-shows"},
    "documents.report.head.transfers": {"zh": "转移", "en": "Transfers"},
    "documents.report.head.holds": {"zh": "挂起", "en": "Holds"},
    "documents.report.head.call_backs": {"zh": "回呼", "en": "Call-backs"},
    "documents.report.head.reviews": {"zh": "评价", "en": "Reviews"},
    "documents.report.head.satisfaction": {"zh": "满意率", "en": "Satisfaction"},
    "documents.report.head.bad": {"zh": "差评", "en": "Bad"},
    "documents.report.head.bad_open": {"zh": "未结整改", "en": "Open cases"},
    "documents.report.head.handovers": {"zh": "AB岗交接", "en": "Hand-overs"},
    "documents.report.head.away_minutes": {"zh": "离岗分钟", "en": "Min away"},
    "documents.report.head.empty_post_minutes": {"zh": "空岗分钟", "en": "Empty post min"},
    "documents.report.head.extended": {"zh": "延时服务", "en": "Extended"},
    "documents.report.head.extended_minutes": {"zh": "延时分钟", "en": "Extended min"},
    "documents.report.head.notices": {"zh": "一次性告知", "en": "Notices"},
    "documents.report.head.noon_gap_days": {"zh": "午间缺岗天数", "en": "Noon gap days"},
    "documents.report.head.noon_gap_minutes": {"zh": "午间缺岗分钟", "en": "Noon gap min"},
    "documents.report.head.credit": {
        "zh": "工作量积分（标准分钟）",
        "en": "Work credit (standard min)",
    },
    "documents.report.col.minutes": {"zh": "{label}（分钟）", "en": "{label} (min)"},
    "documents.report.col.percent": {"zh": "{label}（%）", "en": "{label} (%)"},
    "documents.report.col.level": {"zh": "{level}（条）", "en": "{level} (reviews)"},
    # The hall at a glance: a figure's value with its unit
    "documents.report.sum.served": {"zh": "{count} 件", "en": "{count}"},
    "documents.report.sum.times": {
        "zh": "平均 {mean}，90% {p90} 分钟",
        "en": "mean {mean}, P90 {p90} min",
    },
    "documents.report.sum.events": {
        "zh": "过号 {no_shows}、转移 {transfers}、挂起 {holds}、回呼 {call_backs}",
        "en": "no-shows {no_shows}, transfers {transfers}, holds {holds}, call-backs {call_backs}",
    },
    "documents.report.sum.reviews": {
        "zh": "{count} 条，满意率 {rate}",
        "en": "{count}, {rate} satisfied",
    },
    "documents.report.sum.bad": {
        "zh": "{count} 条，整改未结 {open} 件",
        "en": "{count}, open cases {open}",
    },
    "documents.report.sum.posts": {
        "zh": "交接 {count} 次，离岗 {minutes} 分钟",
        "en": "hand-overs {count}, away {minutes} min",
    },
    "documents.report.sum.minutes": {"zh": "{minutes} 分钟", "en": "{minutes} min"},
    "documents.report.sum.noon": {
        "zh": "{days} 天，共 {minutes} 分钟",
        "en": "days {days}, {minutes} min in all",
    },
    "documents.report.sum.extended": {
        "zh": "{count} 件，共 {minutes} 分钟",
        "en": "services {count}, {minutes} min past closing",
    },
    "documents.report.sum.notices": {"zh": "{count} 份", "en": "{count}"},
    "documents.report.label.served": {"zh": "办结", "en": "Served"},
    "documents.report.label.wait": {"zh": "等候时长", "en": "Wait"},
    "documents.report.label.handling": {"zh": "办理时长", "en": "Handling"},
    "documents.report.label.events": {"zh": "操作", "en": "At the windows"},
    "documents.report.label.reviews": {"zh": "评价", "en": "Reviews"},
    "documents.report.label.bad": {"zh": "差评", "en": "Bad reviews"},
    "documents.report.label.posts": {"zh": "AB岗", "en": "AB posts"},
    "documents.report.label.empty_posts": {"zh": "空岗", "en": "Empty posts"},
    "documents.report.label.noon": {"zh": "午间值班缺口", "en": "Noon duty gaps"},
    "documents.report.label.extended": {"zh": "延时服务", "en": "Extended hours"},
    "documents.report.label.notices": {"zh": "一次性告知", "en": "One-time notices"},
    # The ranking
    "documents.report.rank.place": {"zh": "名次", "en": "Place"},
    "documents.report.rank.score": {"zh": "得分", "en": "Score"},
    "documents.report.rank.work": {"zh": "工作量 0–{points}", "en": "Work 0–{points}"},
    "documents.report.rank.satisfaction": {
        "zh": "满意度 0–{points}",
        "en": "Satisfaction 0–{points}",
    },
    "documents.report.rank.penalty": {"zh": "扣分", "en": "Penalty"},
    "documents.report.rank.mark": {"zh": "标记", "en": "Mark"},
    "documents.report.rank.last": {"zh": "▼ 末三位", "en": "▼ Last three"},
    "documents.report.rank.third_running": {
        "zh": "▼▼ 连续第三天末三位，约谈",
        "en": "▼▼ Last three for the third day running: to be talked to (约谈)",
    },
    "documents.report.rank.minimum": {
        "zh": "平均每个工作日经手不少于 {per_day} 件的参加排名（本期须经手 {minimum} 件）。",
        "en": "Ranked: those who handled at least {per_day} tickets a business day on "
        "average ({minimum} in this range).",
    },
    "documents.report.rank.nobody": {
        "zh": "本期没有达到排名所需办件量的{units}。",
        "en": "No {units} handled enough tickets to be ranked.",
    },
    "documents.report.rank.units.window": {"zh": "窗口", "en": "window"},
    "documents.report.rank.units.clerk": {"zh": "工作人员", "en": "clerk"},
    "documents.report.rank.unranked": {
        "zh": "未参加排名（经手少于所需的 {minimum} 件）：{units}",
        "en": "Not ranked (handled fewer than the {minimum} a place needs): {units}",
    },
    "documents.report.rank.unranked_unit": {
        "zh": "{name} {handled} 件",
        "en": "{name}: {handled}",
    },
    "documents.report.rank.idle": {
        "zh": "本期没有经手任何票：{names}",
        "en": "No ticket handled in the range: {names}",
    },
    "documents.report.rank.streak_daily": {
        "zh": "“连续第三天末三位”只在每日通报中标出。",
        "en": "The third day running is marked in the daily notice only.",
    },
    # The charts
    "documents.report.chart.served": {
        "zh": "各窗口办结量（件）",
        "en": "Tickets served per window",
    },
    "documents.report.chart.satisfaction": {
        "zh": "各窗口满意率（%，无评价的窗口不画柱）",
        "en": "Satisfaction per window (%; no bar where there was no review)",
    },
    "documents.report.chart.wait_by_hour": {
        "zh": "各时段平均等候（分钟，按取号时刻；柱上为票数）",
        "en": "Mean wait by the hour of issue (minutes; the number of tickets on each bar)",
    },
    "documents.report.chart.hour": {"zh": "{hour}时", "en": "{hour}:00"},
    "documents.report.chart.none": {
        "zh": "本期没有可画的数据。",
        "en": "Nothing to draw for this range.",
    },
    # The notes: each figure's definition (shared.rules.figures) and the ranking's formula
    "documents.report.def.served": {
        "zh": "办结：本期的票中办理完毕（状态为已办结）的件数；计入办结它的窗口和工作人员，"
        "以及办结时所属的事项。",
        "en": "Served (办结): the range's tickets finished (state done); counted for the "
        "window and the clerk that finished them and for the service they were finished as.",
    },
    "documents.report.def.wait": {
        "zh": "等候时长：本期至少被叫过一次的票，从取号到第一次叫号的分钟数；给出平均值和第 90 "
        "百分位数（90% 的票等候不长于此）；计入第一次叫号的窗口和工作人员，以及取号时的事项。",
        "en": "Wait (等候时长): minutes from a ticket's issue to its first call, for the "
        "range's tickets called at least once; mean and 90th percentile (90 % of the tickets "
        "waited no longer); counted for the window and clerk of that first call and for the "
        "service the ticket was issued for.",
    },
    "documents.report.def.handling": {
        "zh": "办理时长：已办结的票，从最后一次开始办理到办结的分钟数；平均值和第 90 百分位数。",
        "en": "Handling (办理时长): minutes from the last start to the finish of the served "
        "tickets; mean and 90th percentile.",
    },
    "documents.report.def.events": {
        "zh": "过号、转移、挂起、回呼：本期内每种操作的次数，计入做这项操作的窗口和工作人员，"
        "以及票当时所属的事项；转移计入转出的事项。",
        "en": "No-shows, transfers, holds, call-backs (过号、转移、挂起、回呼): the range's "
        "events of each kind, for the window and clerk that did them and the ticket's "
        "service at the time (a transfer, the service it was taken off).",
    },
    "documents.report.def.reviews": {
        "zh": "好差评：本期的票所得评价，按五个等级计数；满意率 = 满意及以上的评价 ÷ 全部评价，"
        "以百分比表示；差评：不满意及以下，以及其中整改件仍未办结的件数。",
        "en": "Reviews (好差评): the ratings of the range's tickets by level; satisfaction is "
        "满意 (satisfied) or better ÷ all, in percent; bad: 不满意 (dissatisfied) or worse, "
        "and how many of their cases are still open.",
    },
    "documents.report.def.posts": {
        "zh": "AB岗交接、离岗分钟：岗位人员在本期内离岗（交接给 B 岗，或 B 岗顶岗）的次数，"
        "以及在本期内离岗的分钟数（不区分是否在办公时间内）；计入离岗的人员和窗口。",
        "en": "Hand-overs and minutes away (AB岗): a post holder's departures in the range "
        "(handed over, or B stepped in) and their minutes away within it (open hours not "
        "distinguished), for the clerk who left and the window.",
    },
    "documents.report.def.empty_posts": {
        "zh": "空岗：本期记录的空岗（窗口无人超过规定时长）的分钟数，计入窗口。",
        "en": "Empty-post minutes (空岗): the empty posts recorded in the range (a window "
        "left without a clerk past the hall's limit), for the window.",
    },
    "documents.report.def.extended": {
        "zh": "延时服务：本期过了下班时间才办结的服务，件数及超过下班时间的分钟数。",
        "en": "Extended services (延时服务): the range's services finished past closing, "
        "their count and their minutes past closing.",
    },
    "documents.report.def.notices": {
        "zh": "一次性告知：本期开出的一次性告知单份数。",
        "en": "Notices (一次性告知): the one-time notices given in the range.",
    },
    "documents.report.def.noon": {
        "zh": "午间值班缺口（仅全中心）：本期内有功能区午间无人值班的天数，以及这些缺口的分钟数。",
        "en": "Noon gaps (午间值班, the hall only): the range's days with a zone left without "
        "its noon duty, and the minutes of those gaps.",
    },
    "documents.report.formula.work": {
        "zh": "工作量（0–{work} 分）：本单位的工作量积分 ÷ 参加排名者中最高的积分 × {work}。"
        "积分是所办结各件的标准办理分钟数（事项设定的办理时长：难办的事项比快办的分值高）之和，"
        "每过号、转移或挂起一件，减去该件标准分钟数的一半：推走一件，得分永远比不上办好它，"
        "而且还要扣分。",
        "en": "Work (0–{work}): the unit's credit ÷ the best credit among the ranked × "
        "{work}. The credit is the sum of the served tickets' standard handling minutes (the "
        "service's handling time: a hard matter is worth more than a quick one), less half a "
        "ticket's standard minutes for each no-show, transfer or hold: dropping a case never "
        "earns what serving it would, and costs besides.",
    },
    "documents.report.formula.satisfaction": {
        "zh": "满意度（0–{satisfaction} 分）：本单位的满意率 × {satisfaction}；"
        "本单位没有评价时，按全中心的满意率计。",
        "en": "Satisfaction (0–{satisfaction}): the unit's satisfaction rate × "
        "{satisfaction} (the hall's rate when the unit has no reviews).",
    },
    "documents.report.formula.penalty": {
        "zh": "扣分：每条差评扣 {bad} 分，空岗每 10 分钟扣 {empty} 分。",
        "en": "Penalty: {bad} points per bad review and {empty} point per 10 minutes of "
        "empty post.",
    },
    "documents.report.formula.bounds": {
        "zh": "得分 = 工作量 + 满意度 − 扣分，在 0 到 100 之间。平均每个工作日经手"
        "（办结、过号、转移、挂起）少于 {minimum} 件的，列出但不排名。",
        "en": "Score = work + satisfaction − penalty, between 0 and 100. Units that handled "
        "(served, no-shows, transfers, holds) fewer than {minimum} tickets a business day on "
        "average are listed but not ranked.",
    },
    "documents.report.formula.last": {
        "zh": "参加排名的多于 {last} 个时，得分最低的 {last} 个标“▼ 末三位”；每日通报中，"
        "当天和前两个工作日都在末三位的，标“▼▼ 连续第三天末三位，约谈”。",
        "en": "When more than {last} are ranked, the lowest {last} are marked '▼ Last three'; "
        "in the daily notice, those among them on the two business days before as well are "
        "marked '▼▼ third day running' (约谈: to be talked to).",
    },
}
