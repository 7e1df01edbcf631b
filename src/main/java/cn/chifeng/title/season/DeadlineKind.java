package cn.chifeng.title.season;

import java.time.LocalDate;

import cn.chifeng.title.common.Labelled;

/** The dates of a season that a county or department may set earlier for its own units (附件4). */
public enum DeadlineKind implements Labelled {
    /** 通知 三(一)1: 6月25日前完成个人申报. */
    APPLICATION_CLOSE("个人申报截止"),
    /** 通知 三(一)1: 7月2日前完成材料审核和逐级报送. */
    REVIEW_CLOSE("材料审核和报送截止");

    private final String label;

    DeadlineKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The season's own date of this kind. */
    public LocalDate of(Season season) {
        return this == APPLICATION_CLOSE ? season.applicationClose() : season.reviewClose();
    }
}
