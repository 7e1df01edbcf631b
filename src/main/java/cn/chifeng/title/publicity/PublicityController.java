package cn.chifeng.title.publicity;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.security.CurrentUser;

/** Result publicity: {@code POST /api/publications}, {@code GET /api/publications/{id}}, objections. */
@RestController
class PublicityController {
    private final PublicityService publicity;
    private final Publications publications;
    private final CurrentUser currentUser;

    PublicityController(PublicityService publicity, Publications publications, CurrentUser currentUser) {
        this.publicity = publicity;
        this.publications = publications;
        this.currentUser = currentUser;
    }

    @PostMapping("/api/publications")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> publish(@RequestBody(required = false) Request r) {
        if (r == null) {
            throw ApiException.invalid("body", "请提交公示信息（JSON）");
        }
        return view(publicity.publish(r.kind() == null ? PublicityService.RESULTS : r.kind(), r.applicationIds(),
                r.start(), r.workingDays(), r.title()));
    }

    @GetMapping("/api/publications/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return view(publications.find(id).orElseThrow(() -> ApiException.notFound("公示 " + id + " 不存在")));
    }

    @PostMapping("/api/publications/{id}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> object(@PathVariable String id, @RequestBody(required = false) Map<String, String> body) {
        Map<String, String> b = body == null ? Map.of() : body;
        long objectionId = publicity.object(id, b.get("applicationId"), b.get("about"), b.get("text"));
        return Map.of("objectionId", objectionId, "publicationId", id, "message", "异议已受理，将由负责核查的机构处理；"
                + "异议人的身份和异议内容只有核查机构可见");
    }

    private Map<String, Object> view(Publications.Publication p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("publicationId", p.id());
        m.put("kind", p.kind());
        m.put("title", p.title());
        m.put("publisher", p.publisherGroup());
        m.put("start", p.startDate());
        m.put("workingDays", p.workingDays());
        m.put("end", p.endDate());
        m.put("officialCalendar", p.officialCalendar());
        m.put("ended", p.ended());
        m.put("applicationIds", publications.applications(p.id()));
        // PUB-2 privacy: who objected and what they wrote is for the body that investigates it (and administrators);
        // everybody else — the person objected to included — sees only how many objections there are
        List<Publications.Objection> all = publications.objections(p.id());
        m.put("objectionCount", all.size());
        List<Publications.Objection> mine = all.stream()
                .filter(o -> currentUser.isAdmin() || currentUser.inGroup(o.investigatorGroup())).toList();
        if (!mine.isEmpty()) {
            m.put("objections", mine);
        }
        return m;
    }

    /** A publication: kind RESULTS (default), UNIT_NOMINEES or ROSTER. */
    record Request(String kind, List<String> applicationIds, LocalDate start, Integer workingDays, String title) {
    }
}
