"""What the simulated people type (`shared.demo.traffic_plan`, `shared.demo.traffic`): a
pause's reason, a hold's, a review's words, a case's notes, citizens' names. Data of the
hall, in the hall's own language whatever the command's, so the same seed gives the same
records."""

from __future__ import annotations

NOON_PAUSE = "午休"
NOON_LEAVE = "临时外出处理紧急事务"
HOLD_REASON = "群众回去取材料"
NOTICE_OTHER = "其他需补充的材料，详见办事指南"
TRANSFER_REASON = "首问负责，转至对应事项办理"
HAND_BACK_REPORT = "顶岗期间正常办理，无遗留事项"
EXTENDED_NOTE = "群众要求当天办结"
REVIEW_TEXTS = (
    "等了很久才叫到号",
    "工作人员解释得不清楚，跑了两趟",
    "态度不好，不耐烦",
    "材料要求前后说法不一",
)
CASE_NOTES = {
    "start": "已核实情况，约谈窗口工作人员",
    "complete": "已整改：加强业务培训，向群众讲清办理流程",
    "apply_invalid": "经核实，评价内容与所办事项无关，申请认定无效",
}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰")
