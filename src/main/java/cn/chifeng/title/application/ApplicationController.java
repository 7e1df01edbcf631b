package cn.chifeng.title.application;

import cn.chifeng.title.code.Level;

import cn.chifeng.title.code.Series;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.application.ReviewStep;
import cn.chifeng.title.process.Stage;

/** The applicant API (`/api/applications`). */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {
    private final ApplicationService service;
    private final ApplicationRepository applications;

    private final com.fasterxml.jackson.databind.ObjectMapper json;

    private final List<ApplicationViewPart> parts;

    ApplicationController(ApplicationService service, ApplicationRepository applications,
                          com.fasterxml.jackson.databind.ObjectMapper json, List<ApplicationViewPart> parts) {
        this.parts = parts;
        this.json = json;
        this.service = service;
        this.applications = applications;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> submit(@RequestBody(required = false) Dossier dossier) {
        if (dossier == null) {
            throw ApiException.invalid("body", "请提交申报信息（JSON）");
        }
        ApplicationRecord a = service.submit(dossier);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applicationId", a.id());
        body.put("status", a.status().name());
        body.put("statusLabel", a.status().label());
        body.put("route", a.route());
        body.put("currentStage", stage(a));
        body.put("statusReason", a.statusReason());
        return body;
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        ApplicationRecord a = service.read(id);
        Map<String, Object> body = json.convertValue(view(a, service.trail(id)), Map.class);
        parts.forEach(part -> part.contribute(a, body));
        return body;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) Integer season,
                             @RequestParam(required = false) String status,
                             @RequestParam(required = false) String stage,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        if (status != null) {
            try {
                ApplicationStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("status", "状态代码无效，可选值见 /api/reference");
            }
        }
        if (stage != null) {
            try {
                Stage.valueOf(stage);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("stage", "审核环节代码无效，可选值见 /api/reference");
            }
        }
        if (page < 0 || size < 1 || size > 200) {
            throw ApiException.invalid("size", "page 不能小于0，size 须在1到200之间");
        }
        var filter = service.visibleFilter(season, status, stage);
        List<ApplicationView> items = applications.search(filter, page, size).stream().map(a -> view(a, null)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("size", size);
        body.put("total", applications.count(filter));
        body.put("items", items);
        return body;
    }

    /** A draft (APP-6): checked like a submission, materials can be uploaded to it, then it is submitted. */
    @PostMapping("/drafts")
    @ResponseStatus(HttpStatus.CREATED)
    ApplicationView saveDraft(@RequestBody(required = false) Dossier dossier) {
        if (dossier == null) {
            throw ApiException.invalid("body", "请提交申报信息（JSON）");
        }
        return view(service.saveDraft(null, dossier), List.of());
    }

    @org.springframework.web.bind.annotation.PutMapping("/{id}/dossier")
    ApplicationView updateDraft(@PathVariable String id, @RequestBody(required = false) Dossier dossier) {
        if (dossier == null) {
            throw ApiException.invalid("body", "请提交申报信息（JSON）");
        }
        return view(service.saveDraft(id, dossier), List.of());
    }

    @GetMapping("/{id}/dossier")
    Dossier dossier(@PathVariable String id) {
        return service.dossierOf(id);
    }

    @PostMapping("/{id}/submit")
    ApplicationView submitDraft(@PathVariable String id) {
        return view(service.submitDraft(id), service.trail(id));
    }

    /** After a return (REV-8): with the corrected dossier as the body, or none to resubmit it unchanged. */
    @PostMapping("/{id}/resubmit")
    ApplicationView resubmit(@PathVariable String id, @RequestBody(required = false) Dossier corrected) {
        return view(service.resubmit(id, corrected), service.trail(id));
    }

    @PostMapping("/{id}/withdraw")
    ApplicationView withdraw(@PathVariable String id) {
        return view(service.withdraw(id), service.trail(id));
    }

    @PostMapping("/{id}/spot-check-return")
    ApplicationView spotCheckReturn(@PathVariable String id, @RequestBody(required = false) Map<String, String> body) {
        return view(service.spotCheckReturn(id, body == null ? null : body.get("comment")), service.trail(id));
    }

    private ApplicationView view(ApplicationRecord a, List<ReviewStep> trail) {
        return new ApplicationView(a.id(), a.season(), a.applicantUserId(), a.applicantName(), a.series(),
                Series.valueOf(a.series()).label(), a.targetLevel(), Level.valueOf(a.targetLevel()).label(),
                a.employerName(), a.county(), a.status().name(), a.status().label(), a.statusReason(), stage(a),
                a.route(),
                a.route().stream().map(s -> Stage.valueOf(s).label()).toList(), trail, a.submittedAt(),
                a.updatedAt());
    }

    private StageView stage(ApplicationRecord a) {
        if (a.currentStage() == null) {
            return null;
        }
        Stage s = Stage.valueOf(a.currentStage());
        return new StageView(s.name(), s.label());
    }

    /** What the API shows of an application. */
    record ApplicationView(String applicationId, int season, String applicantUserId, String applicantName,
                           String series, String seriesLabel, String targetLevel, String targetLevelLabel,
                           String employerName, String county, String status, String statusLabel,
                           String statusReason, StageView currentStage, List<String> route, List<String> routeNames,
                           List<ReviewStep> trail, OffsetDateTime submittedAt, OffsetDateTime updatedAt) {
    }

    record StageView(String code, String name) {
    }
}
