package cn.chifeng.title.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import cn.chifeng.title.application.Dossier.ServicePeriod;
import cn.chifeng.title.application.QualifyingYears;

/** 满N年 / 满N个月: every kind of years counted by the one rule, at the day and the day before (full-years.csv). */
class FullYearsCasesTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/eligibility/full-years.csv", delimiter = ';')
    void countedByTheOneRule(String name, String kind, String periods, LocalDate cutoff, int expected) {
        int counted;
        if ("start".equals(kind)) {
            counted = QualifyingYears.fullYears(LocalDate.parse(periods), cutoff);
        } else {
            List<ServicePeriod> history = EligibilityCasesTest.periods(periods);
            if (kind.startsWith("since=")) {
                counted = ServiceYears.fullYearsSince(history, EligibilityCasesTest.PLACES.rural(),
                        LocalDate.parse(kind.substring(6)), cutoff);
            } else if ("months".equals(kind)) {
                counted = ServiceYears.monthsThisYear(history, EligibilityCasesTest.PLACES.rural(), cutoff);
            } else {
                counted = ServiceYears.fullYears(history, "COUNTY".equals(kind) ? EligibilityCasesTest.PLACES.county()
                        : EligibilityCasesTest.PLACES.rural(), cutoff);
            }
        }
        assertThat(counted).isEqualTo(expected);
    }
}
