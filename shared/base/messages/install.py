"""Sentences of the ``yimen`` commands for the hall's IT (install): ``yimen startup``, the
entries that start a station or the phone page by themselves when the PC starts.

Codes read ``install.<what>``; ``install.role.<role>`` names what an entry starts (also the
entry's name in the desktop's list of start-up programs)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # What an entry starts (also its name in the list of start-up programs)
    "install.role.kiosk": {"zh": "一门 自助取号机", "en": "Yimen ticket kiosk"},
    "install.role.counter": {
        "zh": "一门 {window}号窗口叫号",
        "en": "Yimen console of window {window}",
    },
    "install.role.display": {"zh": "一门 大厅综合屏", "en": "Yimen lobby display"},
    "install.role.display_window": {
        "zh": "一门 {window}号窗口屏",
        "en": "Yimen screen of window {window}",
    },
    "install.role.evaluator": {
        "zh": "一门 {window}号窗口评价器",
        "en": "Yimen rating pad of window {window}",
    },
    "install.role.supervisor": {
        "zh": "一门 管理人员工作台",
        "en": "Yimen supervisor's station",
    },
    "install.role.server": {
        "zh": "一门 手机评价页",
        "en": "Yimen phone page",
    },
    # yimen startup install
    "install.written": {"zh": "已写入 {path}", "en": "Written: {path}"},
    "install.would_write": {
        "zh": "将写入 {path}（未写入：--print 只显示）：",
        "en": "Would write {path} (nothing written: --print only shows):",
    },
    "install.would_make_shortcut": {
        "zh": "将在“启动”文件夹创建快捷方式 {path}（未创建：--print 只显示），用这段 PowerShell：",
        "en": "Would make the shortcut {path} in the Startup folder (nothing made: --print "
        "only shows), with this PowerShell:",
    },
    "install.ran": {"zh": "已执行：{command}", "en": "Ran: {command}"},
    "install.would_run": {"zh": "将执行：{command}", "en": "Would run: {command}"},
    "install.starts_at_login": {
        "zh": "{name}将在本用户登录桌面时自动启动：{command}\n现在就试一下：{command}",
        "en": "{name} starts by itself when this user logs in to the desktop: {command}\n"
        "Try it now: {command}",
    },
    "install.user_service_enabled": {
        "zh": "{name}已设为用户服务 {unit}：随本用户登录后的桌面启动，出错后自动重启"
        "（systemctl --user status {unit} 查看，journalctl --user -u {unit} 看日志）。",
        "en": "{name} is the user service {unit}: it starts with this user's desktop session "
        "and again after a failure (systemctl --user status {unit}; its log: journalctl "
        "--user -u {unit}).",
    },
    "install.service_enabled": {
        "zh": "{name}已设为系统服务 {unit}：开机即运行（不必登录），出错退出后 3 秒自动重启。"
        "查看：systemctl status {unit}",
        "en": "{name} is now the system service {unit}: it runs from boot (no login needed) "
        "and restarts 3 s after any exit. Check it: systemctl status {unit}",
    },
    "install.shortcut_made": {
        "zh": "{name}将在本用户登录 Windows 时自动启动（“启动”文件夹中的快捷方式）：{command}",
        "en": "{name} starts by itself when this user logs in to Windows (a shortcut in the "
        "Startup folder): {command}",
    },
    # Refusals of yimen startup install
    "install.needs_window": {
        "zh": "--role {role} 需要窗口号：加上 --window N（本机服务的窗口）。",
        "en": "--role {role} needs a window number: add --window N (the window this PC serves).",
    },
    "install.takes_no_window": {
        "zh": "--role {role} 不用窗口号：去掉 --window。",
        "en": "--role {role} takes no window number: leave out --window.",
    },
    "install.needs_root": {
        "zh": "写入系统服务 {path} 需要管理员权限：请用 sudo 运行（sudo {command}），"
        "或加 --print 只看将写入的内容。",
        "en": "Writing the system service {path} needs administrator rights: run it with sudo "
        "(sudo {command}), or add --print to see what would be written.",
    },
    "install.not_under_sudo": {
        "zh": "工作站的自动启动属于登录本机桌面的用户，不能用 sudo 写入："
        "请以该用户运行 {command}。",
        "en": "A station starts in the session of the user who logs in at this PC, so it is "
        "not set up with sudo: run {command} as that user.",
    },
    "install.cannot_write": {
        "zh": "无法写入 {path}：{detail}。请检查该文件夹的权限和磁盘空间后重试。",
        "en": "Could not write {path}: {detail}. Check the folder's permissions and the free "
        "disk space, then try again.",
    },
    "install.systemctl_failed": {
        "zh": "已写入 {path}，但“{command}”没有成功：{detail}。请修正后手动运行这条命令。",
        "en": "{path} was written, but “{command}” did not succeed: {detail}. Fix that and "
        "run the command by hand.",
    },
    "install.no_systemctl": {
        "zh": "已写入 {path}，但本机没有 systemctl（不是 systemd 系统）：服务没有启用。"
        "请用本机的服务管理方式开机运行：{command}",
        "en": "{path} was written, but this PC has no systemctl (no systemd): the service is "
        "not enabled. Start this at boot with the PC's own service manager: {command}",
    },
    "install.powershell_failed": {
        "zh": "没能在“启动”文件夹创建快捷方式 {path}：{detail}。请确认 PowerShell 可用，"
        "或手动创建该快捷方式，目标：{command}",
        "en": "Could not make the shortcut {path} in the Startup folder: {detail}. Check that "
        "PowerShell works, or make the shortcut by hand with the target: {command}",
    },
    "install.unsupported": {
        "zh": "本机的系统（{system}）不支持开机启动项：yimen startup 只支持 Windows 和 Linux。",
        "en": "This system ({system}) has no start-up entries yimen knows: yimen startup "
        "supports Windows and Linux.",
    },
    # yimen startup show / remove
    "install.none": {
        "zh": "本机没有一门的开机启动项。",
        "en": "This PC has no Yimen start-up entries.",
    },
    "install.entry": {"zh": "{name}：{path}", "en": "{name}: {path}"},
    "install.entry.command": {"zh": "  启动命令：{command}", "en": "  Command: {command}"},
    "install.entry.state": {"zh": "  服务状态：{state}", "en": "  Service state: {state}"},
    "install.removed": {"zh": "已删除 {path}", "en": "Removed: {path}"},
    "install.nothing_to_remove": {
        "zh": "没有要删除的开机启动项（{name}）。",
        "en": "There is no start-up entry to remove ({name}).",
    },
    "install.remove_needs_root": {
        "zh": "删除系统服务 {path} 需要管理员权限：请用 sudo 运行（sudo {command}）。",
        "en": "Removing the system service {path} needs administrator rights: run it with "
        "sudo (sudo {command}).",
    },
}
