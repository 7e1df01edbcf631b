package cn.chifeng.title.correction;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.process.TitleApplicationProcess;

/**
 * The applicant's answer to the correction notice ({@code POST /api/applications/{id}/corrections}, COR-3/COR-4) and
 * the written notice itself, printable ({@code GET /api/applications/{id}/correction-notice}, COR-1).
 */
@RestController
class CorrectionController {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ApplicationService applications;
    private final ApplicationRepository register;
    private final CorrectionNotices notices;
    private final RuntimeService runtime;
    private final Clock clock;

    private final String template;

    CorrectionController(ApplicationService applications, ApplicationRepository register, CorrectionNotices notices,
                         RuntimeService runtime, Clock clock,
                         @org.springframework.beans.factory.annotation.Value("${title.correction.notice-template}")
                         org.springframework.core.io.Resource template) throws java.io.IOException {
        this.template = template.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        this.applications = applications;
        this.register = register;
        this.notices = notices;
        this.runtime = runtime;
        this.clock = clock;
    }

    @PostMapping("/api/applications/{id}/corrections")
    @Transactional
    Map<String, Object> answer(@PathVariable String id, @RequestBody(required = false) Map<String, String> body) {
        ApplicationRecord a = applications.ownApplication(id);
        CorrectionNotice notice = notices.of(id).orElse(null);
        if (a.status() != ApplicationStatus.CORRECTION_REQUESTED || notice == null) {
            throw ApiException.conflict("NO_CORRECTION_REQUESTED", "该申报没有待补正的告知（当前状态：" + a.status().label() + "）");
        }
        OffsetDateTime now = Zones.now(clock);
        if (now.toLocalDate().isAfter(notice.deadline())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "CORRECTION_DEADLINE_PASSED",
                    "补正时限已于 " + notice.deadline() + " 届满，逾期未补充更正的视为放弃申报");
        }
        String answer = cn.chifeng.title.common.Texts.require("answer", body == null ? null : body.get("answer"),
                "补正说明（逐项对应告知书说明已补充更正的材料）", 2000);
        notices.answer(id, now, answer.trim());
        runtime.createMessageCorrelation(TitleApplicationProcess.MESSAGE_CORRECTION_SUPPLIED)
                .processInstanceId(a.processInstanceId()).correlate();
        ApplicationRecord after = register.find(id).orElseThrow();
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
