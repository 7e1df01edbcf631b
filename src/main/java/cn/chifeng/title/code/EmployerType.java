package cn.chifeng.title.code;

import cn.chifeng.title.common.Labelled;

/** 单位性质 (type of employer). */
public enum EmployerType implements Labelled {
    PUBLIC_INSTITUTION("事业单位"),
    STATE_ENTERPRISE("国有企业"),
    PRIVATE_ENTERPRISE("民营企业"),
    SOCIAL_ORGANIZATION("社会组织"),
    FREELANCER("自由职业者"),
    CENTRAL_STATIONED("中央驻赤单位"),
    OTHER_PROVINCE_STATIONED("外省区驻赤单位");

    private final String label;

    EmployerType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
