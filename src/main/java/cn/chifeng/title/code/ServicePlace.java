package cn.chifeng.title.code;

import cn.chifeng.title.common.Labelled;

/** 工作地点层级 of a period of service. */
public enum ServicePlace implements Labelled {
    CITY("城市"),
    COUNTY("旗县区"),
    TOWNSHIP("苏木乡镇"),
    VILLAGE("嘎查村");

    private final String label;

    ServicePlace(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
