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
    void leapDayStartCompletesAYearOnlyOnTheFirstOfMarch() {
        // N years as of the cutoff: started on or before the cutoff minus N years (2021-02-28 minus 1 = 2020-02-28)
        assertThat(QualifyingYears.fullYears(LocalDate.of(2020, 2, 29), LocalDate.of(2021, 2, 28))).isZero();
        assertThat(QualifyingYears.fullYears(LocalDate.of(2020, 2, 29), LocalDate.of(2021, 3, 1))).isEqualTo(1);
    }
}
