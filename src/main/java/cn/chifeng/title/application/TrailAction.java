package cn.chifeng.title.application;

import cn.chifeng.title.common.Labelled;

/** What the trail records beside the decisions: the handling of a task (SUP-2). Never a form's decision. */
public enum TrailAction implements Labelled {
    HAND_OVER("转办"),
    URGE("催办"),
    RECALL("撤回审核");

    private final String label;

    TrailAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
