package cn.chifeng.title.code;

import cn.chifeng.title.common.Labelled;

/** 高层次人才培养项目 (green channel, ELI-4). */
public enum TalentProgram implements Labelled {
    NONE("无"),
    NEW_ERA_L1("新时代专业技术人才选拔培养项目一层次"),
    NEW_ERA_L2("新时代专业技术人才选拔培养项目二层次"),
    NEW_ERA_L3("新时代专业技术人才选拔培养项目三层次"),
    YINGCAI_YOUNG_TOP("英才兴蒙工程青年拔尖人才");

    private final String label;

    TalentProgram(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
