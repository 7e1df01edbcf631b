package cn.chifeng.title.overview;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The season at a glance as a reporting body sees it: the timetable for everyone, the counts of its own scope.
 *
 * @param asOf the day the counts (and "overdue") are taken, in China
 */
record SeasonOverview(int year, LocalDate asOf, Scope scope, Timetable timetable, Totals totals,
                      List<Count> byStatus, List<Count> byStage, List<Count> byCounty) {

    /** Whose applications are counted: a county's, those routed through a body, or the whole city. */
    record Scope(String bodyId, String bodyName, String county, String routedThrough) {
    }

    /** 附件4: the season's dates, its per-series dates and each region's and department's own. */
    record Timetable(LocalDate applicationOpen, LocalDate applicationClose, LocalDate reviewClose,
                     LocalDate qualificationCutoff, LocalDate evaluationClose, List<SeriesDates> series,
                     List<BodyDates> bodies) {
    }

    /** A series whose dates differ from the season's (考评结合 series), every date as it applies to the series. */
    record SeriesDates(String series, String seriesLabel, LocalDate applicationOpen, LocalDate applicationClose,
                       LocalDate reviewClose, LocalDate qualificationCutoff, LocalDate evaluationClose) {
    }

    /**
     * A region (its county HR bureau) or department: the dates its units go by — its own earlier ones where it set
     * them ({@code …Own} true), the season's otherwise. Shown, not enforced. {@code kind}: COUNTY_HR for a region.
     */
    record BodyDates(String bodyId, String bodyName, String kind, String countyName, LocalDate applicationClose,
                     boolean applicationCloseOwn, LocalDate reviewClose, boolean reviewCloseOwn, String setBy,
                     OffsetDateTime setAt) {
    }

    /**
     * @param submitted every application submitted (all but drafts, withdrawn ones included)
     * @param overdue   in review (审核中) after the review close of its series
     * @param corrected with the committee office's one-time correction notice
     * @param passed    评审通过 and 已发证
     */
    record Totals(long submitted, long inReview, long overdue, long returned, long corrected, long withdrawn,
                  long passed, long notPassed, long rejected) {
    }

    /** One bar: a status, stage or county with its Chinese name and how many. */
    record Count(String code, String label, long count) {
    }
}
