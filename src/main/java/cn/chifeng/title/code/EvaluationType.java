package cn.chifeng.title.code;

import cn.chifeng.title.common.Labelled;

/** 评价类型. */
public enum EvaluationType implements Labelled {
    REGULAR("常规评审"),
    DIRECTIONAL("定向评价"),
    FARMER_HERDER("农牧民职称");

    private final String label;

    EvaluationType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
