package cn.chifeng.title.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.chifeng.title.common.Zones;
import cn.chifeng.title.security.CurrentUser;

/** Records and lists administrators' changes (table {@code admin_change}), in the caller's transaction. */
@Service
public class AdminChanges {
    /** What was changed. */
    public enum Subject {
        SEASON("评审年度日期"), QUOTA("评审名额"), POST_QUOTA("岗位数"), CREDIT_ARCHIVE("诚信档案库"),
        /** A run of the product's clean-up of records past their retention (what it removed, per kind). */
        RETENTION("数据保留期清理");

        private final String label;

        Subject(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final int MOST_DETAIL = 4000;
    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ObjectMapper json;

    AdminChanges(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
        this.json = json;
    }

    /** One change by the caller: {@code detail} (what was set) as JSON, cut to 4000 characters. */
    public void record(Subject subject, String subjectId, String summary, Object detail) {
        String text;
        try {
            text = detail == null ? null : json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            text = String.valueOf(detail);
        }
        if (text != null && text.length() > MOST_DETAIL) {
            text = text.substring(0, MOST_DETAIL - 1) + "…";
        }
        String actor = currentUser.isAuthenticated() ? currentUser.id() : "system";
        jdbc.update("insert into admin_change (changed_at, actor, subject, subject_id, summary, detail) "
                + "values (?,?,?,?,?,?)", Zones.now(clock), actor, subject.name(), subjectId, summary, text);
    }

    /** A change as listed. */
    public record Change(long id, OffsetDateTime at, String actor, String subject, String subjectLabel,
                         String subjectId, String summary, String detail) {
    }

    /** Newest first; {@code subject} null for all. */
    public List<Change> list(Subject subject, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (subject != null) {
            where = " where subject = ?";
            args.add(subject.name());
        }
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("select * from admin_change" + where + " order by changed_at desc, id desc limit ? offset ?",
                (rs, i) -> new Change(rs.getLong("id"), rs.getObject("changed_at", OffsetDateTime.class)
                        .atZoneSameInstant(Zones.CHINA).toOffsetDateTime(), rs.getString("actor"),
                        rs.getString("subject"), Subject.valueOf(rs.getString("subject")).label(),
                        rs.getString("subject_id"), rs.getString("summary"), rs.getString("detail")),
                args.toArray());
    }
}
