"""The words for the hall's states and steps, wherever they are named in a sentence."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # A ticket's state
    "state.waiting": {"zh": "等候中", "en": "waiting"},
    "state.called": {"zh": "已呼叫", "en": "called"},
    "state.serving": {"zh": "办理中", "en": "in service"},
    "state.done": {"zh": "已办结", "en": "done"},
    "state.no_show": {"zh": "过号", "en": "no-show"},
    "state.held": {"zh": "挂起", "en": "on hold"},
    "state.expired": {"zh": "未办结（已过期）", "en": "expired"},
    # A review's level
    "level.very_satisfied": {"zh": "非常满意", "en": "Very satisfied"},
    "level.satisfied": {"zh": "满意", "en": "Satisfied"},
    "level.basically_satisfied": {"zh": "基本满意", "en": "Basically satisfied"},
    "level.dissatisfied": {"zh": "不满意", "en": "Dissatisfied"},
    "level.very_dissatisfied": {"zh": "非常不满意", "en": "Very dissatisfied"},
    # A language, named in a sentence
    "language.zh": {"zh": "中文(普通话)", "en": "Chinese (Mandarin)"},
    "language.en": {"zh": "英语", "en": "English"},
    # A bad-review case's state, and its steps
    "case_state.pending": {"zh": "待整改", "en": "to rectify"},
    "case_state.rectifying": {"zh": "整改中", "en": "rectifying"},
    "case_state.rectified": {"zh": "整改完成", "en": "rectified"},
    "case_state.invalid_applied": {
        "zh": "申请认定无效（待审批）",
        "en": "invalid: awaiting approval",
    },
    "case_state.invalid": {"zh": "已认定无效", "en": "found invalid"},
    "case_state.unrectifiable_applied": {
        "zh": "申请无法整改（待审批）",
        "en": "cannot be rectified: awaiting approval",
    },
    "case_state.unrectifiable": {
        "zh": "无法整改（已批准）",
        "en": "cannot be rectified (approved)",
    },
    "case_action.opened": {"zh": "差评立案", "en": "opened"},
    "case_action.start": {"zh": "开始整改", "en": "start rectifying"},
    "case_action.complete": {"zh": "整改完成", "en": "complete"},
    "case_action.apply_invalid": {"zh": "申请认定无效", "en": "apply to find it invalid"},
    "case_action.apply_unrectifiable": {"zh": "申请无法整改", "en": "apply: cannot be rectified"},
    "case_action.approve": {"zh": "批准", "en": "approve"},
    "case_action.reject": {"zh": "驳回", "en": "reject"},
    "case_action.extend": {"zh": "延期", "en": "extend"},
    "case_action.callback": {"zh": "回访", "en": "call back"},
}
