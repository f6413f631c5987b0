<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/window.py" line="68"/>
        <source>Please come back in the service&apos;s hours, or ask a hall guide.</source>
        <translation>请在本事项的取号时段内再来，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="71"/>
        <source>Please come back in the ticket hours.</source>
        <translation>请在取号时间内再来。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="72"/>
        <source>Please come back on a working day.</source>
        <translation>请在工作日前来办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="73"/>
        <source>Please come back at the time shown.</source>
        <translation>请在上面所说的时间再来签到。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="76"/>
        <location filename="../../kiosk/window.py" line="77"/>
        <source>Please take an ordinary ticket.</source>
        <translation>请返回首页，按普通号取号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="78"/>
        <source>Please check the code and try again, or ask a hall guide.</source>
        <translation>请核对预约码后重新输入，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="81"/>
        <source>Your ticket was already issued; please keep it.</source>
        <translation>您的号已经取过，请保管好取号单。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="84"/>
        <source>Please come on the day of your appointment.</source>
        <translation>请在预约当天前来签到。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="87"/>
        <source>Please go to the hall where you booked.</source>
        <translation>请到预约的服务中心办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="90"/>
        <source>Please check the ID number.</source>
        <translation>请核对身份证号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="92"/>
        <source>Please ask a hall guide.</source>
        <translation>请咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="258"/>
        <location filename="../../kiosk/window.py" line="361"/>
        <source>Please choose your matter</source>
        <translation>请选择您要办理的事项</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="259"/>
        <location filename="../../kiosk/window.py" line="270"/>
        <location filename="../../kiosk/window.py" line="403"/>
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="262"/>
        <source>Standard mode</source>
        <translation>返回标准模式</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="262"/>
        <source>Large text, read aloud</source>
        <translation>老年人模式（大字、语音）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="265"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="266"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="267"/>
        <source>Need help</source>
        <translation>需要帮助</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="268"/>
        <source>Tap your matter to take a number</source>
        <translation>点一下要办的事项，就能取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="271"/>
        <source>Type your 8-digit appointment code, or scan it</source>
        <translation>请输入 8 位预约码，或把预约码对准扫描口</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="272"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="273"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="274"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="275"/>
        <source>Scan to follow the queue and rate the service</source>
        <translation>微信扫码：查看排队进度、评价服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="279"/>
        <source>Please listen for your number; a missed number must be taken again</source>
        <translation>请留意叫号，过号需重新取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="281"/>
        <source>Back to home</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="282"/>
        <source>Tickets paused: reconnecting to the hall&apos;s server…</source>
        <translation>暂停取号，正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="290"/>
        <source>Green channel: on</source>
        <translation>绿色通道（已选）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="292"/>
        <source>Elderly · disabled · pregnant</source>
        <translation>老人 · 残疾人 · 孕妇</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="337"/>
        <location filename="../../kiosk/window.py" line="356"/>
        <location filename="../../kiosk/window.py" line="569"/>
        <source>{n} waiting</source>
        <translation>{n} 人等候</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="340"/>
        <source> and more</source>
        <translation>等</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="351"/>
        <source>(green channel)</source>
        <translation>（绿色通道）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="269"/>
        <location filename="../../kiosk/window.py" line="357"/>
        <source>More matters</source>
        <translation>更多事项（下一页）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="378"/>
        <source>Large text is on. Please choose your matter.</source>
        <translation>已切换为大字模式，请选择您要办理的事项。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="394"/>
        <source>You chose: {name}</source>
        <translation>您选择的是：{name}</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="411"/>
        <source>Taking your number…</source>
        <translation>正在取号，请稍候…</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="443"/>
        <source>Sorry, no number could be given</source>
        <translation>抱歉，暂时不能取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="453"/>
        <source>Sorry, something went wrong</source>
        <translation>抱歉，系统出了点问题</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="454"/>
        <source>Please try again, or ask a hall guide.</source>
        <translation>请再试一次，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="290"/>
        <location filename="../../kiosk/window.py" line="462"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="464"/>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="466"/>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="340"/>
        <location filename="../../kiosk/window.py" line="467"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="65"/>
        <source>You can also take a number on the next working day, or ask a hall guide.</source>
        <extracomment>What a citizen can do next, after each refusal of the core.</extracomment>
        <translation>也可以下一个工作日再来取号，或咨询导服人员。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="469"/>
        <source>Windows: {list}</source>
        <translation>受理窗口：{list} 号窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="471"/>
        <source>Please ask a hall guide which window</source>
        <translation>请咨询导服人员到哪个窗口办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="474"/>
        <source>{n} ahead of you</source>
        <translation>前面还有 {n} 人</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="476"/>
        <source>{n} ahead of you, you are next</source>
        <translation>前面还有 {n} 人，即将叫号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="478"/>
        <source>{n} ahead of you, about {m} min</source>
        <translation>前面还有 {n} 人，预计等候约 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="484"/>
        <source>Printing your slip…</source>
        <translation>正在打印取号单…</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="491"/>
        <source>Your number is {number}</source>
        <translation>您的号码是{number}号</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="504"/>
        <source>Please take your slip below</source>
        <translation>请从下方取走取号单</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="514"/>
        <source>The slip could not be printed; please note your number.</source>
        <translation>取号单没有打印出来，请记下您的号码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="531"/>
        <location filename="../../kiosk/window.py" line="539"/>
        <source>A hall guide is on the way</source>
        <translation>导服人员马上就来</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="532"/>
        <source>Please wait here; someone will come to help you.</source>
        <translation>请在这里稍候，工作人员会过来帮您。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="546"/>
        <source>Please wave to a member of staff.</source>
        <translation>请向附近的工作人员招手示意。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="590"/>
        <source>Mon Tue Wed Thu Fri Sat Sun</source>
        <translation>星期一 星期二 星期三 星期四 星期五 星期六 星期日</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="598"/>
        <source>Back to home in {n} s</source>
        <translation>{n} 秒后返回首页</translation>
    </message>
</context>
</TS>
