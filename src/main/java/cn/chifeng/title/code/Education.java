package cn.chifeng.title.code;

import cn.chifeng.title.common.Labelled;

/** 学历 (highest education). */
public enum Education implements Labelled {
    DOCTOR("博士研究生"),
    MASTER("硕士研究生"),
    BACHELOR("大学本科"),
    COLLEGE("大学专科"),
    SECONDARY("中专");

    private final String label;

    Education(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
