package cn.chifeng.title.credit;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.chifeng.title.common.Zones;

/** 诚信档案库 (SUP-1): recorded violations of applicants by ID number. */
@Repository
public class CreditArchive {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CreditArchive(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String idNumber, String name, String kind, String source, String note) {
        jdbc.update("insert into credit_violation (id_number, person_name, kind, recorded_on, source, note) "
                + "values (?,?,?,?,?,?)", idNumber.toUpperCase(), name, kind, LocalDate.now(clock.withZone(Zones.CHINA)),
                source, note);
    }

    /**
     * ELI-11: the date of the latest violation recorded up to the day, or null. How long a record bars (3 years) is
     * the DMN decision {@code credit-record}'s.
     */
    public LocalDate latestViolation(String idNumber, LocalDate day) {
        return jdbc.queryForObject("select max(recorded_on) from credit_violation where id_number = ? "
                + "and recorded_on <= ?", LocalDate.class, idNumber.toUpperCase(), day);
    }

    /** An administrator's import of one violation (date recorded as given). */
    public void importViolation(String idNumber, String name, String kind, LocalDate recordedOn, String source,
                                String note) {
        jdbc.update("insert into credit_violation (id_number, person_name, kind, recorded_on, source, note) "
                + "values (?,?,?,?,?,?)", idNumber.toUpperCase(), name, kind, recordedOn, source, note);
    }

    public int count(String idNumber) {
        Integer n = jdbc.queryForObject("select count(*) from credit_violation where id_number = ?", Integer.class,
                idNumber.toUpperCase());
        return n == null ? 0 : n;
    }
}
