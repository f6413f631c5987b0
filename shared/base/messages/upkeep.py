"""Sentences of the ``yimen`` commands for the hall's IT (upkeep): backup and restore.

``backup.*`` are said by the store (`shared.store.backup`: its refusals, and each step of
a long task as it starts); ``cli.backup.*``, ``cli.restore.*`` and ``cli.nightly.*`` by
the commands (`shared.cli.upkeep`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # -- refusals and faults of a backup or a restore (nothing was changed) ----------------
    "backup.no_file": {
        "zh": "找不到备份文件 {path}。",
        "en": "There is no backup file {path}.",
    },
    "backup.unreadable": {
        "zh": "无法读取文件 {path}（{detail}）。",
        "en": "Cannot read {path} ({detail}).",
    },
    "backup.foreign": {
        "zh": "{path} 不是一门的备份文件（既不是一门的 SQLite 数据库，也不是一门数据库的 "
        "PostgreSQL 备份），没有恢复，什么都没有改动。",
        "en": "{path} is not a Yimen backup (neither a Yimen SQLite database nor a "
        "PostgreSQL backup of a Yimen database); nothing was restored or changed.",
    },
    "backup.too_new": {
        "zh": "备份 {path} 来自更新版本的一门（数据库结构 {revision}），本程序无法恢复它，"
        "什么都没有改动。请先把一门升级到新版本，再恢复。",
        "en": "The backup {path} comes from a newer Yimen (schema {revision}), which this "
        "program cannot restore; nothing was changed. Upgrade Yimen first, then restore.",
    },
    "backup.damaged": {
        "zh": "文件 {path} 已损坏，不能用作备份（{detail}）。请换一个备份文件。",
        "en": "The file {path} is damaged and cannot be used as a backup ({detail}). "
        "Use another backup.",
    },
    "backup.no_database": {
        "zh": "数据库文件 {path} 不存在，没有可以备份的内容。请检查 --db 或 YIMEN_DB。",
        "en": "The database file {path} does not exist: there is nothing to back up. Check "
        "--db or YIMEN_DB.",
    },
    "backup.nothing": {
        "zh": "数据库 {database} 里还没有任何数据，无需备份（请先运行 yimen init）。",
        "en": "The database {database} holds nothing yet; there is nothing to back up (run "
        "yimen init first).",
    },
    "backup.not_yimen": {
        "zh": "数据库 {database} 不是一门的数据库（没有一门的结构版本记录），没有备份。",
        "en": "The database {database} is not a Yimen database (it has no Yimen schema "
        "version); nothing was backed up.",
    },
    "backup.sqlite_failed": {
        "zh": "把 SQLite 数据库 {source} 复制到 {dest} 时出错（{detail}）。请检查磁盘空间"
        "后再试一次。",
        "en": "Copying the SQLite database {source} to {dest} failed ({detail}). Check the "
        "free disk space and try again.",
    },
    "backup.unwritable": {
        "zh": "无法写入 {path}（{detail}）。请确认文件夹存在、可以写入，而且磁盘有空间。",
        "en": "Cannot write {path} ({detail}). Check that the folder exists, may be written "
        "to, and that the disk has room.",
    },
    "backup.onto_database": {
        "zh": "{path} 就是数据库文件本身，不能用作备份文件。请换一个文件名。",
        "en": "{path} is the database file itself and cannot be a backup file. Choose "
        "another name.",
    },
    "backup.exists": {
        "zh": "文件 {path} 已经存在，没有覆盖。要用新的备份替换它，请加 --yes；或者换一个"
        "文件名，或用 yimen backup --dir 文件夹 按日期命名。",
        "en": "The file {path} exists already and was not overwritten. Add --yes to replace "
        "it with a new backup, choose another name, or use yimen backup --dir FOLDER for "
        "dated names.",
    },
    "backup.is_folder": {
        "zh": "{path} 是一个文件夹。要在这个文件夹里按日期保存备份，请运行 "
        "yimen backup --dir {path}",
        "en": "{path} is a folder. To keep dated backups in it, run yimen backup --dir {path}",
    },
    "backup.pg_missing": {
        "zh": "找不到 PostgreSQL 的 {program} 程序。请安装 PostgreSQL 客户端（Debian/Ubuntu："
        "apt install postgresql-client；Windows：PostgreSQL 安装程序里的 Command Line "
        "Tools），或把它所在的文件夹加入 PATH。",
        "en": "PostgreSQL's {program} was not found. Install PostgreSQL's client programs "
        "(Debian/Ubuntu: apt install postgresql-client; Windows: Command Line Tools in "
        "PostgreSQL's installer), or add their folder to PATH.",
    },
    "backup.pg_too_old": {
        "zh": "{path} 是 PostgreSQL {version} 版的 {program}，比数据库服务器（{server} 版）"
        "旧，无法备份，什么都没有改动。请安装 {server} 版或更新的客户端（Debian/Ubuntu："
        "postgresql-client-{server}），或把它的 bin 文件夹放在 PATH 的最前面。",
        "en": "{path} is {program} of PostgreSQL {version}, older than the database server "
        "(PostgreSQL {server}), so it cannot back it up; nothing was changed. Install the "
        "client programs of PostgreSQL {server} or newer (Debian/Ubuntu: "
        "postgresql-client-{server}), or put their bin folder first on PATH.",
    },
    "backup.pg_archive_newer": {
        "zh": "这个备份是更新版本的 pg_dump 写的，本机的 {program}（PostgreSQL {version} 版）"
        "读不了，什么都没有改动。请安装更新版本的 PostgreSQL 客户端后再恢复。",
        "en": "This backup was written by a newer pg_dump, which this PC's {program} "
        "(PostgreSQL {version}) cannot read; nothing was changed. Install newer PostgreSQL "
        "client programs, then restore.",
    },
    "backup.pg_failed": {
        "zh": "{program} 出错，什么都没有改动：{detail}",
        "en": "{program} failed; nothing was changed: {detail}",
    },
    "backup.pg_into_sqlite": {
        "zh": "{path} 是 PostgreSQL 数据库的备份，只能恢复到 PostgreSQL 数据库"
        "（--db postgresql://…），不能恢复到 SQLite 文件；什么都没有改动。",
        "en": "{path} is a backup of a PostgreSQL database: it can be restored into a "
        "PostgreSQL database (--db postgresql://…), not into a SQLite file; nothing was "
        "changed.",
    },
    "backup.would_replace": {
        "zh": "数据库 {database} 里已经有数据（{halls}，票 {tickets:,} 张，最后一条记录 "
        "{last}），没有恢复。恢复会用备份替换其中的全部数据（替换前会先另存一份，可以撤销）。"
        "确认要恢复，请加 --yes 再运行一次。",
        "en": "The database {database} holds data ({halls}, {tickets:,} tickets, the last "
        "record at {last}); nothing was restored. A restore replaces all of it with the "
        "backup (saving it first, so it can be undone). To restore, run again with --yes.",
    },
    "backup.cancelled": {
        "zh": "没有恢复，什么都没有改动。",
        "en": "Nothing was restored or changed.",
    },
    "backup.undo_unwritable": {
        "zh": "无法在 {folder} 保存恢复前的数据库（{detail}），所以没有恢复，什么都没有改动。"
        "请用 --undo-dir 指定一个可以写入的文件夹。",
        "en": "The database as it is could not be saved in {folder} ({detail}), so nothing "
        "was restored or changed. Name a folder that may be written to with --undo-dir.",
    },
    # -- the steps of a long task, one line each ------------------------------------------
    "backup.step.check_file": {
        "zh": "正在检查备份文件 {path} …",
        "en": "Checking the backup file {path} …",
    },
    "backup.step.copy": {
        "zh": "正在复制数据库 {database} …",
        "en": "Copying the database {database} …",
    },
    "backup.step.verify": {
        "zh": "正在校验备份 …",
        "en": "Verifying the backup …",
    },
    "backup.step.dump": {
        "zh": "正在用 {program} 导出 {database} …",
        "en": "Dumping {database} with {program} …",
    },
    "backup.step.lock": {
        "zh": "正在暂停各工作站的写入（{path}）…",
        "en": "Holding the stations' writes ({path}) …",
    },
    "backup.step.undo": {
        "zh": "正在把现在的数据库另存为 {path}（用于撤销）…",
        "en": "Saving the database as it is to {path} (to undo the restore) …",
    },
    "backup.step.restore": {
        "zh": "正在恢复到 {database}（{program}）…",
        "en": "Restoring into {database} ({program}) …",
    },
    "backup.step.upgrade": {
        "zh": "正在把数据库结构从 {old} 升级到 {new} …",
        "en": "Upgrading the schema from {old} to {new} …",
    },
    "backup.step.copy_into_pg": {
        "zh": "正在把 SQLite 备份逐表复制到 {database}（编号不变）…",
        "en": "Copying the SQLite backup into {database}, table by table (ids kept) …",
    },
    "backup.step.table": {
        "zh": "  {table}：{rows} 行",
        "en": "  {table}: {rows} rows",
    },
    "backup.step.others": {
        "zh": "注意：还有 {count} 个程序连着这个数据库（工作站）。恢复后请把它们全部重新启动。",
        "en": "Note: {count} other programs are connected to this database (stations). "
        "Start every one of them again after the restore.",
    },
    # -- yimen backup -------------------------------------------------------------------------
    "cli.backup.done": {
        "zh": "已备份到 {path}（{kind}，{size}，用时 {seconds} 秒，已校验）。",
        "en": "Backed up to {path} ({kind}, {size}, {seconds} s, verified).",
    },
    "cli.backup.kind.sqlite": {"zh": "SQLite 数据库文件", "en": "a SQLite database file"},
    "cli.backup.kind.postgresql": {
        "zh": "PostgreSQL 备份，pg_dump 自定义格式",
        "en": "a PostgreSQL backup, pg_dump's custom format",
    },
    "cli.backup.contents": {
        "zh": "内容：{halls}；票 {tickets:,} 张（{days}）；记录 {events:,} 条，最后一条 {last}；"
        "数据库结构 {revision}。",
        "en": "It holds: {halls}; {tickets:,} tickets ({days}); {events:,} records, the last at "
        "{last}; schema {revision}.",
    },
    "cli.backup.hall": {"zh": "{name}（{code}）", "en": "{name} ({code})"},
    "cli.backup.days": {"zh": "{first} 至 {last}", "en": "{first} to {last}"},
    "cli.backup.no_days": {"zh": "没有营业日", "en": "no business day"},
    "cli.backup.no_halls": {"zh": "没有服务中心", "en": "no hall"},
    "cli.backup.removed.one": {
        "zh": "已删除 {count} 个较早的备份（保留最新的 {keep} 个）：{names}",
        "en": "Deleted {count} older backup (keeping the newest {keep}): {names}",
    },
    "cli.backup.removed.other": {
        "zh": "已删除 {count} 个较早的备份（保留最新的 {keep} 个）：{names}",
        "en": "Deleted {count} older backups (keeping the newest {keep}): {names}",
    },
    "cli.backup.need_target": {
        "zh": "请给出备份文件（yimen backup 文件）或文件夹（yimen backup --dir 文件夹），"
        "二者选一。",
        "en": "Name the backup file (yimen backup FILE) or a folder (yimen backup --dir "
        "FOLDER), one of the two.",
    },
    "cli.backup.keep_needs_dir": {
        "zh": "--keep 只和 --dir 一起用：按日期命名的备份保留几个。",
        "en": "--keep goes with --dir: how many dated backups to keep.",
    },
    # Shown before a language is chosen: both sentences, one after the other
    "cli.backup.positive": {"zh": "应为正整数", "en": "a whole number above zero"},
    "cli.backup.bad_at": {"zh": "时间应写成 HH:MM，例如 02:00", "en": "a time: HH:MM"},
    # -- yimen restore ------------------------------------------------------------------------
    "cli.restore.archive": {
        "zh": "备份文件：{kind}，{size}，{halls}，数据库结构 {revision}{created}",
        "en": "The backup: {kind}, {size}, {halls}, schema {revision}{created}",
    },
    "cli.restore.created": {"zh": "，{at} 写入", "en": ", written {at}"},
    "cli.restore.confirm": {
        "zh": "数据库 {database} 里已经有数据（{halls}，票 {tickets:,} 张，最后一条记录 {last}）。"
        "要用 {path} 替换全部数据吗？（替换前会先另存一份，可以撤销）请输入 yes 确认：",
        "en": "The database {database} holds data ({halls}, {tickets:,} tickets, the last "
        "record at {last}). Replace all of it with {path}? (It is saved first, so this can "
        "be undone.) Type yes to go on: ",
    },
    "cli.restore.yes_words": {"zh": "yes/y/是/确认/确定", "en": "yes/y"},
    "cli.restore.done": {
        "zh": "已从 {path} 恢复到 {database}（用时 {seconds} 秒）。",
        "en": "Restored {path} into {database} ({seconds} s).",
    },
    "cli.restore.upgraded": {
        "zh": "备份的数据库结构是 {old}，已升级到本程序的 {new}。",
        "en": "The backup's schema {old} was upgraded to this program's {new}.",
    },
    "cli.restore.copied": {
        "zh": "SQLite 备份已逐表复制到 PostgreSQL，各编号保持不变。",
        "en": "The SQLite backup was copied into PostgreSQL table by table, every id kept.",
    },
    "cli.restore.undo": {
        "zh": "恢复前的数据库已另存为 {path}。要撤销这次恢复：{command}",
        "en": "The database as it was is saved as {path}. To undo this restore: {command}",
    },
    "cli.restore.restart": {
        "zh": "请把各工作站（取号机、窗口、大厅屏、评价器、yimen serve）全部重新启动，"
        "让它们读取恢复后的数据。",
        "en": "Start every station again (kiosks, counters, displays, evaluators, yimen "
        "serve) so that they read the restored data.",
    },
    # -- the nightly backup of yimen serve ----------------------------------------------------
    "cli.nightly.started": {
        "zh": "每天 {at} 自动备份到 {folder}，保留最新的 {keep} 个；下一次：{next}。",
        "en": "Backing up every day at {at} into {folder}, keeping the newest {keep}; next: "
        "{next}.",
    },
    "cli.nightly.done": {
        "zh": "{at} 自动备份完成：{path}（{size}）。",
        "en": "{at} backup done: {path} ({size}).",
    },
    "cli.nightly.failed": {
        "zh": "{at} 自动备份失败：{reason} 明天同一时间会再试；也可以马上运行 yimen backup "
        "--dir {folder}。",
        "en": "{at} backup failed: {reason} It is tried again tomorrow at the same time; "
        "yimen backup --dir {folder} runs one now.",
    },
}
