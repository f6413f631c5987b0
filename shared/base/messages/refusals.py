"""The sentences behind error codes, in Chinese (default) and English.

The core speaks in codes (`shared.base.errors`); every screen and the ``yimen`` command
turns a code into one of these sentences. Keep both languages complete: a test
checks that every code has both.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # The hall and its calendar
    "hall.not_found": {
        "zh": "找不到编号为 {hall} 的服务中心，请先运行 yimen init。",
        "en": "No hall with code {hall}: run yimen init first.",
    },
    "hall.none": {
        "zh": "数据库里还没有服务中心，请先运行 yimen init --demo 或 yimen init --config 文件。",
        "en": "The database holds no hall yet: run yimen init --demo or yimen init --config FILE.",
    },
    "hall.ambiguous": {
        "zh": "数据库里有多个服务中心（{halls}），请用 --hall 指定一个。",
        "en": "The database holds several halls ({halls}): choose one with --hall.",
    },
    "hall.closed_today": {
        "zh": "今天不办公，请在工作日前来办理。",
        "en": "The hall is closed today; please come on a working day.",
    },
    "hall.closed_now": {
        "zh": "当前不在取号时间，今天的取号时间为 {start}–{end}。",
        "en": "Tickets are not issued now; today they are issued {start}–{end}.",
    },
    # Services and tickets at the kiosk
    "service.unknown": {
        "zh": "没有编号为 {service} 的办理事项。",
        "en": "There is no service with code {service}.",
    },
    "service.outside_slot": {
        "zh": "当前时间段不能取号，本事项的取号时段为 {slots}。",
        "en": "Tickets for this service cannot be taken at this time; its hours are {slots}.",
    },
    "service.cap_reached": {
        "zh": "今日号已取完，若窗口空闲可直接到窗口办理。",
        "en": "Today's tickets are all taken; if a window is free, please go to it directly.",
    },
    "ticket.not_waiting": {
        "zh": "{number} 现在不在等候（{state}），不能移到别处。",
        "en": "{number} is not waiting now ({state}) and cannot be moved.",
    },
    "service.slot_full": {
        "zh": "本时段（{slot}）的号已取完，下一时段 {next} 开始取号。",
        "en": "The tickets of this time slot ({slot}) are all taken; the next slot, {next}, "
        "starts later.",
    },
    "service.slot_full_last": {
        "zh": "本时段（{slot}）的号已取完，今日不再放号，若窗口空闲可直接到窗口办理。",
        "en": "The tickets of this time slot ({slot}) are all taken and no more are issued "
        "today; if a window is free, please go to it directly.",
    },
    "service.no_window": {
        "zh": "事项“{service}”目前没有窗口受理，请咨询导服人员。",
        "en": "No window handles “{service}” at the moment; please ask a hall guide.",
    },
    "id.invalid": {
        "zh": "身份证号码格式不正确，请核对后重新输入。",
        "en": "The ID number is not valid; please check it and enter it again.",
    },
    "appointment.unknown": {
        "zh": "预约码 {code} 不存在，请核对后重新输入。",
        "en": "There is no appointment with code {code}; please check it.",
    },
    "appointment.not_today": {
        "zh": "预约码 {code} 的预约日期是 {day}，不是今天。",
        "en": "Appointment {code} is for {day}, not today.",
    },
    "appointment.used": {
        "zh": "预约码 {code} 已经签到取号，号码为 {number}。",
        "en": "Appointment {code} has already been checked in as ticket {number}.",
    },
    "appointment.cancelled": {
        "zh": "预约码 {code} 的预约已取消，请重新取号。",
        "en": "Appointment {code} was cancelled; please take an ordinary ticket.",
    },
    "appointment.missed": {
        "zh": "预约时段 {slot} 已过，预约失效，请重新取号。",
        "en": "The appointment slot {slot} has passed; please take an ordinary ticket.",
    },
    "appointment.bad_input": {
        "zh": "日期 {day} 或时段 {slot} 写法不对，日期写成 2026-11-25，时段写成 10:00-10:30。",
        "en": "The day {day} or the slot {slot} is not understood; write 2026-11-25 and "
        "10:00-10:30.",
    },
    "appointment.csv_columns": {
        "zh": "文件 {path} 的第一行必须是表头 {columns}，且至少有一行预约。",
        "en": "The first line of {path} must be the header {columns}, followed by at least "
        "one appointment.",
    },
    "appointment.too_early": {
        "zh": "您的预约时段是 {slot}，请于 {opens} 以后再来签到取号。",
        "en": "Your appointment is at {slot}; please check in from {opens}.",
    },
    "appointment.other_hall": {
        "zh": "预约码 {code} 是{hall}的预约，不能在本中心签到，请到{hall}办理。",
        "en": "Appointment {code} was booked at {hall}, not at this hall; please go there.",
    },
    "appointment.duplicate": {
        "zh": "同一证件当天只能预约一次，已有预约 {code}。",
        "en": "One appointment per person per day: appointment {code} already exists.",
    },
    "appointment.bad_slot": {
        "zh": "预约时段不在当天的办公时间内。",
        "en": "The appointment slot is outside that day's opening hours.",
    },
    # Windows and clerks
    "window.unknown": {
        "zh": "没有 {window} 号窗口。",
        "en": "There is no window {window}.",
    },
    "window.no_ticket": {
        "zh": "{window} 号窗口当前没有正在呼叫或办理的号码。",
        "en": "Window {window} has no ticket called or in service.",
    },
    "window.ticket_in_hand": {
        "zh": "{window} 号窗口的 {number} 号还未办结，请先办结、过号或挂起。",
        "en": "Ticket {number} at window {window} is not finished: finish it, mark it "
        "no-show or hold it first.",
    },
    "window.other_clerk": {
        "zh": "{window} 号窗口正由 {clerk} 办理 {number} 号，不能同时由两人操作。",
        "en": "Window {window} is serving {number} with {clerk}; two clerks cannot "
        "operate one window at once.",
    },
    "window.already_paused": {
        "zh": "{window} 号窗口已经暂停。",
        "en": "Window {window} is already paused.",
    },
    "window.not_paused": {
        "zh": "{window} 号窗口没有暂停。",
        "en": "Window {window} is not paused.",
    },
    "window.not_serving_service": {
        "zh": "{window} 号窗口不受理事项“{service}”。",
        "en": "Window {window} does not handle “{service}”.",
    },
    "clerk.unknown": {
        "zh": "没有工号为 {clerk} 的工作人员。",
        "en": "There is no clerk with code {clerk}.",
    },
    "clerk.inactive": {
        "zh": "工号 {clerk} 已停用。",
        "en": "Clerk {clerk} is no longer active.",
    },
    "clerk.bad_password": {
        "zh": "密码不正确，还可以再试 {left} 次；连续输错 5 次将锁定 5 分钟。",
        "en": "Wrong password; {left} more tries before the sign-in is locked for 5 minutes.",
    },
    "clerk.locked": {
        "zh": "密码连续输错 5 次，工号 {clerk} 已锁定，请 {minutes} 分钟后再试，或请管理员协助。",
        "en": "Clerk {clerk} is locked after 5 wrong passwords; try again in {minutes} "
        "minutes, or ask a supervisor.",
    },
    "clerk.no_password": {
        "zh": "工号 {clerk} 还没有设置密码，请管理员在服务中心配置中设置。",
        "en": "Clerk {clerk} has no password yet; a supervisor sets it in the hall's settings.",
    },
    # AB posts (AB岗)
    "post.both_away": {
        "zh": "{partner} 已于 {since} 离岗，{window} 号窗口的 A、B 岗不能同时不在岗，"
        "{clerk}现在不能离开；已通知中心管理人员。",
        "en": "{partner} has been away since {since}: A and B of window {window} may not both "
        "be away, so {clerk} cannot leave now. The supervisor has been told.",
    },
    "post.bad_time": {
        "zh": "时间 {text} 写法不对，请写成 15:30 或 2026-11-25 09:00。",
        "en": "The time {text} is not understood; write 15:30 or 2026-11-25 09:00.",
    },
    "post.reason_needed": {
        "zh": "离岗原因选了“其他”，请写明具体原因。",
        "en": "The reason is “other”: please say what it is.",
    },
    "post.none": {
        "zh": "{window} 号窗口没有设 AB 岗，不能交接；离开请直接退出。",
        "en": "Window {window} has no AB post to hand over; sign out to leave.",
    },
    "post.not_a": {
        "zh": "{clerk}不是 {window} 号窗口的 A 岗。B 岗顶岗期间请在 A 岗回来后交还窗口。",
        "en": "{clerk} is not the A post of window {window}. While covering, give the window "
        "back when A returns.",
    },
    "post.not_b": {
        "zh": "{clerk}不是 {window} 号窗口的 B 岗，不能顶岗。",
        "en": "{clerk} is not the B post of window {window} and cannot step in.",
    },
    "post.covered": {
        "zh": "{window} 号窗口已由{clerk}顶岗。",
        "en": "Window {window} is already covered by {clerk}.",
    },
    "post.nobody_away": {
        "zh": "{window} 号窗口的 A 岗没有离岗记录，不需要交还。",
        "en": "The A post of window {window} is not recorded as away: nothing to give back.",
    },
    "post.ticket_in_hand": {
        "zh": "{window} 号窗口还有 {number} 号在办。请让 B 岗现在输入密码接手，"
        "或先办结、挂起或转移。",
        "en": "Ticket {number} is in hand at window {window}: let B enter their password and "
        "take it now, or finish, hold or transfer it first.",
    },
    "clerk.ticket_at_other_window": {
        "zh": "您在 {window} 号窗口还有 {number} 号未办完，请先办结、挂起或转移。",
        "en": "Ticket {number} is still in hand at your window {window}; finish, hold or "
        "transfer it first.",
    },
    "window.signed_in_by_other": {
        "zh": "{window} 号窗口已由 {clerk} 登录，请先由其退出。",
        "en": "{clerk} is signed in at window {window}; they must sign out first.",
    },
    "window.not_signed_in": {
        "zh": "工号 {clerk} 今天没有在 {window} 号窗口登录，请先登录。",
        "en": "Clerk {clerk} is not signed in at window {window} today; sign in first.",
    },
    # A ticket's life
    "ticket.unknown": {
        "zh": "今天没有 {number} 号。",
        "en": "There is no ticket {number} today.",
    },
    "ticket.not_called": {
        "zh": "{number} 号当前状态为“{state}”，不是已呼叫。",
        "en": "Ticket {number} is {state}, not called.",
    },
    "ticket.not_serving": {
        "zh": "{number} 号当前状态为“{state}”，不在办理中。",
        "en": "Ticket {number} is {state}, not in service.",
    },
    "ticket.not_held": {
        "zh": "{number} 号当前状态为“{state}”，没有挂起。",
        "en": "Ticket {number} is {state}, not on hold.",
    },
    "ticket.not_no_show": {
        "zh": "{number} 号当前状态为“{state}”，不是过号。",
        "en": "Ticket {number} is {state}, not a no-show.",
    },
    "ticket.cannot_hold": {
        "zh": "{number} 号当前状态为“{state}”，不能挂起。",
        "en": "Ticket {number} is {state} and cannot be put on hold.",
    },
    "ticket.recall_limit": {
        "zh": "{number} 号已重呼 {limit} 次，不能再重呼，请按过号处理。",
        "en": "Ticket {number} has been recalled {limit} times; mark it as a no-show instead.",
    },
    "ticket.requeue_limit": {
        "zh": "{number} 号已重新排队过一次，不能再次排队，请重新取号。",
        "en": "Ticket {number} was already put back in line once; please take a new ticket.",
    },
    "ticket.not_today": {
        "zh": "{number} 号是 {day} 的号码，只能当天回呼。",
        "en": "Ticket {number} is from {day}; held tickets can only be called back the same day.",
    },
    "ticket.wrong_window": {
        "zh": "{number} 号的材料留在 {window} 号窗口，请到该窗口回呼。",
        "en": "The materials of ticket {number} are at window {window}; call it back there.",
    },
    "ticket.not_for_window": {
        "zh": "{window} 号窗口不受理 {number} 号的事项。",
        "en": "Window {window} does not handle the service of ticket {number}.",
    },
    "ticket.transfer_target": {
        "zh": "请指定要转到的事项或窗口（只指定一个）。",
        "en": "Name the service or the window to transfer to (one of them).",
    },
    "ticket.transfer_same": {
        "zh": "{number} 号已经在该事项/窗口，不需要转移。",
        "en": "Ticket {number} is already there; nothing to transfer.",
    },
    # Good and bad reviews (好差评) and their cases
    "review.invalid": {
        "zh": "评价码无效：它不完整或被改动过。请扫描票据上的二维码，或仔细核对票据上的评价短码。",
        "en": "The review code is not valid: it is incomplete or was altered. Please scan "
        "the QR code on the ticket, or check the short code printed on it.",
    },
    "review.other_hall": {
        "zh": "这张票据是其他服务中心的，请在出票的服务中心评价。",
        "en": "This ticket is from another service hall; please rate it at the hall that "
        "issued it.",
    },
    "review.expired": {
        "zh": "评价已过期：票据只能在取号后 {days} 天内评价。如有意见，请拨打 12345 热线。",
        "en": "Too late to rate: a ticket can be rated within {days} days of being issued. "
        "For a complaint, please call the 12345 hotline.",
    },
    "review.not_finished": {
        "zh": "{number} 号还没有办结（{state}），办结后才能评价。",
        "en": "Ticket {number} is not finished yet ({state}); it can be rated once the "
        "service is over.",
    },
    "review.already": {
        "zh": "{number} 号已经评价过了，每次办理只能评价一次。谢谢您！",
        "en": "Ticket {number} has already been rated; each service is rated once. Thank you!",
    },
    "review.level": {
        "zh": "请从“非常满意”到“非常不满意”中选择一项。",
        "en": "Please choose one of the five levels, from very satisfied to very dissatisfied.",
    },
    "review.reason_needed": {
        "zh": "选择“{level}”时，请勾选原因或写下您遇到的问题，我们会跟进整改。",
        "en": "With “{level}”, please tick a reason or tell us what went wrong, so it can be "
        "put right.",
    },
    "review.reason_words": {
        "zh": "选择“其他”原因时，请写下您遇到的问题。",
        "en": "With the reason “other”, please tell us in a few words what went wrong.",
    },
    "review.unknown_reason": {
        "zh": "无法识别的原因“{reason}”，请重新选择。",
        "en": "Unknown reason “{reason}”; please choose again.",
    },
    "review.dimension": {
        "zh": "无法识别的评价项目“{dimension}”。",
        "en": "Unknown aspect to rate: “{dimension}”.",
    },
    "review.text_long": {
        "zh": "意见最多 {max} 个字，请精简后再提交。",
        "en": "Please keep your words to at most {max} characters.",
    },
    "review.name_long": {
        "zh": "姓名最多 {max} 个字。",
        "en": "A name may have at most {max} characters.",
    },
    "review.phone": {
        "zh": "电话号码格式不对，请只填数字（可留空）。",
        "en": "That phone number does not look right; digits only, or leave it empty.",
    },
    "case.unknown": {
        "zh": "没有编号为 {case} 的差评整改件。",
        "en": "There is no bad-review case {case}.",
    },
    "case.unknown_action": {
        "zh": "差评整改没有“{action}”这一步。",
        "en": "A bad-review case has no step “{action}”.",
    },
    "case.not_supervisor": {
        "zh": "工号 {clerk} 不是主管，审批和延期须由主管办理。",
        "en": "Clerk {clerk} is not a supervisor; approvals and extensions are a supervisor's.",
    },
    "case.wrong_state": {
        "zh": "整改件 {case} 当前为“{case_state}”，不能“{action}”。",
        "en": "Case {case} is “{case_state}”; it cannot be “{action}” now.",
    },
    "case.note_needed": {
        "zh": "这一步需要填写说明（整改措施、理由或回访情况）。",
        "en": "This step needs a note: the measures taken, the grounds, or the callback.",
    },
    "case.callback_first": {
        "zh": "整改件 {case} 是实名差评，须先回访群众并记录结果，才能办结。",
        "en": "Case {case} is a real-name review: call the citizen back and record the "
        "result before completing it.",
    },
    "case.extended_once": {
        "zh": "整改件 {case} 已经延期过一次，不能再延期。",
        "en": "Case {case} has already been extended once; it cannot be extended again.",
    },
    "case.extension_days": {
        "zh": "延期天数须为 1 至 {max} 个工作日。",
        "en": "An extension is 1 to {max} working days.",
    },
    "case.callback_result": {
        "zh": "请选择回访结果：群众满意、群众仍不满意或联系不上。",
        "en": "Choose the callback's result: satisfied, still dissatisfied, or not reached.",
    },
    "case.bad_password": {
        "zh": "工号 {clerk} 的密码不正确。",
        "en": "Wrong password for clerk {clerk}.",
    },
    "case.not_signed_in": {
        "zh": "工号 {clerk} 没有在本窗口登录，请先登录。",
        "en": "Clerk {clerk} is not signed in at this window; please sign in first.",
    },
    # The phone page (yimen serve)
    "web.not_found": {
        "zh": "页面不存在。请扫描票据上的二维码。",
        "en": "No such page. Please scan the QR code on your ticket.",
    },
    "web.rate_limited": {
        "zh": "操作太频繁，请稍等一分钟再试。",
        "en": "Too many requests; please wait a minute and try again.",
    },
    "web.too_large": {
        "zh": "提交的内容太长，请精简后再提交。",
        "en": "What was sent is too long; please shorten it and send again.",
    },
    "web.cross_site": {
        "zh": "提交被拒绝：请从票据二维码打开的评价页面提交。",
        "en": "Refused: please send the rating from the page opened by the ticket's QR code.",
    },
    "web.form_expired": {
        "zh": "页面已过期，请刷新页面后重新提交。",
        "en": "The page has expired; please reload it and send again.",
    },
    "web.cannot_listen": {
        "zh": "手机评价页无法在 {host}:{port} 上启动：端口已被占用或没有权限，"
        "请换一个端口（--port）。",
        "en": "The phone page cannot listen on {host}:{port}: the port is taken or not "
        "allowed; choose another one (--port).",
    },
    "web.unavailable": {
        "zh": "系统暂时无法使用，请稍后再试。如果您刚提交了评价，请稍后重新打开本页查看："
        "显示“已评价”即已保存，否则请重新提交。",
        "en": "The service is unavailable for a moment; please try again shortly. If you "
        'just sent a rating, open this page again later: if it says "Already rated", it '
        "was recorded; if not, please send it again.",
    },
    "web.not_allowed": {"zh": "不支持这种请求。", "en": "That kind of request is not supported."},
    "web.server_error": {
        "zh": "系统出错了，请稍后再试。您的评价没有保存，可以稍后重新提交。",
        "en": "Something went wrong on our side; please try again later. Nothing was saved, so "
        "you can send it again.",
    },
    # The one-time notice (一次性告知)
    "notice.already_given": {
        "zh": "{number} 号本次办理已在 {time} 开具过一次性告知单，一次办理只告知一次；"
        "如需再给群众一份，请补打。",
        "en": "Ticket {number} was given its one-time notice at {time}; a visit gets one "
        "notice. To give the citizen another copy, reprint it.",
    },
    "notice.unknown_material": {
        "zh": "“{material}”不在事项“{service}”的申请材料清单中；清单以外的要求请写在“其他”里。",
        "en": "“{material}” is not on the materials list of “{service}”; write any other "
        "requirement under Other.",
    },
    "notice.empty": {
        "zh": "请勾选 {number} 号还缺少的材料，或在“其他”中写明还需要什么，再打印告知单。",
        "en": "Tick the materials ticket {number} still lacks, or write what else is needed "
        "under Other, then print the notice.",
    },
    "notice.none": {
        "zh": "今天没有给 {number} 号开具过一次性告知单，无法补打；号码在本窗口时可以开具。",
        "en": "Ticket {number} has no one-time notice today, so there is nothing to reprint; "
        "give one while the ticket is at your window.",
    },
    "notice.not_printed": {
        "zh": "{number} 号的一次性告知已记录，号码已挂起（群众取材料），"
        "但告知单没有打印出来：{problem}",
        "en": "The one-time notice for {number} is recorded and the ticket is held (fetching "
        "materials), but the slip did not print: {problem}",
    },
    "notice.pdf_unwritable": {
        "zh": "无法写入文件 {path}（{detail}）。{number} 号的告知已记录，"
        "可用 --reprint {number} 重新输出。",
        "en": "Cannot write {path} ({detail}). The notice for {number} is recorded; "
        "--reprint {number} writes it again.",
    },
    "notice.printer_offline": {
        "zh": "打印机未连接或未开机（{detail}）。",
        "en": "the printer is not connected or switched off ({detail}).",
    },
    "notice.printer_no_paper": {
        "zh": "打印机缺纸，请换纸。",
        "en": "the printer is out of paper; please refill it.",
    },
    "notice.printer_failed": {
        "zh": "打印时出错（{detail}）。",
        "en": "printing failed ({detail}).",
    },
    "notice.printer_folder": {
        "zh": "无法保存到文件夹 {path}（{detail}），请检查磁盘空间和权限。",
        "en": "it cannot be saved in {path} ({detail}); check the disk space and the "
        "folder's permissions.",
    },
    # Noon duty (中午值班)
    "noon.last_window": {
        "zh": "{window} 号窗口是{zone}午间最后一个照常办理的综合窗口（午间值班到 {until}）。"
        "如确需暂停或离开，请填写原因后确认；原因会报中心管理人员。",
        "en": "Window {window} is the last comprehensive window of {zone} serving through the "
        "noon break (until {until}). To pause or leave, give a reason and confirm; the "
        "supervisor will see it.",
    },
    # The stations
    "help.unknown": {
        "zh": "找不到这条求助记录，可能已经是前一天的了。",
        "en": "There is no such help request; it may be from an earlier day.",
    },
    "help.already_answered": {
        "zh": "{kiosk} 号取号机的求助已由工号 {clerk} 响应。",
        "en": "The help request at kiosk {kiosk} was already answered by clerk {clerk}.",
    },
    # Extended-hours service (延时服务)
    "overtime.no_hours": {
        "zh": "{day} 大厅不办公，没有下班时间，不记延时服务。",
        "en": "The hall does not open on {day}: there is no closing time and no extended service.",
    },
    "overtime.not_yet": {
        "zh": "还没到下班时间，今天 {close} 下班；到点后仍在办理的业务会记为延时服务，"
        "届时再说明原因。",
        "en": "The hall closes at {close} today; a service still running then counts as "
        "extended service, and you can state why after {close}.",
    },
    "overtime.trigger_automatic": {
        "zh": "“下班时未办结”由系统按时间判断，不用标记；请选择群众要求、业务量大或紧急、或其他。",
        "en": "“Unfinished at closing” is told by the clock; choose the citizen's request, heavy "
        "load or urgency, or other.",
    },
    "overtime.note_needed": {
        "zh": "选择“其他”时，请写明延时服务的原因。",
        "en": "With “other”, please write why the service runs past closing.",
    },
    "overtime.decline_reason": {
        "zh": "不予延时服务必须写明原因，原因将报中心主管审批；请填写原因后再提交。",
        "en": "Declining extended service needs a reason, which goes to a supervisor for "
        "approval; please write the reason and submit again.",
    },
    "overtime.not_supervisor": {
        "zh": "工号 {clerk} 不是中心主管，不能审批不予延时服务，请由主管审批。",
        "en": "Clerk {clerk} is not a supervisor and cannot decide on declined extended "
        "service; a supervisor must decide.",
    },
    "overtime.bad_password": {
        "zh": "工号 {clerk} 的密码不正确，审批没有记录，请重新输入。",
        "en": "Wrong password for clerk {clerk}; nothing was decided. Please try again.",
    },
    "overtime.decline_unknown": {
        "zh": "没有编号为 {id} 的不予延时服务记录，请用 yimen overtime --declines 查看编号。",
        "en": "There is no declined extended service number {id}; list them with "
        "yimen overtime --declines.",
    },
    "overtime.decline_decided": {
        "zh": "编号 {id} 的不予延时服务已由{clerk}于 {at} 审批，不能再次审批。",
        "en": "Declined extended service {id} was decided by {clerk} at {at}; it cannot be "
        "decided again.",
    },
    "overtime.bad_month": {
        "zh": "月份 {month} 写法不对，请写成 2026-08 这样的年-月。",
        "en": "The month {month} is not understood; write it as year-month, e.g. 2026-08.",
    },
    # Printing
    "printer.offline": {
        "zh": "打印机未连接或未开机，取号单没有打印出来（{detail}）。"
        "号码已经取到，请记下屏幕上的号码。",
        "en": "The printer is not connected or switched off ({detail}); the slip was not "
        "printed. The ticket is valid: please note the number on the screen.",
    },
    "printer.no_paper": {
        "zh": "打印机缺纸，取号单没有打印出来。号码已经取到，请记下屏幕上的号码，"
        "工作人员会尽快换纸。",
        "en": "The printer is out of paper; the slip was not printed. The ticket is valid: "
        "please note the number on the screen. Staff will refill the paper.",
    },
    "printer.failed": {
        "zh": "打印取号单时出错（{detail}）。号码已经取到，请记下屏幕上的号码。",
        "en": "Printing the slip failed ({detail}). The ticket is valid: please note the "
        "number on the screen.",
    },
    "printer.folder": {
        "zh": "无法把取号单保存到文件夹 {path}（{detail}），请检查磁盘空间和权限。",
        "en": "Cannot save the slip in {path} ({detail}); check the disk space and the "
        "folder's permissions.",
    },
    "printer.no_font": {
        "zh": "本机没有可以嵌入取号单的中文字体，"
        "请安装文泉驿微米黑（fonts-wqy-microhei）或微软雅黑。",
        "en": "No Chinese font to embed in the slip was found; install WenQuanYi Micro Hei "
        "(fonts-wqy-microhei) or Microsoft YaHei.",
    },
    "printer.bad_spec": {
        "zh": "打印机设置 {spec} 无法识别，应为 pdf:文件夹、system:打印机名称、"
        "escpos:tcp:地址、escpos:serial:端口 或 escpos:usb:厂商号:产品号。",
        "en": "The printer setting {spec} is not understood; use pdf:FOLDER, system:NAME, "
        "escpos:tcp:HOST, escpos:serial:PORT or escpos:usb:VID:PID.",
    },
    # The hall's voice
    "speech.bad_number": {
        "zh": "号码 {number} 不是有效的票号，票号是一个大写字母加数字，例如 A001。",
        "en": "{number} is not a ticket number; a ticket number is a capital letter and "
        "digits, e.g. A001.",
    },
    "speech.bad_window": {
        "zh": "窗口号 {window} 无效，应为 1 到 9999 之间的整数。",
        "en": "Window {window} is not valid; use a whole number from 1 to 9999.",
    },
    "speech.bad_lang": {
        "zh": "不支持的叫号语言 {lang}，可选 zh（普通话）或 en（英语）。",
        "en": "Calls cannot be spoken in {lang}; choose zh (Mandarin) or en (English).",
    },
    "voice.no_engine": {
        "zh": "本机的语音合成无法启动（{detail}），叫号将只显示、不播报。"
        "Linux 请安装 libespeak-ng1，Windows 请检查“语音”设置。",
        "en": "Speech synthesis cannot start on this PC ({detail}); calls are shown but not "
        "spoken. On Linux install libespeak-ng1; on Windows check the Speech settings.",
    },
    "voice.no_voice": {
        "zh": "本机没有{language}语音，叫号将只显示、不播报。Windows 请在“设置 → 时间和语言 → "
        "语音”中添加“中文(简体，中国)”语音包；Linux 请安装 espeak-ng。",
        "en": "This PC has no {language} voice; calls are shown but not spoken. On Windows add "
        "the language's voice in Settings → Time & Language → Speech; on Linux install "
        "espeak-ng.",
    },
    "voice.failed": {
        "zh": "语音合成出错（{detail}），本次叫号未能播报。",
        "en": "Speech synthesis failed ({detail}); this call was not spoken.",
    },
    "sound.no_library": {
        "zh": "本机缺少声音输出组件 PortAudio（{detail}），叫号将只显示、不播报。"
        "Linux 请安装 libportaudio2。",
        "en": "The sound output library PortAudio is missing ({detail}); calls are shown but "
        "not spoken. On Linux install libportaudio2.",
    },
    "sound.no_device": {
        "zh": "本机没有可用的声音输出设备（{detail}），叫号将只显示、不播报。"
        "请接上音箱或检查声卡。",
        "en": "This PC has no working sound output ({detail}); calls are shown but not spoken. "
        "Connect a speaker or check the sound card.",
    },
    "announce.speaking": {"zh": "叫号语音正常", "en": "Calls are spoken."},
    "announce.stale": {
        "zh": "叫号等待播报超过了设定的时间，只在屏幕上显示，不再播报。",
        "en": "The call waited too long to be spoken; it is shown, not spoken.",
    },
    "sound.failed": {
        "zh": "播放叫号声音时出错（{detail}），请检查音箱和声卡。",
        "en": "Playing the call failed ({detail}); check the speaker and the sound card.",
    },
    # The database and the environment
    "file.unreadable": {
        "zh": "无法读取文件 {path}（{detail}），请确认文件存在并以 UTF-8 编码保存。",
        "en": "Cannot read {path} ({detail}); check that it exists and is saved as UTF-8.",
    },
    "file.unwritable": {
        "zh": "无法写入文件 {path}（{detail}），请确认文件夹存在、文件没有在 Excel 中打开。",
        "en": "Cannot write {path} ({detail}); check that the folder exists and the file is "
        "not open in Excel.",
    },
    "db.bad_url": {
        "zh": "数据库地址 {url} 无法识别，应为 sqlite:///文件路径 或 postgresql+psycopg://用户@主机/库名。",
        "en": "The database URL {url} is not understood; use sqlite:///PATH or "
        "postgresql+psycopg://USER@HOST/DB.",
    },
    "db.unreachable": {
        "zh": "无法连接数据库服务器 {host}，请检查网络和数据库服务是否已启动。",
        "en": "Cannot reach the database server {host}; check the network and that the "
        "server is running.",
    },
    "db.auth_failed": {
        "zh": "数据库拒绝登录：用户名或密码不正确（{host}）。",
        "en": "The database refused the login: wrong user name or password ({host}).",
    },
    "db.no_database": {
        "zh": "数据库服务器上没有名为 {database} 的数据库，请先创建。",
        "en": "The server has no database named {database}; create it first.",
    },
    "db.cannot_open": {
        "zh": "无法打开数据库文件 {path}：{detail}",
        "en": "Cannot open the database file {path}: {detail}",
    },
    "db.busy": {
        "zh": "数据库正忙，请稍后再试。",
        "en": "The database is busy; please try again in a moment.",
    },
    "db.not_initialised": {
        "zh": "数据库尚未初始化，请先运行 yimen init。",
        "en": "The database is not set up yet: run yimen init first.",
    },
    "db.too_old": {
        "zh": "数据库的版本比本程序旧（数据库为 {revision}，本程序需要 {ours}）：本程序已经升级，"
        "数据库还没有。请信息管理员先备份数据库（yimen backup 备份文件），再在一台电脑上运行一次 "
        "yimen init 升级数据库；升级后再运行（正在等待的站点会自动连上）。",
        "en": "The database is older than this program (the database is at {revision}, this "
        "program needs {ours}): the program was upgraded, the database not yet. The hall's "
        "IT should back up the database (yimen backup FILE), then run yimen init once, on "
        "one PC, to upgrade it; then run this again (a waiting station connects by itself).",
    },
    "db.too_new": {
        "zh": "数据库的版本比本程序新：数据库已由新版一门升级，这台电脑上的还是旧版。"
        "请在这台电脑上安装与服务器相同的新版一门后再运行。",
        "en": "The database is newer than this program: a newer Yimen upgraded it, and this PC "
        "still has the old one. Install the same newer version of Yimen on this PC, then run "
        "it again.",
    },
    "db.error": {
        "zh": "数据库出错：{detail}",
        "en": "Database error: {detail}",
    },
    "db.unavailable": {
        "zh": "与数据库 {host} 的连接中断了（数据库可能正在重启），这次操作没有完成。"
        "请稍等片刻再试一次；如果一直如此，请检查数据库服务器和网络。",
        "en": "The connection to the database {host} was lost (it may be restarting); "
        "nothing was done. Please try again in a moment; if it keeps happening, check "
        "the database server and the network.",
    },
    "db.commit_unknown": {
        "zh": "保存时与数据库 {host} 的连接中断了，无法确定是否已经保存。"
        "请等数据库恢复后先查看结果，再决定是否重做。",
        "en": "The connection to the database {host} was lost while saving, so it is not "
        "known whether it was saved. When the database is back, check before doing it "
        "again.",
    },
}
