package cn.chifeng.title.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One-time links (e-mail confirmation, password reset): 32 random bytes in the link, their SHA-256 in the table, an
 * expiry, used once. A new link of a purpose voids the earlier ones of that account.
 */
@Repository
class AccountTokens {
    enum Purpose { CONFIRM, RESET }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcTemplate jdbc;

    AccountTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String issue(String userId, Purpose purpose, OffsetDateTime now, Duration validFor) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.update("update account_token set used_at = ? where user_id = ? and purpose = ? and used_at is null", now,
                userId, purpose.name());
        jdbc.update("insert into account_token (token_hash, user_id, purpose, expires_at) values (?,?,?,?)",
                hash(token), userId, purpose.name(), now.plus(validFor));
        return token;
    }

    /** The account a valid, unused link of the purpose stands for; the link is used up. */
    Optional<String> consume(String token, Purpose purpose, OffsetDateTime now) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        String h = hash(token);
        Optional<String> user = jdbc.query("select user_id from account_token where token_hash = ? and purpose = ? "
                        + "and used_at is null and expires_at > ?", (rs, i) -> rs.getString(1), h, purpose.name(), now)
                .stream().findFirst();
        // the update decides when two requests race for one link
        return user.filter(u -> jdbc.update("update account_token set used_at = ? where token_hash = ? and used_at is null",
                now, h) == 1);
    }

    /** Whether the link is valid without using it (the reset form is shown only for a valid link). */
    boolean valid(String token, Purpose purpose, OffsetDateTime now) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}") && !jdbc.query("select 1 from account_token "
                + "where token_hash = ? and purpose = ? and used_at is null and expires_at > ?", (rs, i) -> 1,
                hash(token), purpose.name(), now).isEmpty();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
