package cn.chifeng.title.application;

import cn.chifeng.title.common.Labelled;

/** 申报状态 of an application. */
public enum ApplicationStatus implements Labelled {
    /** Saved but not submitted: materials may be uploaded; no process, no reviewer sees it, counts for nothing. */
    DRAFT("草稿（未提交）"),
    IN_REVIEW("审核中"),
    RETURNED("已退回修改"),
    CORRECTION_REQUESTED("待补正材料"),
    IN_EVALUATION("评审中"),
    IN_PUBLICITY("公示中"),
    PASSED("评审通过"),
    NOT_PASSED("评审未通过"),
    CERTIFIED("已发证"),
    INELIGIBLE("不符合申报条件"),
    EXPIRED("逾期未报送"),
    ABANDONED("视为放弃申报"),
    CANCELLED("虚假材料已取消"),
    REJECTED("审核不予通过"),
    WITHDRAWN("已撤回");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether an application in this status counts against APP-2/APP-3 (withdrawn, abandoned and ineligible ones do not). */
    public boolean counts() {
        return this != DRAFT && this != WITHDRAWN && this != ABANDONED && this != INELIGIBLE;
    }

    /** Whether the application has reached an end. */
    public boolean isFinal() {
        return switch (this) {
            case DRAFT, IN_REVIEW, RETURNED, CORRECTION_REQUESTED, IN_EVALUATION, IN_PUBLICITY -> false;
            default -> true;
        };
    }
}
