"""Sentences of ``yimen doctor``: each check's name, what it found and what to do about it,
and the table around them. A problem's sentence says what is wrong on this PC; its fix
says what the hall's IT person does next, with the command or the setting to change."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # The table
    "doctor.title": {"zh": "一门 · 本机检查：{role}", "en": "Yimen · checking this PC: {role}"},
    "doctor.where": {"zh": "数据库：{db}", "en": "Database: {db}"},
    "doctor.head.check": {"zh": "检查项", "en": "Check"},
    "doctor.head.result": {"zh": "结果", "en": "Result"},
    "doctor.head.found": {"zh": "情况与处理", "en": "What was found, what to do"},
    "doctor.status.ok": {"zh": "正常", "en": "OK"},
    "doctor.status.problem": {"zh": "有问题", "en": "PROBLEM"},
    "doctor.status.not_checked": {"zh": "未检查", "en": "not checked"},
    "doctor.fix": {"zh": "处理：{fix}", "en": "To do: {fix}"},
    "doctor.summary.ok": {
        "zh": "全部 {count} 项正常。",
        "en": "All {count} checks are OK.",
    },
    "doctor.summary.some": {
        "zh": "共 {count} 项：{ok} 项正常，{problems} 项有问题。"
        "按“处理”逐项解决后，再运行一次 yimen doctor。",
        "en": "{count} checks: {ok} OK, {problems} with a problem. "
        "Do what each “To do” says, then run yimen doctor again.",
    },
    "doctor.summary.problems": {
        "zh": "共 {count} 项：{ok} 项正常，{problems} 项有问题，{unchecked} 项未检查。"
        "按“处理”逐项解决后，再运行一次 yimen doctor。",
        "en": "{count} checks: {ok} OK, {problems} with a problem, {unchecked} not checked. "
        "Do what each “To do” says, then run yimen doctor again.",
    },
    # The roles
    "doctor.role.all": {
        "zh": "全部检查（未指定 --role）",
        "en": "every check (no --role given)",
    },
    "doctor.role.kiosk": {"zh": "自助取号机", "en": "ticket kiosk"},
    "doctor.role.counter": {"zh": "窗口叫号", "en": "counter console"},
    "doctor.role.display": {"zh": "大厅综合屏", "en": "lobby display"},
    "doctor.role.evaluator": {"zh": "窗口评价器", "en": "window evaluator"},
    "doctor.role.supervisor": {"zh": "监督管理", "en": "supervisor's station"},
    "doctor.role.server": {"zh": "数据库服务器", "en": "database server"},
    # The checks' names
    "doctor.check.database": {"zh": "数据库", "en": "Database"},
    "doctor.check.clock": {"zh": "时钟", "en": "Clock"},
    "doctor.check.config": {"zh": "大厅配置", "en": "Hall configuration"},
    "doctor.check.calendar": {"zh": "节假日日历", "en": "Holiday calendar"},
    "doctor.check.pdf_font": {"zh": "打印字体", "en": "Print font"},
    "doctor.check.screen_font": {"zh": "屏幕字体", "en": "Screen font"},
    "doctor.check.voice": {"zh": "叫号语音", "en": "Call voice"},
    "doctor.check.sound": {"zh": "声音输出", "en": "Sound output"},
    "doctor.check.printer": {"zh": "打印机", "en": "Printer"},
    "doctor.check.screen": {"zh": "屏幕", "en": "Screen"},
    # Any check
    "doctor.late": {
        "zh": "“{what}”检查在 {seconds} 秒内没有结果。",
        "en": "The check “{what}” gave no answer within {seconds} s.",
    },
    "doctor.late.fix": {
        "zh": "稍后再运行一次 yimen doctor；一直如此时，检查该设备或服务本身"
        "（是否卡住、网络是否通）。",
        "en": "Run yimen doctor again in a moment; if it stays so, look at the device or "
        "service itself (is it stuck, is the network up?).",
    },
    "doctor.failed": {
        "zh": "“{what}”检查本身出错（{detail}）。",
        "en": "The check “{what}” itself failed ({detail}).",
    },
    "doctor.failed.fix": {
        "zh": "这是程序的问题，不是本机的：请把这一行发给一门的技术支持。",
        "en": "This is a fault of the program, not of this PC: send this line to Yimen's support.",
    },
    "doctor.not_checked.database": {
        "zh": "未检查：数据库打不开（见上）。",
        "en": "Not checked: the database cannot be opened (see above).",
    },
    "doctor.not_checked.config": {
        "zh": "未检查：大厅配置读不出（见上）。",
        "en": "Not checked: the hall's configuration cannot be read (see above).",
    },
    "doctor.not_here.display": {
        "zh": "本中心由大厅综合屏播报叫号（[voice] speaker = display），本机不需要。",
        "en": "This hall's calls are spoken by the lobby display ([voice] speaker = "
        "display): not needed on this PC.",
    },
    "doctor.not_here.counter": {
        "zh": "本中心由各窗口的电脑播报叫号（[voice] speaker = counter），本机不需要。",
        "en": "This hall's calls are spoken by the counters' PCs ([voice] speaker = "
        "counter): not needed on this PC.",
    },
    # The database
    "doctor.database.ok": {
        "zh": "数据库可以连接，结构是本程序的版本（{head}）。",
        "en": "The database answers, and its schema is this program's version ({head}).",
    },
    "doctor.database.no_file": {
        "zh": "数据库文件 {path} 不存在。",
        "en": "There is no database file {path}.",
    },
    "doctor.database.not_initialised": {
        "zh": "数据库是空的：还没有建立一门的数据表。",
        "en": "The database is empty: Yimen's tables have not been created.",
    },
    "doctor.database.too_old": {
        "zh": "数据库结构是旧版本（{current}），本程序需要 {head}。",
        "en": "The database's schema is an older version ({current}); this program needs {head}.",
    },
    "doctor.database.too_new": {
        "zh": "数据库结构（{current}）比本程序的（{head}）新：它已被较新版本的一门升级过。",
        "en": "The database's schema ({current}) is newer than this program's ({head}): a "
        "newer Yimen has upgraded it.",
    },
    "doctor.database.fault": {"zh": "{detail}", "en": "{detail}"},
    "doctor.database.fix.init": {
        "zh": "新装的服务中心：运行 yimen init --config 本中心的配置文件（试用演示大厅：yimen init "
        "--demo）。数据库在别处时，用 --db 或 YIMEN_DB 指明它的地址。",
        "en": "A new hall: run yimen init --config YOUR-HALL.toml (to try the demo hall: "
        "yimen init --demo). If the database is elsewhere, give its address with --db or "
        "YIMEN_DB.",
    },
    "doctor.database.fix.too_old": {
        "zh": "先备份数据库（yimen backup 备份文件），再在一台电脑上运行一次 yimen init，把它升级"
        "（不带配置文件时只升级数据库，服务中心的设置保持不变）。升级后，各台电脑上的一门应是"
        "同一版本。",
        "en": "Back up the database (yimen backup FILE), then run yimen init once, on one PC, "
        "to upgrade it (without a hall file it only upgrades the database; the hall's settings "
        "stay as they are). Afterwards every PC should run the same version of Yimen.",
    },
    "doctor.database.fix.too_new": {
        "zh": "把本机的一门升级到与其他电脑相同的版本；不要用旧版本连接这个数据库。",
        "en": "Upgrade Yimen on this PC to the version the other PCs run; do not use an "
        "older version on this database.",
    },
    "doctor.database.fix.bad_url": {
        "zh": "地址写作 sqlite:///文件路径，或 postgresql://用户名:密码@服务器/库名，"
        "放在 --db 或环境变量 YIMEN_DB 中。",
        "en": "Write the address as sqlite:///PATH or postgresql://USER:PASSWORD@SERVER/DB, in "
        "--db or the YIMEN_DB variable.",
    },
    "doctor.database.fix.unreachable": {
        "zh": "确认数据库服务器已开机、PostgreSQL 服务已启动；本机能连到服务器的 5432 端口"
        "（网线、IP 地址、防火墙）；服务器的 listen_addresses 和 pg_hba.conf 允许本机连接。",
        "en": "Check that the database server is on and PostgreSQL is running; that this PC "
        "reaches the server's port 5432 (cable, IP address, firewall); and that the server's "
        "listen_addresses and pg_hba.conf let this PC in.",
    },
    "doctor.database.fix.auth_failed": {
        "zh": "核对 --db 或 YIMEN_DB 中的用户名和密码（密码中的 @ : / 要写成 %40 %3A %2F）；"
        "忘记密码时，在服务器上用 ALTER ROLE 用户名 PASSWORD '新密码' 重设。",
        "en": "Check the user name and password in --db or YIMEN_DB (write @ : / in a password "
        "as %40 %3A %2F); to reset a forgotten one, run ALTER ROLE USER PASSWORD 'NEW' on "
        "the server.",
    },
    "doctor.database.fix.no_database": {
        "zh": "在数据库服务器上创建它（createdb -O 用户名 库名），再运行 yimen init --config "
        "本中心的配置文件。",
        "en": "Create it on the database server (createdb -O USER DB), then run yimen init "
        "--config YOUR-HALL.toml.",
    },
    "doctor.database.fix.cannot_open": {
        "zh": "检查数据库文件及其文件夹的权限（运行一门的用户要能读写）和磁盘空间。",
        "en": "Check the permissions of the database file and its folder (the user running "
        "Yimen must read and write them) and the free disk space.",
    },
    "doctor.database.fix.again": {
        "zh": "稍等片刻再运行 yimen doctor；一直如此时，检查数据库服务器和网络。",
        "en": "Run yimen doctor again in a moment; if it stays so, check the database server "
        "and the network.",
    },
    # The clock
    "doctor.clock.ok": {
        "zh": "本机时钟与数据库服务器 {host} 相差 {seconds} 秒。",
        "en": "This PC's clock is {seconds} s from the database server {host}'s.",
    },
    "doctor.clock.same_pc": {
        "zh": "数据库在本机（SQLite），时间以本机时钟为准。",
        "en": "The database is on this PC (SQLite): this PC's clock is the hall's clock.",
    },
    "doctor.clock.ahead": {
        "zh": "本机时钟比数据库服务器 {host} 快 {seconds} 秒（超过了 {most} 秒）："
        "取号、叫号和登录的时间会错。",
        "en": "This PC's clock is {seconds} s ahead of the database server {host} (more than "
        "{most} s): tickets, calls and sign-ins get the wrong times.",
    },
    "doctor.clock.behind": {
        "zh": "本机时钟比数据库服务器 {host} 慢 {seconds} 秒（超过了 {most} 秒）："
        "取号、叫号和登录的时间会错。",
        "en": "This PC's clock is {seconds} s behind the database server {host} (more than "
        "{most} s): tickets, calls and sign-ins get the wrong times.",
    },
    "doctor.clock.fix": {
        "zh": "在本机和数据库服务器上都打开自动对时，并用同一个时间服务器（Windows：设置 → "
        "时间和语言 → 自动设置时间；Linux：timedatectl set-ntp true）。",
        "en": "Turn on automatic time on this PC and on the database server, from the same "
        "time server (Windows: Settings → Time & Language → Set time automatically; Linux: "
        "timedatectl set-ntp true).",
    },
    "doctor.clock.unreadable": {
        "zh": "读不到数据库服务器的时间（{detail}）。",
        "en": "The database server's time could not be read ({detail}).",
    },
    # The hall's configuration and calendar
    "doctor.config.ok": {
        "zh": "服务中心 {hall}（{name}）的配置完整有效：{services} 个事项，{windows} 个窗口。",
        "en": "The configuration of hall {hall} ({name}) is complete and valid: {services} "
        "services, {windows} windows.",
    },
    "doctor.config.file_ok": {
        "zh": "配置文件 {path}（服务中心 {hall}）完整有效，可以用 yimen init --config 载入。",
        "en": "The configuration file {path} (hall {hall}) is complete and valid; load it "
        "with yimen init --config.",
    },
    "doctor.config.file_bad": {"zh": "{problem}", "en": "{problem}"},
    "doctor.config.fix.file": {
        "zh": "按上面说的位置改正配置文件，再用 yimen doctor --config {path} 检查；"
        "通过后用 yimen init --config {path} 载入。",
        "en": "Correct the file where it says, check it again with yimen doctor --config "
        "{path}, then load it with yimen init --config {path}.",
    },
    "doctor.config.stored_bad": {
        "zh": "数据库中服务中心 {hall} 的设置有误（{where}）：{problem}",
        "en": "The settings of hall {hall} in the database are wrong ({where}): {problem}",
    },
    "doctor.config.fix.stored": {
        "zh": "用 yimen config export -o hall.toml 导出当前设置，改正后用 yimen init --config "
        "hall.toml 重新载入。",
        "en": "Export the settings with yimen config export -o hall.toml, correct them, and "
        "load them again with yimen init --config hall.toml.",
    },
    "doctor.config.unreadable": {
        "zh": "数据库中的服务中心设置读不出（{where}），可能是另一版本的一门写入的。",
        "en": "The hall's settings in the database cannot be read ({where}); another version "
        "of Yimen may have written them.",
    },
    "doctor.config.fix.reload": {
        "zh": "用本中心的配置文件重新载入：yimen init --config 本中心的配置文件；"
        "并确认各台电脑上的一门是同一版本。",
        "en": "Load the hall's file again: yimen init --config YOUR-HALL.toml; and check that "
        "every PC runs the same version of Yimen.",
    },
    "doctor.config.no_hall": {"zh": "{detail}", "en": "{detail}"},
    "doctor.config.fix.ambiguous": {
        "zh": "加上 --hall 编号，指明本机属于哪个服务中心（本机的各个站点也用同一个 --hall）。",
        "en": "Add --hall CODE to name this PC's hall (and give the same --hall to its stations).",
    },
    "doctor.config.fix.not_found": {
        "zh": "核对 --hall 后的编号：它是配置文件 [hall] 中的 code。",
        "en": "Check the code after --hall: it is the code in the [hall] table of the hall's file.",
    },
    "doctor.calendar.ok": {
        "zh": "{year} 年的日历有 {holidays} 个法定节假日、{swaps} 个调休上班日。",
        "en": "The calendar of {year} has {holidays} public holidays and {swaps} weekend workdays.",
    },
    "doctor.calendar.no_holidays": {
        "zh": "日历中没有 {year} 年的法定节假日：节假日里大厅会照常开门、取号机照常出号。",
        "en": "The calendar has no public holidays for {year}: on a holiday the hall opens "
        "and the kiosk issues tickets as on any workday.",
    },
    "doctor.calendar.fix": {
        "zh": "按国务院办公厅 {year} 年的放假通知，在配置文件的 [calendar] 中填上 holidays"
        "（放假的日子，含周末）和 workday_swaps（调休上班的周末），再运行 yimen init --config "
        "本中心的配置文件。",
        "en": "From the State Council's holiday notice for {year}, fill in [calendar] "
        "holidays (the days off, weekends included) and workday_swaps (the weekend days "
        "worked) in the hall's file, then run yimen init --config YOUR-HALL.toml.",
    },
    # The fonts
    "doctor.pdf_font.ok": {
        "zh": "取号单、告知单和报表嵌入的中文字体：{path}。",
        "en": "The Chinese font embedded in slips, notices and reports: {path}.",
    },
    "doctor.pdf_font.missing": {
        "zh": "本机没有可以嵌入取号单、告知单和报表的中文字体（找过：{looked}）。",
        "en": "No Chinese font to embed in slips, notices and reports on this PC (looked "
        "for: {looked}).",
    },
    "doctor.pdf_font.broken": {
        "zh": "字体文件 {path} 无法使用（{detail}）。",
        "en": "The font file {path} cannot be used ({detail}).",
    },
    "doctor.pdf_font.no_chinese": {
        "zh": "字体文件 {path} 缺少汉字（{chars}），单据上的中文会印成空白。",
        "en": "The font file {path} lacks Chinese characters ({chars}): slips would print "
        "blanks for them.",
    },
    "doctor.pdf_font.fix": {
        "zh": "安装文泉驿微米黑（Debian/Ubuntu：sudo apt install fonts-wqy-microhei）；"
        "Windows 自带微软雅黑。也可以把环境变量 YIMEN_CJK_FONT 设为含简体中文的 TrueType "
        "字体文件（.ttf/.ttc）。",
        "en": "Install WenQuanYi Micro Hei (Debian/Ubuntu: sudo apt install "
        "fonts-wqy-microhei); Windows has Microsoft YaHei. Or set the YIMEN_CJK_FONT "
        "variable to a TrueType font file (.ttf/.ttc) with Simplified Chinese.",
    },
    "doctor.screen_font.ok": {
        "zh": "屏幕上的中文字体：{family}。",
        "en": "The screens' Chinese font: {family}.",
    },
    "doctor.screen_font.none": {
        "zh": "本机没有中文字体，屏幕上的汉字会显示成方框。",
        "en": "This PC has no Chinese font: the screens would show boxes for Chinese.",
    },
    "doctor.screen_font.no_fontconfig": {
        "zh": "本机没有 fontconfig（fc-list），Qt 找不到字体。",
        "en": "This PC has no fontconfig (fc-list): Qt cannot find its fonts.",
    },
    "doctor.screen_font.slow": {
        "zh": "fc-list 在 {seconds} 秒内没有答复（字体缓存可能在重建）。",
        "en": "fc-list gave no answer within {seconds} s (its cache may be being rebuilt).",
    },
    "doctor.screen_font.fix": {
        "zh": "安装中文字体：sudo apt install fontconfig fonts-wqy-microhei，再运行 fc-cache -f。",
        "en": "Install a Chinese font: sudo apt install fontconfig fonts-wqy-microhei, then "
        "run fc-cache -f.",
    },
    "doctor.screen_font.fix_cache": {
        "zh": "运行 fc-cache -f 重建字体缓存，再运行 yimen doctor。",
        "en": "Rebuild the font cache with fc-cache -f, then run yimen doctor again.",
    },
    "doctor.screen_font.fix_windows": {
        "zh": "在 Windows 的“设置 → 时间和语言 → 语言”中添加“中文(简体，中国)”，它会装上中文字体。",
        "en": "Add “Chinese (Simplified, China)” in Windows' Settings → Time & Language → "
        "Language: it installs the Chinese fonts.",
    },
    # The voice and the sound
    "doctor.voice.ok": {
        "zh": "{language}叫号语音正常（{voice}）：试读“{text}”，{seconds} 秒。",
        "en": "The {language} call voice works ({voice}): “{text}” took {seconds} s.",
    },
    "doctor.voice.no_engine": {
        "zh": "语音合成无法启动（{detail}）。",
        "en": "Speech synthesis cannot start ({detail}).",
    },
    "doctor.voice.no_voice": {
        "zh": "本机没有{language}语音，叫号只能显示、不能播报。",
        "en": "This PC has no {language} voice: calls can be shown but not spoken.",
    },
    "doctor.voice.failed": {
        "zh": "语音合成出错（{detail}）。",
        "en": "Speech synthesis failed ({detail}).",
    },
    "doctor.voice.silent": {
        "zh": "{language}语音试读“{text}”时没有声音（合成出来的是静音）。",
        "en": "The {language} voice made silence of “{text}”.",
    },
    "doctor.voice.fix_engine": {
        "zh": "Linux：sudo apt install espeak-ng libespeak-ng1；Windows：在“设置 → 时间和语言 → "
        "语音”中检查语音。然后用 yimen say A001 1 --wav test.wav 试听。",
        "en": "Linux: sudo apt install espeak-ng libespeak-ng1; Windows: check Settings → Time "
        "& Language → Speech. Then listen with yimen say A001 1 --wav test.wav.",
    },
    "doctor.voice.fix_voice": {
        "zh": "Windows：在“设置 → 时间和语言 → 语音”中添加该语言的语音包"
        "（中文选“中文(简体，中国)”）；Linux：sudo apt install espeak-ng。",
        "en": "Windows: add the language's voice in Settings → Time & Language → Speech "
        "(for Chinese, “Chinese (Simplified, China)”); Linux: sudo apt install espeak-ng.",
    },
    "doctor.sound.ok": {
        "zh": "声音输出设备：{device}。",
        "en": "Sound output device: {device}.",
    },
    "doctor.sound.no_library": {
        "zh": "缺少声音输出组件 PortAudio（{detail}）。",
        "en": "The sound output library PortAudio is missing ({detail}).",
    },
    "doctor.sound.fix_library": {
        "zh": "Linux：sudo apt install libportaudio2；Windows 版自带它，请重新安装一门。",
        "en": "Linux: sudo apt install libportaudio2; on Windows it comes with Yimen: "
        "install Yimen again.",
    },
    "doctor.sound.no_device": {
        "zh": "本机没有可用的声音输出设备（{detail}），叫号只能显示、不能播报。",
        "en": "This PC has no working sound output ({detail}): calls can be shown but not spoken.",
    },
    "doctor.sound.fix": {
        "zh": "接上音箱或耳机并打开；检查声卡驱动和系统的默认输出设备（Linux：aplay -l 列出声卡，"
        "pactl info 查看默认输出）。",
        "en": "Connect and switch on a speaker or headphones; check the sound card's driver "
        "and the system's default output (Linux: aplay -l lists the cards, pactl info shows "
        "the default output).",
    },
    # The printer
    "doctor.printer.ok": {
        "zh": "小票打印机 {printer} 已连接，有纸。",
        "en": "The receipt printer {printer} is connected and has paper.",
    },
    "doctor.printer.folder_ok": {
        "zh": "没有设置纸质打印机：单据存为 PDF 文件，放在 {path}。",
        "en": "No paper printer is set: slips and notices are kept as PDF files in {path}.",
    },
    "doctor.printer.folder_locked": {
        "zh": "无法写入单据文件夹 {path}。",
        "en": "The folder {path} for slips and notices cannot be written.",
    },
    "doctor.printer.folder_full": {
        "zh": "单据文件夹 {path} 所在的磁盘只剩 {mb} MB。",
        "en": "The disk of the folder {path} has only {mb} MB free.",
    },
    "doctor.printer.fix_folder": {
        "zh": "给运行一门的用户这个文件夹的写入权限，或清理磁盘；也可以用 --printer pdf:文件夹 "
        "换一个位置。",
        "en": "Let the user running Yimen write the folder, or free some disk space; or "
        "choose another folder with --printer pdf:FOLDER.",
    },
    "doctor.printer.bad_spec": {"zh": "{detail}", "en": "{detail}"},
    "doctor.printer.fix_spec": {
        "zh": "改正 --printer（或环境变量 YIMEN_PRINTER、YIMEN_NOTICE_PRINTER）。",
        "en": "Correct --printer (or the YIMEN_PRINTER or YIMEN_NOTICE_PRINTER variable).",
    },
    "doctor.printer.offline": {
        "zh": "打印机 {printer} 未连接或未开机（{detail}）。",
        "en": "The printer {printer} is not connected or switched off ({detail}).",
    },
    "doctor.printer.fix_offline": {
        "zh": "打开打印机电源，检查数据线或网线；网络打印机核对 IP 地址和端口（通常是 9100）；"
        "USB 打印机核对厂商号:产品号（Linux：lsusb），并确认本用户有权使用该设备。",
        "en": "Switch the printer on and check its cable; for a network printer check its IP "
        "address and port (usually 9100); for a USB printer check VID:PID (Linux: lsusb) "
        "and that this user may use the device.",
    },
    "doctor.printer.no_paper": {
        "zh": "打印机 {printer} 缺纸。",
        "en": "The printer {printer} is out of paper.",
    },
    "doctor.printer.paper_low": {
        "zh": "打印机 {printer} 的纸快用完了。",
        "en": "The printer {printer} is running out of paper.",
    },
    "doctor.printer.fix_paper": {
        "zh": "换上新的热敏纸卷（宽度与 [kiosk] slip_width_mm 一致：80 或 58 毫米），合上纸仓盖。",
        "en": "Put in a new roll of thermal paper (as wide as [kiosk] slip_width_mm: 80 or 58 "
        "mm) and close the cover.",
    },
    "doctor.printer.not_installed": {
        "zh": "本机没有安装名为 {printer} 的打印机。",
        "en": "No printer named {printer} is installed on this PC.",
    },
    "doctor.printer.fix_install": {
        "zh": "在系统中安装该打印机（Windows：设置 → 打印机和扫描仪；Linux：CUPS），"
        "名称要与 system: 后面写的完全一致。",
        "en": "Install the printer in the system (Windows: Settings → Printers & scanners; "
        "Linux: CUPS), named exactly as written after system:.",
    },
    "doctor.printer.error": {
        "zh": "打印机 {printer} 报告故障（缺纸、卡纸、开盖或离线）。",
        "en": "The printer {printer} reports a fault (paper out, jammed, open or offline).",
    },
    "doctor.printer.system_ok": {
        "zh": "系统打印机 {printer} 已就绪（{state}）。",
        "en": "The system printer {printer} is ready ({state}).",
    },
    "doctor.printer.state.idle": {"zh": "空闲", "en": "idle"},
    "doctor.printer.state.active": {"zh": "正在打印", "en": "printing"},
    # The screen
    "doctor.screen.ok": {
        "zh": "主屏 {size}，够{role}使用（至少 {need}）。",
        "en": "The main screen, {size}, is large enough for the {role} (at least {need}).",
    },
    "doctor.screen.small": {
        "zh": "主屏 {size}（可用 {free}）小于{role}需要的 {need}。",
        "en": "The main screen, {size} ({free} free), is smaller than the {role} needs ({need}).",
    },
    "doctor.screen.fits": {
        "zh": "主屏 {size}，够这些站点使用：{roles}。",
        "en": "The main screen, {size}, is large enough for: {roles}.",
    },
    "doctor.screen.fits_none": {
        "zh": "主屏 {size}，比任何站点需要的都小。",
        "en": "The main screen, {size}, is smaller than any station needs.",
    },
    "doctor.screen.fix.kiosk": {
        "zh": "取号机需要至少 {need} 的屏幕（竖放或横放，常见的是 1080×1920），否则按钮小于 "
        "20 毫米，老人难以点中：把分辨率设为屏幕的原生分辨率，显示缩放设为 100%。",
        "en": "The kiosk needs a screen of at least {need} (standing either way; 1080×1920 is "
        "usual), or its buttons are under 20 mm and hard to hit: set the screen's native "
        "resolution and a display scale of 100%.",
    },
    "doctor.screen.fix.display": {
        "zh": "综合屏需要至少 {need}（竖放或横放）：把分辨率设为电视或显示屏的原生分辨率，"
        "显示缩放设为 100%。窗口屏（yimen display --window N）有 800×480 就够。",
        "en": "The lobby display needs at least {need} (either way up): set the TV's native "
        "resolution and a display scale of 100%. A window screen (yimen display --window N) "
        "needs only 800×480.",
    },
    "doctor.screen.fix.counter": {
        "zh": "窗口叫号需要至少 {need} 的可用区域：把分辨率设为显示器的原生分辨率、"
        "显示缩放设为 100%，或把任务栏设为自动隐藏。",
        "en": "The counter console needs a free area of at least {need}: set the monitor's "
        "native resolution and a display scale of 100%, or let the taskbar hide itself.",
    },
    "doctor.screen.fix.supervisor": {
        "zh": "监督管理需要至少 {need} 的可用区域：把分辨率设为显示器的原生分辨率、"
        "显示缩放设为 100%，或换用更大的显示器。",
        "en": "The supervisor's station needs a free area of at least {need}: set the "
        "monitor's native resolution and a display scale of 100%, or use a larger monitor.",
    },
    "doctor.screen.fix.evaluator": {
        "zh": "评价器按 {need} 的平板设计（竖放或横放）：把分辨率设为屏幕的原生分辨率、"
        "显示缩放设为 100%，或换用更大的屏。",
        "en": "The evaluator is laid out for a {need} tablet (either way up): set the "
        "screen's native resolution and a display scale of 100%, or use a larger screen.",
    },
    "doctor.screen.fix.any": {
        "zh": "把分辨率设为屏幕的原生分辨率、显示缩放设为 100%；仍然不够时换用更大的屏。",
        "en": "Set the screen's native resolution and a display scale of 100%; if it is "
        "still too small, use a larger screen.",
    },
    "doctor.screen.unavailable": {"zh": "{detail}", "en": "{detail}"},
    "doctor.screen.no_session": {
        "zh": "本机没有图形界面（没有 DISPLAY 或 WAYLAND_DISPLAY），Qt 无法显示任何画面。",
        "en": "There is no graphical session on this PC (no DISPLAY or WAYLAND_DISPLAY): Qt "
        "cannot show anything.",
    },
    "doctor.screen.slow": {
        "zh": "Qt 在 {seconds} 秒内没有报告屏幕。",
        "en": "Qt did not report the screens within {seconds} s.",
    },
    "doctor.screen.qt_failed": {
        "zh": "Qt 无法打开屏幕（{detail}）。",
        "en": "Qt cannot open the screen ({detail}).",
    },
    "doctor.screen.none": {
        "zh": "Qt 没有找到任何屏幕。",
        "en": "Qt found no screen.",
    },
    "doctor.screen.offscreen": {
        "zh": "Qt 运行在无屏幕模式（{platform}），看不到真实的屏幕。",
        "en": "Qt runs without a screen ({platform}): it cannot see the real one.",
    },
    "doctor.screen.fix_session": {
        "zh": "在站点电脑的桌面上（登录后的图形界面里）运行 yimen doctor，并检查显示器的连接；"
        "设置了 QT_QPA_PLATFORM=offscreen 时去掉它。Linux 缺少 Qt 的库时：sudo apt install "
        "libxcb-cursor0 libegl1 libxkbcommon-x11-0。",
        "en": "Run yimen doctor on the station's desktop (in the signed-in graphical "
        "session) and check the monitor's cable; unset QT_QPA_PLATFORM=offscreen if set. If "
        "Linux lacks Qt's libraries: sudo apt install libxcb-cursor0 libegl1 "
        "libxkbcommon-x11-0.",
    },
}
