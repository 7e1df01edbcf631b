package cn.chifeng.title.committee;

import cn.chifeng.title.common.Labelled;

/** Where an evaluation session stands. */
enum SessionStatus implements Labelled {
    FILED("方案已报送待审批"),
    RETURNED("方案已退回修改"),
    APPROVED("方案已同意"),
    DRAWN("专家已抽取"),
    VOTING("会议表决中"),
    CLOSED("表决已结束"),
    PUBLISHED("结果公示中"),
    CONFIRMATION_FILED("已报送备案"),
    CONFIRMED("评审结果已确认"),
    CANCELLED("已取消");

    private final String label;

    SessionStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
