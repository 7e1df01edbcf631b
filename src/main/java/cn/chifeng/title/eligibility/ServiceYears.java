package cn.chifeng.title.eligibility;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import cn.chifeng.title.application.Dossier.ServicePeriod;
import cn.chifeng.title.application.QualifyingYears;

/**
 * Service periods (SEA-4) as days served at the given places ({@code to} inclusive, null = up to the cutoff),
 * overlaps counted once; whether they make 满N年 or 满N个月 is {@link QualifyingYears}' one rule.
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
        return QualifyingYears.yearsCovered(days(periods, places, LocalDate.of(1900, 1, 1), cutoff), cutoff);
    }

    /** Full years served at the places since {@code since} (e.g. since the current title), up to the cutoff. */
    public static int fullYearsSince(List<ServicePeriod> periods, Set<String> places, LocalDate since,
                                     LocalDate cutoff) {
        if (since == null || since.isAfter(cutoff)) {
            return since == null ? fullYears(periods, places, cutoff) : 0;
        }
        return QualifyingYears.yearsCovered(days(periods, places, since, cutoff), cutoff);
    }

    /** Full months served at the places in the season year up to the cutoff (ELI-8 "当年"), by the same rule. */
    public static int monthsThisYear(List<ServicePeriod> periods, Set<String> places, LocalDate cutoff) {
        return QualifyingYears.monthsCovered(days(periods, places, cutoff.withDayOfYear(1), cutoff), cutoff);
    }
}
