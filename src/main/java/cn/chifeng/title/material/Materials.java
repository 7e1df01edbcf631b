package cn.chifeng.title.material;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.chifeng.title.common.Zones;

/** Uploaded materials (table {@code material}); the content stays in the database, shared by every node. */
@Repository
public class Materials {
    private final JdbcTemplate jdbc;

    Materials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String applicationId, String item, String fileName, String contentType, byte[] content,
                       String sha256, String user, OffsetDateTime at) {
        return insert(applicationId, item, fileName, contentType, content, sha256, user, at, false);
    }

    /** An upload; {@code anonymised}: the anonymised copy of a blind-review item (EVA-5). */
    public long insert(String applicationId, String item, String fileName, String contentType, byte[] content,
                       String sha256, String user, OffsetDateTime at, boolean anonymised) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into material (application_id, item_code, file_name, "
                    + "content_type, size_bytes, sha256, content, uploaded_by, uploaded_at, anonymised) "
                    + "values (?,?,?,?,?,?,?,?,?,?)",
                    new String[] {"id"});
            ps.setString(1, applicationId);
            ps.setString(2, item);
            ps.setString(3, fileName);
            ps.setString(4, contentType);
            ps.setLong(5, content.length);
            ps.setString(6, sha256);
            ps.setBytes(7, content);
            ps.setString(8, user);
            ps.setObject(9, at);
            ps.setBoolean(10, anonymised);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public List<Material> of(String applicationId) {
        return jdbc.query("select id, application_id, item_code, file_name, content_type, size_bytes, sha256, "
                + "uploaded_by, uploaded_at, anonymised from material where application_id = ? order by id", (rs, i) ->
                new Material(rs.getLong("id"), rs.getString("item_code"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class)
                        .atZoneSameInstant(Zones.CHINA).toOffsetDateTime(), rs.getBoolean("anonymised")), applicationId);
    }

    /** The checklist items with at least one upload (anonymised copies are not the item itself). */
    public java.util.Set<String> itemsPresent(String applicationId) {
        return new java.util.HashSet<>(jdbc.queryForList("select distinct item_code from material "
                + "where application_id = ? and anonymised = false", String.class, applicationId));
    }

    public Optional<byte[]> content(String applicationId, long id) {
        return jdbc.query("select content from material where application_id = ? and id = ?",
                (rs, i) -> rs.getBytes("content"), applicationId, id).stream().findFirst();
    }

    /** An anonymised copy for blind review and the committee office's check of it (null: not checked yet). */
    public record AnonymisedCopy(long id, String item, long size, String sha256, Boolean checkOk, String checkNote) {
    }

    public List<AnonymisedCopy> anonymisedCopies(String applicationId) {
        return jdbc.query("select id, item_code, size_bytes, sha256, check_ok, check_note from material "
                + "where application_id = ? and anonymised = true order by id", (rs, i) -> new AnonymisedCopy(
                rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), (Boolean) rs.getObject(5),
                rs.getString(6)), applicationId);
    }

    /** The committee office's check of an anonymised copy: fit for the experts, or not (with why). */
    public boolean check(String applicationId, long id, boolean ok, String note, String user, OffsetDateTime at) {
        return jdbc.update("update material set check_ok = ?, check_note = ?, checked_by = ?, checked_at = ? "
                + "where application_id = ? and id = ? and anonymised = true", ok, note, user, at, applicationId,
                id) == 1;
    }

    /** What the API shows of an upload; {@code anonymised}: the anonymised copy of a blind-review item. */
    public record Material(long id, String item, String fileName, String contentType, long size, String sha256,
                           String uploadedBy, OffsetDateTime uploadedAt, boolean anonymised) {
    }
}
