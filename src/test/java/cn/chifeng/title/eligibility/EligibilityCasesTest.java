package cn.chifeng.title.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.application.Dossier.ServicePeriod;

/**
 * Table-driven eligibility cases (ELI-*, SEA-4): each row of {@code eligibility/cases.csv} is a dossier (the
 * defaults below with the row's changes), what the archives say, and the expected verdict, channel and rule IDs.
 * Facts are computed by {@link EligibilityFacts} as of 2025-07-15 and decided by the shipped {@code dmn/eligibility.dmn}.
 */
class EligibilityCasesTest {
    static final LocalDate CUTOFF = LocalDate.of(2025, 7, 15);
    private static final DmnEngine DMN = cn.chifeng.title.feel.CachingFeelEngineFactory.dmnEngine(); // as the product evaluates
    private static DmnDecision eligibility;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = new FileInputStream("dmn/eligibility.dmn")) {
            eligibility = DMN.parseDecision("eligibility", in);
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/eligibility/cases.csv"),
                StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("name;")) {
                continue;
            }
            String[] c = line.split(";", -1);
            rows.add(Arguments.of(c[0].trim(), c[1].trim(), c[2].trim(), c[3].trim(), c[4].trim()));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdictChannelAndRules(String name, String changes, String verdict, String channel, String rules) {
        Map<String, String> v = defaults();
        if (!changes.isEmpty()) {
            for (String kv : changes.split(",")) {
                String[] p = kv.split("=", 2);
                v.put(p[0].trim(), p[1].trim());
            }
        }
        Map<String, Object> facts = EligibilityFacts.of(dossier(v), CUTOFF, date(v.get("checkDate")), records(v), EligibilityCasesTest.PLACES);
        facts.put("checkDate", v.get("checkDate"));
        @SuppressWarnings("unchecked")
        Verdict result = Verdict.of((Map<String, Object>) DMN.evaluateDecision(eligibility,
                Variables.fromMap(facts)).getSingleResult().getSingleEntry());

        assertThat(result.verdict()).as(name + " verdict " + result).isEqualTo(verdict);
        assertThat(result.channel() == null ? "" : result.channel()).as(name + " channel " + result)
                .isEqualTo(channel);
        Set<String> expectedRules = new TreeSet<>(Arrays.asList(rules.split(" ")));
        expectedRules.remove("");
        assertThat(new TreeSet<>(result.reasons().stream().map(Verdict.Reason::rule).toList()))
                .as(name + " rules " + result).isEqualTo(expectedRules);
        assertThat(result.reasons()).allSatisfy(r -> assertThat(r.message()).containsPattern("\\p{IsHan}"));
    }

    /**
     * ELI-16 (通知 六(二)2: 经批准离岗创新创业期间同等享有参加职称评审的权力): on every case — the post quota, the years in
     * the title, continuing education and all the others — being on approved innovation leave changes nothing of the
     * verdict, the channel or the reasons.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void innovationLeaveNeverChangesTheVerdict(String name, String changes, String verdict, String channel,
                                               String rules) {
        Map<String, String> v = defaults();
        if (!changes.isEmpty()) {
            for (String kv : changes.split(",")) {
                String[] p = kv.split("=", 2);
                v.put(p[0].trim(), p[1].trim());
            }
        }
        Verdict working = verdictOf(v);
        v.put("onInnovationLeave", "true");
        Verdict onLeave = verdictOf(v);

        assertThat(onLeave).as(name).isEqualTo(working);
    }

    private static Verdict verdictOf(Map<String, String> v) {
        Map<String, Object> facts = EligibilityFacts.of(dossier(v), CUTOFF, date(v.get("checkDate")), records(v),
                PLACES);
        assertThat(facts.get("onInnovationLeave")).isEqualTo(Boolean.parseBoolean(v.get("onInnovationLeave")));
        facts.put("checkDate", v.get("checkDate"));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) DMN.evaluateDecision(eligibility, Variables.fromMap(facts))
                .getSingleResult().getSingleEntry();
        return Verdict.of(result);
    }

    /** A county engineer with a bachelor's degree applying for 中级 after exactly 4 years as 助理级. */
    static Map<String, String> defaults() {
        Map<String, String> v = new HashMap<>();
        v.put("series", "ENGINEERING");
        v.put("specialty", "电气工程");
        v.put("targetLevel", "INTERMEDIATE");
        v.put("currentLevel", "ASSISTANT");
        v.put("currentTitleDate", "2021-07-15");
        v.put("education", "BACHELOR");
        v.put("workStartDate", "2015-07-01");
        v.put("regionWorkStartDate", "2015-07-01");
        v.put("employerType", "PUBLIC_INSTITUTION");
        v.put("employerLevel", "COUNTY");
        v.put("serviceHistory", "");
        v.put("talentProgram", "NONE");
        v.put("greenChannelUsed", "false");
        v.put("examPassDate", "");
        v.put("examValidUntil", "");
        v.put("frontlineMedical", "false");
        v.put("frontlineTiltUsed", "false");
        v.put("continuingEducationDone", "true");
        v.put("assessmentPassed", "false");
        v.put("onInnovationLeave", "false");
        v.put("violationOn", "");
        v.put("ledgerGreen", "false");
        v.put("ledgerFrontline", "false");
        v.put("overPostRatio", "");
        v.put("checkDate", "2025-06-10");
        return v;
    }

    static Dossier dossier(Map<String, String> v) {
        return new Dossier(2025, "测试", "110105194912310021", "13800000000", null, v.get("series"),
                v.get("specialty"), v.get("targetLevel"), v.get("currentLevel"), date(v.get("currentTitleDate")),
                v.get("education"), LocalDate.of(2010, 7, 1), date(v.get("workStartDate")),
                date(v.get("regionWorkStartDate")), "单位", null, v.get("employerType"), v.get("employerLevel"),
                "hongshan", "hongshan-industry", "REGULAR", periods(v.get("serviceHistory")), v.get("talentProgram"),
                Boolean.valueOf(v.get("greenChannelUsed")), date(v.get("examPassDate")),
                date(v.get("examValidUntil")), Boolean.valueOf(v.get("frontlineMedical")),
                Boolean.valueOf(v.get("frontlineTiltUsed")), Boolean.valueOf(v.get("continuingEducationDone")),
                Boolean.valueOf(v.get("assessmentPassed")), Boolean.valueOf(v.get("onInnovationLeave")), null);
    }

    static EligibilityFacts.Records records(Map<String, String> v) {
        return new EligibilityFacts.Records(date(v.get("violationOn")), Boolean.parseBoolean(v.get("ledgerGreen")),
                Boolean.parseBoolean(v.get("ledgerFrontline")),
                v.get("overPostRatio").isEmpty() ? null : Boolean.valueOf(v.get("overPostRatio")));
    }

    /** "COUNTY:2000-01-01..2009-12-31|TOWNSHIP:2010-01-01.." (an empty end = ongoing). */
    /** The places of the shipped configuration (title.eligibility in application.yaml). */
    static final EligibilityFacts.Places PLACES = new EligibilityFacts.Places(
            java.util.Set.of("COUNTY", "TOWNSHIP", "VILLAGE"), java.util.Set.of("TOWNSHIP", "VILLAGE"));

    static List<ServicePeriod> periods(String text) {
        List<ServicePeriod> list = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return list;
        }
        for (String p : text.split("\\|")) {
            String[] placeAndRange = p.split(":", 2);
            String[] range = placeAndRange[1].split("\\.\\.", -1);
            list.add(new ServicePeriod(date(range[0]), range.length > 1 ? date(range[1]) : null, placeAndRange[0]));
        }
        return list;
    }

    static LocalDate date(String s) {
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }
}
