package cn.chifeng.title.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * ELI-13: the primary/secondary teacher 正高级 quota (49 for Chifeng in 2025) and its shares bind a session's passes,
 * by vote rank, with ties treated alike; a pass that does not count (green channel, when the season says so) stays.
 */
class QuotasTest {
    private static Quotas.Candidate c(String id, String scope, int inFavour, int attending) {
        return new Quotas.Candidate(id, scope, inFavour, attending, true);
    }

    @Test
    void theTeacherQuotaStopsAt49() {
        List<Quotas.Candidate> passing = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            // distinct votes so that no tie decides: 100 - i of 100 in favour
            passing.add(c(String.format("A%02d", i), "CITY", 100 - i, 100));
        }
        List<String> over = Quotas.overQuota(passing, Map.of(Quotas.TOTAL, 49), Map.of());
        assertThat(over).hasSize(6).containsExactly("A49", "A50", "A51", "A52", "A53", "A54");
        assertThat(Quotas.overQuota(passing, Map.of(Quotas.TOTAL, 49), Map.of(Quotas.TOTAL, 40))).hasSize(46);
    }

    @Test
    void eachCountysShareBindsAsWellAsTheTotal() {
        List<Quotas.Candidate> passing = List.of(c("N1", "ningcheng", 10, 10), c("N2", "ningcheng", 9, 10),
                c("N3", "ningcheng", 8, 10), c("H1", "hongshan", 7, 10));
        Map<String, Integer> quota = Map.of(Quotas.TOTAL, 49, "ningcheng", 2, "hongshan", 5);
        assertThat(Quotas.overQuota(passing, quota, Map.of())).containsExactly("N3");
        assertThat(Quotas.overQuota(passing, quota, Map.of("ningcheng", 2, Quotas.TOTAL, 2)))
                .containsExactlyInAnyOrder("N1", "N2", "N3");
    }

    @Test
    void tiedApplicationsAtTheLastPlaceAreTreatedAlikeAndNoLowerVoteTakesThePlace() {
        List<Quotas.Candidate> passing = List.of(c("A", "CITY", 10, 10), c("B", "CITY", 9, 10), c("C", "CITY", 9, 10),
                c("D", "CITY", 8, 10));
        List<String> over = Quotas.overQuota(passing, Map.of(Quotas.TOTAL, 2), Map.of());
        assertThat(over).containsExactlyInAnyOrder("B", "C", "D");
    }

    @Test
    void theShareInFavourRanksNotTheCountAndAPassThatDoesNotCountAlwaysStays() {
        // 8 of 9 (89 %) ranks above 9 of 11 (82 %)
        List<Quotas.Candidate> passing = List.of(c("Eleven", "CITY", 9, 11), c("Nine", "CITY", 8, 9),
                new Quotas.Candidate("Green", "CITY", 7, 10, false));
        assertThat(Quotas.overQuota(passing, Map.of(Quotas.TOTAL, 1), Map.of())).containsExactly("Eleven");
        assertThat(Quotas.overQuota(passing, Map.of(), Map.of())).isEmpty();
    }
}
