package cn.chifeng.title.account;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import cn.chifeng.title.common.Zones;

/** Portal accounts (table {@code portal_account}); e-mail addresses are kept in lower case. */
@Repository
public class Accounts {
    private static final String COLUMNS = "user_id, name, id_number, phone, email, email_confirmed_at, frozen_reason, "
            + "created_at";
    private static final RowMapper<Account> MAPPER = (rs, i) -> new Account(rs.getString("user_id"),
            rs.getString("name"), rs.getString("id_number"), rs.getString("phone"), rs.getString("email"),
            at(rs.getObject("email_confirmed_at", OffsetDateTime.class)), rs.getString("frozen_reason"),
            at(rs.getObject("created_at", OffsetDateTime.class)));

    private final JdbcTemplate jdbc;

    Accounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime at(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(Zones.CHINA).toOffsetDateTime();
    }

    void insert(Account a) {
        jdbc.update("insert into portal_account (" + COLUMNS + ") values (?,?,?,?,?,?,?,?)", a.userId(), a.name(),
                a.idNumber(), a.phone(), a.email().toLowerCase(Locale.ROOT), a.emailConfirmedAt(), a.frozenReason(),
                a.createdAt());
    }

    public Optional<Account> find(String userId) {
        return jdbc.query("select " + COLUMNS + " from portal_account where user_id = ?", MAPPER, userId).stream()
                .findFirst();
    }

    Optional<Account> byIdNumber(String idNumber) {
        return jdbc.query("select " + COLUMNS + " from portal_account where id_number = ?", MAPPER,
                idNumber.toUpperCase(Locale.ROOT)).stream().findFirst();
    }

    Optional<Account> byPhone(String phone) {
        return jdbc.query("select " + COLUMNS + " from portal_account where phone = ?", MAPPER, phone).stream()
                .findFirst();
    }

    Optional<Account> byEmail(String email) {
        return jdbc.query("select " + COLUMNS + " from portal_account where email = ?", MAPPER,
                email.toLowerCase(Locale.ROOT)).stream().findFirst();
    }

    void confirmEmail(String userId, OffsetDateTime at) {
        jdbc.update("update portal_account set email_confirmed_at = ? where user_id = ? and email_confirmed_at is null",
                at, userId);
    }

    /** Freezes an account that is not frozen yet; false when it already was (the update decides a race). */
    boolean freeze(String userId, String reason) {
        return jdbc.update("update portal_account set frozen_reason = ? where user_id = ? and frozen_reason is null",
                reason, userId) == 1;
    }

    /** Lifts a freeze; {@code releaseIdNumber}: the 身份证号 is given up (a dispute found it is someone else's). */
    void unfreeze(String userId, boolean releaseIdNumber) {
        jdbc.update("update portal_account set frozen_reason = null" + (releaseIdNumber ? ", id_number = null" : "")
                + " where user_id = ?", userId);
    }

    /** A portal account; {@code idNumber} null once a dispute gave it to its owner. */
    public record Account(String userId, String name, String idNumber, String phone, String email,
                          OffsetDateTime emailConfirmedAt, String frozenReason, OffsetDateTime createdAt) {
        public boolean confirmed() {
            return emailConfirmedAt != null;
        }
    }
}
