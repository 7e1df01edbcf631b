package cn.chifeng.title.committee;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The anonymous vote (EVA-7) and the experts' opinions (EVA-5). Who has voted ({@code ballot_cast}: session, expert,
 * pseudonym — no choice, no time) and the counts ({@code vote_tally}: per pseudonym — no voter, no time, no order)
 * are kept apart, so that no vote can be linked to its voter; neither passes through the engine.
 */
@Repository
class Ballots {
    private final JdbcTemplate jdbc;

    Ballots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one vote; false when this expert has already voted on this application. */
    boolean cast(String sessionId, long expertId, String pseudonym, String choice) {
        try {
            jdbc.update("insert into ballot_cast (session_id, expert_id, pseudonym) values (?,?,?)", sessionId,
                    expertId, pseudonym);
        } catch (DuplicateKeyException already) {
            return false;
        }
        String column = switch (choice) {
            case "FOR" -> "in_favour";
            case "AGAINST" -> "against";
            case "ABSTAIN" -> "abstain";
            default -> throw new IllegalArgumentException(choice);
        };
        int updated = jdbc.update("update vote_tally set " + column + " = " + column + " + 1 where session_id = ? "
                + "and pseudonym = ?", sessionId, pseudonym);
        if (updated != 1) {
            throw new IllegalStateException("计票表没有 " + pseudonym);
        }
        return true;
    }

    void openTally(String sessionId, List<String> pseudonyms) {
        for (String p : pseudonyms) {
            jdbc.update("insert into vote_tally (session_id, pseudonym) values (?,?)", sessionId, p);
        }
    }

    /** The counts of one application. */
    record Tally(int inFavour, int against, int abstain) {
        int cast() {
            return inFavour + against + abstain;
        }
    }

    Map<String, Tally> tallies(String sessionId) {
        Map<String, Tally> out = new java.util.TreeMap<>();
        jdbc.query("select pseudonym, in_favour, against, abstain from vote_tally where session_id = ?",
                rs -> {
                    out.put(rs.getString(1), new Tally(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                }, sessionId);
        return out;
    }

    boolean hasVoted(String sessionId, long expertId, String pseudonym) {
        Integer n = jdbc.queryForObject("select count(*) from ballot_cast where session_id = ? and expert_id = ? "
                + "and pseudonym = ?", Integer.class, sessionId, expertId, pseudonym);
        return n != null && n > 0;
    }

    void putOpinion(String sessionId, long expertId, String pseudonym, String opinion) {
        int updated = jdbc.update("update expert_opinion set opinion = ? where session_id = ? and expert_id = ? "
                + "and pseudonym = ?", opinion, sessionId, expertId, pseudonym);
        if (updated == 0) {
            jdbc.update("insert into expert_opinion (session_id, expert_id, pseudonym, opinion) values (?,?,?,?)",
                    sessionId, expertId, pseudonym, opinion);
        }
    }

    Optional<String> opinion(String sessionId, long expertId, String pseudonym) {
        return jdbc.queryForList("select opinion from expert_opinion where session_id = ? and expert_id = ? "
                + "and pseudonym = ?", String.class, sessionId, expertId, pseudonym).stream().findFirst();
    }

    /** Every opinion of an application, without who wrote it (for the office's meeting record). */
    List<String> opinionsOf(String sessionId, String pseudonym) {
        return jdbc.queryForList("select opinion from expert_opinion where session_id = ? and pseudonym = ? "
                + "order by opinion", String.class, sessionId, pseudonym);
    }
}
