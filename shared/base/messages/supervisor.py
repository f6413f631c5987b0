"""What the supervisor's work says outside Qt's screens: the alarms, the refusals of a
supervisor's sign-in and of a settings change, and the names of the settings changes."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # The alarms (shared.rules.alarms), one sentence each
    "alarm.long_wait": {
        "zh": "{service}：{count} 人等候超过 {limit} 分钟，最长已等 {longest} 分钟",
        "en": "{service}: {count} waiting over {limit} min, the longest for {longest} min",
    },
    "alarm.long_service": {
        "zh": "{window}号窗口办理 {number}（{service}）已 {minutes} 分钟，通常约 {usual} 分钟",
        "en": "Window {window} has held {number} ({service}) for {minutes} min; "
        "usually about {usual} min",
    },
    "alarm.empty_post": {
        "zh": "{window}号窗口自 {since} 起无人在岗，已超过 {limit} 分钟",
        "en": "Window {window}: nobody signed in since {since}, over {limit} min",
    },
    "alarm.both_away": {
        "zh": "{window}号窗口 A 岗（{a}）与 B 岗（{b}）都不在岗，自 {since} 起",
        "en": "Window {window}: A ({a}) and B ({b}) are both away, since {since}",
    },
    "alarm.noon_gap": {
        "zh": "{zone}午间无综合窗口服务，自 {since} 起（至少需要 {needed} 个）",
        "en": "{zone}: no comprehensive window serving at noon since {since} ({needed} needed)",
    },
    "alarm.case_due": {
        "zh": "差评整改第 {case} 件（{number}）将于 {due} 到期，还剩 {days} 天",
        "en": "Bad-review case {case} ({number}) is due on {due}, {days} days left",
    },
    "alarm.case_overdue": {
        "zh": "差评整改第 {case} 件（{number}）已超期 {days} 天（期限 {due}）",
        "en": "Bad-review case {case} ({number}) is {days} days overdue (due {due})",
    },
    "alarm.printer": {
        "zh": "{station} 的打印机{fault}，自 {since} 起",
        "en": "The printer of {station}: {fault}, since {since}",
    },
    "alarm.help": {
        "zh": "{kiosk} 有群众求助，{since} 起已 {minutes} 分钟无人响应",
        "en": "Help asked at {kiosk} at {since}; nobody has answered for {minutes} min",
    },
    "printer_fault.printer.offline": {"zh": "未连接", "en": "offline"},
    "printer_fault.printer.no_paper": {"zh": "缺纸", "en": "out of paper"},
    "printer_fault.printer.failed": {"zh": "打印失败", "en": "failing to print"},
    "alarm.kind.long_wait": {"zh": "等候超时", "en": "Long wait"},
    "alarm.kind.long_service": {"zh": "办理超时", "en": "Long service"},
    "alarm.kind.empty_post": {"zh": "空岗", "en": "Empty post"},
    "alarm.kind.both_away": {"zh": "AB岗同时离岗", "en": "A and B away"},
    "alarm.kind.noon_gap": {"zh": "午间值班空缺", "en": "Noon gap"},
    "alarm.kind.case_due": {"zh": "差评将到期", "en": "Case due"},
    "alarm.kind.case_overdue": {"zh": "差评已超期", "en": "Case overdue"},
    "alarm.kind.printer": {"zh": "打印机故障", "en": "Printer"},
    "alarm.kind.help": {"zh": "求助未响应", "en": "Help unanswered"},
    "alarm.unknown": {
        "zh": "没有第 {alarm} 号告警。",
        "en": "There is no alarm {alarm}.",
    },
    "alarm.already_acknowledged": {
        "zh": "这条告警 {at} 已由{clerk}确认。",
        "en": "This alarm was acknowledged by {clerk} at {at}.",
    },
    # A supervisor's sign-in at a station without a window
    "staff.not_supervisor": {
        "zh": "{clerk} 不是管理人员，不能进行此项操作。",
        "en": "{clerk} is not a supervisor and cannot do this.",
    },
    "staff.signed_out": {
        "zh": "管理人员已退出登录，请重新登录。",
        "en": "The supervisor is signed out; please sign in again.",
    },
    "staff.session_old": {
        "zh": "登录已过期（每个工作日需重新登录），请重新登录。",
        "en": "The sign-in has expired (sign in again each working day).",
    },
    # Settings changes
    "setup.invalid": {
        "zh": "未保存：{problem}",
        "en": "Not saved: {problem}",
    },
    "setup.invalid_at": {
        "zh": "未保存（{key}）：{problem}",
        "en": "Not saved ({key}): {problem}",
    },
    "setup.bad_path": {
        "zh": "没有可以这样修改的设置项 {path}。",
        "en": "There is no setting {path} that can be changed so.",
    },
    "setup.unknown_service": {
        "zh": "没有编号为 {value} 的办理事项。",
        "en": "There is no service with code {value}.",
    },
    "setup.unknown_window": {
        "zh": "没有 {value} 号窗口。",
        "en": "There is no window {value}.",
    },
    "setup.unknown_clerk": {
        "zh": "工作人员名单里没有 {value}。",
        "en": "There is no clerk {value} on the hall's list.",
    },
    "setup.unknown_zone": {
        "zh": "没有编号为 {value} 的功能区。",
        "en": "There is no zone with code {value}.",
    },
    "setup.unknown_post": {
        "zh": "{value} 号窗口没有设 AB 岗。",
        "en": "Window {value} has no AB post.",
    },
    "setup.post_needs_both": {
        "zh": "{window} 号窗口的 AB 岗要同时选定 A 岗和 B 岗两位工作人员。",
        "en": "Window {window}'s AB post needs both an A and a B clerk.",
    },
    "setup.clerk_in_post": {
        "zh": "{clerk} 还是 {window} 号窗口的 AB 岗人员，请先调整该窗口的 AB 岗再停用。",
        "en": "{clerk} still holds a post at window {window}; change that window's AB post "
        "before disabling them.",
    },
    "setup.what.daily_cap": {"zh": "每日放号上限", "en": "Daily cap"},
    "setup.what.time_slots": {"zh": "取号时段与时段放号数", "en": "Ticket slots and quotas"},
    "setup.what.window_services": {"zh": "窗口办理事项", "en": "A window's services"},
    "setup.what.display_notice": {"zh": "大厅屏通知", "en": "Display notice"},
    "setup.what.holidays": {"zh": "休息日", "en": "Holidays"},
    "setup.what.workday_swaps": {"zh": "调休上班日", "en": "Swapped working days"},
    "setup.what.post": {"zh": "AB岗", "en": "AB post"},
    "setup.what.clerk_add": {"zh": "新增工作人员", "en": "Clerk added"},
    "setup.what.clerk_update": {"zh": "修改工作人员", "en": "Clerk changed"},
    "setup.what.clerk_disable": {"zh": "停用工作人员", "en": "Clerk disabled"},
    "setup.what.clerk_enable": {"zh": "启用工作人员", "en": "Clerk enabled"},
    "setup.what.password_reset": {"zh": "重置密码", "en": "Password reset"},
    "setup.what.setting": {"zh": "设置项", "en": "A setting"},
    "setup.what.init": {"zh": "载入配置文件", "en": "Configuration file loaded"},
    "setup.what.alarms": {"zh": "告警阈值", "en": "Alarm thresholds"},
    "config.export.head": {
        "zh": "一门 · 服务中心配置（由 yimen config export 导出，用 yimen init --config 载入；"
        "不含密码）",
        "en": "Yimen hall configuration (written by yimen config export; load it with "
        "yimen init --config; passwords are not included)",
    },
    "setup.named": {"zh": "{name}（{code}）", "en": "{name} ({code})"},
    "setup.window": {"zh": "{number}号窗口", "en": "window {number}"},
    "setup.entry.services": {"zh": "事项 {name}", "en": "service {name}"},
    "setup.entry.clerks": {"zh": "工作人员 {name}", "en": "clerk {name}"},
    "setup.entry.windows": {"zh": "{name}", "en": "{name}"},
    "setup.entry.posts": {"zh": "{name}的 AB 岗", "en": "the AB post of {name}"},
    "setup.entry.zones": {"zh": "功能区 {name}", "en": "zone {name}"},
    "setup.key.services.daily_cap": {"zh": "每日放号上限", "en": "daily cap"},
    "setup.key.services.time_slots": {"zh": "取号时段", "en": "ticket slots"},
    "setup.key.services.slot_caps": {"zh": "各时段放号数", "en": "slot quotas"},
    "setup.key.services.handling_minutes": {"zh": "预计办理时长", "en": "handling minutes"},
    "setup.key.services.name": {"zh": "名称", "en": "name"},
    "setup.key.services.materials": {"zh": "申请材料", "en": "materials"},
    "setup.key.services.prefix": {"zh": "票号前缀", "en": "ticket prefix"},
    "setup.key.services.zone": {"zh": "功能区", "en": "zone"},
    "setup.key.windows.services": {"zh": "办理事项", "en": "services"},
    "setup.key.windows.name": {"zh": "名称", "en": "name"},
    "setup.key.windows.zone": {"zh": "功能区", "en": "zone"},
    "setup.key.windows.comprehensive": {"zh": "综合窗口", "en": "comprehensive"},
    "setup.key.windows.kinds": {"zh": "窗口类型", "en": "kinds"},
    "setup.key.clerks.name": {"zh": "姓名", "en": "name"},
    "setup.key.clerks.role": {"zh": "角色", "en": "role"},
    "setup.key.clerks.password": {"zh": "密码", "en": "password"},
    "setup.key.posts.a": {"zh": "A岗", "en": "A post"},
    "setup.key.posts.b": {"zh": "B岗", "en": "B post"},
    "setup.key.display.notice": {"zh": "大厅屏通知", "en": "lobby notice"},
    "setup.key.display.paused_windows": {"zh": "暂停窗口提示", "en": "paused-window line"},
    "setup.key.calendar.holidays": {"zh": "休息日", "en": "holidays"},
    "setup.key.calendar.workday_swaps": {"zh": "调休上班日", "en": "swapped working days"},
    "setup.key.alarms.wait_minutes": {"zh": "等候告警（分钟）", "en": "long wait alarm (min)"},
    "setup.key.alarms.service_wait_minutes": {
        "zh": "各事项等候告警（分钟）",
        "en": "long wait per service (min)",
    },
    "setup.key.alarms.long_service_factor": {
        "zh": "办理超时告警（倍）",
        "en": "long service alarm (times)",
    },
    "setup.key.alarms.both_away_minutes": {
        "zh": "AB岗同时离岗告警（分钟）",
        "en": "A and B away alarm (min)",
    },
    "setup.key.alarms.help_minutes": {
        "zh": "求助未响应告警（分钟）",
        "en": "unanswered help alarm (min)",
    },
    "setup.key.alarms.case_warn_days": {
        "zh": "差评到期提醒（天）",
        "en": "case due warning (days)",
    },
    "setup.key.alarms.sound": {"zh": "告警提示音", "en": "alarm chime"},
    "setup.key.staffing.empty_post_minutes": {"zh": "空岗（分钟）", "en": "empty post (min)"},
    "setup.key.staffing.noon_windows_per_zone": {
        "zh": "午间值班窗口数",
        "en": "noon windows per zone",
    },
    "role.clerk": {"zh": "窗口工作人员", "en": "clerk"},
    "role.supervisor": {"zh": "管理人员", "en": "supervisor"},
    "setup.no_quota": {"zh": "不限", "en": "no quota"},
    "setup.nobody": {"zh": "（配置文件）", "en": "(configuration file)"},
}
