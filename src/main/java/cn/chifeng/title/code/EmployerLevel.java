package cn.chifeng.title.code;

import cn.chifeng.title.common.Labelled;

/** 单位层级 (administrative level of the employer). */
public enum EmployerLevel implements Labelled {
    CITY("市本级"),
    COUNTY("旗县区"),
    TOWNSHIP("苏木乡镇");

    private final String label;

    EmployerLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
