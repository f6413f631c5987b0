<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../../counter/window.py" line="53"/>
        <source>1  Citizen fetches materials</source>
        <extracomment>The console&apos;s type is sized as on a screen of this short side: a desk at 60 cm. The ticket states in the clerk&apos;s words.</extracomment>
        <translation>1  群众外出取材料（回来后优先办理）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="54"/>
        <source>2  Materials stay here</source>
        <translation>2  材料留在本窗口（回到本窗口办理）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="55"/>
        <source>3  Waits for another step</source>
        <translation>3  等待其他环节（如刻章）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="60"/>
        <source>Called, waiting for the citizen</source>
        <extracomment>Refusals meaning this console&apos;s clerk is no longer signed in at its window.</extracomment>
        <translation>已呼叫，等候群众到窗口</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="61"/>
        <source>Being served</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="347"/>
        <source>Keys from other programs are not available on this PC ({reason}); the F-keys work while the console is in front.</source>
        <translation>本机无法在其他程序在前台时接收 F 键（{reason}）；叫号窗口在前台时 F 键仍可使用。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="353"/>
        <location filename="../../counter/window.py" line="547"/>
        <source>Window {n}</source>
        <translation>{n} 号窗口</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="354"/>
        <source>Sign in at window {n}</source>
        <translation>{n} 号窗口 登录</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="355"/>
        <source>Clerk code</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="356"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="357"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="358"/>
        <source>Sign out</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="359"/>
        <source>Waiting for this window</source>
        <translation>本窗口等候</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="360"/>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="362"/>
        <source>F1 Call next</source>
        <translation>F1 顺呼</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="363"/>
        <source>F2 Recall</source>
        <translation>F2 重呼</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="364"/>
        <source>F3 Evaluate</source>
        <translation>F3 评价</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="365"/>
        <source>F4 No-show</source>
        <translation>F4 过号</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="366"/>
        <source>F5 Pause</source>
        <translation>F5 暂停</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="367"/>
        <source>F6 Transfer</source>
        <translation>F6 转移</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="368"/>
        <source>F7 Hold</source>
        <translation>F7 挂起</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="369"/>
        <source>F8 Call back</source>
        <translation>F8 回呼</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="370"/>
        <source>F9 Start</source>
        <translation>F9 开始办理</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="371"/>
        <source>F10 Finish</source>
        <translation>F10 办结</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="376"/>
        <source>F6 Transfer the ticket in hand to</source>
        <translation>F6 把手上的号转移到</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="377"/>
        <source>Reason (Enter transfers, Esc cancels)</source>
        <translation>原因（回车转移，Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="378"/>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="379"/>
        <source>F7 Hold the ticket in hand: press 1, 2 or 3</source>
        <translation>F7 挂起手上的号：按 1、2 或 3</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="380"/>
        <source>Reason, if any: then Ctrl+1, 2 or 3 (Esc cancels)</source>
        <translation>原因（可不填，Ctrl+数字确定）</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="384"/>
        <source>F8 Call back: choose a held ticket, Enter</source>
        <translation>F8 回呼：选择挂起的号，按回车</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="386"/>
        <source>F12 Compact bar</source>
        <translation>F12 精简条</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="387"/>
        <source>F12 Full</source>
        <translation>F12 展开</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="401"/>
        <source>Please enter your clerk code and password.</source>
        <translation>请输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="413"/>
        <source>Ticket {n} is still in hand.</source>
        <translation>{n} 号仍在办理中。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="449"/>
        <source>Nobody is waiting for this window.</source>
        <translation>没有人在等候本窗口。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="519"/>
        <source>Help at {kiosk} is yours.</source>
        <translation>已确认由您前往 {kiosk} 提供帮助。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="533"/>
        <source>No ticket in hand.</source>
        <translation>手上没有号。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="543"/>
        <source>Matter: {name}</source>
        <translation>事项：{name}</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="595"/>
        <source>No held tickets to call back today.</source>
        <translation>今天没有可回呼的挂起号。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="652"/>
        <source>A post</source>
        <translation>A岗</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="652"/>
        <source>B post</source>
        <translation>B岗</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="653"/>
        <source>Window {n} · {name}</source>
        <translation>{n} 号窗口 · {name}</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="654"/>
        <source>Paused</source>
        <translation>暂停中</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="656"/>
        <source>Served today: {n}</source>
        <translation>今日已办：{n}</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="660"/>
        <source>No ticket in hand: F1 calls the next</source>
        <translation>手上没有号：按 F1 呼叫下一位</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="672"/>
        <source>Nobody is waiting.</source>
        <translation>暂无等候。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="674"/>
        <source>Next: {numbers}</source>
        <translation>下一位：{numbers}</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="680"/>
        <source>{n} waiting</source>
        <translation>{n} 人等候</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="686"/>
        <source>Help asked at: {list}</source>
        <translation>取号机求助：{list}</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="688"/>
        <source>Ctrl+H I&apos;ll go to {kiosk}</source>
        <translation>Ctrl+H 我去 {kiosk} 帮助</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="712"/>
        <source>Transferred</source>
        <translation>已转移</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="714"/>
        <source>Back from hold</source>
        <translation>挂起后返回</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="716"/>
        <source>Recalled {n}×</source>
        <translation>重呼 {n} 次</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="725"/>
        <source>Waited {n} min</source>
        <translation>已等候 {n} 分钟</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="736"/>
        <source>That did not work; please try again or call the hall&apos;s IT.</source>
        <translation>操作没有成功，请重试或联系中心信息科。</translation>
    </message>
    <message>
        <location filename="../../counter/window.py" line="758"/>
        <source>You are no longer signed in at this window (signed in elsewhere, or a new day). Please sign in again.</source>
        <translation>您已不在本窗口登录（已在其他窗口登录，或已是新的一天），请重新登录。</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <location filename="../../kiosk/display.py" line="409"/>
        <source>Mon Tue Wed Thu Fri Sat Sun</source>
        <translation>星期一 星期二 星期三 星期四 星期五 星期六 星期日</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="472"/>
        <location filename="../../kiosk/display.py" line="599"/>
        <source>Waiting:</source>
        <translation>等候：</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="591"/>
        <source>Now calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="592"/>
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="595"/>
        <source>Number</source>
        <translation>票号</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="597"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="601"/>
        <location filename="../../kiosk/display.py" line="770"/>
        <source>Connection lost, reconnecting…</source>
        <translation>连接中断，正在重连…</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="614"/>
        <source>Please listen for your number</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="619"/>
        <source>Please go to {window}</source>
        <translation>请到 {window} 办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="625"/>
        <location filename="../../kiosk/display.py" line="796"/>
        <source>Window {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="667"/>
        <source>{n} waiting</source>
        <translation>{n}人</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="674"/>
        <source>{month}/{day}</source>
        <translation>{month}月{day}日</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="741"/>
        <location filename="../../kiosk/display.py" line="820"/>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="742"/>
        <location filename="../../kiosk/display.py" line="824"/>
        <source>Service paused</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="745"/>
        <location filename="../../kiosk/display.py" line="816"/>
        <source>Please come to this window</source>
        <translation>请到本窗口办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="746"/>
        <location filename="../../kiosk/display.py" line="814"/>
        <source>Being served</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/display.py" line="829"/>
        <source>Clerk {name} · No. {code}</source>
        <translation>工作人员 {name}　工号 {code}</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/window.py" line="71"/>
        <source>Please come back in the service&apos;s hours, or ask a hall guide.</source>
        <translation>请在本事项的取号时段内再来，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="74"/>
        <source>Please come back in the ticket hours.</source>
        <translation>请在取号时间内再来。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="75"/>
        <source>Please come back on a working day.</source>
        <translation>请在工作日前来办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="76"/>
        <source>Please come back at the time shown.</source>
        <translation>请在上面所说的时间再来签到。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="79"/>
        <location filename="../../kiosk/window.py" line="80"/>
        <source>Please take an ordinary ticket.</source>
        <translation>请返回首页，按普通号取号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="81"/>
        <source>Please check the code and try again, or ask a hall guide.</source>
        <translation>请核对预约码后重新输入，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="84"/>
        <source>Your ticket was already issued; please keep it.</source>
        <translation>您的号已经取过，请保管好取号单。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="87"/>
        <source>Please come on the day of your appointment.</source>
        <translation>请在预约当天前来签到。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="90"/>
        <source>Please go to the hall where you booked.</source>
        <translation>请到预约的服务中心办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="93"/>
        <source>Please check the ID number.</source>
        <translation>请核对身份证号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="95"/>
        <source>Please ask a hall guide.</source>
        <translation>请咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="273"/>
        <location filename="../../kiosk/window.py" line="376"/>
        <source>Please choose your matter</source>
        <translation>请选择您要办理的事项</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="274"/>
        <location filename="../../kiosk/window.py" line="285"/>
        <location filename="../../kiosk/window.py" line="418"/>
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="277"/>
        <source>Standard mode</source>
        <translation>返回标准模式</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="277"/>
        <source>Large text, read aloud</source>
        <translation>老年人模式（大字、语音）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="280"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="281"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="282"/>
        <source>Need help</source>
        <translation>需要帮助</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="283"/>
        <source>Tap your matter to take a number</source>
        <translation>点一下要办的事项，就能取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="286"/>
        <source>Type your 8-digit appointment code, or scan it</source>
        <translation>请输入 8 位预约码，或把预约码对准扫描口</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="287"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="288"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="289"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="290"/>
        <source>Scan to follow the queue and rate the service</source>
        <translation>微信扫码：查看排队进度、评价服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="294"/>
        <source>Please listen for your number; a missed number must be taken again</source>
        <translation>请留意叫号，过号需重新取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="296"/>
        <source>Back to home</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="297"/>
        <source>Tickets paused: reconnecting to the hall&apos;s server…</source>
        <translation>暂停取号，正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="305"/>
        <source>Green channel: on</source>
        <translation>绿色通道（已选）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="307"/>
        <source>Elderly · disabled · pregnant</source>
        <translation>老人 · 残疾人 · 孕妇</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="352"/>
        <location filename="../../kiosk/window.py" line="371"/>
        <location filename="../../kiosk/window.py" line="588"/>
        <source>{n} waiting</source>
        <translation>{n} 人等候</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="354"/>
        <source> and more</source>
        <translation>等</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="365"/>
        <source>(green channel)</source>
        <translation>（绿色通道）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="284"/>
        <location filename="../../kiosk/window.py" line="372"/>
        <source>More matters</source>
        <translation>更多事项（下一页）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="393"/>
        <source>Large text is on. Please choose your matter.</source>
        <translation>已切换为大字模式，请选择您要办理的事项。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="409"/>
        <source>You chose: {name}</source>
        <translation>您选择的是：{name}</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="432"/>
        <source>Taking your number…</source>
        <translation>正在取号，请稍候…</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="464"/>
        <source>Sorry, no number could be given</source>
        <translation>抱歉，暂时不能取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="474"/>
        <source>Sorry, something went wrong</source>
        <translation>抱歉，系统出了点问题</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="475"/>
        <source>Please try again, or ask a hall guide.</source>
        <translation>请再试一次，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="305"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="354"/>
        <location filename="../../kiosk/window.py" line="482"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="68"/>
        <source>You can also take a number on the next working day, or ask a hall guide.</source>
        <extracomment>What a citizen can do next, after each refusal of the core.</extracomment>
        <translation>也可以下一个工作日再来取号，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="484"/>
        <source>Windows: {list}</source>
        <translation>受理窗口：{list} 号窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="486"/>
        <source>Please ask a hall guide which window</source>
        <translation>请咨询导服人员到哪个窗口办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="489"/>
        <source>{n} ahead of you</source>
        <translation>前面还有 {n} 人</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="491"/>
        <source>{n} ahead of you, you are next</source>
        <translation>前面还有 {n} 人，即将叫号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="493"/>
        <source>{n} ahead of you, about {m} min</source>
        <translation>前面还有 {n} 人，预计等候约 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="498"/>
        <source>Printing your slip…</source>
        <translation>正在打印取号单…</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="505"/>
        <source>Your number is {number}</source>
        <translation>您的号码是{number}号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="518"/>
        <source>Please take your slip below</source>
        <translation>请从下方取走取号单</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="528"/>
        <source>The slip could not be printed; please note your number.</source>
        <translation>取号单没有打印出来，请记下您的号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="545"/>
        <location filename="../../kiosk/window.py" line="553"/>
        <source>A hall guide is on the way</source>
        <translation>导服人员马上就来</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="546"/>
        <source>Please wait here; someone will come to help you.</source>
        <translation>请在这里稍候，工作人员会过来帮您。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="560"/>
        <source>Please wave to a member of staff.</source>
        <translation>请向附近的工作人员招手示意。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="609"/>
        <source>Mon Tue Wed Thu Fri Sat Sun</source>
        <translation>星期一 星期二 星期三 星期四 星期五 星期六 星期日</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="617"/>
        <source>Back to home in {n} s</source>
        <translation>{n} 秒后返回首页</translation>
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
