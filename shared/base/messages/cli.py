"""The ``yimen`` command's own sentences (its refusals come from `refusals`).

Codes read ``cli.<command or topic>.<what>``. Where English says one thing and several
differently ("1 review", "2 reviews"), a sentence has two codes, ``….one`` and ``….other``,
each with the number as its blank ``count``. Where one language leaves out a part the other
says, its sentence still names the blank, as ``{name!s:.0}`` (which prints nothing), so that
both languages take the same parameters.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # Said by every command
    "cli.internal_error": {
        "zh": "程序内部错误，详情已记录到 {path}",
        "en": "Internal error; details were logged to {path}",
    },
    "cli.password.prompt": {"zh": "密码：", "en": "Password: "},
    # Shown before a language is chosen: both sentences, one after the other
    "cli.day.bad": {"zh": "日期应写成 YYYY-MM-DD，例如 2026-11-24", "en": "a date: YYYY-MM-DD"},
    # The end of a span of time that has not ended
    "cli.span.now": {"zh": "至今", "en": "now"},
    # Numbers and names in a list: the command lists them with 、 in both languages
    "cli.list.sep": {"zh": "、", "en": "、"},
    # A month's name
    "cli.month.1": {"zh": "1月份", "en": "January"},
    "cli.month.2": {"zh": "2月份", "en": "February"},
    "cli.month.3": {"zh": "3月份", "en": "March"},
    "cli.month.4": {"zh": "4月份", "en": "April"},
    "cli.month.5": {"zh": "5月份", "en": "May"},
    "cli.month.6": {"zh": "6月份", "en": "June"},
    "cli.month.7": {"zh": "7月份", "en": "July"},
    "cli.month.8": {"zh": "8月份", "en": "August"},
    "cli.month.9": {"zh": "9月份", "en": "September"},
    "cli.month.10": {"zh": "10月份", "en": "October"},
    "cli.month.11": {"zh": "11月份", "en": "November"},
    "cli.month.12": {"zh": "12月份", "en": "December"},
    # yimen simulate
    "cli.simulate.day": {
        "zh": "{day} {weekday}：取号 {issued}，办结 {served}，过号 {no_shows}，评价 {reviews}，"
        "用时 {seconds:.1f} 秒",
        "en": "{day} {weekday}: {issued} issued, {served} served, {no_shows} no-shows, "
        "{reviews} reviews, {seconds:.1f} s",
    },
    "cli.simulate.copied": {
        "zh": "{day} {weekday}：照 {source} 批量写入，取号 {issued}，用时 {seconds:.1f} 秒",
        "en": "{day} {weekday}: written in bulk as {source}, {issued} issued, {seconds:.1f} s",
    },
    "cli.simulate.done.one": {
        "zh": "模拟了 {count} 个开放日（{first} 至 {last}，种子 {seed}）：取号 {issued}，"
        "办结 {served}，过号 {no_shows}，未办结 {expired}，评价 {reviews}（差评 {bad}），"
        "延时服务 {extended} 件，AB岗交接 {hand_overs} 次。",
        "en": "Simulated {count} open day ({first} to {last}, seed {seed}): {issued} tickets "
        "issued, {served} served, {no_shows} no-shows, {expired} expired, {reviews} reviews "
        "({bad} bad), {extended} extended services, {hand_overs} AB hand-overs.",
    },
    "cli.simulate.done.other": {
        "zh": "模拟了 {count} 个开放日（{first} 至 {last}，种子 {seed}）：取号 {issued}，"
        "办结 {served}，过号 {no_shows}，未办结 {expired}，评价 {reviews}（差评 {bad}），"
        "延时服务 {extended} 件，AB岗交接 {hand_overs} 次。",
        "en": "Simulated {count} open days ({first} to {last}, seed {seed}): {issued} tickets "
        "issued, {served} served, {no_shows} no-shows, {expired} expired, {reviews} reviews "
        "({bad} bad), {extended} extended services, {hand_overs} AB hand-overs.",
    },
    "cli.simulate.speed": {
        "zh": "核心操作 {operations} 次，每天平均用时 {seconds:.1f} 秒。",
        "en": "{operations} operations of the core, {seconds:.1f} s a day on average.",
    },
    "cli.simulate.password_needed": {
        "zh": "服务中心 {hall} 的工作人员密码未知：请用 --password 给出（所有工作人员用同一个），"
        "或用 --config 给出写有初始密码的配置文件。",
        "en": "The passwords of hall {hall}'s clerks are unknown: give one for them all with "
        "--password, or the configuration file with their initial passwords with --config.",
    },
    "cli.simulate.no_windows": {
        "zh": "服务中心 {hall} 没有可登录的 A 岗工作人员：模拟的工作人员在各自 A 岗的窗口登录，"
        "请先设好 AB 岗。",
        "en": "Hall {hall} has no A-post clerk who can sign in: the simulated clerks sign in at "
        "the windows of their A posts; set the AB posts first.",
    },
    "cli.simulate.has_tickets": {
        "zh": "服务中心 {hall} 在 {day} 已有号票：模拟只写入还没有号票的日子，"
        "请换一个新的数据库，或用 --from 选 {day} 之后的日期。",
        "en": "Hall {hall} already has tickets on {day}: a simulation writes only days without "
        "tickets; use a fresh database, or --from a day after {day}.",
    },
    "cli.simulate.no_supervisor": {
        "zh": "没有管理人员的密码：差评整改件不作模拟办理。",
        "en": "No supervisor's password is known: the bad-review cases are left unworked.",
    },
    "cli.simulate.positive": {"zh": "应为大于 0 的数", "en": "a number above 0"},
    # yimen init
    "cli.init.done": {
        "zh": "{verb}服务中心 {hall}：{zones} 个功能区，{services} 个事项，{windows} 个窗口，"
        "{clerks} 名工作人员，{posts} 个AB岗。",
        "en": "{verb} hall {hall}: {zones} zones, {services} services, {windows} windows, "
        "{clerks} clerks, {posts} AB posts.",
    },
    "cli.init.created": {"zh": "已创建", "en": "Created"},
    "cli.init.updated": {"zh": "已更新", "en": "Updated"},
    "cli.init.changes.one": {
        "zh": "与载入前相比改动了 {count} 项设置，已记录（yimen settings log 可查看）。",
        "en": "{count} setting changed from before; recorded (see yimen settings log).",
    },
    "cli.init.changes.other": {
        "zh": "与载入前相比改动了 {count} 项设置，已记录（yimen settings log 可查看）。",
        "en": "{count} settings changed from before; recorded (see yimen settings log).",
    },
    # yimen ticket, and a ticket at a window
    "cli.ticket.reprint": {"zh": "（补打）", "en": " (reprint)"},
    "cli.ticket.service": {"zh": "事项：{service}", "en": "Service: {service}"},
    "cli.ticket.ahead": {
        "zh": "前面还有 {ahead} 人，预计等候{wait}",
        "en": "{ahead} ahead, wait {wait}",
    },
    "cli.ticket.wait": {"zh": "约 {minutes} 分钟", "en": "about {minutes} min"},
    "cli.ticket.wait_range": {"zh": "约 {low}–{high} 分钟", "en": "about {low}–{high} min"},
    "cli.ticket.wait_not_today": {
        "zh": "今天可能轮不到",
        "en": "likely not reached today",
    },
    "cli.ticket.wait_unknown": {"zh": "暂无法估计", "en": "unknown"},
    "cli.ticket.windows": {"zh": "受理窗口：{windows}", "en": "Windows: {windows}"},
    "cli.ticket.review_code": {"zh": "评价码：{code}", "en": "Review code: {code}"},
    "cli.ticket.go_to_window": {
        "zh": "请{number}号到{window}号窗口办理（{service}）",
        "en": "Ticket {number}, please go to window {window} ({service})",
    },
    # yimen call
    "cli.call.nobody_waiting": {
        "zh": "{window}号窗口：当前没有等候的号码。",
        "en": "Window {window}: nobody waiting.",
    },
    # yimen status
    "cli.status.hall": {"zh": "{name}（{code}）", "en": "{name}（{code}）"},
    "cli.status.services": {"zh": "事项：", "en": "Services:"},
    "cli.status.service": {
        "zh": "  {code:<8} {prefix}  等候 {waiting:>3}  {name}",
        "en": "  {code:<8} {prefix}  waiting {waiting:>3}  {name}",
    },
    "cli.status.windows": {"zh": "窗口：", "en": "Windows:"},
    "cli.status.clerk": {"zh": "{name}（{code}）", "en": "{name}（{code}）"},
    "cli.status.nobody": {"zh": "无人", "en": "nobody"},
    "cli.status.paused": {"zh": " · 暂停", "en": " · paused"},
    "cli.status.zone_services": {
        "zh": "{zone_name}{zone_code!s:.0}全部事项",
        "en": "every {zone_code}{zone_name!s:.0} service",
    },
    "cli.status.hall_services": {"zh": "全厅事项", "en": "every service of the hall"},
    "cli.status.no_tickets": {"zh": "不取号", "en": "no tickets"},
    # yimen watch
    "cli.watch.start": {
        "zh": "正在监听事件，按 Ctrl-C 结束。",
        "en": "Watching events; Ctrl-C ends.",
    },
    "cli.watch.connection_lost": {
        "zh": "连接中断，正在重连…",
        "en": "connection lost, reconnecting…",
    },
    "cli.watch.connection_restored": {"zh": "连接已恢复", "en": "connection restored"},
    "cli.watch.window": {"zh": "{window}号窗口", "en": "window {window}"},
    "cli.watch.clerk": {"zh": "工号{clerk}", "en": "clerk {clerk}"},
    "cli.watch.kiosk": {"zh": "取号机{kiosk}", "en": "kiosk {kiosk}"},
    "cli.watch.reason": {"zh": "（{reason}）", "en": "({reason})"},
    # An event of the feed, by its kind
    "cli.event.issued": {"zh": "取号", "en": "issued"},
    "cli.event.reprinted": {"zh": "补打", "en": "reprinted"},
    "cli.event.called": {"zh": "呼叫", "en": "called"},
    "cli.event.recalled": {"zh": "重呼", "en": "recalled"},
    "cli.event.called_back": {"zh": "回呼", "en": "called back"},
    "cli.event.started": {"zh": "开始办理", "en": "started"},
    "cli.event.finished": {"zh": "办结", "en": "finished"},
    "cli.event.no_show": {"zh": "过号", "en": "no-show"},
    "cli.event.requeued": {"zh": "重新排队", "en": "back in line"},
    "cli.event.held": {"zh": "挂起", "en": "held"},
    "cli.event.returned": {"zh": "挂起返回", "en": "back from hold"},
    "cli.event.transferred": {"zh": "转移", "en": "transferred"},
    "cli.event.expired": {"zh": "过期未办结", "en": "expired"},
    "cli.event.paused": {"zh": "窗口暂停", "en": "window paused"},
    "cli.event.resumed": {"zh": "窗口恢复", "en": "window resumed"},
    "cli.event.help_requested": {"zh": "取号机求助", "en": "help requested"},
    "cli.event.help_acknowledged": {"zh": "求助已响应", "en": "help answered"},
    "cli.event.printer_fault": {"zh": "打印机故障", "en": "printer fault"},
    "cli.event.noon_uncovered": {"zh": "午间值班无人接续", "en": "noon duty left uncovered"},
    "cli.event.empty_post": {"zh": "空岗", "en": "empty post"},
    "cli.event.notice_given": {"zh": "一次性告知", "en": "one-time notice"},
    "cli.event.notice_reprinted": {"zh": "补打告知单", "en": "notice reprinted"},
    "cli.event.extended_marked": {"zh": "说明延时原因", "en": "extended hours: reason given"},
    "cli.event.extended_service": {"zh": "延时服务", "en": "extended service"},
    "cli.event.extended_declined": {"zh": "不予延时服务", "en": "extended service declined"},
    "cli.event.decline_decided": {"zh": "不予延时审批", "en": "decline decided"},
    # yimen help-requests
    "cli.help_requests.request": {
        "zh": "{at:%H:%M:%S}  取号机 {kiosk} 求助",
        "en": "{at:%H:%M:%S}  kiosk {kiosk}",
    },
    "cli.help_requests.answered": {
        "zh": "，{at:%H:%M:%S} 工号 {clerk} 已响应",
        "en": ", answered {at:%H:%M:%S} by clerk {clerk}",
    },
    "cli.help_requests.none": {"zh": "目前没有待处理的求助。", "en": "No help requests waiting."},
    # yimen appointment
    "cli.appointment.booked": {
        "zh": "预约码 {code}：{service}，{day} {start:%H:%M}–{end:%H:%M}",
        "en": "Appointment {code}: {service}, {day} {start:%H:%M}–{end:%H:%M}",
    },
    "cli.appointment.progress": {"zh": "已处理 {done} 行…", "en": "{done} rows done…"},
    "cli.appointment.imported": {
        "zh": "共 {rows} 行：预约成功 {booked} 行，未能预约 {refused} 行。",
        "en": "{rows} rows: {booked} booked, {refused} refused.",
    },
    "cli.appointment.refused_row": {
        "zh": "  第 {line} 行：{reason}",
        "en": "  line {line}: {reason}",
    },
    # yimen sign-in, sign-out
    "cli.sign_in.done": {
        "zh": "{name}（工号 {clerk}）已在 {window} 号窗口登录{post}。",
        "en": "{name} (clerk {clerk}) signed in at window {window}{post}.",
    },
    "cli.sign_in.post": {"zh": "（{post}岗）", "en": " ({post} post)"},
    "cli.sign_in.ticket_in_hand": {
        "zh": "窗口仍有 {number} 号在办理。",
        "en": "Ticket {number} is still in hand at the window.",
    },
    "cli.sign_out.done": {
        "zh": "工号 {clerk} 已从 {window} 号窗口退出。",
        "en": "Clerk {clerk} signed out of window {window}.",
    },
    # yimen hand-over, step-in, hand-back
    "cli.hand_over.to_b": {
        "zh": "{window} 号窗口已由工号 {from_clerk} 交给 B 岗 {to_clerk}（{why}）。",
        "en": "Window {window} handed over by {from_clerk} to B post {to_clerk} ({why}).",
    },
    "cli.hand_over.left": {
        "zh": "工号 {from_clerk} 已离岗（{why}），{window} 号窗口等 B 岗登录接替。",
        "en": "{from_clerk} left ({why}); window {window} waits for its B post to sign in.",
    },
    "cli.hand_over.ticket": {
        "zh": "{number} 号随窗口交给 B 岗继续办理。",
        "en": "Ticket {number} moved with the window.",
    },
    "cli.step_in.done": {
        "zh": "B 岗 {to_clerk} 已顶岗 {window} 号窗口（A 岗 {from_clerk} 未交接）。",
        "en": "B post {to_clerk} stepped in at window {window} (A {from_clerk} left without "
        "handing over).",
    },
    "cli.hand_back.done": {
        "zh": "{window} 号窗口已交还 A 岗 {to_clerk}。顶岗期间办结：{served}。",
        "en": "Window {window} given back to A post {to_clerk}. Finished while covering: {served}.",
    },
    "cli.hand_back.none": {"zh": "无", "en": "none"},
    # yimen posts
    "cli.posts.heading": {"zh": "离岗记录：", "en": "Absences:"},
    "cli.posts.nobody_away": {"zh": "没有人离岗。", "en": "Nobody is away."},
    "cli.posts.line": {
        "zh": "  {window:>3} {name}（{code}） {left} {reason}{back} · 顶岗 {cover} · {status}",
        "en": "  {window:>3} {name}（{code}） {left} {reason}{back} · covered by {cover} "
        "· {status}",
    },
    "cli.posts.back_at": {"zh": "，预计 {at:%m-%d %H:%M} 回", "en": "{at!s:.0}"},
    "cli.posts.not_covered": {"zh": "无人顶岗", "en": "not covered"},
    "cli.posts.away": {"zh": "离岗中", "en": "away"},
    "cli.posts.back": {"zh": "已回", "en": "back"},
    # yimen notice
    "cli.notice.head": {
        "zh": "一次性告知单 {serial}{again}：{number} {service}，{window}号窗口 "
        "{clerk_name}（{clerk_code}），{at:%Y-%m-%d %H:%M}",
        "en": "One-time notice {serial}{again}: {number} {service}, window {window}, "
        "{clerk_name} ({clerk_code}), {at:%Y-%m-%d %H:%M}",
    },
    "cli.notice.reprint": {"zh": "（补打）", "en": " (reprint)"},
    "cli.notice.missing": {"zh": "还需补齐（共 {count} 项）：", "en": "Still needed ({count}):"},
    "cli.notice.other": {"zh": "  {index}. 其他：{text}", "en": "  {index}. Other: {text}"},
    "cli.notice.held": {
        "zh": "{number} 号已挂起（群众取材料）；回来后到 {windows} 号任一窗口优先办理，"
        "无需重新取号。",
        "en": "Ticket {number} is held (fetching materials); on return it is served ahead of "
        "the line at any of windows {windows}, without a new ticket.",
    },
    "cli.notice.written": {
        "zh": "告知单（{paper}）已写入 {path}",
        "en": "Slip ({paper}) written to {path}",
    },
    # yimen noon
    "cli.noon.none": {
        "zh": "{day} 没有午间值班（闭厅，或当天不设午休）。",
        "en": "{day}: no noon duty (the hall is closed, or has no noon break that day).",
    },
    "cli.noon.head": {
        "zh": "{day} 午间值班 {period}，每个功能区至少 {needed} 个综合窗口照常办理（{phase}）",
        "en": "{day} noon duty {period}: at least {needed} comprehensive window(s) serving per "
        "zone ({phase})",
    },
    "cli.noon.phase.ahead": {"zh": "尚未开始", "en": "not begun"},
    "cli.noon.phase.in_progress": {"zh": "进行中", "en": "in progress"},
    "cli.noon.phase.over": {"zh": "已结束", "en": "over"},
    "cli.noon.zone": {"zh": "{name}（{code}）：{verdict}", "en": "{name} ({code}): {verdict}"},
    "cli.noon.covered": {"zh": "已保障", "en": "covered"},
    "cli.noon.not_covered": {"zh": "有空档", "en": "NOT covered"},
    "cli.noon.window": {
        "zh": "  {window}号窗口 {name}：{served}",
        "en": "  window {window} {name}: {served}",
    },
    "cli.noon.did_not_serve": {"zh": "未办理", "en": "did not serve"},
    "cli.noon.gaps": {"zh": "  空档：{gaps}", "en": "  gaps: {gaps}"},
    # yimen empty-posts
    "cli.empty_posts.head": {
        "zh": "{day} 空岗（设AB岗的窗口在开放时间内无人登录超过 {limit} 分钟，午休不计）：",
        "en": "{day} empty posts (a window with an AB post and nobody signed in for more than "
        "{limit} minutes of open hours, the noon break not counted):",
    },
    "cli.empty_posts.line": {
        "zh": "  {window}号窗口 {name}：{span}，{minutes} 分钟{mark}",
        "en": "  window {window} {name}: {span}, {minutes} min{mark}",
    },
    "cli.empty_posts.recorded": {"zh": "，已记录", "en": ", recorded"},
    "cli.empty_posts.still_nobody": {"zh": "，仍无人", "en": ", still nobody"},
    "cli.empty_posts.none": {"zh": "  没有空岗。", "en": "  None."},
    # yimen overtime
    "cli.overtime.month.one": {
        "zh": "{month}{year!s:.0}延时服务{count}件，共{minutes}分钟",
        "en": "{month} {year}: {count} extended service, {minutes} minutes in all",
    },
    "cli.overtime.month.other": {
        "zh": "{month}{year!s:.0}延时服务{count}件，共{minutes}分钟",
        "en": "{month} {year}: {count} extended services, {minutes} minutes in all",
    },
    "cli.overtime.by_window": {"zh": "按窗口：", "en": "By window:"},
    "cli.overtime.window": {
        "zh": "  {window}号窗口 {name}：{count}件，{minutes}分钟",
        "en": "  window {window} {name}: {count} ({minutes} min)",
    },
    "cli.overtime.by_clerk": {"zh": "按工作人员：", "en": "By clerk:"},
    "cli.overtime.clerk": {
        "zh": "  {name}（{clerk}）：{count}件，{minutes}分钟",
        "en": "  {name} ({clerk}): {count} ({minutes} min)",
    },
    "cli.overtime.declines": {
        "zh": "不予延时服务{count}件（待审批{waiting}件）：",
        "en": "Declined: {count} ({waiting} waiting for a decision):",
    },
    "cli.overtime.no_declines": {
        "zh": "没有待审批的不予延时服务。",
        "en": "No declined extended service waits for a decision.",
    },
    "cli.overtime.decided": {
        "zh": "不予延时服务 #{id}：{verdict}（主管工号 {clerk}）。",
        "en": "Declined extended service #{id}: {verdict} by clerk {clerk}.",
    },
    "cli.overtime.approved": {"zh": "同意", "en": "approved"},
    "cli.overtime.overruled": {"zh": "驳回", "en": "overruled"},
    # A declined extended service
    "cli.decline.who": {
        "zh": "{window}号窗口 {name}（{code}）",
        "en": "window {window} {name} ({code})",
    },
    "cli.decline.state.pending": {"zh": "待审批", "en": "pending"},
    "cli.decline.state.approved": {"zh": "主管已同意", "en": "approved"},
    "cli.decline.state.rejected": {"zh": "主管已驳回", "en": "overruled"},
    "cli.decline.decided": {
        "zh": "（工号 {clerk}，{at:%Y-%m-%d %H:%M}{note}）",
        "en": " (clerk {clerk}, {at:%Y-%m-%d %H:%M}{note})",
    },
    "cli.decline.note": {"zh": "：{note}", "en": ": {note}"},
    # A review, wherever it is shown
    "cli.review.window": {"zh": "{window}号窗口", "en": "window {window}"},
    "cli.review.no_window": {"zh": "（无窗口）", "en": "(no window)"},
    "cli.review.clerk": {"zh": " {name}（{code}）", "en": " {name} ({code})"},
    "cli.review.why": {"zh": "{rating}：{reasons}", "en": "{rating}: {reasons}"},
    # yimen cases
    "cli.cases.open": {
        "zh": "未结 {open} 件，其中超期 {late} 件",
        "en": "{open} open, {late} overdue",
    },
    "cli.cases.in_all": {"zh": "共 {count} 件；", "en": "{count} in all; "},
    "cli.cases.none_open": {"zh": "没有未结的差评整改件。", "en": "No open bad-review cases."},
    "cli.cases.none": {"zh": "还没有差评整改件。", "en": "No bad-review cases yet."},
    # yimen case: a case, in a line or in full, and its steps
    "cli.case.overdue.one": {"zh": "超期 {count} 天", "en": "{count} day overdue"},
    "cli.case.overdue.other": {"zh": "超期 {count} 天", "en": "{count} days overdue"},
    "cli.case.due_today": {"zh": "今天到期", "en": "due today"},
    "cli.case.days_left.one": {"zh": "剩 {count} 天", "en": "{count} day left"},
    "cli.case.days_left.other": {"zh": "剩 {count} 天", "en": "{count} days left"},
    "cli.case.due": {"zh": "{left}（截止 {due}）", "en": "{left} (due {due})"},
    "cli.case.closed": {"zh": "已结 {at:%Y-%m-%d}", "en": "closed {at:%Y-%m-%d}"},
    "cli.case.callback_due": {"zh": "实名，待回访", "en": "real name: callback due"},
    "cli.case.called_back": {"zh": "实名，已回访", "en": "real name: called back"},
    "cli.case.head": {
        "zh": "差评整改 #{id}：{case_state}，{when}{extended}",
        "en": "Bad-review case #{id}: {case_state}, {when}{extended}",
    },
    "cli.case.extended": {
        "zh": "，已延期 {days} 个工作日",
        "en": ", extended by {days} working days",
    },
    "cli.case.ticket": {
        "zh": "票号 {number} · {service} · {where} · {day}",
        "en": "Ticket {number} · {service} · {where} · {day}",
    },
    "cli.case.review": {
        "zh": "评价：{why}（{channel}，{at:%Y-%m-%d %H:%M}）",
        "en": "Review: {why} ({channel}, {at:%Y-%m-%d %H:%M})",
    },
    "cli.case.citizen_words": {
        "zh": "群众原话：“{text}”",
        "en": "In the citizen's words: “{text}”",
    },
    "cli.case.aspects": {"zh": "分项：{aspects}", "en": "Aspects: {aspects}"},
    "cli.case.aspect_sep": {"zh": "、", "en": ", "},
    "cli.case.real_name": {
        "zh": "实名：{contact} · {callback}",
        "en": "Real name: {contact} · {callback}",
    },
    "cli.case.callback_pending": {"zh": "待回访", "en": "callback due"},
    "cli.case.callback_done": {
        "zh": "已回访 {at:%Y-%m-%d %H:%M}：{result}",
        "en": "called back {at:%Y-%m-%d %H:%M}: {result}",
    },
    "cli.case.steps": {"zh": "步骤：", "en": "Steps:"},
    "cli.case.step_clerk": {"zh": "{name}（{code}）", "en": "{name} ({code})"},
    "cli.case.step_review": {"zh": "群众评价", "en": "the review"},
    "cli.case.step_note": {"zh": "：{note}", "en": ": {note}"},
    "cli.case.need_clerk": {
        "zh": "请用 --clerk 写明办理这一步的工号。",
        "en": "Give your clerk code with --clerk.",
    },
    "cli.case.step_done": {
        "zh": "差评整改 #{id}：已记录“{action}”（工号 {clerk}）。现为“{case_state}”，{when}。",
        "en": "Bad-review case #{id}: “{action}” recorded (clerk {clerk}). Now “{case_state}”, "
        "{when}.",
    },
    # yimen reviews
    "cli.reviews.head.one": {
        "zh": "{span} 评价 {count} 条，满意及以上 {share}",
        "en": "{span}: {count} review, satisfied or better {share}",
    },
    "cli.reviews.head.other": {
        "zh": "{span} 评价 {count} 条，满意及以上 {share}",
        "en": "{span}: {count} reviews, satisfied or better {share}",
    },
    "cli.reviews.case": {"zh": "  整改件 #{id}", "en": "  case #{id}"},
    "cli.reviews.by_level": {"zh": "按等级：", "en": "By level:"},
    "cli.reviews.level": {
        "zh": "  {rating}：{count} 条（{share}）",
        "en": "  {rating}: {count} ({share})",
    },
    "cli.reviews.by_window": {"zh": "按窗口：", "en": "By window:"},
    "cli.reviews.window": {"zh": "{window}号窗口 {name}", "en": "window {window} {name}"},
    "cli.reviews.no_window": {"zh": "无窗口", "en": "no window"},
    "cli.reviews.window_line": {
        "zh": "  {where}：{count} 条，满意及以上 {share}",
        "en": "  {where}: {count}, satisfied or better {share}",
    },
    "cli.reviews.csv_written": {
        "zh": "已写入 {path}（{count} 条；评价代码按 {scale}，非常满意为 {best}）",
        "en": "Written to {path} ({count} rows; level codes on the {scale} scale, very satisfied "
        "is {best})",
    },
    # yimen say
    "cli.say.spoken": {"zh": "播报：{speech}", "en": "Spoken: {speech}"},
    "cli.say.wav_written": {
        "zh": "已写入 {path}（{seconds:.1f} 秒，22050 Hz，16 位，单声道）",
        "en": "Written to {path} ({seconds:.1f} s, 22050 Hz, 16-bit, mono)",
    },
    "cli.say.played": {"zh": "已播放（{seconds:.1f} 秒）", "en": "Played ({seconds:.1f} s)"},
    "cli.say.default_voice": {
        "zh": "数据库尚未初始化，使用默认的叫号设置。",
        "en": "The database is not set up yet: using the default voice settings.",
    },
    # yimen config export
    "cli.config.written": {
        "zh": "服务中心配置已写入 {path}（不含密码；用 yimen init --config {path} 载入）。",
        "en": "The hall's configuration was written to {path} (no passwords; load it with "
        "yimen init --config {path}).",
    },
    # yimen alarms
    "cli.alarms.open.one": {"zh": "当前告警 {count} 条：", "en": "{count} open alarm:"},
    "cli.alarms.open.other": {"zh": "当前告警 {count} 条：", "en": "{count} open alarms:"},
    "cli.alarms.today.one": {
        "zh": "今天的告警 {count} 条（含已解除的）：",
        "en": "{count} alarm today (resolved ones included):",
    },
    "cli.alarms.today.other": {
        "zh": "今天的告警 {count} 条（含已解除的）：",
        "en": "{count} alarms today (resolved ones included):",
    },
    "cli.alarms.none": {"zh": "目前没有告警。", "en": "No open alarms."},
    "cli.alarms.none_today": {"zh": "今天没有告警。", "en": "No alarms today."},
    "cli.alarms.line": {
        "zh": "  #{id:<4} {at}  {kind}：{sentence}{state}",
        "en": "  #{id:<4} {at}  {kind}: {sentence}{state}",
    },
    "cli.alarms.acknowledged": {
        "zh": " · 已由{name}确认（{at}）",
        "en": " · acknowledged by {name} ({at})",
    },
    "cli.alarms.resolved": {"zh": " · 已解除（{at}）", "en": " · resolved ({at})"},
    "cli.alarms.ack_done": {
        "zh": "告警 #{id} 已由{name}（工号 {clerk}）确认：{sentence}",
        "en": "Alarm #{id} acknowledged by {name} (clerk {clerk}): {sentence}",
    },
    "cli.alarms.need_supervisor": {
        "zh": "确认告警须用 --as 写明管理人员的工号（随后输入密码）。",
        "en": "Acknowledging an alarm needs the supervisor's code with --as (then the password).",
    },
    # yimen settings
    "cli.settings.changed": {
        "zh": "已保存：{what}（{name}，工号 {clerk}）",
        "en": "Saved: {what} (by {name}, clerk {clerk})",
    },
    "cli.settings.unchanged": {
        "zh": "没有改动（{what}）。",
        "en": "Nothing changed ({what}).",
    },
    "cli.settings.difference": {
        "zh": "  {path}：{old} → {new}",
        "en": "  {path}: {old} → {new}",
    },
    "cli.settings.added": {"zh": "  {path}：新增", "en": "  {path}: added"},
    "cli.settings.removed": {"zh": "  {path}：移除", "en": "  {path}: removed"},
    "cli.settings.items_added": {
        "zh": "  {path}：增加 {items}",
        "en": "  {path}: added {items}",
    },
    "cli.settings.items_removed": {
        "zh": "  {path}：去掉 {items}",
        "en": "  {path}: removed {items}",
    },
    "cli.settings.none": {"zh": "（无）", "en": "(none)"},
    "cli.settings.bad_cap": {
        "zh": "上限应写成整数，或写 none 表示不设上限，而不是 {text}。",
        "en": "A cap is a whole number, or none for no cap; not {text}.",
    },
    "cli.settings.bad_slot": {
        "zh": "时段应写成 09:00-11:30，需要限号时在后面加 =放号数（如 09:00-11:30=40），"
        "而不是 {text}。",
        "en": "A slot reads 09:00-11:30, with =N after it for its quota (09:00-11:30=40); "
        "not {text}.",
    },
    "cli.settings.post_needs": {
        "zh": "请写明 A 岗和 B 岗的工号，或用 --remove 取消该窗口的 AB 岗。",
        "en": "Give the A and B clerks' codes, or --remove to take the window's AB post away.",
    },
    "cli.settings.new_password": {
        "zh": "工号 {clerk} 的新密码：",
        "en": "New password for clerk {clerk}: ",
    },
    "cli.settings.new_password_again": {
        "zh": "再输入一次新密码：",
        "en": "The new password again: ",
    },
    "cli.settings.password_mismatch": {
        "zh": "两次输入的新密码不一致，未保存。",
        "en": "The two new passwords differ; nothing was saved.",
    },
    "cli.settings.log_line": {
        "zh": "{at:%Y-%m-%d %H:%M}  {who}  {what}",
        "en": "{at:%Y-%m-%d %H:%M}  {who}  {what}",
    },
    "cli.settings.by": {"zh": "{name}（{clerk}）", "en": "{name} ({clerk})"},
    "cli.settings.log_none": {
        "zh": "还没有设置改动的记录。",
        "en": "No settings changes recorded yet.",
    },
    # yimen serve
    "cli.serve.started": {
        "zh": "手机评价页已启动：{page}<评价码>（按 Ctrl-C 停止）",
        "en": "The phone page is up: {page}<review code> (Ctrl-C stops it)",
    },
    "cli.init.upgraded": {
        "zh": "数据库已从 {before} 版升级到 {after} 版；服务中心 {halls} 的配置和数据保持不变。",
        "en": "The database was upgraded from schema {before} to {after}; the settings and "
        "data of hall {halls} are as they were.",
    },
    "cli.init.current": {
        "zh": "数据库已是本程序的版本（{after}{before!s:.0}），无需升级；服务中心 {halls} 未改动。",
        "en": "The database is already at this program's schema ({after}{before!s:.0}); "
        "nothing to upgrade; hall {halls} untouched.",
    },
    "cli.serve.waiting": {
        "zh": "正在连接服务器 {target}…\n{why}\n"
        "每 {seconds} 秒重试一次，连上后自动启动（按 Ctrl-C 停止）。",
        "en": "Connecting to the server {target}…\n{why}\nTrying again every {seconds} s; "
        "starts by itself once connected (Ctrl-C stops it).",
    },
    "cli.serve.connected": {
        "zh": "已连接服务器 {target}。",
        "en": "Connected to the server {target}.",
    },
    "cli.serve.review_url": {
        "zh": '票据二维码须指向本机：[kiosk] review_url = "{page}"（现为 {review_url}）',
        "en": 'The slip\'s QR code must point here: [kiosk] review_url = "{page}" '
        "(now {review_url})",
    },
    # yimen report: the daily notice and ranking, a week's or a month's report
    "cli.report.bad_day": {
        "zh": "日期 {text} 写法不对，请写成 2026-11-24 这样的年-月-日。",
        "en": "The day {text} is not understood; write it as year-month-day, e.g. 2026-11-24.",
    },
    "cli.report.bad_week": {
        "zh": "周 {text} 写法不对，请写成 2026-W48 这样的年-W周次。",
        "en": "The week {text} is not understood; write it as the year, W and the week's "
        "number, e.g. 2026-W48.",
    },
    "cli.report.bad_month": {
        "zh": "月份 {text} 写法不对，请写成 2026-11 这样的年-月。",
        "en": "The month {text} is not understood; write it as year-month, e.g. 2026-11.",
    },
    "cli.report.need_both": {
        "zh": "--from 和 --to 要一起给出。",
        "en": "Give --from and --to together.",
    },
    "cli.report.backwards": {
        "zh": "起始日 {first} 晚于结束日 {last}。",
        "en": "The first day {first} comes after the last day {last}.",
    },
    "cli.report.future": {
        "zh": "{first} 还没有到，还没有可报告的数据。",
        "en": "{first} has not come yet; there are no figures to report.",
    },
    "cli.report.progress": {
        "zh": "{turn} 正在读取{what} [{bar}] {percent}%",
        "en": "{turn} Reading {what} [{bar}] {percent}%",
    },
    "cli.report.reading.figures": {"zh": "全中心数据", "en": "the figures"},
    "cli.report.reading.windows": {"zh": "窗口排名", "en": "the windows' ranking"},
    "cli.report.reading.clerks": {"zh": "工作人员排名", "en": "the clerks' ranking"},
    "cli.report.range": {
        "zh": "{range} · 数据截至 {at}",
        "en": "{range} · figures as at {at}",
    },
    "cli.report.item": {"zh": "  {label}：{value}", "en": "  {label}: {value}"},
    "cli.report.pdf_written": {
        "zh": "报告已写入 {path}",
        "en": "The report was written to {path}",
    },
    "cli.report.csv_written.one": {
        "zh": "{count} 行数据已写入 {path}（CSV，Excel 可直接打开）",
        "en": "{count} row written to {path} (CSV; Excel opens it)",
    },
    "cli.report.csv_written.other": {
        "zh": "{count} 行数据已写入 {path}（CSV，Excel 可直接打开）",
        "en": "{count} rows written to {path} (CSV; Excel opens it)",
    },
}
