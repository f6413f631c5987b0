<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlarmsPanel</name>
    <message>
        <location filename="../../counter/alarms_panel.py" line="167"/>
        <source>No alarm to look at.</source>
        <extracomment>How often the station sweeps for alarms that time alone raises or ends. The feed&apos;s events after which the list is read again.</extracomment>
        <translation>没有待处理的告警。</translation>
    </message>
    <message>
        <location filename="../../counter/alarms_panel.py" line="168"/>
        <source>Earlier today: acknowledged or resolved</source>
        <translation>今天较早的告警：已确认或已解除</translation>
    </message>
    <message>
        <location filename="../../counter/alarms_panel.py" line="268"/>
        <source>Alarms to look at: {n}</source>
        <translation>待处理告警：{n} 条</translation>
    </message>
    <message>
        <location filename="../../counter/alarms_panel.py" line="283"/>
        <source>raised {time}</source>
        <translation>{time} 发出</translation>
    </message>
    <message>
        <location filename="../../counter/alarms_panel.py" line="299"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../counter/alarms_panel.py" line="303"/>
        <source>Acknowledge: {sentence}</source>
        <translation>确认：{sentence}</translation>
    </message>
    <message>
        <location filename="../../counter/alarms_panel.py" line="316"/>
        <source>acknowledged by {name} at {time}</source>
        <translation>{name} {time} 已确认</translation>
    </message>
    <message>
        <location filename="../../counter/alarms_panel.py" line="322"/>
        <source>resolved at {time}</source>
        <translation>{time} 已解除</translation>
    </message>
    <message>
        <location filename="../../counter/alarms_panel.py" line="324"/>
        <source>cause not ended yet</source>
        <translation>情况尚未解除</translation>
    </message>
    <message>
        <location filename="../../counter/alarms_panel.py" line="342"/>
        <source>Acknowledged: {kind}.</source>
        <translation>已确认：{kind}。</translation>
    </message>
    <message>
        <location filename="../../counter/alarms_panel.py" line="365"/>
        <source>That did not work; please try again or call the hall&apos;s IT.</source>
        <translation>操作没有成功，请重试或联系中心信息科。</translation>
    </message>
</context>
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
        <location filename="../../counter/cases_panel.py" line="410"/>
        <source>No step applies: the case is closed.</source>
        <translation>此件已办结，没有可办理的步骤。</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="421"/>
        <source>Note (required)</source>
        <translation>说明（必填）</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="421"/>
        <source>Note, if any</source>
        <translation>说明（选填）</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="462"/>
        <source>Case of {number}: “{action}” recorded; now “{state}”.</source>
        <translation>{number} 号的整改件：已记录“{action}”，现为“{state}”。</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="489"/>
        <source>Ctrl+R Bad-review cases</source>
        <translation>Ctrl+R 差评整改</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="490"/>
        <source>Open bad-review cases, overdue first</source>
        <translation>未结差评整改件（超期的在前）</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="491"/>
        <source>Steps of the case</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="492"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="493"/>
        <source>Working days to extend by</source>
        <translation>延期工作日数</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="494"/>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="495"/>
        <source>Result of the callback</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="496"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="497"/>
        <source>Record (Enter)</source>
        <translation>记录（回车）</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="498"/>
        <source>Record the step</source>
        <translation>记录这一步</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="499"/>
        <source>Ctrl+R All cases</source>
        <translation>Ctrl+R 全部整改件</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="502"/>
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
        <location filename="../../shared/qt/connecting.py" line="79"/>
        <source>{why}
Trying again every few seconds; this window closes itself.</source>
        <translation>{why}
每隔几秒自动重试；连接成功后本窗口自动关闭。</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../../counter/window.py" line="65"/>
        <source>1  Citizen fetches materials</source>
        <extracomment>The console&apos;s type is sized as on a screen of this short side: a desk at 60 cm. The kinds of hold (F7), by their number key.</extracomment>
        <translation>1  群众外出取材料（回来后优先办理）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="66"/>
        <source>2  Materials stay here</source>
        <translation>2  材料留在本窗口（回到本窗口办理）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="67"/>
        <source>3  Waits for another step</source>
        <translation>3  等待其他环节（如刻章）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="531"/>
        <source>Keys from other programs are not available on this PC ({reason}); the F-keys work while the console is in front.</source>
        <extracomment>The console&apos;s size as it opens: a 1366×768 desk screen less its taskbar, the window&apos;s title and borders (or the screen&apos;s free area when smaller). Its parts never ask for more than SMALLEST, whatever the ticket in hand, the line or the open panel. What the window manager adds around the console: the title bar and the borders.</extracomment>
        <translation>本机无法在其他程序在前台时接收 F 键（{reason}）；叫号窗口在前台时 F 键仍可使用。</translation>
    </message>
    <message>
        <location filename="../../counter/cases_panel.py" line="86"/>
        <location filename="../../counter/window.py" line="538"/>
        <location filename="../../counter/window.py" line="1030"/>
        <source>Window {n}</source>
        <extracomment>The feed&apos;s events after which the list is read again. The order the steps are offered in: the usual path first. The console&apos;s refusals that mean its clerk is no longer signed in here.</extracomment>
        <translation>{n} 号窗口</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="539"/>
        <source>Sign in at window {n}</source>
        <translation>{n} 号窗口 登录</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="540"/>
        <source>Clerk code</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="541"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="544"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="547"/>
        <source>Connection to the hall&apos;s server lost, reconnecting… Calls and other actions cannot be saved until it is back.</source>
        <translation>与大厅服务器的连接中断，正在重连…… 恢复之前叫号等操作无法保存。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="555"/>
        <source>Ctrl+B AB post</source>
        <translation>Ctrl+B AB岗交接</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="557"/>
        <source>Ctrl+E Extended hours</source>
        <translation>Ctrl+E 延时服务</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="559"/>
        <source>Ctrl+N One-time notice</source>
        <translation>Ctrl+N 一次性告知</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="561"/>
        <source>Ctrl+R Bad-review cases</source>
        <translation>Ctrl+R 差评整改</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="563"/>
        <source>Sign out</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="564"/>
        <source>Waiting for this window</source>
        <translation>本窗口等候</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="565"/>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="596"/>
        <source>F1 Call next</source>
        <translation>F1 顺呼</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="597"/>
        <source>F2 Recall</source>
        <translation>F2 重呼</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="598"/>
        <source>F3 Evaluate</source>
        <translation>F3 评价</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="599"/>
        <source>F4 No-show</source>
        <translation>F4 过号</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="600"/>
        <source>F5 Pause</source>
        <translation>F5 暂停</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="601"/>
        <source>F6 Transfer</source>
        <translation>F6 转移</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="602"/>
        <source>F7 Hold</source>
        <translation>F7 挂起</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="603"/>
        <source>F8 Call back</source>
        <translation>F8 回呼</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="604"/>
        <source>F9 Start</source>
        <translation>F9 开始办理</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="605"/>
        <source>F10 Finish</source>
        <translation>F10 办结</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="570"/>
        <source>F6 Transfer the ticket in hand to</source>
        <translation>F6 把手上的号转移到</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="73"/>
        <source>Called</source>
        <extracomment>Refusals meaning this console&apos;s clerk is no longer signed in at its window. The state in a word, on the desk and in the compact bar.</extracomment>
        <translation>已呼叫</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="74"/>
        <source>In service</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="75"/>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="551"/>
        <source>Step in as B post (A post not handed over)</source>
        <translation>B岗顶岗（A岗未办理交接）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="571"/>
        <source>Reason (Enter transfers, Esc cancels)</source>
        <translation>原因（回车转移，Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="572"/>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="573"/>
        <source>F7 Hold the ticket in hand: press 1, 2 or 3</source>
        <translation>F7 挂起手上的号：按 1、2 或 3</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="574"/>
        <source>Reason, if any: then Ctrl+1, 2 or 3 (Esc cancels)</source>
        <translation>原因（可不填，Ctrl+数字确定）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="578"/>
        <source>F8 Call back: choose a held ticket, Enter</source>
        <translation>F8 回呼：选择挂起的号，按回车</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="580"/>
        <source>F12 Compact bar</source>
        <translation>F12 精简条</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="581"/>
        <source>F12 Full</source>
        <translation>F12 展开</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="600"/>
        <source>F5 Resume</source>
        <translation>F5 恢复</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="627"/>
        <source>the key to press next</source>
        <translation>下一步按此键</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="634"/>
        <source>Please enter your clerk code and password.</source>
        <translation>请输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="650"/>
        <source>Ticket {n} is still in hand.</source>
        <translation>{n} 号仍在办理中。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="673"/>
        <source>You stepped in for the A post at window {n}.</source>
        <translation>您已为 {n} 号窗口 A 岗顶岗。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="713"/>
        <source>Window {n} has no AB post.</source>
        <translation>{n} 号窗口没有设 AB 岗。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="722"/>
        <source>Only the A post hands this window over: {name} ({code}).</source>
        <translation>只有 A 岗 {name}（{code}）可以交接本窗口。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="742"/>
        <source>Window {n} is now {name}&apos;s (B post).</source>
        <translation>{n} 号窗口已由 B 岗 {name} 接手。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="746"/>
        <source>{number} moved with the window.</source>
        <translation>{number} 号随窗口一并交接。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="754"/>
        <source>{name} has left ({reason}). B post {b}: please sign in to take over.</source>
        <translation>{name} 已离岗（{reason}）。请 B 岗 {b} 登录接替。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="779"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="781"/>
        <source>Window {n} is back with {name}. Finished meanwhile: {served}.</source>
        <translation>{n} 号窗口已交还 {name}。顶岗期间办结：{served}。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="831"/>
        <source>Nobody is waiting for this window.</source>
        <translation>没有人在等候本窗口。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="932"/>
        <source>Help at {kiosk} is yours.</source>
        <translation>已确认由您前往 {kiosk} 提供帮助。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="971"/>
        <source>The hall does not open today: there are no extended hours.</source>
        <translation>今天不办公，没有延时服务。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="976"/>
        <source>Extended hours start at {time}, when the hall closes.</source>
        <translation>延时服务从 {time} 下班时开始。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1000"/>
        <source>Recorded: why this service runs past closing.</source>
        <translation>已记录本件延时服务的原因。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1006"/>
        <source>Declined; the reason was sent to a supervisor for approval.</source>
        <translation>已记录不予延时服务，原因已报中心管理人员审批。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1145"/>
        <source>Free</source>
        <comment>the desk</comment>
        <translation>当前空闲</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1147"/>
        <source>F5 resumes calling</source>
        <translation>按 F5 恢复叫号</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1147"/>
        <source>F1 calls the next</source>
        <translation>按 F1 呼叫下一位</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1162"/>
        <source>Waiting for this window: {n}</source>
        <translation>本窗口等候：共 {n} 人</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1026"/>
        <source>Matter: {name}</source>
        <translation>事项：{name}</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1078"/>
        <source>No held tickets to call back today.</source>
        <translation>今天没有可回呼的挂起号。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1135"/>
        <source>A post</source>
        <translation>A岗</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1135"/>
        <source>B post</source>
        <translation>B岗</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1136"/>
        <source>Window {n} · {name}</source>
        <translation>{n} 号窗口 · {name}</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="76"/>
        <location filename="../../counter/window.py" line="1137"/>
        <location filename="../../counter/window.py" line="1145"/>
        <source>Paused</source>
        <translation>暂停中</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1016"/>
        <source>Free: no ticket in hand to transfer or hold.</source>
        <translation>当前空闲：没有可转移或挂起的号。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1139"/>
        <source>Served today: {n}</source>
        <translation>今日已办：{n}</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1166"/>
        <source>Next: {numbers}</source>
        <translation>下一位：{numbers}</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1174"/>
        <source>{n} waiting</source>
        <translation>{n} 人等候</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1180"/>
        <source>Help asked at: {list}</source>
        <translation>取号机求助：{list}</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1182"/>
        <source>Ctrl+H I&apos;ll go to {kiosk}</source>
        <translation>Ctrl+H 我去 {kiosk} 帮助</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1198"/>
        <source>A post {name} away since {since} ({reason})</source>
        <translation>A 岗 {name} {since} 起离岗（{reason}）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1202"/>
        <source>, back about {time}</source>
        <translation>，预计 {time} 回岗</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1206"/>
        <source> · you cover the window; Ctrl+B gives it back</source>
        <translation> · 您正在顶岗，A 岗回来后按 Ctrl+B 交还</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1225"/>
        <source>Transferred</source>
        <translation>已转移</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1227"/>
        <source>Back from hold</source>
        <translation>挂起后返回</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1229"/>
        <source>Recalled {n}×</source>
        <translation>重呼 {n} 次</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1239"/>
        <source>Waited {n} min</source>
        <translation>已等候 {n} 分钟</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1253"/>
        <source>That did not work; please try again or call the hall&apos;s IT.</source>
        <translation>操作没有成功，请重试或联系中心信息科。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="1279"/>
        <source>You are no longer signed in at this window (signed in elsewhere, or a new day). Please sign in again.</source>
        <translation>您已不在本窗口登录（已在其他窗口登录，或已是新的一天），请重新登录。</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <location filename="../../kiosk/display.py" line="387"/>
        <source>Mon Tue Wed Thu Fri Sat Sun</source>
        <translation>星期一 星期二 星期三 星期四 星期五 星期六 星期日</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="527"/>
        <location filename="../../kiosk/display.py" line="686"/>
        <source>Waiting:</source>
        <translation>等候：</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="519"/>
        <location filename="../../kiosk/display.py" line="712"/>
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
        <location filename="../../kiosk/display.py" line="523"/>
        <location filename="../../kiosk/display.py" line="679"/>
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="524"/>
        <location filename="../../kiosk/display.py" line="682"/>
        <source>Number</source>
        <translation>票号</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="524"/>
        <location filename="../../kiosk/display.py" line="684"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="868"/>
        <location filename="../../kiosk/display.py" line="914"/>
        <source>Connection lost, reconnecting…</source>
        <translation>连接中断，正在重连…</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="521"/>
        <location filename="../../kiosk/display.py" line="704"/>
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
        <location filename="../../kiosk/display.py" line="520"/>
        <location filename="../../kiosk/display.py" line="710"/>
        <source>Called before the interruption</source>
        <translation>中断前的呼叫</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="515"/>
        <location filename="../../kiosk/display.py" line="718"/>
        <location filename="../../kiosk/display.py" line="923"/>
        <source>Window {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="811"/>
        <source>{month}/{day}</source>
        <translation>{month}月{day}日</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="861"/>
        <location filename="../../kiosk/display.py" line="947"/>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="862"/>
        <location filename="../../kiosk/display.py" line="951"/>
        <source>Service paused</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="865"/>
        <location filename="../../kiosk/display.py" line="943"/>
        <source>Please come to this window</source>
        <translation>请到本窗口办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="866"/>
        <location filename="../../kiosk/display.py" line="941"/>
        <source>Being served</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="956"/>
        <source>Clerk {name} · No. {code}</source>
        <translation>工作人员 {name}&#x3000;工号 {code}</translation>
    </message>
</context>
<context>
    <name>Evaluator</name>
    <message>
        <location filename="../../kiosk/evaluator.py" line="209"/>
        <source>Window {n}</source>
        <extracomment>The pad&apos;s type against the kiosk&apos;s at the same screen size: every citizen reads it at arm&apos;s length, so it is always as large as the kiosk&apos;s elderly mode.</extracomment>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluator.py" line="211"/>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluator.py" line="213"/>
        <source>Please rate this service</source>
        <translation>请为本次服务评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluator.py" line="214"/>
        <source>Thank you for your rating</source>
        <translation>谢谢您的评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluator.py" line="215"/>
        <source>Rating is paused: reconnecting to the hall&apos;s server…</source>
        <translation>暂停评价，正在重新连接服务器…</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluator.py" line="249"/>
        <source>Your opinion goes to the hall&apos;s supervisor, who will follow it up.</source>
        <translation>您的意见已转给大厅负责人，我们会跟进整改。</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluator.py" line="251"/>
        <source>Have a good day!</source>
        <translation>祝您生活愉快！</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluator.py" line="264"/>
        <source>Back in {n} s</source>
        <translation>{n} 秒后返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluator.py" line="329"/>
        <source>Please try again.</source>
        <translation>请再试一次。</translation>
    </message>
</context>
<context>
    <name>FloorTile</name>
    <message>
        <location filename="../../counter/floor_tiles.py" line="171"/>
        <source>A post</source>
        <extracomment>The refusals meaning the supervisor&apos;s sign-in no longer holds. A tile is at least this many characters of the body type wide, and its shape is kept near this width ÷ height when the floor has room to choose.</extracomment>
        <translation>A岗</translation>
    </message>
    <message>
        <location filename="../../counter/floor_tiles.py" line="171"/>
        <source>B post</source>
        <translation>B岗</translation>
    </message>
    <message>
        <location filename="../../counter/floor_tiles.py" line="174"/>
        <source>No one signed in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <location filename="../../counter/floor_tiles.py" line="175"/>
        <source>Done today {n}</source>
        <translation>今日办结 {n}</translation>
    </message>
    <message>
        <location filename="../../counter/floor_tiles.py" line="177"/>
        <source>A post {name} away ({reason}) since {since}</source>
        <translation>A岗 {name} {since} 起离岗（{reason}）</translation>
    </message>
    <message>
        <location filename="../../counter/floor_tiles.py" line="183"/>
        <source>, back about {time}</source>
        <translation>，预计 {time} 回岗</translation>
    </message>
    <message>
        <location filename="../../counter/floor_tiles.py" line="190"/>
        <source>Window {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <location filename="../../counter/floor_tiles.py" line="201"/>
        <source>in hand {n} min</source>
        <translation>已 {n} 分钟</translation>
    </message>
    <message>
        <location filename="../../counter/floor_tiles.py" line="205"/>
        <source>Since {time}: {reason}</source>
        <translation>{time} 起：{reason}</translation>
    </message>
    <message>
        <location filename="../../counter/floor_tiles.py" line="209"/>
        <source>Since {time}</source>
        <translation>{time} 起</translation>
    </message>
</context>
<context>
    <name>FloorView</name>
    <message>
        <location filename="../../counter/floor_tiles.py" line="34"/>
        <source>In service</source>
        <extracomment>A tile&apos;s state in words (the colour is the tile&apos;s ``state`` property, never alone).</extracomment>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../counter/floor_tiles.py" line="35"/>
        <source>Called</source>
        <translation>已呼叫</translation>
    </message>
    <message>
        <location filename="../../counter/floor_tiles.py" line="36"/>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../counter/floor_tiles.py" line="37"/>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../counter/floor_tiles.py" line="38"/>
        <source>Away</source>
        <translation>离岗</translation>
    </message>
    <message>
        <location filename="../../counter/floor_tiles.py" line="39"/>
        <source>Nobody in</source>
        <translation>无人</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="277"/>
        <source>Today</source>
        <extracomment>How often the minutes are counted on from the times already read.</extracomment>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="279"/>
        <source>Issued</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="280"/>
        <source>Served</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="281"/>
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="282"/>
        <location filename="../../counter/floor_view.py" line="526"/>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="283"/>
        <source>Mean wait (min)</source>
        <translation>平均等候（分钟）</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="284"/>
        <source>Reviews</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="285"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="289"/>
        <source>Pause…</source>
        <translation>暂停…</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="290"/>
        <source>Reopen</source>
        <translation>恢复叫号</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="291"/>
        <location filename="../../counter/floor_view.py" line="643"/>
        <source>Close the day…</source>
        <translation>结束今日叫号…</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="292"/>
        <source>Reason (the clerk and the log see it)</source>
        <translation>暂停原因（窗口人员和记录中可见）</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="293"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="294"/>
        <source>Why leave the noon duty?</source>
        <translation>为何中断午间值班：</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="295"/>
        <source>Pause all the same</source>
        <translation>仍然暂停</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="296"/>
        <source>Close the day</source>
        <translation>结束今日叫号</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="298"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="299"/>
        <source>Help asked at the kiosks</source>
        <translation>取号机求助</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="300"/>
        <source>Move a waiting ticket</source>
        <translation>调号（等候中的号）</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="301"/>
        <source>Ticket number, e.g. A012</source>
        <translation>票号，例如 A012</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="302"/>
        <source>Reason (optional)</source>
        <translation>原因（可不填）</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="303"/>
        <source>Move the ticket</source>
        <translation>调号</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="305"/>
        <source>Ticket number to move</source>
        <translation>要调的票号</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="306"/>
        <source>Move to</source>
        <translation>调往</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="307"/>
        <source>Reason for the move</source>
        <translation>调号原因</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="308"/>
        <source>Reason for the pause</source>
        <translation>暂停原因</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="507"/>
        <source>Waiting: {n}</source>
        <translation>等候：{n} 人</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="508"/>
        <source>Nobody is waiting.</source>
        <translation>暂无等候。</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="527"/>
        <source>Longest</source>
        <translation>最长</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="555"/>
        <source>{n} min, too long</source>
        <translation>{n} 分钟 超时</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="557"/>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="582"/>
        <source>{kiosk} since {time} ({n} min)</source>
        <translation>{kiosk}：{time} 起（已 {n} 分钟）</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="589"/>
        <source>I&apos;ll go</source>
        <translation>我去处理</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="593"/>
        <source>Answer the help asked at {kiosk}</source>
        <translation>响应 {kiosk} 的求助</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="626"/>
        <source>Select a window</source>
        <translation>请选择窗口</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="628"/>
        <source>Window {n}:</source>
        <translation>{n}号窗口：</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="637"/>
        <source>Pause window {n}…</source>
        <translation>暂停{n}号窗口…</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="640"/>
        <source>Reopen window {n}</source>
        <translation>{n}号窗口恢复叫号</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="668"/>
        <source>Pause window {n}:</source>
        <translation>暂停{n}号窗口：</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="695"/>
        <source>Window {n} is paused.</source>
        <translation>{n}号窗口已暂停。</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="719"/>
        <source>Window {n} is open again.</source>
        <translation>{n}号窗口已恢复叫号。</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="728"/>
        <source>Close the day now? The {n} tickets still waiting, and those on hold, end unserved; tickets in a window&apos;s hands stay.</source>
        <translation>现在结束今日叫号吗？仍在等候的 {n} 个号和挂起的号都将作废；窗口手中的号不受影响。</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="742"/>
        <source>The day is closed: {n} tickets ended.</source>
        <translation>今日叫号已结束：{n} 个号已作废。</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="758"/>
        <source>Service: {name}</source>
        <translation>事项：{name}</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="762"/>
        <location filename="../../counter/floor_view.py" line="782"/>
        <source>Window {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="774"/>
        <source>Type the number of the waiting ticket to move.</source>
        <translation>请输入要调的等候票号。</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="787"/>
        <source>{number} moved to {where}.</source>
        <translation>{number} 已调往{where}。</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="808"/>
        <source>Help at {kiosk}: yours.</source>
        <translation>{kiosk} 的求助由您处理。</translation>
    </message>
    <message>
        <location filename="../../counter/floor_view.py" line="823"/>
        <source>That did not work; please try again or call the hall&apos;s IT.</source>
        <translation>操作没有成功，请重试或联系中心信息科。</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/window.py" line="80"/>
        <source>Please come back in the service&apos;s hours, or ask a hall guide.</source>
        <translation>请在本事项的取号时段内再来，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="83"/>
        <source>Please come back in the ticket hours.</source>
        <translation>请在取号时间内再来。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="84"/>
        <source>Please come back on a working day.</source>
        <translation>请在工作日前来办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="85"/>
        <source>Please come back at the time shown.</source>
        <translation>请在上面所说的时间再来签到。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="88"/>
        <location filename="../../kiosk/window.py" line="89"/>
        <source>Please take an ordinary ticket.</source>
        <translation>请返回首页，按普通号取号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="90"/>
        <source>Please check the code and try again, or ask a hall guide.</source>
        <translation>请核对预约码后重新输入，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="93"/>
        <source>Your ticket was already issued; please keep it.</source>
        <translation>您的号已经取过，请保管好取号单。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="96"/>
        <source>Please come on the day of your appointment.</source>
        <translation>请在预约当天前来签到。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="99"/>
        <source>Please go to the hall where you booked.</source>
        <translation>请到预约的服务中心办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="102"/>
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
        <location filename="../../kiosk/window.py" line="104"/>
        <source>Please ask a hall guide.</source>
        <translation>请咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="361"/>
        <location filename="../../kiosk/window.py" line="601"/>
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="353"/>
        <source>Standard mode</source>
        <translation>返回标准模式</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="353"/>
        <source>Large text, read aloud</source>
        <translation>老年人模式（大字、语音）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="356"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="357"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="358"/>
        <source>Need help</source>
        <translation>需要帮助</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="362"/>
        <source>Type your 8-digit appointment code, or scan it</source>
        <translation>请输入 8 位预约码，或把预约码对准扫描口</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="364"/>
        <location filename="../../kiosk/window.py" line="372"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="365"/>
        <location filename="../../kiosk/window.py" line="373"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="366"/>
        <location filename="../../kiosk/window.py" line="367"/>
        <source>Rate a service</source>
        <translation>评价服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="369"/>
        <source>Please scan the QR code on your slip, or type the rating code printed on it</source>
        <translation>请扫描票据上的二维码，或输入票据上的评价短码</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="371"/>
        <source>Rating code</source>
        <translation>评价短码</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="374"/>
        <location filename="../../kiosk/window.py" line="879"/>
        <source>Please rate this service</source>
        <translation>请为本次服务评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="377"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="378"/>
        <source>Scan to follow the queue and rate the service</source>
        <translation>微信扫码：查看排队进度、评价服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="383"/>
        <source>Please listen for your number; a missed number must be taken again</source>
        <translation>请留意叫号，过号需重新取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="385"/>
        <source>Back to home</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="386"/>
        <source>Tickets paused: reconnecting to the hall&apos;s server…</source>
        <translation>暂停取号，正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="395"/>
        <source>Green channel: on</source>
        <translation>绿色通道（已选）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="533"/>
        <location filename="../../kiosk/window.py" line="554"/>
        <location filename="../../kiosk/window.py" line="1014"/>
        <source>{n} waiting</source>
        <translation>{n} 人等候</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="535"/>
        <source> and more</source>
        <translation>等</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="548"/>
        <source>(green channel)</source>
        <translation>（绿色通道）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="591"/>
        <location filename="../../kiosk/window.py" line="903"/>
        <source>You chose: {name}</source>
        <translation>您选择的是：{name}</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="617"/>
        <source>Taking your number…</source>
        <translation>正在取号，请稍候…</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="652"/>
        <source>Sorry, something went wrong</source>
        <translation>抱歉，系统出了点问题</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="653"/>
        <location filename="../../kiosk/window.py" line="889"/>
        <location filename="../../kiosk/window.py" line="957"/>
        <source>Please try again, or ask a hall guide.</source>
        <translation>请再试一次，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="395"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="535"/>
        <location filename="../../kiosk/window.py" line="692"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="77"/>
        <source>You can also take a number on the next working day, or ask a hall guide.</source>
        <extracomment>What a citizen can do next, after each refusal of the core.</extracomment>
        <translation>也可以下一个工作日再来取号，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="108"/>
        <source>Today&apos;s numbers for this service are all taken.</source>
        <extracomment>The kiosk&apos;s own sentence for a refusal, where the core&apos;s says more than a citizen at the kiosk should act on (a free window is not an invitation to skip the queue).</extracomment>
        <translation>今日号已取完。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="349"/>
        <source>Choose a service</source>
        <translation>请选择您要办理的事项</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="350"/>
        <source>Check in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="359"/>
        <source>Tap a service to take a number</source>
        <translation>点一下要办的事项，就能取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="360"/>
        <location filename="../../kiosk/window.py" line="555"/>
        <source>More services</source>
        <translation>更多事项（下一页）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="363"/>
        <source>Appointment code</source>
        <translation>预约码</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="376"/>
        <location filename="../../kiosk/window.py" line="722"/>
        <source>Your number is taken</source>
        <translation>取号成功</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="379"/>
        <source>QR code: follow the queue and rate the service</source>
        <translation>二维码：扫码查看排队进度、评价服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="397"/>
        <source>Elderly, disabled, pregnant</source>
        <translation>老人、残疾人、孕妇</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="559"/>
        <source>Please choose a service</source>
        <translation>请选择您要办理的事项</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="576"/>
        <source>Large text is on. Please choose a service.</source>
        <translation>已切换为大字模式，请选择您要办理的事项。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="670"/>
        <source>Scan to book another day</source>
        <translation>扫码预约其他日期</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="673"/>
        <source>Scan to do it online</source>
        <translation>扫码网上办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="694"/>
        <source>Windows: {list}</source>
        <translation>受理窗口：{list} 号窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="696"/>
        <source>Please ask a hall guide which window</source>
        <translation>请咨询导服人员到哪个窗口办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="699"/>
        <source>{n} ahead of you</source>
        <translation>前面还有 {n} 人</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="701"/>
        <source>{n} ahead of you, you may not be reached today</source>
        <translation>前面还有 {n} 人，今天可能轮不到，建议改日或网上预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="703"/>
        <source>{n} ahead of you, about {low}–{high} min</source>
        <translation>前面还有 {n} 人，预计等候约 {low}–{high} 分钟</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="707"/>
        <source>{n} ahead of you, you are next</source>
        <translation>前面还有 {n} 人，即将叫号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="709"/>
        <source>{n} ahead of you, about {m} min</source>
        <translation>前面还有 {n} 人，预计等候约 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="715"/>
        <source>Rating code {code}</source>
        <translation>评价短码 {code}</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="716"/>
        <source>Printing your slip…</source>
        <translation>正在打印取号单…</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="727"/>
        <location filename="../../kiosk/window.py" line="737"/>
        <source>Your number is {number}</source>
        <translation>您的号码是{number}号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="747"/>
        <source>Please take your slip below</source>
        <translation>请从下方取走取号单</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="790"/>
        <source>The slip could not be printed; please note your number.</source>
        <translation>取号单没有打印出来，请记下您的号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="874"/>
        <source>Window {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="891"/>
        <source>Sorry, this ticket cannot be rated here</source>
        <translation>抱歉，这张票据暂时不能评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="924"/>
        <location filename="../../kiosk/window.py" line="936"/>
        <location filename="../../kiosk/window.py" line="940"/>
        <source>Thank you for your rating</source>
        <translation>谢谢您的评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="925"/>
        <source>Your opinion goes to the hall&apos;s supervisor, who will follow it up.</source>
        <translation>您的意见已转给大厅负责人，我们会跟进整改。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="927"/>
        <source>Your rating helps the hall serve you better.</source>
        <translation>您的评价帮助我们把服务做得更好。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="966"/>
        <location filename="../../kiosk/window.py" line="974"/>
        <source>A hall guide is on the way</source>
        <translation>导服人员马上就来</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="967"/>
        <source>Please wait here; someone will come to help you.</source>
        <translation>请在这里稍候，工作人员会过来帮您。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="981"/>
        <source>Please wave to a member of staff.</source>
        <translation>请向附近的工作人员招手示意。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="1035"/>
        <source>Mon Tue Wed Thu Fri Sat Sun</source>
        <translation>星期一 星期二 星期三 星期四 星期五 星期六 星期日</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="1048"/>
        <location filename="../../kiosk/window.py" line="1052"/>
        <source>Back to home in {n} s</source>
        <translation>{n} 秒后返回首页</translation>
    </message>
</context>
<context>
    <name>MaintenanceGate</name>
    <message>
        <location filename="../../kiosk/maintenance.py" line="473"/>
        <source>Maintenance: supervisors only</source>
        <extracomment>What the printer itself just answered when asked (&quot;present&quot;, &quot;low&quot;), None when this is only the last slip&apos;s outcome (a PDF folder, a system printer, not asked yet).</extracomment>
        <translation>维护（仅限管理人员）</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="474"/>
        <source>Type a supervisor&apos;s code and password</source>
        <translation>请输入管理人员的工号和密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="475"/>
        <source>Code</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="476"/>
        <location filename="../../kiosk/maintenance.py" line="478"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="477"/>
        <source>Supervisor&apos;s code</source>
        <translation>管理人员工号</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="479"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="480"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="481"/>
        <source>Del</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="483"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="484"/>
        <source>Capital letters</source>
        <translation>大写字母</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="485"/>
        <source>Marks</source>
        <translation>符号</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="486"/>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="487"/>
        <source>Restart</source>
        <translation>重新启动</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="488"/>
        <source>Back to service</source>
        <translation>返回服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="498"/>
        <source>Tap again to exit</source>
        <translation>再点一次退出</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="498"/>
        <source>Exit the station</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="566"/>
        <source>You may try again.</source>
        <translation>现在可以再试。</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="585"/>
        <source>Closes by itself after {n} s untouched</source>
        <translation>无操作 {n} 秒后自动关闭</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="596"/>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="644"/>
        <source>The code cannot be checked now: the hall&apos;s server does not answer. Please try again in a moment.</source>
        <translation>暂时无法核对：服务器没有响应，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="654"/>
        <source>The code could not be checked; please try again.</source>
        <translation>未能核对，请再试一次。</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="661"/>
        <source>Too many wrong codes. Please try again in {n} s.</source>
        <translation>输错次数过多，请 {n} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="689"/>
        <source>Supervisor: {name} ({code})</source>
        <translation>管理人员：{name}（{code}）</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="698"/>
        <source>Paper and printer: asking the printer…</source>
        <translation>纸张与打印机：正在询问打印机…</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="714"/>
        <source>Printer: {where}</source>
        <translation>打印机：{where}</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="718"/>
        <source>Paper and printer: {fault} ({at})</source>
        <translation>纸张与打印机：{fault}（{at}）</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="719"/>
        <source>Mend the printer, then reprint the last slip to check it.</source>
        <translation>处理好打印机后，补打上一张取号单试一试。</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="721"/>
        <source>Paper and printer: on line, the paper is running out ({at})</source>
        <translation>纸张与打印机：在线，纸快用完了（{at}）</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="724"/>
        <source>Put in a new roll soon.</source>
        <translation>请尽快换上新纸卷。</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="726"/>
        <source>Paper and printer: on line, paper in ({at})</source>
        <translation>纸张与打印机：在线，有纸（{at}）</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="728"/>
        <source>Paper and printer: printing (last slip at {at})</source>
        <translation>纸张与打印机：正常（上一张于 {at} 打印）</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="730"/>
        <source>Paper and printer: no slip printed since the station started</source>
        <translation>纸张与打印机：本次启动后还没有打印过取号单</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="700"/>
        <source>Reprint the last slip ({number})</source>
        <translation>补打上一张取号单（{number}）</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="702"/>
        <source>No slip to reprint yet</source>
        <translation>还没有可以补打的取号单</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="747"/>
        <source>Reprinted {number}, marked as a reprint.</source>
        <translation>已补打 {number}（标有“补打”）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="749"/>
        <source>{number} was not reprinted: {fault}</source>
        <translation>{number} 没有补打出来：{fault}</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance.py" line="756"/>
        <source>Reprinting {number}…</source>
        <translation>正在补打 {number}…</translation>
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
    <name>ReportsPage</name>
    <message>
        <location filename="../../counter/reports_page.py" line="147"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="147"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="147"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="149"/>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="149"/>
        <source>Clerks</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="149"/>
        <source>Services</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="152"/>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="153"/>
        <source>Save as PDF…</source>
        <translation>存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="154"/>
        <source>Period</source>
        <translation>统计周期</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="155"/>
        <source>A day of the period</source>
        <translation>周期内的一天</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="156"/>
        <source>Figures of</source>
        <translation>统计对象</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="159"/>
        <source>The ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="160"/>
        <source>The figures</source>
        <translation>各项数据</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="189"/>
        <source>Counting {first} – {last}…</source>
        <translation>正在统计 {first} 至 {last}…</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="213"/>
        <source>The figures could not be read.</source>
        <translation>数据读取失败，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="223"/>
        <source>{hall} · {span}</source>
        <translation>{hall} · {span}</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="228"/>
        <source>Served {served}; wait mean {wait} min (90% within {wait90}); handling mean {handling} min; no-shows {no_shows}, transfers {transfers}, holds {holds}; reviews {reviews}, satisfied {sat}, bad {bad} ({open} cases open); extended {extended} ({extended_minutes} min); empty posts {empty} min.</source>
        <translation>办结 {served} 件；平均等候 {wait} 分钟（90% 不超过 {wait90} 分钟）；平均办理 {handling} 分钟；过号 {no_shows}，转移 {transfers}，挂起 {holds}；评价 {reviews} 条，满意率 {sat}，差评 {bad} 条（未结 {open} 件）；延时服务 {extended} 件（{extended_minutes} 分钟）；空岗 {empty} 分钟。</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="262"/>
        <source>Ranking (at least {n} tickets to be ranked)</source>
        <translation>排名（至少办理 {n} 件才参加排名）</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="265"/>
        <source>Place</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="265"/>
        <location filename="../../counter/reports_page.py" line="292"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="265"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="265"/>
        <source>Work</source>
        <translation>工作量</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="266"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="266"/>
        <source>Deducted</source>
        <translation>扣分</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="266"/>
        <location filename="../../counter/reports_page.py" line="292"/>
        <source>Served</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="266"/>
        <source>Mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="275"/>
        <source>▼ last three, third day running: 约谈</source>
        <translation>▼ 排名后三位，连续第三次：约谈</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="277"/>
        <source>▼ last three</source>
        <translation>▼ 排名后三位</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="285"/>
        <source>not ranked: {n} handled</source>
        <translation>未排名：仅办理 {n} 件</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="289"/>
        <source>Every figure</source>
        <translation>各项数据</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="292"/>
        <source>Wait mean</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="292"/>
        <source>Wait 90%</source>
        <translation>90%等候</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="293"/>
        <source>Handling mean</source>
        <translation>平均办理</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="293"/>
        <source>Handling 90%</source>
        <translation>90%办理</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="293"/>
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="294"/>
        <source>Transfers</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="294"/>
        <source>Holds</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="294"/>
        <source>Call-backs</source>
        <translation>回呼</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="294"/>
        <source>Reviews</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="295"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="295"/>
        <source>Bad</source>
        <translation>差评</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="295"/>
        <source>Hand-overs</source>
        <translation>AB岗交接</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="295"/>
        <source>Away min</source>
        <translation>离岗分钟</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="296"/>
        <source>Empty post min</source>
        <translation>空岗分钟</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="296"/>
        <source>Extended</source>
        <translation>延时服务</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="296"/>
        <source>Notices</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="315"/>
        <source>Window {n} {name}</source>
        <translation>{n}号窗口 {name}</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="340"/>
        <source>Save the report as PDF</source>
        <translation>把报表存为 PDF</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="340"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../counter/reports_page.py" line="368"/>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>SettingsAlarmsPage</name>
    <message>
        <location filename="../../counter/settings/alarms.py" line="54"/>
        <source>Alarm thresholds</source>
        <extracomment>The thresholds of the alarms page: the key&apos;s path in the hall&apos;s configuration.</extracomment>
        <translation>告警阈值</translation>
    </message>
    <message>
        <location filename="../../counter/settings/alarms.py" line="56"/>
        <source>When the supervisor&apos;s station raises an alarm; saved, it applies at once.</source>
        <translation>什么情况下在管理端告警；保存后立即生效。</translation>
    </message>
    <message>
        <location filename="../../counter/settings/alarms.py" line="59"/>
        <source>A ticket waits longer than</source>
        <translation>取号后等候超过</translation>
    </message>
    <message>
        <location filename="../../counter/settings/alarms.py" line="60"/>
        <source>One ticket at a window longer than</source>
        <translation>一个号在窗口办理超过</translation>
    </message>
    <message>
        <location filename="../../counter/settings/alarms.py" line="61"/>
        <source>A and B of a post both away for</source>
        <translation>AB岗同时离岗超过</translation>
    </message>
    <message>
        <location filename="../../counter/settings/alarms.py" line="62"/>
        <source>A help request unanswered for</source>
        <translation>求助无人响应超过</translation>
    </message>
    <message>
        <location filename="../../counter/settings/alarms.py" line="63"/>
        <source>A bad-review case due within</source>
        <translation>差评整改到期前</translation>
    </message>
    <message>
        <location filename="../../counter/settings/alarms.py" line="64"/>
        <source>A post&apos;s window empty for</source>
        <translation>设AB岗的窗口无人超过</translation>
    </message>
    <message>
        <location filename="../../counter/settings/alarms.py" line="67"/>
        <location filename="../../counter/settings/alarms.py" line="69"/>
        <location filename="../../counter/settings/alarms.py" line="70"/>
        <location filename="../../counter/settings/alarms.py" line="72"/>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../counter/settings/alarms.py" line="68"/>
        <source> × its handling time</source>
        <translation> 倍预计办理时长</translation>
    </message>
    <message>
        <location filename="../../counter/settings/alarms.py" line="71"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../counter/settings/alarms.py" line="78"/>
        <source>Chime when an alarm is raised</source>
        <translation>告警时响提示音</translation>
    </message>
    <message>
        <location filename="../../counter/settings/alarms.py" line="80"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../counter/settings/alarms.py" line="81"/>
        <source>Save the alarm thresholds</source>
        <translation>保存告警阈值</translation>
    </message>
</context>
<context>
    <name>SettingsCapsPage</name>
    <message>
        <location filename="../../counter/settings/caps.py" line="112"/>
        <source>Caps and ticket slots</source>
        <translation>放号上限与取号时段</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="115"/>
        <source>Pick a service to change its daily cap or its ticket slots. A change takes effect at once: the tickets already issued today count toward it.</source>
        <translation>选择一项事项，修改它的每日放号上限或取号时段。修改立即生效：今天已经发出的号也计入新的上限。</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="121"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="122"/>
        <source>Service</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="123"/>
        <source>Zone</source>
        <translation>功能区</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="124"/>
        <location filename="../../counter/settings/caps.py" line="129"/>
        <source>Daily cap</source>
        <translation>每日上限</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="125"/>
        <source>Ticket slots (quota)</source>
        <translation>取号时段（放号数）</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="128"/>
        <source>Services with their caps and slots</source>
        <translation>各事项的放号上限与取号时段</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="130"/>
        <source>empty: no cap</source>
        <translation>不填：不限</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="131"/>
        <source>Daily cap (empty: no cap)</source>
        <translation>每日放号上限（不填为不限）</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="132"/>
        <source>Ticket slots</source>
        <translation>取号时段</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="133"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="134"/>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="135"/>
        <source>Quota</source>
        <translation>本时段放号数</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="136"/>
        <source>No slots: tickets whenever the hall issues them.</source>
        <translation>未设时段：大厅取号时间内都可以取号。</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="137"/>
        <source>Add a slot</source>
        <translation>添加时段</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="139"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="140"/>
        <source>Save the cap and the slots</source>
        <translation>保存放号上限和取号时段</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="142"/>
        <source>Takes effect at once; today&apos;s tickets already issued count toward it.</source>
        <translation>保存后立即生效；今天已经发出的号计入上限。</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="149"/>
        <source>Slot {n} from</source>
        <translation>第 {n} 个时段开始</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="150"/>
        <source>Slot {n} until</source>
        <translation>第 {n} 个时段结束</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="151"/>
        <source>Slot {n} quota (0: no quota)</source>
        <translation>第 {n} 个时段放号数（0 为不限）</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="152"/>
        <source>no quota</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="153"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="154"/>
        <source>Remove slot {n}</source>
        <translation>删除第 {n} 个时段</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="160"/>
        <source>all day</source>
        <translation>全天</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="166"/>
        <source>({n})</source>
        <translation>限{n}个</translation>
    </message>
    <message>
        <location filename="../../counter/settings/caps.py" line="179"/>
        <source>no cap</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>SettingsClerksPage</name>
    <message>
        <location filename="../../counter/settings/clerks.py" line="84"/>
        <source>Clerks</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="87"/>
        <source>Pick a clerk to change the name or role, disable or enable them, or set a new password; type a new code to add a clerk.</source>
        <translation>选择一位工作人员，可以修改姓名或角色、停用或启用、设置新密码；输入新的工号可新增工作人员。</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="92"/>
        <location filename="../../counter/settings/clerks.py" line="95"/>
        <source>Code</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="92"/>
        <location filename="../../counter/settings/clerks.py" line="96"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="92"/>
        <location filename="../../counter/settings/clerks.py" line="97"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="92"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="94"/>
        <source>The hall&apos;s clerks</source>
        <translation>本中心的工作人员</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="98"/>
        <location filename="../../counter/settings/clerks.py" line="103"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="99"/>
        <source>Once more</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="100"/>
        <source>Clerk&apos;s code</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="101"/>
        <source>Clerk&apos;s name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="102"/>
        <source>Clerk&apos;s role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="104"/>
        <source>Password once more</source>
        <translation>再输一次密码</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="108"/>
        <location filename="../../counter/settings/clerks.py" line="125"/>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="109"/>
        <location filename="../../counter/settings/clerks.py" line="125"/>
        <source>Supervisor</source>
        <translation>管理人员</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="111"/>
        <source>Add as a new clerk</source>
        <translation>新增工作人员</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="112"/>
        <source>Save name and role</source>
        <translation>保存姓名和角色</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="113"/>
        <source>Set this password</source>
        <translation>设为新密码</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="116"/>
        <source>A new clerk&apos;s initial password, or a new password for the clerk picked (at least as long as the hall requires); typed twice, the same.</source>
        <translation>新增时填写的是初始密码；选中一位工作人员时填写的是新密码（长度须符合中心要求）。两次输入须相同。</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="142"/>
        <source>in use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="142"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="199"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="199"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../counter/settings/clerks.py" line="208"/>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码。</translation>
    </message>
</context>
<context>
    <name>SettingsHolidaysPage</name>
    <message>
        <location filename="../../counter/settings/holidays.py" line="76"/>
        <source>Holidays and swapped working days</source>
        <translation>节假日与调休</translation>
    </message>
    <message>
        <location filename="../../counter/settings/holidays.py" line="79"/>
        <source>On a holiday the hall is closed, even on a weekday; a swapped working day is a weekend day the hall opens as on a weekday.</source>
        <translation>节假日大厅不开门，即使是工作日；调休上班日是周末照常开门办理的日子。</translation>
    </message>
    <message>
        <location filename="../../counter/settings/holidays.py" line="84"/>
        <source>Holidays (closed)</source>
        <translation>节假日（休息）</translation>
    </message>
    <message>
        <location filename="../../counter/settings/holidays.py" line="85"/>
        <source>Swapped working days (open)</source>
        <translation>调休上班日（开门）</translation>
    </message>
    <message>
        <location filename="../../counter/settings/holidays.py" line="86"/>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../counter/settings/holidays.py" line="87"/>
        <source>Swapped working days</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <location filename="../../counter/settings/holidays.py" line="88"/>
        <source>Holiday to add</source>
        <translation>要添加的节假日</translation>
    </message>
    <message>
        <location filename="../../counter/settings/holidays.py" line="89"/>
        <source>Swapped working day to add</source>
        <translation>要添加的调休上班日</translation>
    </message>
    <message>
        <location filename="../../counter/settings/holidays.py" line="91"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../counter/settings/holidays.py" line="92"/>
        <source>Remove the day selected</source>
        <translation>删除选中的日期</translation>
    </message>
    <message>
        <location filename="../../counter/settings/holidays.py" line="93"/>
        <source>Add the holiday</source>
        <translation>添加节假日</translation>
    </message>
    <message>
        <location filename="../../counter/settings/holidays.py" line="94"/>
        <source>Add the swapped working day</source>
        <translation>添加调休上班日</translation>
    </message>
    <message>
        <location filename="../../counter/settings/holidays.py" line="95"/>
        <source>Remove the holiday selected</source>
        <translation>删除选中的节假日</translation>
    </message>
    <message>
        <location filename="../../counter/settings/holidays.py" line="96"/>
        <source>Remove the swapped working day selected</source>
        <translation>删除选中的调休上班日</translation>
    </message>
</context>
<context>
    <name>SettingsLogPage</name>
    <message>
        <location filename="../../counter/settings/log.py" line="31"/>
        <source>Change log</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../counter/settings/log.py" line="32"/>
        <source>Every change of the hall&apos;s settings, newest first.</source>
        <translation>大厅设置的每一次修改，最新的在最上面。</translation>
    </message>
    <message>
        <location filename="../../counter/settings/log.py" line="33"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../counter/settings/log.py" line="33"/>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../../counter/settings/log.py" line="33"/>
        <source>What</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../counter/settings/log.py" line="34"/>
        <source>Changes of the hall&apos;s settings</source>
        <translation>大厅设置的修改记录</translation>
    </message>
    <message>
        <location filename="../../counter/settings/log.py" line="56"/>
        <source>No change recorded yet.</source>
        <translation>还没有修改记录。</translation>
    </message>
</context>
<context>
    <name>SettingsNoticePage</name>
    <message>
        <location filename="../../counter/settings/notice.py" line="33"/>
        <source>Display notice</source>
        <translation>大厅屏通知</translation>
    </message>
    <message>
        <location filename="../../counter/settings/notice.py" line="35"/>
        <source>The notice scrolls at the foot of the lobby display; saved, it shows at once.</source>
        <translation>这段通知在大厅综合屏最下方滚动显示；保存后立即显示。</translation>
    </message>
    <message>
        <location filename="../../counter/settings/notice.py" line="37"/>
        <source>Notice on the lobby display</source>
        <translation>大厅综合屏通知</translation>
    </message>
    <message>
        <location filename="../../counter/settings/notice.py" line="38"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../counter/settings/notice.py" line="39"/>
        <source>Save the notice</source>
        <translation>保存通知</translation>
    </message>
</context>
<context>
    <name>SettingsPages</name>
    <message>
        <location filename="../../counter/settings/base.py" line="47"/>
        <source>yes</source>
        <extracomment>A list shorter than this is said whole (old → new); a longer one by what was added and taken off (a year&apos;s holidays read as the one day that changed).</extracomment>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../counter/settings/base.py" line="49"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../counter/settings/base.py" line="65"/>
        <source>{path}: added</source>
        <translation>{path}：新增</translation>
    </message>
    <message>
        <location filename="../../counter/settings/base.py" line="67"/>
        <source>{path}: taken off</source>
        <translation>{path}：删除</translation>
    </message>
    <message>
        <location filename="../../counter/settings/base.py" line="74"/>
        <source>added {items}</source>
        <translation>增加 {items}</translation>
    </message>
    <message>
        <location filename="../../counter/settings/base.py" line="80"/>
        <source>taken off {items}</source>
        <translation>去掉 {items}</translation>
    </message>
    <message>
        <location filename="../../counter/settings/base.py" line="85"/>
        <source>{path}: {what}</source>
        <translation>{path}：{what}</translation>
    </message>
    <message>
        <location filename="../../counter/settings/base.py" line="86"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../counter/settings/base.py" line="89"/>
        <source>{path}: {old} → {new}</source>
        <translation>{path}：{old} → {new}</translation>
    </message>
    <message>
        <location filename="../../counter/settings/base.py" line="98"/>
        <source>no quota</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../counter/settings/base.py" line="102"/>
        <source>clerk</source>
        <translation>窗口工作人员</translation>
    </message>
    <message>
        <location filename="../../counter/settings/base.py" line="103"/>
        <source>supervisor</source>
        <translation>管理人员</translation>
    </message>
    <message>
        <location filename="../../counter/settings/base.py" line="310"/>
        <source>Saved: nothing changed.</source>
        <translation>已保存：没有改动。</translation>
    </message>
    <message>
        <location filename="../../counter/settings/base.py" line="311"/>
        <source>Saved: {changes}</source>
        <translation>已保存：{changes}</translation>
    </message>
    <message>
        <location filename="../../counter/settings/pages.py" line="116"/>
        <source>Caps and slots</source>
        <extracomment>The feed&apos;s events after which the pages read the hall&apos;s settings again. How many recorded changes the change log shows. Saved: the core&apos;s answers (one SettingsChange per change made). Refused: the sentence shown. The record of the changes read (after a change anywhere in the hall).</extracomment>
        <translation>放号</translation>
    </message>
    <message>
        <location filename="../../counter/settings/pages.py" line="117"/>
        <source>Window services</source>
        <translation>窗口事项</translation>
    </message>
    <message>
        <location filename="../../counter/settings/pages.py" line="118"/>
        <source>Clerks</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../counter/settings/pages.py" line="119"/>
        <source>AB posts</source>
        <translation>AB岗</translation>
    </message>
    <message>
        <location filename="../../counter/settings/pages.py" line="120"/>
        <source>Display notice</source>
        <translation>大厅屏通知</translation>
    </message>
    <message>
        <location filename="../../counter/settings/pages.py" line="121"/>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../counter/settings/pages.py" line="122"/>
        <source>Alarm thresholds</source>
        <translation>告警阈值</translation>
    </message>
    <message>
        <location filename="../../counter/settings/pages.py" line="123"/>
        <source>Change log</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../counter/settings/pages.py" line="129"/>
        <source>Settings pages</source>
        <translation>设置页面</translation>
    </message>
    <message>
        <location filename="../../counter/settings/pages.py" line="174"/>
        <source>That did not work; please try again or call the hall&apos;s IT.</source>
        <translation>操作没有成功，请重试或联系中心信息科。</translation>
    </message>
</context>
<context>
    <name>SettingsPostsPage</name>
    <message>
        <location filename="../../counter/settings/posts.py" line="53"/>
        <source>AB posts</source>
        <translation>AB岗</translation>
    </message>
    <message>
        <location filename="../../counter/settings/posts.py" line="56"/>
        <source>A holds the window&apos;s post; B covers it while A is away. Pick a window, choose A and B from the clerks in use.</source>
        <translation>A岗在岗办理，A岗离开时由B岗顶岗。选择一个窗口，从在用的工作人员中选定A岗和B岗。</translation>
    </message>
    <message>
        <location filename="../../counter/settings/posts.py" line="61"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter/settings/posts.py" line="61"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../counter/settings/posts.py" line="61"/>
        <location filename="../../counter/settings/posts.py" line="64"/>
        <location filename="../../counter/settings/posts.py" line="66"/>
        <source>A post</source>
        <translation>A岗</translation>
    </message>
    <message>
        <location filename="../../counter/settings/posts.py" line="61"/>
        <location filename="../../counter/settings/posts.py" line="65"/>
        <location filename="../../counter/settings/posts.py" line="67"/>
        <source>B post</source>
        <translation>B岗</translation>
    </message>
    <message>
        <location filename="../../counter/settings/posts.py" line="63"/>
        <source>Windows and their AB posts</source>
        <translation>各窗口的AB岗</translation>
    </message>
    <message>
        <location filename="../../counter/settings/posts.py" line="68"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../counter/settings/posts.py" line="69"/>
        <source>Save the AB post</source>
        <translation>保存AB岗</translation>
    </message>
    <message>
        <location filename="../../counter/settings/posts.py" line="70"/>
        <source>Remove the post</source>
        <translation>取消该窗口的AB岗</translation>
    </message>
    <message>
        <location filename="../../counter/settings/posts.py" line="111"/>
        <source>Window {n} · {name}</source>
        <translation>{n} 号窗口 · {name}</translation>
    </message>
    <message>
        <location filename="../../counter/settings/posts.py" line="143"/>
        <source>Choose both A and B.</source>
        <translation>请同时选定A岗和B岗。</translation>
    </message>
</context>
<context>
    <name>SettingsWindowsPage</name>
    <message>
        <location filename="../../counter/settings/windows.py" line="52"/>
        <source>Window services</source>
        <translation>窗口办理事项</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="54"/>
        <source>Pick a window and tick the services it serves; a change takes effect at once.</source>
        <translation>选择一个窗口，勾选它办理的事项；修改立即生效。</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="57"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="57"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="57"/>
        <source>Zone</source>
        <translation>功能区</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="57"/>
        <source>Serves</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="59"/>
        <source>Windows and the services they serve</source>
        <translation>各窗口及其办理事项</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="60"/>
        <source>Services the window serves</source>
        <translation>该窗口办理的事项</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="61"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="62"/>
        <source>Save the window&apos;s services</source>
        <translation>保存该窗口的办理事项</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="68"/>
        <source>all of its zone&apos;s services</source>
        <translation>本功能区全部事项</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="70"/>
        <source>all of the hall&apos;s services</source>
        <translation>全厅全部事项</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="73"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="91"/>
        <source>whole hall</source>
        <translation>全厅</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="110"/>
        <source>Window {n} · {name}</source>
        <translation>{n} 号窗口 · {name}</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="114"/>
        <source>A comprehensive window serves every service of {zone}; its services are not listed one by one.</source>
        <translation>综合窗口办理“{zone}”的全部事项，不单独列出办理事项。</translation>
    </message>
    <message>
        <location filename="../../counter/settings/windows.py" line="119"/>
        <source>Tick every service this window serves.</source>
        <translation>勾选该窗口办理的每一项事项。</translation>
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
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../counter/supervisor_window.py" line="194"/>
        <source>{hall} · Supervisor</source>
        <extracomment>The desk screen the station is laid out for, and the smallest it still works on. How long the badge blinks after a new alarm, and how fast.</extracomment>
        <translation>{hall} · 管理工作台</translation>
    </message>
    <message>
        <location filename="../../counter/supervisor_window.py" line="197"/>
        <source>Supervisor&apos;s sign-in</source>
        <translation>管理人员登录</translation>
    </message>
    <message>
        <location filename="../../counter/supervisor_window.py" line="198"/>
        <source>Supervisor code</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../counter/supervisor_window.py" line="199"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../counter/supervisor_window.py" line="202"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../counter/supervisor_window.py" line="204"/>
        <source>Sign out</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../counter/supervisor_window.py" line="206"/>
        <source>Floor</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../counter/supervisor_window.py" line="207"/>
        <location filename="../../counter/supervisor_window.py" line="342"/>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../counter/supervisor_window.py" line="208"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../counter/supervisor_window.py" line="209"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../counter/supervisor_window.py" line="212"/>
        <source>Connection to the hall&apos;s server lost, reconnecting… What is shown may be out of date, and nothing can be saved until it is back.</source>
        <translation>与中心服务器的连接已断开，正在重新连接…… 画面可能不是最新的，连接恢复前无法保存任何操作。</translation>
    </message>
    <message>
        <location filename="../../counter/supervisor_window.py" line="235"/>
        <source>Please enter your supervisor code and password.</source>
        <translation>请输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../../counter/supervisor_window.py" line="258"/>
        <source>That did not work; please try again or call the hall&apos;s IT.</source>
        <translation>操作没有成功，请重试或联系中心信息科。</translation>
    </message>
    <message>
        <location filename="../../counter/supervisor_window.py" line="323"/>
        <source>{name} ({code}) signed in</source>
        <translation>{name}（{code}）已登录</translation>
    </message>
    <message>
        <location filename="../../counter/supervisor_window.py" line="336"/>
        <source>Alarms: {n}</source>
        <translation>告警 {n}</translation>
    </message>
    <message>
        <location filename="../../counter/supervisor_window.py" line="342"/>
        <source>Alarms ({n})</source>
        <translation>告警（{n}）</translation>
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
