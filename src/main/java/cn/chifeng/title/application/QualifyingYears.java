package cn.chifeng.title.application;

import cn.chifeng.title.code.Level;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * 满N年 and 满N个月 as of the qualification cutoff (SEA-4; the one rule for title years, work years, years in the
 * region, county, township and village service and rural service — docs/adr/0009-full-years.md): the days served,
 * overlaps counted once and the cutoff day included, reach the days from the cutoff minus N years (or months) to
 * the cutoff, both ends included. For one period running to the cutoff this is the anniversary rule: begun on D,
 * N full years from D + N years on (a start on 2020-07-15 gives 5 years on 2025-07-15, one on 2020-07-16 gives 4);
 * begun on 29 February, the anniversary in a common year is 28 February.
 */
public final class QualifyingYears {
    private static final int MAX_YEARS = 100;

    private QualifyingYears() {
    }

    /** Full years from {@code start} (inclusive) to the cutoff (inclusive); 0 for none or a start after it. */
    public static int fullYears(LocalDate start, LocalDate cutoff) {
        if (start == null || start.isAfter(cutoff)) {
            return 0;
        }
        return yearsCovered(ChronoUnit.DAYS.between(start, cutoff) + 1, cutoff);
    }

    /** The largest N whose N years up to the cutoff take no more days than {@code daysServed}. */
    public static int yearsCovered(long daysServed, LocalDate cutoff) {
        int n = 0;
        while (n < MAX_YEARS && daysServed >= requiredDays(cutoff.minusYears(n + 1L), cutoff)) {
            n++;
        }
        return n;
    }

    /** The largest N whose N months up to the cutoff take no more days than {@code daysServed}. */
    public static int monthsCovered(long daysServed, LocalDate cutoff) {
        int n = 0;
        while (n < 12 * MAX_YEARS && daysServed >= requiredDays(cutoff.minusMonths(n + 1L), cutoff)) {
            n++;
        }
        return n;
    }

    /**
     * The days from {@code from} to the cutoff, both included. {@code from} is the cutoff moved back by whole years
     * or months; on 28 February of a common year moved back into a leap year it lands on 28 February, but whoever
     * began on the 29th has their anniversary on the 28th: the span then starts on the 29th.
     */
    static long requiredDays(LocalDate from, LocalDate cutoff) {
        LocalDate start = from;
        if (cutoff.getMonthValue() == 2 && cutoff.getDayOfMonth() == 28 && !cutoff.isLeapYear()
                && from.getMonthValue() == 2 && from.getDayOfMonth() == 28 && from.isLeapYear()) {
            start = from.plusDays(1);
        }
        return ChronoUnit.DAYS.between(start, cutoff) + 1;
    }

    /** Years that ELI-1 counts: professional work for an 助理级 application, otherwise years in the current title. */
    public static int forSeriesConditions(Dossier d, LocalDate cutoff) {
        return d.target() == Level.ASSISTANT ? fullYears(d.workStartDate(), cutoff)
                : fullYears(d.currentTitleDate(), cutoff);
    }
}
