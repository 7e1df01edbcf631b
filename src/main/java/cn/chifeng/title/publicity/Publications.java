package cn.chifeng.title.publicity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.chifeng.title.common.Zones;

/** Publications, their items and the objections (tables {@code publication}, {@code publication_item}, {@code objection}). */
@Repository
public class Publications {
    private final JdbcTemplate jdbc;

    Publications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Publication p, List<String> applicationIds) {
        jdbc.update("insert into publication (id, kind, publisher_group, title, start_date, working_days, end_date, "
                        + "official_calendar, created_by, created_at) values (?,?,?,?,?,?,?,?,?,?)", p.id(), p.kind(),
                p.publisherGroup(), p.title(), p.startDate(), p.workingDays(), p.endDate(), p.officialCalendar(),
                p.createdBy(), p.createdAt());
        for (String a : applicationIds) {
            jdbc.update("insert into publication_item (publication_id, application_id) values (?,?)", p.id(), a);
        }
    }

    public void setProcessInstance(String id, String processInstanceId) {
        jdbc.update("update publication set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    private static final org.springframework.jdbc.core.RowMapper<Publication> PUBLICATION = (rs, i) -> new Publication(
            rs.getString("id"), rs.getString("kind"), rs.getString("publisher_group"), rs.getString("title"),
            rs.getObject("start_date", LocalDate.class), rs.getInt("working_days"),
            rs.getObject("end_date", LocalDate.class), rs.getBoolean("official_calendar"),
            rs.getBoolean("ended"), rs.getString("process_instance_id"), rs.getString("created_by"),
            rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(Zones.CHINA).toOffsetDateTime());

    public Optional<Publication> find(String id) {
        return jdbc.query("select * from publication where id = ?", PUBLICATION, id).stream().findFirst();
    }

    /** Publications that have started by {@code today} and end on or after {@code endedSince}, newest first. */
    public List<Publication> startedAndEndingSince(LocalDate today, LocalDate endedSince, int limit) {
        return jdbc.query("select * from publication where start_date <= ? and end_date >= ? "
                + "order by start_date desc, id desc fetch first " + limit + " rows only", PUBLICATION, today,
                endedSince);
    }

    /** The publications listing an application, oldest first, each with whether it has cleared the application. */
    public List<Listed> listing(String applicationId) {
        return jdbc.query("select p.*, i.cleared from publication p join publication_item i on i.publication_id = p.id "
                + "where i.application_id = ? order by p.start_date, p.created_at, p.id",
                (rs, n) -> new Listed(PUBLICATION.mapRow(rs, n), rs.getBoolean("cleared")), applicationId);
    }

    /** A publication listing an application, and whether it let the application go on. */
    public record Listed(Publication publication, boolean cleared) {
    }

    public List<String> applications(String publicationId) {
        return jdbc.queryForList("select application_id from publication_item where publication_id = ? "
                + "order by application_id", String.class, publicationId);
    }

    /** Whether the application is in a publication that has not cleared it yet. */
    public boolean inOpenPublication(String applicationId) {
        Integer n = jdbc.queryForObject("select count(*) from publication_item where application_id = ? "
                + "and cleared = false", Integer.class, applicationId);
        return n != null && n > 0;
    }

    /** Which of the applications are in a publication that has not cleared them yet (500 at a time). */
    public java.util.Set<String> inOpenPublication(java.util.Collection<String> applicationIds) {
        List<String> all = List.copyOf(applicationIds);
        java.util.Set<String> open = new java.util.HashSet<>();
        for (int i = 0; i < all.size(); i += 500) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
            open.addAll(jdbc.queryForList("select distinct application_id from publication_item where cleared = false "
                    + "and application_id in (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
                    + ")", String.class, chunk.toArray()));
        }
        return open;
    }

    public void markEnded(String id) {
        jdbc.update("update publication set ended = true where id = ?", id);
    }

    public void markCleared(String publicationId, String applicationId) {
        jdbc.update("update publication_item set cleared = true where publication_id = ? and application_id = ?",
                publicationId, applicationId);
    }

    /**
     * An objection: {@code user} is the account that filed it through the API, or null for one from the public board,
     * which carries the objector's real name and contact instead (null through the API).
     */
    public long insertObjection(String publicationId, String applicationId, String about, String text, String user,
                                String objectorName, String objectorContact, OffsetDateTime at, String investigator) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into objection (publication_id, application_id, about, text_content, "
                    + "filed_by, objector_name, objector_contact, filed_at, investigator_group) values (?,?,?,?,?,?,?,?,?)",
                    new String[] {"id"});
            ps.setString(1, publicationId);
            ps.setString(2, applicationId);
            ps.setString(3, about);
            ps.setString(4, text);
            ps.setString(5, user);
            ps.setString(6, objectorName);
            ps.setString(7, objectorContact);
            ps.setObject(8, at);
            ps.setString(9, investigator);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public void resolveObjection(long id, String outcome, String note, String user, OffsetDateTime at) {
        jdbc.update("update objection set outcome = ?, outcome_note = ?, resolved_by = ?, resolved_at = ? where id = ?",
                outcome, note, user, at, id);
    }

    public int openObjections(String publicationId, String applicationId) {
        Integer n = jdbc.queryForObject("select count(*) from objection where publication_id = ? and application_id = ? "
                + "and outcome is null", Integer.class, publicationId, applicationId);
        return n == null ? 0 : n;
    }

    public List<Objection> objections(String publicationId) {
        return jdbc.query("select * from objection where publication_id = ? order by id", (rs, i) -> new Objection(
                rs.getLong("id"), rs.getString("application_id"), rs.getString("about"), rs.getString("text_content"),
                rs.getString("filed_by"), rs.getString("objector_name"), rs.getString("objector_contact"),
                rs.getString("investigator_group"), rs.getString("outcome"), rs.getString("outcome_note")),
                publicationId);
    }

    /** A publication. */
    public record Publication(String id, String kind, String publisherGroup, String title, LocalDate startDate,
                              int workingDays, LocalDate endDate, boolean officialCalendar, boolean ended,
                              String processInstanceId, String createdBy, OffsetDateTime createdAt) {
    }

    /** An objection and, once investigated, its outcome. */
    public record Objection(long id, String applicationId, String about, String text, String filedBy,
                            String objectorName, String objectorContact, String investigatorGroup, String outcome,
                            String outcomeNote) {
    }
}
