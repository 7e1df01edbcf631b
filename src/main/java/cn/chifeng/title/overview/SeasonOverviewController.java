package cn.chifeng.title.overview;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/season/{year}}: the season at a glance (ROS-4) for staff — the timetable and the counts
 * of the caller's reporting scope ({@code ?body=} for a user of several bodies).
 */
@RestController
class SeasonOverviewController {
    private final SeasonOverviews overviews;

    SeasonOverviewController(SeasonOverviews overviews) {
        this.overviews = overviews;
    }

    @GetMapping("/api/reports/season/{year}")
    SeasonOverview get(@PathVariable("year") String year, @RequestParam(name = "body", required = false) String body) {
        return overviews.of(year, body);
    }
}
