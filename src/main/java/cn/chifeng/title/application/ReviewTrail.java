package cn.chifeng.title.application;

import cn.chifeng.title.process.ReviewDecision;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.chifeng.title.common.Zones;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.process.Stage;

/** The audit trail of review decisions (table {@code review_step}); rows are only ever added. */
@Repository
public class ReviewTrail {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final OrganisationDirectory organisations;

    ReviewTrail(JdbcTemplate jdbc, Clock clock, OrganisationDirectory organisations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.organisations = organisations;
    }

    public void record(String applicationId, Stage stage, String groupId, String reviewer, ReviewDecision decision,
                       String comment, boolean attested, String taskId) {
        jdbc.update("insert into review_step (application_id, stage, group_id, reviewer, decided_at, decision, "
                        + "comment_text, attested, task_id) values (?,?,?,?,?,?,?,?,?)",
                applicationId, stage.name(), groupId, reviewer, Zones.now(clock),
                decision.name(), comment, attested, taskId);
    }

    /** A task's handling (转办, 催办, 撤回) by {@code user}, in the trail beside the decisions. */
    public void note(String applicationId, Stage stage, String groupId, String user, TrailAction action,
                     String comment, String taskId) {
        jdbc.update("insert into review_step (application_id, stage, group_id, reviewer, decided_at, decision, "
                        + "comment_text, attested, task_id) values (?,?,?,?,?,?,?,?,?)",
                applicationId, stage.name(), groupId, user, Zones.now(clock), action.name(), comment, false, taskId);
    }

    public List<ReviewStep> of(String applicationId) {
        return jdbc.query("select stage, group_id, reviewer, decided_at, decision, comment_text, attested "
                + "from review_step where application_id = ? order by id", (rs, i) -> {
                    Stage stage = Stage.valueOf(rs.getString("stage"));
                    String code = rs.getString("decision");
                    ReviewDecision decision = ReviewDecision.parse(code);
                    cn.chifeng.title.common.Labelled d = decision != null ? decision : TrailAction.valueOf(code);
                    String group = rs.getString("group_id");
                    return new ReviewStep(stage.name(), stage.label(), group,
                            group == null ? null : organisations.groupName(group), rs.getString("reviewer"),
                            rs.getObject("decided_at", OffsetDateTime.class).atZoneSameInstant(Zones.CHINA)
                                    .toOffsetDateTime(),
                            code, d.label(), rs.getString("comment_text"), rs.getBoolean("attested"));
                }, applicationId);
    }

    /**
     * The trail as the reviewers' forms show it (a table of the form, {@code reviewTrail}): a Json variable, kept in
     * the engine's byte array table, so it may grow with every return without meeting the 4000-character limit of a
     * string variable.
     */
    public TypedValue formValue(String applicationId) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (ReviewStep s : of(applicationId)) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("time", s.decidedAt().format(SHOWN));
            row.put("stage", s.stageName());
            row.put("body", s.groupName() == null ? "" : s.groupName());
            row.put("reviewer", s.reviewer());
            row.put("decision", s.decisionLabel() + (s.attested() ? "（内容属实）" : ""));
            row.put("comment", s.comment() == null ? "" : s.comment());
            rows.add(row);
        }
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
