package cn.chifeng.title.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** SEA-4: full years as of the 07-15 cutoff, exact to the day. */
class QualifyingYearsTest {
    private static final LocalDate CUTOFF = LocalDate.of(2025, 7, 15);

    @Test
    void aPeriodStartingOnTheCutoffDayNYearsBeforeCountsNYears() {
        assertThat(QualifyingYears.fullYears(LocalDate.of(2020, 7, 15), CUTOFF)).isEqualTo(5);
    }

    @Test
    void aPeriodStartingTheDayAfterCountsOneYearLess() {
        assertThat(QualifyingYears.fullYears(LocalDate.of(2020, 7, 16), CUTOFF)).isEqualTo(4);
    }

    @Test
    void aStartAfterTheCutoffCountsNothing() {
        assertThat(QualifyingYears.fullYears(LocalDate.of(2025, 7, 16), CUTOFF)).isZero();
        assertThat(QualifyingYears.fullYears(null, CUTOFF)).isZero();
    }

    @Test
    void aLeapDayStartHasItsAnniversaryOnThe28thOfACommonYear() {
        assertThat(QualifyingYears.fullYears(LocalDate.of(2020, 2, 29), LocalDate.of(2021, 2, 27))).isZero();
        assertThat(QualifyingYears.fullYears(LocalDate.of(2020, 2, 29), LocalDate.of(2021, 2, 28))).isEqualTo(1);
        assertThat(QualifyingYears.fullYears(LocalDate.of(2020, 2, 29), LocalDate.of(2024, 2, 29))).isEqualTo(4);
    }

    @Test
    void daysServedMakeYearsAndMonthsByTheSameSpan() {
        // 2020-07-15 .. 2025-07-15 both included: 1827 days
        assertThat(QualifyingYears.yearsCovered(1827, CUTOFF)).isEqualTo(5);
        assertThat(QualifyingYears.yearsCovered(1826, CUTOFF)).isEqualTo(4);
        // 2025-04-15 .. 2025-07-15 both included: 92 days
        assertThat(QualifyingYears.monthsCovered(92, CUTOFF)).isEqualTo(3);
        assertThat(QualifyingYears.monthsCovered(91, CUTOFF)).isEqualTo(2);
    }
}
