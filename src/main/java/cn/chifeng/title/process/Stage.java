package cn.chifeng.title.process;

import cn.chifeng.title.common.Labelled;

/** A review stage of a route (REV-5) with the Chinese name shown in Tasklist and the API. */
public enum Stage implements Labelled {
    UNIT("单位审核"),
    TALENT_CENTRE("人才服务中心初审"),
    COMPETENT_DEPT("主管部门复核"),
    COUNTY_EDUCATION("旗县区教育局审核"),
    COUNTY_HOUSING("旗县区住建局初审"),
    COUNTY_HR("旗县区人社局审核"),
    CITY_EDUCATION("市教育局审核"),
    CITY_HOUSING("市住建局审核"),
    CITY_HR("市人社局审核"),
    ENTRUSTMENT("委托评审函审核"),
    REGION_HR("自治区人社厅审核"),
    COMMITTEE_OFFICE("评委会办事机构复核");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
