package cn.chifeng.title.code;

import cn.chifeng.title.common.Labelled;

/** 职称层级: the level applied for or held. NONE and MEMBER only describe a current title. */
public enum Level implements Labelled {
    NONE("无职称"),
    MEMBER("员级"),
    ASSISTANT("助理级"),
    INTERMEDIATE("中级"),
    ASSOCIATE_SENIOR("副高级"),
    SENIOR("正高级");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
