"""What is wrong in a hall's configuration file, sentence by sentence.

A problem is said as ``config.in_file`` / ``config.in_file_at`` around one of the sentences
below; a sentence's parts that are themselves sentences (the value found, a "did you mean"
hint, a scope) are codes of this table too, said in the same language (see
``shared.config.hall_file.ConfigError``).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # The frame: which file, where in it, what is wrong
    "config.in_file": {"zh": "配置文件 {path}：{problem}", "en": "Config file {path}: {problem}"},
    "config.in_file_at": {
        "zh": "配置文件 {path}，{where}：{problem}",
        "en": "Config file {path}, {where}: {problem}",
    },
    "config.at_line": {"zh": "第 {line} 行", "en": "line {line}"},
    # The file itself
    "config.file.missing": {
        "zh": "找不到这个文件，请检查路径是否正确。",
        "en": "the file does not exist; check the path.",
    },
    "config.file.folder": {
        "zh": "这是一个文件夹，不是配置文件。",
        "en": "this is a folder, not a configuration file.",
    },
    "config.file.permission": {
        "zh": "没有读取这个文件的权限。",
        "en": "there is no permission to read this file.",
    },
    "config.file.unreadable": {
        "zh": "无法读取这个文件（{reason}）。",
        "en": "the file cannot be read ({reason}).",
    },
    "config.file.not_utf8": {
        "zh": "文件不是 UTF-8 编码（可能被另存为了 GBK/ANSI）；请用 UTF-8 编码重新保存。",
        "en": "the file is not UTF-8 encoded (perhaps saved as GBK/ANSI); save it again as UTF-8.",
    },
    # TOML syntax: the problem, then where on the line and a full-width character found
    "config.toml.line": {
        "zh": "{problem}{column}{full_width}。",
        "en": "{problem}{column}{full_width}.",
    },
    "config.toml.column": {"zh": "（第 {column} 列）", "en": " (column {column})"},
    "config.toml.full_width": {
        "zh": "（这一行有全角符号 {char}，TOML 的引号、等号、括号和逗号都要用半角的英文符号）",
        "en": " (the line has the full-width character {char}; TOML quotes, '=', brackets "
        "and commas must be plain ASCII)",
    },
    "config.toml.statement": {
        "zh": "这一行不是合法的 TOML 语句",
        "en": "this line is not a valid TOML statement",
    },
    "config.toml.equals": {"zh": "键的后面缺少等号“=”", "en": "a key must be followed by '='"},
    "config.toml.value": {
        "zh": "等号后面的值写法不对（文本要用英文双引号括起来）",
        "en": "the value after '=' is not valid (text must be in double quotes)",
    },
    "config.toml.key_twice": {"zh": "同一个键写了两次", "en": "the same key is given twice"},
    "config.toml.section_twice": {
        "zh": "同一个段（[...]）写了两次",
        "en": "the same [section] is declared twice",
    },
    "config.toml.table_complete": {
        "zh": "不能往已经写完的表里再添加键",
        "en": "keys cannot be added to a table that is already complete",
    },
    "config.toml.section_clash": {
        "zh": "这个段名和前面的键冲突了",
        "en": "this section name clashes with an earlier key",
    },
    "config.toml.list_unclosed": {
        "zh": "列表缺少右方括号“]”或者元素之间缺少逗号",
        "en": "a list is missing its closing ']' or a comma between items",
    },
    "config.toml.inline_unclosed": {
        "zh": "内联表缺少右花括号“}}”",
        "en": "an inline table is missing its '}}'",
    },
    "config.toml.inline_key_twice": {
        "zh": "内联表里同一个键写了两次",
        "en": "an inline table has the same key twice",
    },
    "config.toml.string_unclosed": {
        "zh": "文本缺少结尾的引号",
        "en": "a text value is missing its closing quote",
    },
    "config.toml.string_line": {
        "zh": "文本缺少结尾的引号（文本必须在同一行内用引号结束）",
        "en": "a text value is missing its closing quote (text must end on the same line)",
    },
    "config.toml.after_value": {
        "zh": '值的后面还有多余的内容（时间要写成带引号的 "09:00"；一行只写一个键）',
        "en": 'there is more after the value (write times in quotes, like "09:00"; one key '
        "per line)",
    },
    "config.toml.character": {
        "zh": "文本里有不允许的字符（比如换行或制表符）",
        "en": "a text value contains a character that is not allowed (such as a line break)",
    },
    "config.toml.backslash": {
        "zh": "文本里的反斜杠“\\”要写成“\\\\”",
        "en": "a backslash in text must be written as '\\\\'",
    },
    "config.toml.escape": {
        "zh": "文本里的 \\u 转义写法不对",
        "en": "a \\u escape in text is not valid",
    },
    "config.toml.date": {
        "zh": '日期写法不对，请写成带引号的 "YYYY-MM-DD"',
        "en": 'a date is not valid; write it as a quoted "YYYY-MM-DD"',
    },
    "config.toml.section_bracket": {
        "zh": "段名缺少右方括号“]”",
        "en": "a [section] name is missing its closing ']'",
    },
    "config.toml.array_bracket": {
        "zh": "段名缺少右方括号“]]”",
        "en": "a [[section]] name is missing its closing ']]'",
    },
    "config.toml.key_name": {
        "zh": "键名的写法不对（键名只用英文字母、数字、下划线）",
        "en": "a key name is not valid (use English letters, digits and '_')",
    },
    "config.toml.unexpected": {
        "zh": "这里有多余的字符",
        "en": "there is an unexpected character here",
    },
    "config.toml.expected": {
        "zh": "这里缺少必要的符号",
        "en": "a required character is missing here",
    },
    "config.toml.other": {"zh": "这里不符合 TOML 格式", "en": "the file is not valid TOML here"},
    # A value found in the file, as it is quoted after 现在是 / got
    "config.value.flag": {"zh": " {word}", "en": "{word}"},
    "config.value.number": {"zh": "数字 {value}", "en": "the number {value}"},
    "config.value.text": {"zh": " '{text}'", "en": "'{text}'"},
    "config.value.datetime": {"zh": "日期时间 {value}", "en": "the date-time {value}"},
    "config.value.date": {"zh": "日期 {value}", "en": "the date {value}"},
    "config.value.time": {"zh": "时间 {value}", "en": "the time {value}"},
    "config.value.list": {"zh": "一个列表", "en": "a list"},
    "config.value.list_of_one": {"zh": "{count} 项的列表", "en": "a list of {count} item"},
    "config.value.list_of": {"zh": "{count} 项的列表", "en": "a list of {count} items"},
    "config.value.table": {"zh": "一个表", "en": "a table"},
    "config.value.other": {"zh": "其他类型的值", "en": "a value of another kind"},
    # Keys missing, unknown, or of the wrong kind
    "config.missing.section": {
        "zh": "缺少 [{name}] 这一段。",
        "en": "the [{name}] section is missing.",
    },
    "config.missing.tables": {
        "zh": "缺少 [[{name}]]，至少要写一项。",
        "en": "[[{name}]] is missing; at least one entry is needed.",
    },
    "config.missing.key": {
        "zh": "缺少必填项 {key}。",
        "en": "the required key '{key}' is missing.",
    },
    "config.unknown_key.likely": {
        "zh": "不认识的键 '{key}'，是不是想写 '{best}'？",
        "en": "unknown key '{key}'; did you mean '{best}'?",
    },
    "config.unknown_key.allowed": {
        "zh": "不认识的键 '{key}'；这里可以写的键有：{allowed}。",
        "en": "unknown key '{key}'; the keys allowed here are: {allowed}.",
    },
    "config.did_you_mean": {"zh": "（是不是想写 '{best}'？）", "en": " (did you mean '{best}'?)"},
    "config.expected.text": {
        "zh": "这里应当是用英文双引号括起来的文本，现在是{got}。",
        "en": "this must be text in double quotes, got {got}.",
    },
    "config.expected.integer": {
        "zh": "这里应当是一个整数（不加引号），现在是{got}。",
        "en": "this must be a whole number (without quotes), got {got}.",
    },
    "config.expected.flag": {
        "zh": "这里应当是 true 或 false{extra}，现在是{got}。",
        "en": "this must be true or false{extra}, got {got}.",
    },
    "config.remove_quotes": {"zh": "（去掉引号）", "en": " (remove the quotes)"},
    "config.expected.tables": {
        "zh": "[[{name}]] 要用两层方括号，每一项写一个 [[{name}]]，现在写成了 [{name}]。",
        "en": "[[{name}]] takes double brackets, one [[{name}]] per entry; it is written "
        "as [{name}].",
    },
    "config.expected.list": {
        "zh": '这里应当是一个列表，例如 ["甲", "乙"]，现在是{got}。',
        "en": 'this must be a list, e.g. ["a", "b"], got {got}.',
    },
    "config.expected.table": {
        "zh": "这里应当是一个表（[{name}] 段），现在是{got}。",
        "en": "this must be a table (a [{name}] section), got {got}.",
    },
    "config.expected.one_of": {
        "zh": "只能是以下之一：{allowed}，现在是{got}。",
        "en": "must be one of {allowed}, got {got}.",
    },
    "config.expected.time": {
        "zh": '这里应当是时间 "HH:MM"，现在是{got}。',
        "en": 'this must be a time "HH:MM", got {got}.',
    },
    "config.expected.date": {
        "zh": '这里应当是日期 "YYYY-MM-DD"，现在是{got}。',
        "en": 'this must be a date "YYYY-MM-DD", got {got}.',
    },
    "config.too_short.tables": {
        "zh": "[[{name}]] 至少要写 {need} 项。",
        "en": "[[{name}]] needs at least {need} entry.",
    },
    "config.too_short.list": {
        "zh": "这个列表至少要有 {need} 项。",
        "en": "this list needs at least {need} item(s).",
    },
    "config.too_long": {
        "zh": "这个列表最多只能有 {most} 项。",
        "en": "this list can have at most {most} item(s).",
    },
    "config.bound.ge": {
        "zh": "不能小于 {limit}，现在是{got}。",
        "en": "must be at least {limit}, got {got}.",
    },
    "config.bound.gt": {
        "zh": "必须大于 {limit}，现在是{got}。",
        "en": "must be greater than {limit}, got {got}.",
    },
    "config.bound.le": {
        "zh": "不能大于 {limit}，现在是{got}。",
        "en": "must be at most {limit}, got {got}.",
    },
    "config.bound.lt": {
        "zh": "必须小于 {limit}，现在是{got}。",
        "en": "must be less than {limit}, got {got}.",
    },
    "config.invalid": {
        "zh": "这个值不符合要求，现在是{got}。",
        "en": "this value is not valid, got {got}.",
    },
    # Values with their own rules
    "config.time.zone": {
        "zh": '时间不能带时区，请写成 "HH:MM"。',
        "en": 'a time must not carry a time zone; write it as "HH:MM".',
    },
    "config.time.format": {
        "zh": '时间要写成带英文引号的 "HH:MM"，例如 "09:00"，现在是{got}。',
        "en": 'a time must be written as a quoted "HH:MM", e.g. "09:00", got {got}.',
    },
    "config.date.format": {
        "zh": '日期要写成 "YYYY-MM-DD"，例如 "2026-10-01"，并且必须是真实存在的日期，现在是{got}。',
        "en": 'a date must be written as "YYYY-MM-DD", e.g. "2026-10-01", and be a real date, '
        "got {got}.",
    },
    "config.range.format": {
        "zh": '时间段要写成开始和结束两个时间组成的列表，例如 ["12:00", "13:30"]，现在是{got}。',
        "en": 'a time range must be a list of two times, start and end, e.g. ["12:00", "13:30"], '
        "got {got}.",
    },
    "config.range.order": {
        "zh": "时间段的开始时间 {start} 必须早于结束时间 {end}。",
        "en": "a time range must start before it ends; {start} is not before {end}.",
    },
    "config.code.format": {
        "zh": "代码只能由英文字母、数字、下划线和连字符组成，长度 1 到 32 个字符，"
        "现在是 '{value}'。",
        "en": "a code must be 1 to 32 characters of English letters, digits, '_' and '-', "
        "got '{value}'.",
    },
    "config.text.empty": {"zh": "这里不能为空。", "en": "this must not be empty."},
    "config.prefix.format": {
        "zh": "票号前缀必须是一个大写字母（A–Z），现在是 '{value}'。",
        "en": "the ticket prefix must be one capital letter (A–Z), got '{value}'.",
    },
    "config.password.short": {
        "zh": "初始密码至少要有 6 个字符，现在只有 {count} 个。",
        "en": "an initial password must have at least 6 characters, this one has {count}.",
    },
    "config.timezone.unknown": {
        "zh": "'{value}' 不是有效的时区名称，中国大陆的大厅请写 \"Asia/Shanghai\"。",
        "en": "'{value}' is not a valid IANA time zone name; halls in mainland China use "
        '"Asia/Shanghai".',
    },
    "config.month_day.format": {
        "zh": '月日要写成 "MM-DD"，例如 "05-01"，并且必须是真实存在的日子，现在是 \'{value}\'。',
        "en": 'a month-day must be written as "MM-DD", e.g. "05-01", and be a real day, '
        "got '{value}'.",
    },
    "config.number.at_least": {
        "zh": "必须是不小于 {low} 的整数，现在是 {value}。",
        "en": "must be a whole number of at least {low}, got {value}.",
    },
    "config.number.between": {
        "zh": "必须是 {low} 到 {high} 之间的整数，现在是 {value}。",
        "en": "must be a whole number from {low} to {high}, got {value}.",
    },
    "config.number.one_of": {
        "zh": "只能是 {allowed} 之一，现在是 {value}。",
        "en": "must be one of {allowed}, got {value}.",
    },
    "config.voice.template": {
        "zh": "叫号模板必须包含 {{number}} 和 {{window}} 各一次，不能有其他花括号，"
        "例如 \"请{{number}}号到{{window}}号窗口办理\"，现在是 '{value}'。",
        "en": "a call template must contain {{number}} and {{window}} once each and no other "
        "braces, e.g. \"Number {{number}}, please go to window {{window}}\", got '{value}'.",
    },
    "config.url.format": {
        "zh": "网址要以 http:// 或 https:// 开头，中间不能有空格，现在是 '{value}'。",
        "en": "an address must start with http:// or https:// and contain no spaces, "
        "got '{value}'.",
    },
    # The calendar
    "config.summer.across_new_year": {
        "zh": "夏季作息从 {start} 到 {end} 跨了年，不支持跨年的时段；请让开始日期早于结束日期。",
        "en": "the summer hours from {start} to {end} cross new year, which is not supported; "
        "the start must come before the end.",
    },
    "config.hours.close_before_open": {
        "zh": "关门时间 {close} 必须晚于开门时间 {open}。",
        "en": "the closing time {close} must be after the opening time {open}.",
    },
    "config.hours.summer_close_before_open": {
        "zh": "夏季关门时间 {close} 必须晚于开门时间 {open}。",
        "en": "in summer the closing time {close} must be after the opening time {open}.",
    },
    "config.hours.noon_outside": {
        "zh": "午休 {start}–{end} 必须在开门 {open} 和关门 {close} 之间。",
        "en": "the noon break {start}–{end} must lie between opening at {open} and closing "
        "at {close}.",
    },
    "config.hours.summer_noon_outside": {
        "zh": "夏季午休 {start}–{end} 必须在开门 {open} 和关门 {close} 之间。",
        "en": "in summer the noon break {start}–{end} must lie between opening at {open} and "
        "closing at {close}.",
    },
    "config.tickets.from_after_close": {
        "zh": "开始取号时间 {start} 必须早于关门时间 {close}。",
        "en": "tickets must start before closing time; {start} is not before {close}.",
    },
    "config.tickets.from_after_summer_close": {
        "zh": "开始取号时间 {start} 必须早于夏季关门时间 {close}。",
        "en": "tickets must start before closing time in summer; {start} is not before {close}.",
    },
    "config.tickets.until_after_close": {
        "zh": "停止取号时间 {until} 不能晚于关门时间 {close}。",
        "en": "tickets must stop by closing time; {until} is after {close}.",
    },
    "config.tickets.until_after_summer_close": {
        "zh": "停止取号时间 {until} 不能晚于夏季关门时间 {close}。",
        "en": "tickets must stop by closing time in summer; {until} is after {close}.",
    },
    "config.tickets.until_before_open": {
        "zh": "停止取号时间 {until} 必须晚于开门时间 {open}。",
        "en": "tickets must stop after opening time; {until} is not after {open}.",
    },
    "config.tickets.from_after_until": {
        "zh": "开始取号时间 {start} 必须早于停止取号时间 {until}。",
        "en": "tickets must start before they stop; {start} is not before {until}.",
    },
    "config.weekend.close_before_open": {
        "zh": "{weekday}的关门时间 {close} 必须晚于开门时间 {open}。",
        "en": "on {weekday} the closing time {close} must be after the opening time {open}.",
    },
    "config.weekend.on_workday": {
        "zh": "{weekday}本来就是工作日（见 workdays），不需要再写在 [[calendar.weekend]] 里。",
        "en": "{weekday} is already a workday (see workdays); it does not belong in "
        "[[calendar.weekend]].",
    },
    "config.weekend.twice": {
        "zh": "{weekday}写了两次，weekend[{first}] 已经设置过。",
        "en": "{weekday} is given twice; weekend[{first}] already sets it.",
    },
    "config.swaps.holiday": {
        "zh": "{day} 同时写在节假日和调休上班日里，只能是其中一种。",
        "en": "{day} is listed both as a holiday and as a workday swap; it can only be one.",
    },
    "config.swaps.workday": {
        "zh": "调休上班日 {day} 是{weekday}，本来就是工作日；请检查日期是否写错。",
        "en": "the workday swap {day} is a {weekday}, already a workday; check the date.",
    },
    # Services, windows, posts
    "config.slots.overlap": {
        "zh": "事项“{name}”的取号时段 {start}–{end} 与前一个时段重叠"
        "（{before_start}–{before_end}）；时段要按时间先后排列且不能重叠。",
        "en": "the ticket slot {start}–{end} of service '{name}' overlaps the one before "
        "({before_start}–{before_end}); slots must be in time order and must not overlap.",
    },
    "config.slots.order": {
        "zh": "事项“{name}”的取号时段 {start}–{end} 排在了前一个时段的前面"
        "（{before_start}–{before_end}）；时段要按时间先后排列且不能重叠。",
        "en": "the ticket slot {start}–{end} of service '{name}' comes before the one above "
        "({before_start}–{before_end}); slots must be in time order and must not overlap.",
    },
    "config.slots.caps_count": {
        "zh": "事项“{name}”的 slot_caps 要为每个取号时段写一个数（0 表示不限），"
        "它有 {slots} 个时段，却写了 {caps} 个数。",
        "en": "service '{name}' has {slots} ticket slots but {caps} numbers in slot_caps; "
        "give one number per slot (0 = no quota).",
    },
    "config.alarms.unknown_service": {
        "zh": "[alarms] service_wait_minutes 写了事项 '{code}'，但 [[services]] 里没有它{hint}。",
        "en": "[alarms] service_wait_minutes names the service '{code}', which is not in "
        "[[services]]{hint}.",
    },
    "config.scope.zone": {
        "zh": "功能区 '{zone}' 的全部事项",
        "en": "every service of zone '{zone}'",
    },
    "config.scope.hall": {"zh": "全厅所有事项", "en": "every service of the hall"},
    "config.window.comprehensive_with_services": {
        "zh": "{number} 号窗口是综合窗口，已经受理{scope}，不要再列出 services；"
        "要么删掉 services，要么把 comprehensive 改为 false。",
        "en": "window {number} is comprehensive and already serves {scope}; remove its "
        "services or set comprehensive = false.",
    },
    "config.window.no_services": {
        "zh": "{number} 号窗口没有列出任何事项：请在 services 里写上它受理的事项代码，"
        "或者设为综合窗口（comprehensive = true）。",
        "en": "window {number} lists no services: list the codes of the services it handles, "
        "or make it comprehensive (comprehensive = true).",
    },
    "config.window.service_twice": {
        "zh": "{number} 号窗口的事项 '{code}' 写了两次。",
        "en": "window {number} lists the service '{code}' twice.",
    },
    "config.window.unknown_zone": {
        "zh": "{number} 号窗口所属的功能区 '{zone}' 不存在{hint}；已有的功能区是：{zones}。",
        "en": "window {number} names the zone '{zone}', which does not exist{hint}; the zones "
        "are: {zones}.",
    },
    "config.window.unknown_service": {
        "zh": "{number} 号窗口列出的事项 '{code}' 不存在{hint}；事项代码要与 [[services]] 里的 "
        "code 一致。",
        "en": "window {number} lists the service '{code}', which does not exist{hint}; use a "
        "code from [[services]].",
    },
    "config.window.service_of_other_zone": {
        "zh": "{number} 号窗口属于功能区 '{zone}'，但它列出的事项“{name}”（{code}）"
        "属于功能区 '{service_zone}'。",
        "en": "window {number} belongs to zone '{zone}' but lists the service '{name}' "
        "({code}), which belongs to zone '{service_zone}'.",
    },
    "config.service.unknown_zone": {
        "zh": "事项“{name}”所属的功能区 '{zone}' 不存在{hint}；已有的功能区是：{zones}。",
        "en": "service '{name}' names the zone '{zone}', which does not exist{hint}; the zones "
        "are: {zones}.",
    },
    "config.posts.same_clerk": {
        "zh": "{window} 号窗口的 A 岗和 B 岗是同一个人 '{clerk}'，B 岗必须是另一位工作人员。",
        "en": "window {window} has the same clerk '{clerk}' as A and B; the B post must be "
        "someone else.",
    },
    "config.posts.unknown_window": {
        "zh": "AB 岗设置里的 {window} 号窗口不存在（[[windows]] 里没有这个窗口号）。",
        "en": "the AB posts name window {window}, which does not exist in [[windows]].",
    },
    "config.posts.window_twice": {
        "zh": "{window} 号窗口的 AB 岗已经在 posts[{first}] 设置过，每个窗口只能设置一次。",
        "en": "the AB posts of window {window} are already set in posts[{first}]; each window "
        "is set once.",
    },
    "config.posts.unknown_clerk": {
        "zh": "{window} 号窗口的 {post} 岗工作人员 '{clerk}' 不在 [[clerks]] 名单里{hint}。",
        "en": "the {post} post of window {window} names the clerk '{clerk}', who is not in "
        "[[clerks]]{hint}.",
    },
    "config.posts.a_twice": {
        "zh": "工作人员 '{clerk}'（{name}）已经是 {window} 号窗口的 A 岗，"
        "一个人不能同时担任两个窗口的 A 岗。",
        "en": "the clerk '{clerk}' ({name}) already holds the A post of window {window}; "
        "nobody can be A of two windows.",
    },
    # A code or number used twice, and what it is
    "config.unique": {
        "zh": "{what} {value} 重复了，{first} 已经用过。",
        "en": "the {what} {value} is used twice; {first} already has it.",
    },
    "config.what.zone_code": {"zh": "功能区代码", "en": "zone code"},
    "config.what.service_code": {"zh": "事项代码", "en": "service code"},
    "config.what.window_number": {"zh": "窗口号", "en": "window number"},
    "config.what.clerk_code": {"zh": "工作人员代码", "en": "clerk code"},
}
