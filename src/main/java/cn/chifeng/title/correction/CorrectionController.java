package cn.chifeng.title.correction;

import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.common.ApiException;

/**
 * The applicant's answer to the correction notice ({@code POST /api/applications/{id}/corrections}, COR-3/COR-4) and
 * the written notice itself, printable ({@code GET /api/applications/{id}/correction-notice}, COR-1).
 */
@RestController
class CorrectionController {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ApplicationService applications;
    private final CorrectionNotices notices;

    private final String template;

    private final CorrectionAnswers answers;

    CorrectionController(ApplicationService applications, CorrectionNotices notices, CorrectionAnswers answers,
                         @org.springframework.beans.factory.annotation.Value("${title.correction.notice-template}")
                         org.springframework.core.io.Resource template) throws java.io.IOException {
        this.answers = answers;
        this.template = template.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        this.applications = applications;
        this.notices = notices;
    }

    @PostMapping("/api/applications/{id}/corrections")
    Map<String, Object> answer(@PathVariable String id, @RequestBody(required = false) Map<String, String> body) {
        ApplicationRecord after = answers.answer(id, body == null ? null : body.get("answer"));
        return Map.of("applicationId", id, "status", after.status().name(), "statusLabel", after.status().label());
    }

    @GetMapping(value = "/api/applications/{id}/correction-notice", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String document(@PathVariable String id) {
        ApplicationRecord a = applications.read(id);
        CorrectionNotice n = notices.of(id).orElseThrow(() -> ApiException.notFound("该申报没有补正告知"));
        StringBuilder items = new StringBuilder();
        for (String line : n.items().split("\\R")) {
            if (!line.isBlank()) {
                items.append("<li>").append(HtmlUtils.htmlEscape(line.trim().replaceFirst("^\\d+[.、．)）]\\s*", "")))
                        .append("</li>");
            }
        }
        Map<String, String> values = new java.util.HashMap<>();
        values.put("applicantName", HtmlUtils.htmlEscape(a.applicantName()));
        values.put("applicationId", HtmlUtils.htmlEscape(a.id()));
        values.put("season", Integer.toString(a.season()));
        values.put("seriesLabel", cn.chifeng.title.code.Series.valueOf(a.series()).label());
        values.put("targetLevelLabel", cn.chifeng.title.code.Level.valueOf(a.targetLevel()).label());
        values.put("items", items.toString());
        values.put("deadline", n.deadline().format(DAY));
        values.put("workingDays", Integer.toString(n.workingDays()));
        values.put("issuedOn", n.issuedAt().toLocalDate().format(DAY));
        return cn.chifeng.title.common.Placeholders.fill(template, values);
    }
}
