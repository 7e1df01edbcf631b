package cn.chifeng.title.routing;

import cn.chifeng.title.process.Stage;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The ordered review stages of one application, the group responsible for each, and the committee.
 *
 * @param stages     stage codes in order; the last is always {@link Stage#COMMITTEE_OFFICE}
 * @param groups     the Camunda group of each stage, same order
 * @param committee  the committee office group (also the evaluating committee)
 * @param seat       where the committee sits: COUNTY, CITY or REGION
 */
public record Route(List<Stage> stages, List<String> groups, String committee, String seat) {

    public List<String> codes() {
        return stages.stream().map(Stage::name).toList();
    }

    /** "单位审核 → 主管部门复核 → …" for people. */
    public String display() {
        return stages.stream().map(Stage::label).collect(Collectors.joining(" → "));
    }
}
