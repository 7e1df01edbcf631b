package cn.chifeng.title.roster;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.common.Attachments;
import cn.chifeng.title.security.ReportingBodies;

/**
 * A reporting body's rosters and statistics as .xlsx (ROS-1…ROS-3), for its own applications only
 * ({@link ReportingBodies}); {@code ?body=} picks the body of a user in several:
 * <ul>
 * <li>{@code GET /api/reports/{season}/rosters/{band}.xlsx} — 花名册, band SENIOR (高级), INTERMEDIATE, JUNIOR</li>
 * <li>{@code GET /api/reports/{season}/health-roster.xlsx} — 申报卫生健康高级专业技术职称花名册（卫生系统用表）</li>
 * <li>{@code GET /api/reports/{season}/statistics.xlsx} — 岗位数及申报人数统计表（附件3）</li>
 * </ul>
 */
@RestController
class ReportController {
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping({"/api/reports/{season}/rosters/{band}.xlsx", "/staff/reports/{season}/rosters/{band}.xlsx"})
    ResponseEntity<byte[]> roster(@PathVariable("season") int season, @PathVariable("band") String band,
                                  @RequestParam(name = "body", required = false) String body) {
        return download(reports.roster(season, band, body));
    }

    @GetMapping({"/api/reports/{season}/health-roster.xlsx", "/staff/reports/{season}/health-roster.xlsx"})
    ResponseEntity<byte[]> healthRoster(@PathVariable("season") int season,
                                        @RequestParam(name = "body", required = false) String body) {
        return download(reports.healthRoster(season, body));
    }

    @GetMapping({"/api/reports/{season}/statistics.xlsx", "/staff/reports/{season}/statistics.xlsx"})
    ResponseEntity<byte[]> statistics(@PathVariable("season") int season,
                                      @RequestParam(name = "body", required = false) String body) {
        return download(reports.statistics(season, body));
    }

    private static ResponseEntity<byte[]> download(Reports.Report report) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        Attachments.attachment(report.fileName(), report.asciiFileName()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(report.content());
    }
}
