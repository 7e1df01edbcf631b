package cn.chifeng.title.code;

import cn.chifeng.title.common.Labelled;

/** 职称系列 (title series). */
public enum Series implements Labelled {
    ENGINEERING("工程"),
    CONSTRUCTION_ENGINEERING("建设工程"),
    PRIMARY_SECONDARY_TEACHER("中小学教师"),
    SECONDARY_VOCATIONAL_TEACHER("中等职业学校教师"),
    TECHNICAL_SCHOOL_TEACHER("技工院校教师"),
    HEALTH("卫生"),
    ACCOUNTING("会计"),
    ECONOMICS("经济"),
    AGRICULTURE("农业"),
    ARTS_AND_CRAFTS("工艺美术");

    private final String label;

    Series(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
