package cn.chifeng.title.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.chifeng.title.common.Zones;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.routing.Stage;

/** The audit trail of review decisions (table {@code review_step}); rows are only ever added. */
@Repository
public class ReviewTrail {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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

    public List<ReviewStep> of(String applicationId) {
        return jdbc.query("select stage, group_id, reviewer, decided_at, decision, comment_text, attested "
                + "from review_step where application_id = ? order by id", (rs, i) -> {
                    Stage stage = Stage.valueOf(rs.getString("stage"));
                    ReviewDecision d = ReviewDecision.valueOf(rs.getString("decision"));
                    String group = rs.getString("group_id");
                    return new ReviewStep(stage.name(), stage.label(), group,
                            group == null ? null : organisations.groupName(group), rs.getString("reviewer"),
                            rs.getObject("decided_at", OffsetDateTime.class).atZoneSameInstant(Zones.CHINA)
                                    .toOffsetDateTime(),
                            d.name(), d.label(), rs.getString("comment_text"), rs.getBoolean("attested"));
                }, applicationId);
    }

    /** The trail as text for the reviewer's form. */
    /**
     * The trail as shown in the task forms — bounded, because an engine string variable holds at most 4000
     * characters and a trail grows with every return: each comment is cut to {@value #COMMENT_SHOWN} characters and,
     * beyond {@value #DISPLAY_LIMIT} characters, the oldest entries give way to a line pointing to the full trail
     * (the application's page and {@code GET /api/applications/{id}}), which the register keeps whole.
     */
    public String display(String applicationId) {
        List<ReviewStep> steps = of(applicationId);
        if (steps.isEmpty()) {
            return "（尚无审核记录）";
        }
        java.util.LinkedList<String> lines = new java.util.LinkedList<>(steps.stream().map(s -> String.format(
                "%s · %s · %s（%s）：%s%s", s.decidedAt().format(SHOWN), s.stageName(), s.groupName(), s.reviewer(),
                s.decisionLabel(), s.comment() == null || s.comment().isBlank() ? "" : " — " + shorten(s.comment())))
                .toList());
        int dropped = 0;
        while (lines.size() > 1 && String.join("\n", lines).length() > DISPLAY_LIMIT - 40) {
            lines.removeFirst();
            dropped++;
        }
        String shown = String.join("\n", lines);
        return dropped == 0 ? shown : "（较早的 " + dropped + " 条审核记录见申报详情）\n" + shown;
    }

    static final int COMMENT_SHOWN = 300;
    static final int DISPLAY_LIMIT = 3000;

    private static String shorten(String comment) {
        String c = comment.strip();
        return c.length() <= COMMENT_SHOWN ? c : c.substring(0, COMMENT_SHOWN) + "…";
    }
}
