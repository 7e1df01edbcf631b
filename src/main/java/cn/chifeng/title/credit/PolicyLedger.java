package cn.chifeng.title.credit;

import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Each use of a once-only policy by a person (ELI-4 green channel, ELI-10 frontline-medical tilt), across seasons. */
@Repository
public class PolicyLedger {
    public static final String GREEN_CHANNEL = "GREEN_CHANNEL";
    public static final String FRONTLINE_MEDICAL = "FRONTLINE_MEDICAL";

    private final JdbcTemplate jdbc;

    PolicyLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean used(String idNumber, String policy) {
        Integer n = jdbc.queryForObject("select count(*) from policy_use where id_number = ? and policy = ?",
                Integer.class, idNumber.toUpperCase(), policy);
        return n != null && n > 0;
    }

    public void record(String idNumber, String policy, int season, String applicationId, LocalDate day) {
        jdbc.update("insert into policy_use (id_number, policy, season, application_id, used_on) values (?,?,?,?,?)",
                idNumber.toUpperCase(), policy, season, applicationId, day);
    }
}
