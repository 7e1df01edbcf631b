package cn.chifeng.title.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.chifeng.title.code.Level;
import cn.chifeng.title.committee.ExpertDraw.Candidate;
import cn.chifeng.title.committee.ExpertDraw.Request;

/**
 * The draw's constraints as properties over many random pools (EVA-2). The pools come from a fixed-seed
 * {@link Random} so that a failure names a reproducible case; every impossible request is checked against a brute
 * force search over the small pools, so that "impossible" is never said of a pool that could make a committee.
 */
class ExpertDrawPropertiesTest {
    private static final String UNIT = "12150400MB0000000X";
    private static final List<String> SPECIALTIES = List.of("内科", "外科");
    private static final List<String> EMPLOYERS = List.of(UNIT, "91150400MA0000001A", "12150400MB0000002B",
            "91150400MA0000003C", "12150400MB0000004D");

    private static List<Candidate> randomPool(Random random, int size) {
        List<Candidate> pool = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Set<Integer> served = new HashSet<>();
            for (int year = 2022; year <= 2024; year++) {
                if (random.nextInt(3) == 0) {
                    served.add(year);
                }
            }
            if (random.nextInt(6) == 0) {
                served.addAll(List.of(2022, 2023, 2024));
            }
            String employer = EMPLOYERS.get(random.nextInt(EMPLOYERS.size()));
            pool.add(new Candidate(random.nextInt(9000) * 100L + i, SPECIALTIES.get(random.nextInt(2)),
                    List.of(Level.INTERMEDIATE, Level.ASSOCIATE_SENIOR, Level.SENIOR).get(random.nextInt(3)), employer,
                    random.nextInt(3) == 0, random.nextInt(3) == 0 ? UNIT : null, served));
        }
        return pool;
    }

    private static Request randomRequest(Random random) {
        boolean selfEvaluating = random.nextBoolean();
        boolean enterprise = random.nextBoolean();
        return new Request(SPECIALTIES.get(random.nextInt(2)), random.nextBoolean() ? Level.ASSOCIATE_SENIOR
                : Level.SENIOR, 2025, 3 + random.nextInt(5), random.nextInt(3), selfEvaluating ? UNIT : null,
                enterprise ? 1 : 0, enterprise ? 3 : 1);
    }

    private static boolean eligible(Candidate c, Request r) {
        return c.specialty().equals(r.specialty()) && c.level().compareTo(r.level()) >= 0
                && !c.servedThreeSeasonsBefore(r.season());
    }

    @Test
    void everyDrawnCommitteeKeepsEveryRuleAndEveryImpossibleOneIsTrulyImpossible() {
        Random random = new Random(20250625L);
        int drawn = 0;
        int impossible = 0;
        for (int round = 0; round < 3000; round++) {
            List<Candidate> pool = randomPool(random, 6 + random.nextInt(20));
            Request r = randomRequest(random);
            String seed = DrawGenerator.newSeed();
            ExpertDraw.Result result;
            try {
                result = ExpertDraw.draw(pool, r, seed);
            } catch (ExpertDraw.Impossible e) {
                impossible++;
                assertThat(existsCommittee(pool.stream().filter(c -> eligible(c, r)).toList(), r))
                        .as("round %d said impossible (%s) but a committee exists", round, e.constraint).isFalse();
                assertThat(e.getMessage()).containsPattern("[\\u4e00-\\u9fa5]");
                continue;
            }
            drawn++;
            List<Candidate> m = result.members();
            assertThat(m).as("round %d size", round).hasSize(r.members());
            assertThat(m).as("round %d: never an expert of the three previous seasons", round)
                    .noneMatch(c -> c.servedThreeSeasonsBefore(2025));
            assertThat(m).allMatch(c -> eligible(c, r));
            if (r.selfEvaluatingUnit() != null) {
                assertThat(3 * m.stream().filter(c -> c.externalTo(UNIT)).count())
                        .as("round %d: at least one third external peers", round).isGreaterThanOrEqualTo(m.size());
            }
            assertThat(m.stream().filter(Candidate::privateEnterprise).count() * r.privateShareDenominator())
                    .as("round %d: private-enterprise share", round)
                    .isGreaterThanOrEqualTo((long) m.size() * r.privateShareNumerator());
            assertThat(result.reserve()).allMatch(c -> eligible(c, r)).doesNotContainAnyElementsOf(m);
            assertThat(new HashSet<>(m)).hasSameSizeAs(m);
            List<Candidate> reversed = new ArrayList<>(pool);
            java.util.Collections.reverse(reversed);
            assertThat(ExpertDraw.draw(reversed, r, seed))
                    .as("round %d: same seed and pool (in any order) give the same committee", round)
                    .isEqualTo(result);
        }
        assertThat(drawn).as("the random pools exercise both outcomes").isGreaterThan(500);
        assertThat(impossible).isGreaterThan(100);
    }

    /** Brute force: is there any committee of the eligible meeting both shares? */
    private static boolean existsCommittee(List<Candidate> eligible, Request r) {
        if (eligible.size() < r.members()) {
            return false;
        }
        return search(eligible, 0, new ArrayList<>(), r);
    }

    private static boolean search(List<Candidate> eligible, int from, List<Candidate> chosen, Request r) {
        if (chosen.size() == r.members()) {
            long external = chosen.stream().filter(c -> c.externalTo(r.selfEvaluatingUnit())).count();
            long privates = chosen.stream().filter(Candidate::privateEnterprise).count();
            return external >= r.requiredExternal() && privates >= r.requiredPrivate();
        }
        for (int i = from; i < eligible.size(); i++) {
            chosen.add(eligible.get(i));
            if (search(eligible, i + 1, chosen, r)) {
                return true;
            }
            chosen.remove(chosen.size() - 1);
        }
        return false;
    }

    @Test
    void aDifferentSeedDrawsADifferentCommitteeFromALargePool() {
        List<Candidate> pool = randomPool(new Random(7), 200);
        Request r = new Request("内科", Level.ASSOCIATE_SENIOR, 2025, 7, 2, null, 0, 1);
        Set<List<Long>> committees = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            committees.add(ExpertDraw.draw(pool, r, DrawGenerator.newSeed()).members().stream().map(Candidate::id)
                    .toList());
        }
        assertThat(committees).hasSizeGreaterThan(15);
    }

    @Test
    void theRecordedSeedReplaysTheDrawAndThePoolHashChangesWithThePool() {
        List<Candidate> pool = randomPool(new Random(11), 60);
        Request r = new Request("外科", Level.ASSOCIATE_SENIOR, 2025, 5, 2, UNIT, 1, 3);
        String seed = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        ExpertDraw.Result a = ExpertDraw.draw(pool, r, seed);
        assertThat(a.generator()).isEqualTo("HMAC-SHA256-CTR/FisherYates-v1");
        assertThat(a.poolHash()).hasSize(64);
        List<Candidate> changed = new ArrayList<>(pool);
        Candidate first = changed.remove(0);
        changed.add(new Candidate(first.id(), first.specialty(), first.level(), first.employerCode(),
                !first.privateEnterprise(), first.internalUnitCode(), first.seasonsServed()));
        assertThat(ExpertDraw.draw(changed, r, seed).poolHash()).isNotEqualTo(a.poolHash());
    }

    @Test
    void anImpossiblePoolFailsNamingTheConstraint() {
        Candidate internal = new Candidate(1, "内科", Level.SENIOR, UNIT, false, UNIT, Set.of());
        Candidate external = new Candidate(2, "内科", Level.SENIOR, "91150400MA0000001A", false, null, Set.of());
        Candidate veteran = new Candidate(3, "内科", Level.SENIOR, "91150400MA0000003C", true, null,
                Set.of(2022, 2023, 2024));
        List<Candidate> pool = List.of(internal, internal(4), internal(5), external, veteran);
        assertThatThrownBy(() -> ExpertDraw.draw(pool, new Request("内科", Level.SENIOR, 2025, 4, 0, UNIT, 0, 1),
                DrawGenerator.newSeed()))
                .isInstanceOfSatisfying(ExpertDraw.Impossible.class,
                        e -> assertThat(e.constraint).isEqualTo("EXTERNAL_PEERS"))
                .hasMessageContaining("三分之一").hasMessageContaining("连续三年参加评审的 1 人");
        assertThatThrownBy(() -> ExpertDraw.draw(pool, new Request("内科", Level.SENIOR, 2025, 3, 0, null, 1, 3),
                DrawGenerator.newSeed()))
                .isInstanceOfSatisfying(ExpertDraw.Impossible.class,
                        e -> assertThat(e.constraint).isEqualTo("PRIVATE_ENTERPRISE_SHARE"))
                .hasMessageContaining("民营企业专家");
        assertThatThrownBy(() -> ExpertDraw.draw(pool, new Request("内科", Level.SENIOR, 2025, 5, 0, null, 0, 1),
                DrawGenerator.newSeed()))
                .isInstanceOfSatisfying(ExpertDraw.Impossible.class, e -> assertThat(e.constraint).isEqualTo("SIZE"))
                .hasMessageContaining("只有 4 人");
    }

    private static Candidate internal(long id) {
        return new Candidate(id, "内科", Level.SENIOR, UNIT, false, UNIT, Set.of());
    }

    @Test
    void theGeneratorIsUniformEnough() {
        DrawGenerator g = new DrawGenerator("ffeeddccbbaa99887766554433221100");
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            counts[g.below(7)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(9_500, 10_500);
        }
    }
}
