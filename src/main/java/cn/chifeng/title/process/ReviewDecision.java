package cn.chifeng.title.process;

import cn.chifeng.title.common.Labelled;

/** A reviewer's decision at a stage (REV-4, REV-7, REV-8). */
public enum ReviewDecision implements Labelled {
    APPROVE("通过"),
    RETURN("退回修改"),
    REJECT("不予通过"),
    FRAUD("发现虚假材料"),
    /** Committee office only, once per application (COR-1, COR-2). */
    CORRECTION("一次性告知补正");

    private final String label;

    ReviewDecision(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static ReviewDecision parse(Object value) {
        if (value != null) {
            for (ReviewDecision d : values()) {
                if (d.name().equals(value.toString())) {
                    return d;
                }
            }
        }
        return null;
    }
}
