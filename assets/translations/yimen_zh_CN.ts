<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CasesPanel</name>
    <message>
        <location filename="../../counter/cases_panel.py" line="301"/>
        <source>{n} open, {late} overdue; Enter shows a case&apos;s steps.</source>
        <translation>未结 {n} 件，其中超期 {late} 件；回车查看办理过程。</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="305"/>
        <source>No open bad-review cases.</source>
        <translation>没有未结的差评整改件。</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="310"/>
        <source>{n} days overdue</source>
        <translation>超期 {n} 天</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="312"/>
        <source>1 day overdue</source>
        <translation>超期 1 天</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="314"/>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="316"/>
        <source>1 day left</source>
        <translation>剩 1 天</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="317"/>
        <source>{n} days left</source>
        <translation>剩 {n} 天</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="351"/>
        <source>(due {day})</source>
        <translation>（截止 {day}）</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="353"/>
        <source>closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="376"/>
        <source>Called back: {who}</source>
        <translation>已回访：{who}</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="376"/>
        <source>Callback due: {who}</source>
        <translation>待回访：{who}</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="387"/>
        <source>the citizen&apos;s review</source>
        <translation>群众评价</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="409"/>
        <source>No step applies: the case is closed.</source>
        <translation>此件已办结，没有可办理的步骤。</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="420"/>
        <source>Note (required)</source>
        <translation>说明（必填）</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="420"/>
        <source>Note, if any</source>
        <translation>说明（选填）</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="461"/>
        <source>Case of {number}: “{action}” recorded; now “{state}”.</source>
        <translation>{number} 号的整改件：已记录“{action}”，现为“{state}”。</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="488"/>
        <source>Ctrl+R Bad-review cases</source>
        <translation>Ctrl+R 差评整改</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="489"/>
        <source>Open bad-review cases, overdue first</source>
        <translation>未结差评整改件（超期的在前）</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="490"/>
        <source>Steps of the case</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="491"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="492"/>
        <source>Working days to extend by</source>
        <translation>延期工作日数</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="493"/>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="494"/>
        <source>Result of the callback</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="495"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="496"/>
        <source>Record (Enter)</source>
        <translation>记录（回车）</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="497"/>
        <source>Record the step</source>
        <translation>记录这一步</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="498"/>
        <source>Ctrl+R All cases</source>
        <translation>Ctrl+R 全部整改件</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="501"/>
        <source>Esc closes.</source>
        <translation>Esc 关闭。</translation>
    </message>
</context>
<context>
    <name>Connecting</name>
    <message>
        <location filename="../../shared/qt/connecting.py" line="46"/>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <location filename="../../shared/qt/connecting.py" line="64"/>
        <source>{why}
Trying again every few seconds; this window closes itself.</source>
        <translation>{why}
每隔几秒自动重试；连接成功后本窗口自动关闭。</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../../counter/window.py" line="66"/>
        <source>1  Citizen fetches materials</source>
        <extracomment>The console&apos;s type is sized as on a screen of this short side: a desk at 60 cm. The kinds of hold (F7), by their number key.</extracomment>
        <translation>1  群众外出取材料（回来后优先办理）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="67"/>
        <source>2  Materials stay here</source>
        <translation>2  材料留在本窗口（回到本窗口办理）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="68"/>
        <source>3  Waits for another step</source>
        <translation>3  等待其他环节（如刻章）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="522"/>
        <source>Keys from other programs are not available on this PC ({reason}); the F-keys work while the console is in front.</source>
        <extracomment>The console&apos;s size as it opens: a 1366×768 desk screen less its taskbar, the window&apos;s title and borders (or the screen&apos;s free area when smaller). Its parts never ask for more than SMALLEST, whatever the ticket in hand, the line or the open panel. What the window manager adds around the console: the title bar and the borders.</extracomment>
        <translation>本机无法在其他程序在前台时接收 F 键（{reason}）；叫号窗口在前台时 F 键仍可使用。</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="86"/>
        <location filename="../../counter/window.py" line="529"/>
        <location filename="../../counter/window.py" line="1020"/>
        <source>Window {n}</source>
        <extracomment>The feed&apos;s events after which the list is read again. The order the steps are offered in: the usual path first. The console&apos;s refusals that mean its clerk is no longer signed in here.</extracomment>
        <translation>{n} 号窗口</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="530"/>
        <source>Sign in at window {n}</source>
        <translation>{n} 号窗口 登录</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="531"/>
        <source>Clerk code</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="532"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="535"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="538"/>
        <source>Connection to the hall&apos;s server lost, reconnecting… Calls and other actions cannot be saved until it is back.</source>
        <translation>与大厅服务器的连接中断，正在重连…… 恢复之前叫号等操作无法保存。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="546"/>
        <source>Ctrl+B AB post</source>
        <translation>Ctrl+B AB岗交接</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="548"/>
        <source>Ctrl+E Extended hours</source>
        <translation>Ctrl+E 延时服务</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="550"/>
        <source>Ctrl+N One-time notice</source>
        <translation>Ctrl+N 一次性告知</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="552"/>
        <source>Ctrl+R Bad-review cases</source>
        <translation>Ctrl+R 差评整改</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="554"/>
        <source>Sign out</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="555"/>
        <source>Waiting for this window</source>
        <translation>本窗口等候</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="556"/>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="587"/>
        <source>F1 Call next</source>
        <translation>F1 顺呼</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="588"/>
        <source>F2 Recall</source>
        <translation>F2 重呼</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="589"/>
        <source>F3 Evaluate</source>
        <translation>F3 评价</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="590"/>
        <source>F4 No-show</source>
        <translation>F4 过号</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="591"/>
        <source>F5 Pause</source>
        <translation>F5 暂停</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="592"/>
        <source>F6 Transfer</source>
        <translation>F6 转移</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="593"/>
        <source>F7 Hold</source>
        <translation>F7 挂起</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="594"/>
        <source>F8 Call back</source>
        <translation>F8 回呼</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="595"/>
        <source>F9 Start</source>
        <translation>F9 开始办理</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="596"/>
        <source>F10 Finish</source>
        <translation>F10 办结</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="561"/>
        <source>F6 Transfer the ticket in hand to</source>
        <translation>F6 把手上的号转移到</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="74"/>
        <source>Called</source>
        <extracomment>Refusals meaning this console&apos;s clerk is no longer signed in at its window. The state in a word, on the desk and in the compact bar.</extracomment>
        <translation>已呼叫</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="75"/>
        <source>In service</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="76"/>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="542"/>
        <source>Step in as B post (A post not handed over)</source>
        <translation>B岗顶岗（A岗未办理交接）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="562"/>
        <source>Reason (Enter transfers, Esc cancels)</source>
        <translation>原因（回车转移，Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="563"/>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="564"/>
        <source>F7 Hold the ticket in hand: press 1, 2 or 3</source>
        <translation>F7 挂起手上的号：按 1、2 或 3</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="565"/>
        <source>Reason, if any: then Ctrl+1, 2 or 3 (Esc cancels)</source>
        <translation>原因（可不填，Ctrl+数字确定）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="569"/>
        <source>F8 Call back: choose a held ticket, Enter</source>
        <translation>F8 回呼：选择挂起的号，按回车</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="571"/>
        <source>F12 Compact bar</source>
        <translation>F12 精简条</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="572"/>
        <source>F12 Full</source>
        <translation>F12 展开</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="591"/>
        <source>F5 Resume</source>
        <translation>F5 恢复</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="618"/>
        <source>the key to press next</source>
        <translation>下一步按此键</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="625"/>
        <source>Please enter your clerk code and password.</source>
        <translation>请输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="641"/>
        <source>Ticket {n} is still in hand.</source>
        <translation>{n} 号仍在办理中。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="664"/>
        <source>You stepped in for the A post at window {n}.</source>
        <translation>您已为 {n} 号窗口 A 岗顶岗。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="704"/>
        <source>Window {n} has no AB post.</source>
        <translation>{n} 号窗口没有设 AB 岗。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="713"/>
        <source>Only the A post hands this window over: {name} ({code}).</source>
        <translation>只有 A 岗 {name}（{code}）可以交接本窗口。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="733"/>
        <source>Window {n} is now {name}&apos;s (B post).</source>
        <translation>{n} 号窗口已由 B 岗 {name} 接手。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="737"/>
        <source>{number} moved with the window.</source>
        <translation>{number} 号随窗口一并交接。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="745"/>
        <source>{name} has left ({reason}). B post {b}: please sign in to take over.</source>
        <translation>{name} 已离岗（{reason}）。请 B 岗 {b} 登录接替。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="770"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="772"/>
        <source>Window {n} is back with {name}. Finished meanwhile: {served}.</source>
        <translation>{n} 号窗口已交还 {name}。顶岗期间办结：{served}。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="821"/>
        <source>Nobody is waiting for this window.</source>
        <translation>没有人在等候本窗口。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="922"/>
        <source>Help at {kiosk} is yours.</source>
        <translation>已确认由您前往 {kiosk} 提供帮助。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="961"/>
        <source>The hall does not open today: there are no extended hours.</source>
        <translation>今天不办公，没有延时服务。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="966"/>
        <source>Extended hours start at {time}, when the hall closes.</source>
        <translation>延时服务从 {time} 下班时开始。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="990"/>
        <source>Recorded: why this service runs past closing.</source>
        <translation>已记录本件延时服务的原因。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="996"/>
        <source>Declined; the reason was sent to a supervisor for approval.</source>
        <translation>已记录不予延时服务，原因已报中心管理人员审批。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1135"/>
        <source>Free</source>
        <comment>the desk</comment>
        <translation>当前空闲</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1137"/>
        <source>F5 resumes calling</source>
        <translation>按 F5 恢复叫号</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1137"/>
        <source>F1 calls the next</source>
        <translation>按 F1 呼叫下一位</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1152"/>
        <source>Waiting for this window: {n}</source>
        <translation>本窗口等候：共 {n} 人</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1016"/>
        <source>Matter: {name}</source>
        <translation>事项：{name}</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1068"/>
        <source>No held tickets to call back today.</source>
        <translation>今天没有可回呼的挂起号。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1125"/>
        <source>A post</source>
        <translation>A岗</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1125"/>
        <source>B post</source>
        <translation>B岗</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1126"/>
        <source>Window {n} · {name}</source>
        <translation>{n} 号窗口 · {name}</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="77"/>
        <location filename="../../counter/window.py" line="1127"/>
        <location filename="../../counter/window.py" line="1135"/>
        <source>Paused</source>
        <translation>暂停中</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1006"/>
        <source>Free: no ticket in hand to transfer or hold.</source>
        <translation>当前空闲：没有可转移或挂起的号。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1129"/>
        <source>Served today: {n}</source>
        <translation>今日已办：{n}</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1155"/>
        <source>Nobody is waiting.</source>
        <translation>暂无等候。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1158"/>
        <source>Next: {numbers}</source>
        <translation>下一位：{numbers}</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1166"/>
        <source>{n} waiting</source>
        <translation>{n} 人等候</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1172"/>
        <source>Help asked at: {list}</source>
        <translation>取号机求助：{list}</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1174"/>
        <source>Ctrl+H I&apos;ll go to {kiosk}</source>
        <translation>Ctrl+H 我去 {kiosk} 帮助</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1190"/>
        <source>A post {name} away since {since} ({reason})</source>
        <translation>A 岗 {name} {since} 起离岗（{reason}）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1194"/>
        <source>, back about {time}</source>
        <translation>，预计 {time} 回岗</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1198"/>
        <source> · you cover the window; Ctrl+B gives it back</source>
        <translation> · 您正在顶岗，A 岗回来后按 Ctrl+B 交还</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1217"/>
        <source>Transferred</source>
        <translation>已转移</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1219"/>
        <source>Back from hold</source>
        <translation>挂起后返回</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1221"/>
        <source>Recalled {n}×</source>
        <translation>重呼 {n} 次</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1231"/>
        <source>Waited {n} min</source>
        <translation>已等候 {n} 分钟</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1245"/>
        <source>That did not work; please try again or call the hall&apos;s IT.</source>
        <translation>操作没有成功，请重试或联系中心信息科。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1270"/>
        <source>You are no longer signed in at this window (signed in elsewhere, or a new day). Please sign in again.</source>
        <translation>您已不在本窗口登录（已在其他窗口登录，或已是新的一天），请重新登录。</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <location filename="../../kiosk/display.py" line="379"/>
        <source>Mon Tue Wed Thu Fri Sat Sun</source>
        <translation>星期一 星期二 星期三 星期四 星期五 星期六 星期日</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="516"/>
        <location filename="../../kiosk/display.py" line="675"/>
        <source>Waiting:</source>
        <translation>等候：</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="508"/>
        <location filename="../../kiosk/display.py" line="701"/>
        <source>Now calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="84"/>
        <source>{n}</source>
        <comment>people waiting in a zone</comment>
        <translation>{n}人</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="512"/>
        <location filename="../../kiosk/display.py" line="668"/>
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="513"/>
        <location filename="../../kiosk/display.py" line="671"/>
        <source>Number</source>
        <translation>票号</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="513"/>
        <location filename="../../kiosk/display.py" line="673"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="857"/>
        <location filename="../../kiosk/display.py" line="901"/>
        <source>Connection lost, reconnecting…</source>
        <translation>连接中断，正在重连…</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="510"/>
        <location filename="../../kiosk/display.py" line="693"/>
        <source>Please listen for your number</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="75"/>
        <source>Please go to {window}</source>
        <extracomment>The events after which other windows may be serving: the notice may name others.</extracomment>
        <translation>请到 {window} 办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="90"/>
        <source>The call display is interrupted for now: please listen to the announcements and watch the window screens, or ask at the help desk</source>
        <translation>叫号屏暂时中断，请留意语音广播和窗口屏，或到导服台咨询</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="509"/>
        <location filename="../../kiosk/display.py" line="699"/>
        <source>Called before the interruption</source>
        <translation>中断前的呼叫</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="504"/>
        <location filename="../../kiosk/display.py" line="707"/>
        <location filename="../../kiosk/display.py" line="908"/>
        <source>Window {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="800"/>
        <source>{month}/{day}</source>
        <translation>{month}月{day}日</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="850"/>
        <location filename="../../kiosk/display.py" line="932"/>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="851"/>
        <location filename="../../kiosk/display.py" line="936"/>
        <source>Service paused</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="854"/>
        <location filename="../../kiosk/display.py" line="928"/>
        <source>Please come to this window</source>
        <translation>请到本窗口办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="855"/>
        <location filename="../../kiosk/display.py" line="926"/>
        <source>Being served</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="941"/>
        <source>Clerk {name} · No. {code}</source>
        <translation>工作人员 {name}&#x3000;工号 {code}</translation>
    </message>
</context>
<context>
    <name>Evaluator</name>
    <message>
        <location filename="../../kiosk/evaluator.py" line="188"/>
        <source>Window {n}</source>
        <extracomment>The pad&apos;s type against the kiosk&apos;s at the same screen size: every citizen reads it at arm&apos;s length, so it is always as large as the kiosk&apos;s elderly mode.</extracomment>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluator.py" line="190"/>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluator.py" line="192"/>
        <source>Please rate this service</source>
        <translation>请为本次服务评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluator.py" line="193"/>
        <source>Thank you for your rating</source>
        <translation>谢谢您的评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluator.py" line="223"/>
        <source>Your opinion goes to the hall&apos;s supervisor, who will follow it up.</source>
        <translation>您的意见已转给大厅负责人，我们会跟进整改。</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluator.py" line="225"/>
        <source>Have a good day!</source>
        <translation>祝您生活愉快！</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluator.py" line="238"/>
        <source>Back in {n} s</source>
        <translation>{n} 秒后返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluator.py" line="299"/>
        <source>Please try again.</source>
        <translation>请再试一次。</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/window.py" line="79"/>
        <source>Please come back in the service&apos;s hours, or ask a hall guide.</source>
        <translation>请在本事项的取号时段内再来，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="82"/>
        <source>Please come back in the ticket hours.</source>
        <translation>请在取号时间内再来。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="83"/>
        <source>Please come back on a working day.</source>
        <translation>请在工作日前来办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="84"/>
        <source>Please come back at the time shown.</source>
        <translation>请在上面所说的时间再来签到。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="87"/>
        <location filename="../../kiosk/window.py" line="88"/>
        <source>Please take an ordinary ticket.</source>
        <translation>请返回首页，按普通号取号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="89"/>
        <source>Please check the code and try again, or ask a hall guide.</source>
        <translation>请核对预约码后重新输入，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="92"/>
        <source>Your ticket was already issued; please keep it.</source>
        <translation>您的号已经取过，请保管好取号单。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="95"/>
        <source>Please come on the day of your appointment.</source>
        <translation>请在预约当天前来签到。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="98"/>
        <source>Please go to the hall where you booked.</source>
        <translation>请到预约的服务中心办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="101"/>
        <source>Please check the ID number.</source>
        <translation>请核对身份证号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/rating.py" line="78"/>
        <source>Please type the rating code again, or ask a hall guide.</source>
        <extracomment>How much each face smiles (a share of the face&apos;s size; negative: it frowns). Refusals the citizen can put right on the form itself (the choices stay). What a citizen can do next when the kiosk cannot rate a ticket.</extracomment>
        <translation>请重新输入评价短码，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/rating.py" line="81"/>
        <source>Please come back to rate it once your matter is done.</source>
        <translation>请在事项办结后再来评价。</translation>
    </message>
    <message>
        <location filename="../../kiosk/rating.py" line="84"/>
        <location filename="../../kiosk/window.py" line="103"/>
        <source>Please ask a hall guide.</source>
        <translation>请咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="350"/>
        <location filename="../../kiosk/window.py" line="590"/>
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="342"/>
        <source>Standard mode</source>
        <translation>返回标准模式</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="342"/>
        <source>Large text, read aloud</source>
        <translation>老年人模式（大字、语音）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="345"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="346"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="347"/>
        <source>Need help</source>
        <translation>需要帮助</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="351"/>
        <source>Type your 8-digit appointment code, or scan it</source>
        <translation>请输入 8 位预约码，或把预约码对准扫描口</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="353"/>
        <location filename="../../kiosk/window.py" line="361"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="354"/>
        <location filename="../../kiosk/window.py" line="362"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="355"/>
        <location filename="../../kiosk/window.py" line="356"/>
        <source>Rate a service</source>
        <translation>评价服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="358"/>
        <source>Please scan the QR code on your slip, or type the rating code printed on it</source>
        <translation>请扫描票据上的二维码，或输入票据上的评价短码</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="360"/>
        <source>Rating code</source>
        <translation>评价短码</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="363"/>
        <location filename="../../kiosk/window.py" line="783"/>
        <source>Please rate this service</source>
        <translation>请为本次服务评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="366"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="367"/>
        <source>Scan to follow the queue and rate the service</source>
        <translation>微信扫码：查看排队进度、评价服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="372"/>
        <source>Please listen for your number; a missed number must be taken again</source>
        <translation>请留意叫号，过号需重新取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="374"/>
        <source>Back to home</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="375"/>
        <source>Tickets paused: reconnecting to the hall&apos;s server…</source>
        <translation>暂停取号，正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="384"/>
        <source>Green channel: on</source>
        <translation>绿色通道（已选）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="522"/>
        <location filename="../../kiosk/window.py" line="543"/>
        <location filename="../../kiosk/window.py" line="918"/>
        <source>{n} waiting</source>
        <translation>{n} 人等候</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="524"/>
        <source> and more</source>
        <translation>等</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="537"/>
        <source>(green channel)</source>
        <translation>（绿色通道）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="580"/>
        <location filename="../../kiosk/window.py" line="807"/>
        <source>You chose: {name}</source>
        <translation>您选择的是：{name}</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="606"/>
        <source>Taking your number…</source>
        <translation>正在取号，请稍候…</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="641"/>
        <source>Sorry, something went wrong</source>
        <translation>抱歉，系统出了点问题</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="642"/>
        <location filename="../../kiosk/window.py" line="793"/>
        <location filename="../../kiosk/window.py" line="861"/>
        <source>Please try again, or ask a hall guide.</source>
        <translation>请再试一次，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="384"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="524"/>
        <location filename="../../kiosk/window.py" line="681"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="76"/>
        <source>You can also take a number on the next working day, or ask a hall guide.</source>
        <extracomment>What a citizen can do next, after each refusal of the core.</extracomment>
        <translation>也可以下一个工作日再来取号，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="107"/>
        <source>Today&apos;s numbers for this service are all taken.</source>
        <extracomment>The kiosk&apos;s own sentence for a refusal, where the core&apos;s says more than a citizen at the kiosk should act on (a free window is not an invitation to skip the queue).</extracomment>
        <translation>今日号已取完。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="338"/>
        <source>Choose a service</source>
        <translation>请选择您要办理的事项</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="339"/>
        <source>Check in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="348"/>
        <source>Tap a service to take a number</source>
        <translation>点一下要办的事项，就能取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="349"/>
        <location filename="../../kiosk/window.py" line="544"/>
        <source>More services</source>
        <translation>更多事项（下一页）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="352"/>
        <source>Appointment code</source>
        <translation>预约码</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="365"/>
        <location filename="../../kiosk/window.py" line="705"/>
        <source>Your number is taken</source>
        <translation>取号成功</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="368"/>
        <source>QR code: follow the queue and rate the service</source>
        <translation>二维码：扫码查看排队进度、评价服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="386"/>
        <source>Elderly, disabled, pregnant</source>
        <translation>老人、残疾人、孕妇</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="548"/>
        <source>Please choose a service</source>
        <translation>请选择您要办理的事项</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="565"/>
        <source>Large text is on. Please choose a service.</source>
        <translation>已切换为大字模式，请选择您要办理的事项。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="659"/>
        <source>Scan to book another day</source>
        <translation>扫码预约其他日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="662"/>
        <source>Scan to do it online</source>
        <translation>扫码网上办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="683"/>
        <source>Windows: {list}</source>
        <translation>受理窗口：{list} 号窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="685"/>
        <source>Please ask a hall guide which window</source>
        <translation>请咨询导服人员到哪个窗口办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="688"/>
        <source>{n} ahead of you</source>
        <translation>前面还有 {n} 人</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="690"/>
        <source>{n} ahead of you, you are next</source>
        <translation>前面还有 {n} 人，即将叫号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="692"/>
        <source>{n} ahead of you, about {m} min</source>
        <translation>前面还有 {n} 人，预计等候约 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="698"/>
        <source>Rating code {code}</source>
        <translation>评价短码 {code}</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="699"/>
        <source>Printing your slip…</source>
        <translation>正在打印取号单…</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="710"/>
        <location filename="../../kiosk/window.py" line="720"/>
        <source>Your number is {number}</source>
        <translation>您的号码是{number}号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="733"/>
        <source>Please take your slip below</source>
        <translation>请从下方取走取号单</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="743"/>
        <source>The slip could not be printed; please note your number.</source>
        <translation>取号单没有打印出来，请记下您的号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="778"/>
        <source>Window {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="795"/>
        <source>Sorry, this ticket cannot be rated here</source>
        <translation>抱歉，这张票据暂时不能评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="828"/>
        <location filename="../../kiosk/window.py" line="840"/>
        <location filename="../../kiosk/window.py" line="844"/>
        <source>Thank you for your rating</source>
        <translation>谢谢您的评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="829"/>
        <source>Your opinion goes to the hall&apos;s supervisor, who will follow it up.</source>
        <translation>您的意见已转给大厅负责人，我们会跟进整改。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="831"/>
        <source>Your rating helps the hall serve you better.</source>
        <translation>您的评价帮助我们把服务做得更好。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="870"/>
        <location filename="../../kiosk/window.py" line="878"/>
        <source>A hall guide is on the way</source>
        <translation>导服人员马上就来</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="871"/>
        <source>Please wait here; someone will come to help you.</source>
        <translation>请在这里稍候，工作人员会过来帮您。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="885"/>
        <source>Please wave to a member of staff.</source>
        <translation>请向附近的工作人员招手示意。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="939"/>
        <source>Mon Tue Wed Thu Fri Sat Sun</source>
        <translation>星期一 星期二 星期三 星期四 星期五 星期六 星期日</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="949"/>
        <location filename="../../kiosk/window.py" line="953"/>
        <source>Back to home in {n} s</source>
        <translation>{n} 秒后返回首页</translation>
    </message>
</context>
<context>
    <name>NoonPanel</name>
    <message>
        <location filename="../../counter/noon_panel.py" line="73"/>
        <source>Noon duty: the last window serving</source>
        <translation>午间值班：最后一个在办的窗口</translation>
    </message>
    <message>
        <location filename="../../counter/noon_panel.py" line="74"/>
        <source>Why must the window stop? (the supervisor sees it)</source>
        <translation>为什么要停止办理？（中心管理人员可见）</translation>
    </message>
    <message>
        <location filename="../../counter/noon_panel.py" line="76"/>
        <source>Confirm: stop serving</source>
        <translation>确认停止办理</translation>
    </message>
    <message>
        <location filename="../../counter/noon_panel.py" line="78"/>
        <source>Enter confirms; Esc cancels and the window keeps serving.</source>
        <translation>回车确认；Esc 取消，窗口继续办理。</translation>
    </message>
</context>
<context>
    <name>NoticePanel</name>
    <message>
        <location filename="../../counter/notice_panel.py" line="146"/>
        <source>{number} · {service}: still missing</source>
        <translation>{number} · {service}：还缺少的材料</translation>
    </message>
    <message>
        <location filename="../../counter/notice_panel.py" line="232"/>
        <source>Printing the notice for {number}…</source>
        <translation>正在打印 {number} 号的一次性告知单…</translation>
    </message>
    <message>
        <location filename="../../counter/notice_panel.py" line="237"/>
        <source>Notice for {number} printed again (补打).</source>
        <translation>{number} 号的告知单已补打。</translation>
    </message>
    <message>
        <location filename="../../counter/notice_panel.py" line="242"/>
        <source>Notice for {number} printed. The ticket is held while the citizen fetches the materials.</source>
        <translation>{number} 号的一次性告知单已打印，号码已挂起，群众取回材料后优先办理。</translation>
    </message>
    <message>
        <location filename="../../counter/notice_panel.py" line="252"/>
        <source>The notice for {number} is recorded but did not print.</source>
        <translation>{number} 号的告知单已记录，但没有打印出来。</translation>
    </message>
    <message>
        <location filename="../../counter/notice_panel.py" line="258"/>
        <source>Ctrl+N, then {number} and Enter, prints it again.</source>
        <translation>按 Ctrl+N，输入 {number} 后回车即可补打。</translation>
    </message>
    <message>
        <location filename="../../counter/notice_panel.py" line="274"/>
        <source>Ctrl+N One-time notice</source>
        <translation>Ctrl+N 一次性告知</translation>
    </message>
    <message>
        <location filename="../../counter/notice_panel.py" line="275"/>
        <source>Materials still missing</source>
        <translation>还缺少的材料</translation>
    </message>
    <message>
        <location filename="../../counter/notice_panel.py" line="276"/>
        <source>Anything else still needed</source>
        <translation>其他需要补充的</translation>
    </message>
    <message>
        <location filename="../../counter/notice_panel.py" line="278"/>
        <source>Print the notice and hold the ticket</source>
        <translation>打印告知单并挂起</translation>
    </message>
    <message>
        <location filename="../../counter/notice_panel.py" line="280"/>
        <source>Reprint the notice of ticket number</source>
        <translation>补打告知单，号码：</translation>
    </message>
    <message>
        <location filename="../../counter/notice_panel.py" line="282"/>
        <source>Reprint the notice (补打)</source>
        <translation>补打告知单</translation>
    </message>
    <message>
        <location filename="../../counter/notice_panel.py" line="284"/>
        <source>Space ticks; Enter prints; Esc closes.</source>
        <translation>空格勾选，回车打印，Esc 关闭。</translation>
    </message>
</context>
<context>
    <name>OvertimePanel</name>
    <message>
        <location filename="../../counter/overtime_panel.py" line="27"/>
        <source>1  The citizen asked</source>
        <extracomment>The reasons a clerk states, by their digit key (the core&apos;s values).</extracomment>
        <translation>1  群众提出</translation>
    </message>
    <message>
        <location filename="../../counter/overtime_panel.py" line="28"/>
        <source>2  Heavy load or urgency</source>
        <translation>2  业务量大或紧急</translation>
    </message>
    <message>
        <location filename="../../counter/overtime_panel.py" line="29"/>
        <source>3  Other: write the reason below</source>
        <translation>3  其他：在下面写明原因</translation>
    </message>
    <message>
        <location filename="../../counter/overtime_panel.py" line="35"/>
        <source>The hall closed at {time}: extended hours.</source>
        <translation>已于 {time} 下班：延时服务。</translation>
    </message>
    <message>
        <location filename="../../counter/overtime_panel.py" line="39"/>
        <source>Ticket {n} counts as extended service (Ctrl+E: say why).</source>
        <translation>{n} 号计为延时服务（Ctrl+E 说明原因）。</translation>
    </message>
    <message>
        <location filename="../../counter/overtime_panel.py" line="148"/>
        <source>The hall closed at {time}. Ticket {n} is extended service: why?</source>
        <translation>已于 {time} 下班。{n} 号为延时服务，原因是？</translation>
    </message>
    <message>
        <location filename="../../counter/overtime_panel.py" line="150"/>
        <source>The hall closed at {time}. A reason is required; a supervisor decides.</source>
        <translation>已于 {time} 下班。必须写明原因，由中心管理人员审批。</translation>
    </message>
    <message>
        <location filename="../../counter/overtime_panel.py" line="154"/>
        <source>Ctrl+E Extended hours: press 1, 2, 3 or 4 (Esc closes)</source>
        <translation>Ctrl+E 延时服务：按 1、2、3 或 4（Esc 关闭）</translation>
    </message>
    <message>
        <location filename="../../counter/overtime_panel.py" line="159"/>
        <source>Reason for “other”, then Enter</source>
        <translation>“其他”的原因，写好后回车</translation>
    </message>
    <message>
        <location filename="../../counter/overtime_panel.py" line="161"/>
        <source>4  Decline a citizen&apos;s request</source>
        <translation>4  不予延时服务</translation>
    </message>
    <message>
        <location filename="../../counter/overtime_panel.py" line="163"/>
        <source>Decline a citizen&apos;s request (Esc closes)</source>
        <translation>不予延时服务（Esc 关闭）</translation>
    </message>
    <message>
        <location filename="../../counter/overtime_panel.py" line="164"/>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../counter/overtime_panel.py" line="165"/>
        <source>The citizen&apos;s ticket, if any</source>
        <translation>群众的号码（如有）</translation>
    </message>
    <message>
        <location filename="../../counter/overtime_panel.py" line="167"/>
        <source>Reason (required), then Enter</source>
        <translation>原因（必填），写好后回车</translation>
    </message>
    <message>
        <location filename="../../counter/overtime_panel.py" line="169"/>
        <source>Decline and send to a supervisor</source>
        <translation>不予延时并报审批</translation>
    </message>
</context>
<context>
    <name>PostPanel</name>
    <message>
        <location filename="../../counter/post_panel.py" line="36"/>
        <source>Meeting</source>
        <extracomment>The reasons, in the order a clerk picks them (the core&apos;s values).</extracomment>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="37"/>
        <source>Lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="38"/>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="39"/>
        <source>Study or training</source>
        <translation>学习培训</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="40"/>
        <source>Business trip</source>
        <translation>出差</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="41"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="144"/>
        <source>Ctrl+B Hand the window over to your B post</source>
        <translation>Ctrl+B 把窗口交给 B 岗</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="145"/>
        <source>Reason</source>
        <translation>离岗原因</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="147"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="148"/>
        <source>needed for “Other”</source>
        <translation>选“其他”时必填</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="146"/>
        <source>Back at</source>
        <translation>预计回岗</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="149"/>
        <source>Hand over</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="150"/>
        <source>Ctrl+B Give the window back to A</source>
        <translation>Ctrl+B 把窗口交还 A 岗</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="151"/>
        <source>Report of what was done meanwhile</source>
        <translation>顶岗情况说明</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="152"/>
        <source>Give back</source>
        <translation>交还</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="186"/>
        <source>B post {name}</source>
        <translation>B 岗 {name}</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="187"/>
        <source>{code}&apos;s password</source>
        <translation>工号 {code} 的密码</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="190"/>
        <source>B at the desk takes the window and the citizen now; left empty, it waits for B.</source>
        <translation>B 岗在场输入密码，当场接手窗口和群众；不填则等 B 岗登录接替。</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="194"/>
        <source>A post {name} ({code}): enter your password to take the window back.</source>
        <translation>A 岗 {name}（{code}）请输入密码，接回窗口。</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="201"/>
        <source>{name} away since {time}: {reason}</source>
        <translation>{name} {time} 起离岗：{reason}</translation>
    </message>
</context>
<context>
    <name>RatingForm</name>
    <message>
        <location filename="../../kiosk/rating.py" line="476"/>
        <source>Tap the face that says how it went</source>
        <translation>请点击最符合您感受的表情</translation>
    </message>
    <message>
        <location filename="../../kiosk/rating.py" line="477"/>
        <source>What went wrong? Tap one or more</source>
        <translation>请选择不满意的原因（可多选）</translation>
    </message>
    <message>
        <location filename="../../kiosk/rating.py" line="478"/>
        <location filename="../../kiosk/rating.py" line="479"/>
        <source>Your words (optional)</source>
        <translation>您的意见（可不填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/rating.py" line="480"/>
        <source>Submit rating</source>
        <translation>提交评价</translation>
    </message>
</context>
<context>
    <name>StepInForm</name>
    <message>
        <location filename="../../counter/post_panel.py" line="237"/>
        <source>Step in as B: why is A away? (if you know)</source>
        <translation>B岗顶岗：A岗离岗原因（如知道）</translation>
    </message>
    <message>
        <location filename="../../counter/post_panel.py" line="238"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <location filename="../../shared/qt/words.py" line="15"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../shared/qt/words.py" line="17"/>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../shared/qt/words.py" line="19"/>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
</context>
</TS>
