package cn.chifeng.title.eligibility;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.application.QualifyingYears;

/**
 * The facts the eligibility decisions need, computed in Java as of the season's qualification cutoff (SEA-4);
 * the names are the input variables of the DMN decisions in {@code dmn/eligibility.dmn}.
 */
public final class EligibilityFacts {
    private EligibilityFacts() {
    }

    /**
     * @param cutoff        the season's qualification cutoff for the dossier's series
     * @param day           the day of submission (or of the what-if check)
     * @param record        what the archives say of the person: violations, once-only policies used, posts
     * @param places        which places of the service history count as county and as rural service
     */
    public static Map<String, Object> of(Dossier d, LocalDate cutoff, LocalDate day, Records record, Places places) {
        Map<String, Object> f = new LinkedHashMap<>();
        Level target = d.target();
        Level current = d.current();
        f.put("series", d.series());
        f.put("specialty", d.specialty());
        f.put("targetLevel", d.targetLevel());
        f.put("currentLevel", current.name());
        f.put("levelGap", target.ordinal() - Math.max(current.ordinal(), Level.MEMBER.ordinal()));
        f.put("education", d.education());
        f.put("employerType", d.employerType());
        f.put("employerLevel", d.employerLevel() == null ? "COUNTY" : d.employerLevel());
        f.put("evaluationType", d.evaluationType() == null ? "REGULAR" : d.evaluationType());
        f.put("qualifyingYears", QualifyingYears.forSeriesConditions(d, cutoff));
        f.put("yearsInTitle", QualifyingYears.fullYears(d.currentTitleDate(), cutoff));
        f.put("yearsOfWork", QualifyingYears.fullYears(d.workStartDate(), cutoff));
        f.put("yearsInRegion", QualifyingYears.fullYears(d.regionWorkStartDate(), cutoff));
        f.put("countyYears", ServiceYears.fullYears(d.serviceHistory(), places.county(), cutoff));
        f.put("townshipYears", ServiceYears.fullYears(d.serviceHistory(), places.rural(), cutoff));
        f.put("ruralYears", ServiceYears.fullYears(d.serviceHistory(), places.rural(), cutoff));
        f.put("ruralYearsSinceTitle", d.currentTitleDate() == null ? 0
                : ServiceYears.fullYearsSince(d.serviceHistory(), places.rural(), d.currentTitleDate(), cutoff));
        f.put("ruralMonthsThisYear", ServiceYears.monthsThisYear(d.serviceHistory(), places.rural(), cutoff));
        f.put("talentProgram", d.talentProgram() == null ? "NONE" : d.talentProgram());
        f.put("greenChannelUsed", Boolean.TRUE.equals(d.greenChannelUsed()) || record.greenChannelUsed());
        f.put("examValid", d.examPassDate() != null && !d.examPassDate().isAfter(cutoff)
                && (d.examValidUntil() == null || !d.examValidUntil().isBefore(cutoff)));
        f.put("frontlineMedical", Boolean.TRUE.equals(d.frontlineMedical()));
        f.put("frontlineTiltUsed", Boolean.TRUE.equals(d.frontlineTiltUsed()) || record.frontlineTiltUsed());
        f.put("continuingEducationDone", Boolean.TRUE.equals(d.continuingEducationDone()));
        f.put("assessmentPassed", Boolean.TRUE.equals(d.assessmentPassed()));
        f.put("onInnovationLeave", Boolean.TRUE.equals(d.onInnovationLeave()));
        f.put("violationDate", record.violationOn() == null ? "" : record.violationOn().toString());
        f.put("overPostRatio", record.overPostRatio());
        f.put("checkDate", day);
        return f;
    }

    /**
     * Which places of a service history count as county service (旗县区) and as rural service (苏木乡镇、嘎查村):
     * configuration {@code title.eligibility.county-places} and {@code rural-places}.
     */
    public record Places(Set<String> county, Set<String> rural) {
        public Places {
            county = Set.copyOf(county);
            rural = Set.copyOf(rural);
        }
    }

    /**
     * What the archives hold about the person and the unit.
     *
     * @param violationOn        the date of the latest violation recorded up to the day, or null (the DMN decides
     *                           whether it still bars)
     * @param overPostRatio      whether the unit's posts at the target level are full (null: not entered)
     */
    public record Records(LocalDate violationOn, boolean greenChannelUsed, boolean frontlineTiltUsed,
                          Boolean overPostRatio) {
        public static final Records NONE = new Records(null, false, false, null);
    }
}
