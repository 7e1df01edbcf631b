package cn.chifeng.title.season;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Working days of the PRC calendar (SEA, PUB-1): periods over holidays and adjusted working days. */
class WorkingDayCalendarTest {
    private final WorkingDayCalendar calendar = new WorkingDayCalendar((WorkingDayCalendar.Overrides) null);

    @ParameterizedTest(name = "{0} + {1} working days → {2}")
    @CsvFileSource(resources = "/calendar/period-end.csv", delimiter = ';', numLinesToSkip = 3)
    void periodEnd(LocalDate start, int workingDays, LocalDate end, boolean official) {
        WorkingDayCalendar.PeriodEnd r = calendar.periodEnd(start, workingDays);
        assertThat(r.end()).isEqualTo(end);
        assertThat(r.official()).isEqualTo(official);
    }

    @Test
    void adjustedWorkingSundaysAreWorkingDaysAndHolidayWeekdaysAreNot() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).isEqualTo(new WorkingDayCalendar.Answer(true, true));
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isEqualTo(new WorkingDayCalendar.Answer(false, true));
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 9))).isEqualTo(new WorkingDayCalendar.Answer(true, true));
    }

    @Test
    void anUnknownYearFallsBackToMondayToFridayAndSaysSo() {
        assertThat(calendar.knows(2027)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 2))).isEqualTo(new WorkingDayCalendar.Answer(false, false));
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 4))).isEqualTo(new WorkingDayCalendar.Answer(true, false));
    }

    @Test
    void theAdministratorsFileAddsAYearAndCorrectsDays() {
        WorkingDayCalendar withOverrides = new WorkingDayCalendar(new WorkingDayCalendar.Overrides(Map.of(
                2027, new WorkingDayCalendar.Year(List.of(LocalDate.of(2027, 1, 1)), List.of(LocalDate.of(2027, 1, 2)))
        )));
        assertThat(withOverrides.knows(2027)).isTrue();
        assertThat(withOverrides.isWorkingDay(LocalDate.of(2027, 1, 1))).isEqualTo(new WorkingDayCalendar.Answer(false, true));
        assertThat(withOverrides.isWorkingDay(LocalDate.of(2027, 1, 2))).isEqualTo(new WorkingDayCalendar.Answer(true, true));
        assertThat(withOverrides.periodEnd(LocalDate.of(2026, 12, 31), 2))
                .isEqualTo(new WorkingDayCalendar.PeriodEnd(LocalDate.of(2027, 1, 2), true));
    }

    @Test
    void aPeriodNeedsAtLeastOneWorkingDay() {
        assertThatThrownBy(() -> calendar.periodEnd(LocalDate.of(2025, 1, 1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
