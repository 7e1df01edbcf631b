package cn.chifeng.title.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.eligibility.PostQuotas.Posts;

/** 附件3: applicants per unit, series and level against the unit's vacant posts; more applicants mark 超岗. */
class StatisticsTableTest {
    private static int n;

    static ApplicationRecord app(String unitCode, String unitName, String series, String level) {
        OffsetDateTime at = OffsetDateTime.parse("2025-06-10T10:00:00+08:00");
        String id = "CF-" + (++n);
        return new ApplicationRecord(id, 2025, "u", "某人", "150429198501010011", series, level, unitCode, unitName,
                "ningcheng", "ningcheng/ningcheng-health", ApplicationStatus.IN_REVIEW, null, List.of(), List.of(),
                null, "{}", at, at, null);
    }

    @Test
    void aUnitWithMoreApplicantsAtALevelThanVacantPostsIsMarkedAtThatLevelOnly() {
        List<ApplicationRecord> apps = List.of(
                app("H", "宁城县中心医院", "HEALTH", "ASSOCIATE_SENIOR"),
                app("H", "宁城县中心医院", "HEALTH", "ASSOCIATE_SENIOR"),
                app("H", "宁城县中心医院", "HEALTH", "INTERMEDIATE"));
        Map<String, Map<String, Posts>> posts = Map.of("H", Map.of(
                "ASSOCIATE_SENIOR", new Posts(3, 2), "INTERMEDIATE", new Posts(5, 1)));

        List<StatisticsTable.Row> rows = StatisticsTable.rows(apps, posts, c -> "宁城县");

        assertThat(rows).hasSize(2);
        StatisticsTable.Row unit = rows.get(0);
        assertThat(unit.kind()).isEqualTo(StatisticsTable.Kind.UNIT);
        assertThat(unit.number()).isEqualTo(1);
        assertThat(unit.values()).containsEntry("series", "卫生").containsEntry("county", "宁城县")
                .containsEntry("posts.ASSOCIATE_SENIOR", 3).containsEntry("holders.ASSOCIATE_SENIOR", 2)
                .containsEntry("vacant.ASSOCIATE_SENIOR", 1).containsEntry("applicants.ASSOCIATE_SENIOR", 2)
                .containsEntry("vacant.INTERMEDIATE", 4).containsEntry("applicants.INTERMEDIATE", 1)
                .containsEntry("applicants", 3).containsEntry("over", "超岗：副高级")
                .doesNotContainKey("posts.SENIOR");
        assertThat(rows.get(1).kind()).isEqualTo(StatisticsTable.Kind.TOTAL);
        assertThat(rows.get(1).values()).containsEntry("applicants", 3).containsEntry("posts.INTERMEDIATE", 5);
    }

    @Test
    void applicantsWithinTheVacanciesAreNotMarkedNorIsAUnitWithoutEnteredPosts() {
        List<ApplicationRecord> apps = List.of(app("S", "宁城县第一中学", "PRIMARY_SECONDARY_TEACHER", "SENIOR"),
                app(null, "自由职业", "ENGINEERING", "INTERMEDIATE"));
        List<StatisticsTable.Row> rows = StatisticsTable.rows(apps, Map.of("S", Map.of("SENIOR", new Posts(2, 1))),
                c -> c);
        assertThat(rows).filteredOn(StatisticsTable.Row::over).isEmpty();
        assertThat(rows).extracting(r -> r.values().get("unit")).containsExactly("宁城县第一中学", "自由职业", "合计");
    }

    @Test
    void aUnitOfSeveralSeriesHasARowPerSeriesAndASubtotalThatCarriesItsPostsAndMark() {
        List<ApplicationRecord> apps = List.of(app("H", "宁城县中心医院", "HEALTH", "INTERMEDIATE"),
                app("H", "宁城县中心医院", "ACCOUNTING", "INTERMEDIATE"),
                app("H", "宁城县中心医院", "ENGINEERING", "ASSISTANT"));
        List<StatisticsTable.Row> rows = StatisticsTable.rows(apps, Map.of("H", Map.of(
                "INTERMEDIATE", new Posts(4, 3), "ASSISTANT", new Posts(2, 0))), c -> c);
        assertThat(rows).extracting(StatisticsTable.Row::kind).containsExactly(StatisticsTable.Kind.SERIES,
                StatisticsTable.Kind.SERIES, StatisticsTable.Kind.SERIES, StatisticsTable.Kind.SUBTOTAL,
                StatisticsTable.Kind.TOTAL);
        assertThat(rows).extracting(r -> r.values().get("series")).containsExactly("工程", "卫生", "会计", "小计",
                null);
        assertThat(rows.get(0).values()).doesNotContainKey("posts.INTERMEDIATE").doesNotContainKey("over");
        assertThat(rows.get(3).values()).containsEntry("applicants.INTERMEDIATE", 2)
                .containsEntry("vacant.INTERMEDIATE", 1).containsEntry("applicants.JUNIOR", 1)
                .containsEntry("over", "超岗：中级");
    }
}
