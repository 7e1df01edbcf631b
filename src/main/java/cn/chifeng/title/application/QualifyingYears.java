package cn.chifeng.title.application;

import java.time.LocalDate;
import java.time.Period;

/**
 * SEA-4: full years as of the qualification cutoff. N years as of the cutoff means the period started on or before
 * the cutoff minus N years (a start on 2020-07-15 gives 5 years on 2025-07-15, one on 2020-07-16 gives 4).
 */
public final class QualifyingYears {
    private QualifyingYears() {
    }

    public static int fullYears(LocalDate start, LocalDate cutoff) {
        if (start == null || start.isAfter(cutoff)) {
            return 0;
        }
        int years = Period.between(start, cutoff).getYears();
        // the definition, not Period's month arithmetic, decides at the edges (a start on 02-29)
        while (years > 0 && start.isAfter(cutoff.minusYears(years))) {
            years--;
        }
        while (!start.isAfter(cutoff.minusYears(years + 1L))) {
            years++;
        }
        return years;
    }

    /** Years that ELI-1 counts: professional work for an 助理级 application, otherwise years in the current title. */
    public static int forSeriesConditions(Dossier d, LocalDate cutoff) {
        return d.target() == Level.ASSISTANT ? fullYears(d.workStartDate(), cutoff)
                : fullYears(d.currentTitleDate(), cutoff);
    }
}
