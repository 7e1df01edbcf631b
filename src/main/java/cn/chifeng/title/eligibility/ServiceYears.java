package cn.chifeng.title.eligibility;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import cn.chifeng.title.application.Dossier.ServicePeriod;

/**
 * Calendar arithmetic of service periods (SEA-4). For several periods ({@code to} inclusive, null = up to the
 * cutoff) the days up to the cutoff are summed and compared with the days from the cutoff minus N years (or
 * months) to the cutoff; a period counts only for the places given.
 */
public final class ServiceYears {
    private ServiceYears() {
    }

    /** Days served at the places between {@code from} (inclusive) and {@code until} (inclusive), overlaps once. */
    public static long days(List<ServicePeriod> periods, Set<String> places, LocalDate from, LocalDate until) {
        if (periods == null) {
            return 0;
        }
        long span = ChronoUnit.DAYS.between(from, until) + 1;
        if (span <= 0) {
            return 0;
        }
        boolean[] counted = new boolean[(int) span];
        long total = 0;
        for (ServicePeriod p : periods) {
            if (p == null || p.from() == null || p.place() == null || !places.contains(p.place())) {
                continue;
            }
            LocalDate start = p.from().isBefore(from) ? from : p.from();
            LocalDate end = p.to() == null || p.to().isAfter(until) ? until : p.to();
            for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
                int i = (int) ChronoUnit.DAYS.between(from, d);
                if (!counted[i]) {
                    counted[i] = true;
                    total++;
                }
            }
        }
        return total;
    }

    /** The largest N such that the days served reach the days from the cutoff minus N years to the cutoff. */
    public static int fullYears(List<ServicePeriod> periods, Set<String> places, LocalDate cutoff) {
        return yearsCovered(days(periods, places, LocalDate.of(1900, 1, 1), cutoff), cutoff);
    }

    /** Full years served at the places since {@code since} (e.g. since the current title), up to the cutoff. */
    public static int fullYearsSince(List<ServicePeriod> periods, Set<String> places, LocalDate since,
                                     LocalDate cutoff) {
        if (since == null || since.isAfter(cutoff)) {
            return since == null ? fullYears(periods, places, cutoff) : 0;
        }
        return yearsCovered(days(periods, places, since, cutoff), cutoff);
    }

    /** The largest N (up to 100) whose span of N years before the cutoff is no longer than the days served. */
    private static int yearsCovered(long served, LocalDate cutoff) {
        int n = 0;
        while (n < 100 && served >= ChronoUnit.DAYS.between(cutoff.minusYears(n + 1L), cutoff)) {
            n++;
        }
        return n;
    }

    /**
     * Full months served at the places in the season year up to the cutoff (ELI-8 "this year"), a month being 30 days:
     * the periods may be split, and 3 months of service (e.g. 01-01 to 03-31, 90 days) must count as 3.
     */
    public static int monthsThisYear(List<ServicePeriod> periods, Set<String> places, LocalDate cutoff) {
        return (int) (days(periods, places, cutoff.withDayOfYear(1), cutoff) / DAYS_PER_MONTH);
    }

    private static final int DAYS_PER_MONTH = 30;
}
