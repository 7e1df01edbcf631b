package cn.chifeng.title.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per user and client address, and per address over all users, in the database (table
 * {@code login_throttle}) so that every node sees the same counts. After {@code max-failures} failures of one user
 * from one address within {@code window}, that user is refused from that address for {@code block} — the right
 * password too — while the same user from any other address still logs in: a stranger cannot lock anyone out.
 * {@code max-failures-per-address} failures from one address over all users block that address (password spraying).
 * A successful login clears the user's count from that address. Administrators clear blocks with
 * {@code DELETE /api/login-throttle}.
 */
@Component
public class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Duration block;

    LoginThrottle(JdbcTemplate jdbc, Clock clock,
                  @Value("${title.security.login-throttle.max-failures:5}") int maxFailures,
                  @Value("${title.security.login-throttle.max-failures-per-address:30}") int maxFailuresPerAddress,
                  @Value("${title.security.login-throttle.window:15m}") Duration window,
                  @Value("${title.security.login-throttle.block:15m}") Duration block) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.block = block;
    }

    static String userKey(String user, String address) {
        return "u:" + user + "|a:" + address;
    }

    static String addressKey(String address) {
        return "a:" + address;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Until when this user may not log in from this address, if blocked now. */
    public Optional<OffsetDateTime> blockedUntil(String user, String address) {
        OffsetDateTime now = now();
        return jdbc.queryForList("select blocked_until from login_throttle where throttle_key in (?, ?) "
                        + "and blocked_until is not null", OffsetDateTime.class, userKey(user, address),
                addressKey(address)).stream().filter(t -> t.isAfter(now)).max(OffsetDateTime::compareTo);
    }

    public void failed(String user, String address) {
        count(userKey(user, address), maxFailures);
        count(addressKey(address), maxFailuresPerAddress);
    }

    public void succeeded(String user, String address) {
        jdbc.update("delete from login_throttle where throttle_key = ? and blocked_until is null",
                userKey(user, address));
        jdbc.update("update login_throttle set failures = 0 where throttle_key = ? and blocked_until is not null",
                userKey(user, address));
    }

    private void count(String key, int max) {
        OffsetDateTime now = now();
        OffsetDateTime windowStart = now.minus(window);
        // a block that ran out, or a window that passed, starts the count afresh
        int updated = jdbc.update("update login_throttle set "
                + "failures = case when window_start < ? or (blocked_until is not null and blocked_until <= ?) "
                + "then 1 else failures + 1 end, "
                + "window_start = case when window_start < ? or (blocked_until is not null and blocked_until <= ?) "
                + "then ? else window_start end, "
                + "blocked_until = case when blocked_until is not null and blocked_until <= ? then null "
                + "else blocked_until end "
                + "where throttle_key = ?", windowStart, now, windowStart, now, now, now, key);
        if (updated == 0) {
            try {
                jdbc.update("insert into login_throttle (throttle_key, failures, window_start) values (?, 1, ?)",
                        key, now);
            } catch (DuplicateKeyException race) {
                jdbc.update("update login_throttle set failures = failures + 1 where throttle_key = ?", key);
            }
        }
        Integer failures = jdbc.queryForObject("select failures from login_throttle where throttle_key = ?",
                Integer.class, key);
        if (failures != null && failures >= max) {
            OffsetDateTime until = now.plus(block);
            jdbc.update("update login_throttle set blocked_until = ?, failures = 0, window_start = ? "
                    + "where throttle_key = ?", until, now, key);
            LOG.warn("登录失败次数过多，已暂停登录至 {}：{}", until, key);
        }
    }

    /** The blocks in force now (for administrators). */
    public List<Block> blocks() {
        return jdbc.query("select throttle_key, blocked_until from login_throttle where blocked_until > ? "
                        + "order by throttle_key", (rs, i) -> new Block(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class)), now());
    }

    /** Clears what matches: a user (from every address), an address (and its users), or both; returns rows removed. */
    public int clear(String user, String address) {
        if (user != null && address != null) {
            return jdbc.update("delete from login_throttle where throttle_key = ?", userKey(user, address));
        }
        if (user != null) {
            return jdbc.update("delete from login_throttle where throttle_key like ?", "u:" + escape(user) + "|a:%");
        }
        if (address != null) {
            return jdbc.update("delete from login_throttle where throttle_key = ? or throttle_key like ?",
                    addressKey(address), "u:%|a:" + escape(address));
        }
        return jdbc.update("delete from login_throttle");
    }

    private static String escape(String s) {
        return s.replace("%", "").replace("_", "\\_");
    }

    public record Block(String key, OffsetDateTime until) {
    }
}
