"""The supervisor's settings pages (设置), in the Settings tab of the supervisor's station.

A list of pages on the left, one page at a time on the right: 放号 (daily caps, ticket
slots and their quotas), 窗口事项 (the services a window serves), 工作人员 (the clerks:
add, rename, disable or enable, reset a password), AB岗 (each window's A and B), 大厅屏通知
(the lobby display's notice), 节假日 (holidays and 调休 working days), 告警阈值 (when an alarm
is raised) and 修改记录 (the record of every change: when, who, what, old → new).

Every save goes to the core on the station's database worker, signed with the
supervisor's token; the core checks the change as it checks a configuration file. Saved:
the page says what changed (key by key, old → new) and shows the hall as it now is.
Refused: the core's sentence on the page's status line, and the form keeps what was
typed. A change made anywhere in the hall arrives through the feed (``setting_changed``):
the hall's settings are read again and every page shows them, a form being edited
keeping what its supervisor typed.
"""

from counter.settings.pages import SettingsPages

__all__ = ["SettingsPages"]
