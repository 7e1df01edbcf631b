package cn.chifeng.title.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.application.ResidentIdNumber;
import cn.chifeng.title.support.Dossiers;

/** The one row builder of the rosters: fields derived from the ID number and the cutoff, and the roster order. */
class RosterRowsTest {
    static final LocalDate CUTOFF = LocalDate.of(2025, 7, 15);

    /** An ID number born on the day with the given sequence (its last digit decides the gender). */
    static String idNumber(String yyyymmdd, String sequence) {
        String first17 = "150429" + yyyymmdd + sequence;
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    static RosterRows.Source source(String id, Dossier d, ApplicationStatus status, String channel) {
        OffsetDateTime at = OffsetDateTime.parse("2025-06-10T10:00:00+08:00");
        ApplicationRecord a = new ApplicationRecord(id, d.season(), "u-" + id, d.name(), d.idNumber(), d.series(),
                d.targetLevel(), d.employerCode(), d.employerName(), d.county(),
                d.county() + "/" + d.competentDepartment(), status, null, List.of(), List.of(), null, "{}", at, at,
                null);
        return new RosterRows.Source(a, d, CUTOFF, channel, "宁城县", "宁城县卫生健康委员会");
    }

    @Test
    void genderAndBirthMonthAreReadFromTheIdNumber() {
        Map<String, Object> man = RosterRows.row(source("A", Dossiers.dossier()
                .idNumber(idNumber("19870315", "013")).build(), ApplicationStatus.IN_REVIEW, null));
        Map<String, Object> woman = RosterRows.row(source("B", Dossiers.dossier()
                .idNumber(idNumber("19921130", "024")).build(), ApplicationStatus.IN_REVIEW, null));
        assertThat(man).containsEntry("gender", "男").containsEntry("birthMonth", "1987-03");
        assertThat(woman).containsEntry("gender", "女").containsEntry("birthMonth", "1992-11");
    }

    @Test
    void yearsOfProfessionalWorkAreFullYearsAtTheSeasonsCutoff() {
        Map<String, Object> ten = RosterRows.row(source("A", Dossiers.dossier()
                .workStartDate(LocalDate.of(2015, 7, 15)).build(), ApplicationStatus.IN_REVIEW, null));
        Map<String, Object> nine = RosterRows.row(source("B", Dossiers.dossier()
                .workStartDate(LocalDate.of(2015, 7, 16)).build(), ApplicationStatus.IN_REVIEW, null));
        assertThat(ten).containsEntry("workYears", 10).containsEntry("workStartDate", "2015-07");
        assertThat(nine).containsEntry("workYears", 9);
    }

    @Test
    void codesAreShownAsTheirChineseLabelsWithChannelAndStatus() {
        Map<String, Object> row = RosterRows.row(source("A", Dossiers.dossier().series("HEALTH")
                .targetLevel("ASSOCIATE_SENIOR").currentTitleDate(LocalDate.of(2018, 9, 1)).specialty("内科")
                .build(), ApplicationStatus.CORRECTION_REQUESTED, "绿色通道"));
        assertThat(row).containsEntry("series", "卫生").containsEntry("targetLevel", "副高级")
                .containsEntry("currentLevel", "中级").containsEntry("currentTitleDate", "2018-09")
                .containsEntry("titleYears", 6).containsEntry("specialty", "内科").containsEntry("education", "大学本科")
                .containsEntry("graduationDate", "2008-07").containsEntry("channel", "绿色通道")
                .containsEntry("status", "待补正材料").containsEntry("employerName", "宁城县中心医院")
                .containsEntry("competentDepartment", "宁城县卫生健康委员会");
        assertThat(row.keySet()).isEqualTo(RosterRows.fieldNames());
    }

    @Test
    void rowsAreOrderedBySeriesThenSpecialtyThenName() {
        List<RosterRows.Source> sources = new ArrayList<>(List.of(
                source("1", Dossiers.dossier().series("HEALTH").specialty("外科").name("王芳").build(),
                        ApplicationStatus.IN_REVIEW, null),
                source("2", Dossiers.dossier().series("HEALTH").specialty("内科").name("张伟").build(),
                        ApplicationStatus.IN_REVIEW, null),
                source("3", Dossiers.dossier().series("ENGINEERING").specialty("电力").name("刘洋").build(),
                        ApplicationStatus.IN_REVIEW, null),
                source("4", Dossiers.dossier().series("HEALTH").specialty("内科").name("李娜").build(),
                        ApplicationStatus.IN_REVIEW, null),
                source("5", Dossiers.dossier().series("HEALTH").specialty("内科").name("李娜").build(),
                        ApplicationStatus.IN_REVIEW, null)));
        java.util.Collections.shuffle(sources, new java.util.Random(7));
        sources.sort(RosterRows.ORDER);
        // 工程 before 卫生 (code order); within 卫生 内科 (nèi) before 外科 (wài); 李 (lǐ) before 张 (zhāng); equal
        // names by id
        assertThat(sources).extracting(s -> s.application().id()).containsExactly("3", "4", "5", "2", "1");
    }
}
