package cn.chifeng.title.season;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A season (评审年度, SEA-1) with its four dates and optional per-series overrides for 考评结合 series.
 *
 * @param applicationOpen   optional first day of the application window
 * @param seriesOverrides   series code → dates that differ for that series (any of the four, others inherited)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Season(Integer year, LocalDate applicationOpen, LocalDate applicationClose, LocalDate reviewClose,
                     LocalDate qualificationCutoff, LocalDate evaluationClose, Map<String, Dates> seriesOverrides) {

    /** Dates of a per-series override; null fields inherit the season's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dates(LocalDate applicationOpen, LocalDate applicationClose, LocalDate reviewClose,
                        LocalDate qualificationCutoff, LocalDate evaluationClose) {
    }

    /** The season as it applies to one series. */
    public Season forSeries(String series) {
        Dates o = seriesOverrides == null || series == null ? null : seriesOverrides.get(series);
        if (o == null) {
            return this;
        }
        return new Season(year, or(o.applicationOpen(), applicationOpen), or(o.applicationClose(), applicationClose),
                or(o.reviewClose(), reviewClose), or(o.qualificationCutoff(), qualificationCutoff),
                or(o.evaluationClose(), evaluationClose), null);
    }

    /** Whether the application window contains the day (SEA-2). */
    public boolean applicationWindowContains(LocalDate day) {
        return (applicationOpen == null || !day.isBefore(applicationOpen)) && !day.isAfter(applicationClose);
    }

    private static LocalDate or(LocalDate a, LocalDate b) {
        return a != null ? a : b;
    }
}
