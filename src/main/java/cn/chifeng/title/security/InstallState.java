package cn.chifeng.title.security;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Facts of the installation that are never forgotten (table {@code install_state}). */
@Component
public class InstallState {
    public static final String SETUP_CLOSED = "SETUP_CLOSED";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    InstallState(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean isRecorded(String key) {
        return jdbc.queryForObject("select count(*) from install_state where state_key = ?", Integer.class, key) > 0;
    }

    /** Records the fact once; later calls keep the first record. */
    public void record(String key, String value) {
        if (isRecorded(key)) {
            return;
        }
        try {
            jdbc.update("insert into install_state (state_key, state_value, recorded_at) values (?, ?, ?)", key,
                    value, OffsetDateTime.now(clock));
        } catch (DuplicateKeyException alreadyThere) {
            // another node recorded it first
        }
    }
}
