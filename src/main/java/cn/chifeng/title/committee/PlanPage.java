package cn.chifeng.title.committee;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.Dossiers;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.security.CurrentUser;
import cn.chifeng.title.security.RunAs;

/**
 * The committee office's staff page to draft and file a session's plan (EVA-3), linked from its 评委会办事机构复核
 * form: the applications waiting for this committee to tick, the meeting's date, place, procedure and measures;
 * filing goes through the same rules as {@code POST /api/evaluation-sessions} and opens the session's page.
 */
@RestController
class PlanPage {
    private final SessionService plans;
    private final Sessions sessions;
    private final ApplicationRepository applications;
    private final Dossiers dossiers;
    private final OrganisationDirectory organisations;
    private final SeasonService seasons;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final CurrentUser currentUser;

    PlanPage(SessionService plans, Sessions sessions, ApplicationRepository applications, Dossiers dossiers,
             OrganisationDirectory organisations, SeasonService seasons, RuntimeService runtime,
             IdentityService identity, CurrentUser currentUser) {
        this.plans = plans;
        this.sessions = sessions;
        this.applications = applications;
        this.dossiers = dossiers;
        this.organisations = organisations;
        this.seasons = seasons;
        this.runtime = runtime;
        this.identity = identity;
        this.currentUser = currentUser;
    }

    @GetMapping(value = "/staff/committees/{committee}/sessions/new", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> form(@PathVariable("committee") String committee, HttpServletRequest request) {
        return render(committee, request, HttpStatus.OK, Map.of(), null);
    }

    @PostMapping(value = "/staff/committees/{committee}/sessions", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> file(@PathVariable("committee") String committee,
                                @RequestParam Map<String, String> fields,
                                @RequestParam(name = "applicationIds", required = false) List<String> ids,
                                HttpServletRequest request) {
        LocalDate meeting;
        try {
            meeting = fields.get("meetingDate") == null || fields.get("meetingDate").isBlank() ? null
                    : LocalDate.parse(fields.get("meetingDate"));
        } catch (DateTimeParseException e) {
            return render(committee, request, HttpStatus.BAD_REQUEST, fields, "会议日期须为 YYYY-MM-DD");
        }
        try {
            Sessions.Session s = plans.file(new SessionService.Plan(committee, number(fields.get("season")),
                    fields.get("series"), fields.get("targetLevel"), fields.get("specialty"),
                    fields.get("evaluationGroup"), meeting, fields.get("place"), fields.get("procedure"),
                    fields.get("measures"), number(fields.get("committeeSize")), number(fields.get("reserveSize")),
                    blankToNull(fields.get("selfEvaluatingUnit")), ids == null ? List.of() : ids));
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/staff/sessions/" + s.id()).build();
        } catch (ApiException e) {
            return render(committee, request, e.status(), fields, StaffHtml.message(e));
        }
    }

    /** The session as its office (and the approving department, supervisors) see it. */
    @GetMapping(value = "/staff/sessions/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> session(@PathVariable("id") String id) {
        Sessions.Session s;
        try {
            s = plans.readable(id);
        } catch (ApiException e) {
            return page(HttpStatus.FORBIDDEN, "评审会议", "<p class=error>无权查看该评审会议</p>");
        }
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(htmlEscape(organisations.groupName(s.committee()))).append("　")
                .append(htmlEscape(s.meetingDate().toString())).append("　").append(htmlEscape(s.place()))
                .append("</p><p>状态：<strong>").append(htmlEscape(s.status().label())).append("</strong>")
                .append(s.returnReason() == null ? "" : "（退回意见：" + htmlEscape(s.returnReason()) + "）")
                .append("</p><p>下一步请在任务列表中办理本会议的任务；详细记录（抽取、表决结果）：<a href=\"/api/evaluation-sessions/")
                .append(htmlEscape(id)).append("\">评审会议记录</a></p><table><tr><th>评审代号</th><th>申报人</th>"
                        + "<th>工作单位</th><th>结果</th></tr>");
        for (Sessions.Item item : sessions.items(id)) {
            ApplicationRecord a = applications.find(item.applicationId()).orElseThrow();
            b.append("<tr><td>").append(htmlEscape(item.pseudonym())).append("</td><td>")
                    .append(htmlEscape(a.applicantName())).append("</td><td>").append(htmlEscape(a.employerName()))
                    .append("</td><td>").append(item.outcome() == null ? "—" : htmlEscape(item.outcome()))
                    .append("</td></tr>");
        }
        b.append("</table>");
        if (s.status() == SessionStatus.CONFIRMED) {
            b.append("<p>评审结果已确认：<a href=\"/api/evaluation-sessions/").append(htmlEscape(id))
                    .append("/export.xlsx\">导出评审通过人员（上传内蒙古人才信息库）</a>；评审通过人员已取得可验证的职称评审结果证明。</p>");
        }
        return page(HttpStatus.OK, "评审会议 " + htmlEscape(id), b.toString());
    }

    /** Applications of this committee waiting for a session and not in one. */
    private List<ApplicationRecord> waiting(String committee) {
        List<String> businessKeys = RunAs.system(identity, () -> runtime.createProcessInstanceQuery()
                .activityIdIn(TitleApplicationProcess.RECEIVE_COMMITTEE_EVALUATION)
                .variableValueEquals(TitleApplicationProcess.Vars.COMMITTEE_GROUP, committee).list().stream()
                .map(org.camunda.bpm.engine.runtime.ProcessInstance::getBusinessKey).toList());
        List<ApplicationRecord> out = new ArrayList<>();
        for (String key : businessKeys) {
            applications.find(key).filter(a -> sessions.openSessionOf(a.id()).isEmpty()).ifPresent(out::add);
        }
        return out;
    }

    private ResponseEntity<String> render(String committee, HttpServletRequest request, HttpStatus status,
                                          Map<String, String> values, String error) {
        if (organisations.body(committee).filter(b -> b.kind() == OrganisationDirectory.BodyKind.COMMITTEE_OFFICE)
                .isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "报送评审会议方案", "<p class=error>评委会（办事机构）不存在</p>");
        }
        if (!currentUser.isAdmin() && !currentUser.inGroup(committee)) {
            return page(HttpStatus.FORBIDDEN, "报送评审会议方案", "<p class=error>只有该评委会办事机构可以报送评审方案</p>");
        }
        List<ApplicationRecord> waiting = waiting(committee);
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(htmlEscape(organisations.groupName(committee)))
                .append("：评审实施方案须在评审会议召开前报送核准部门，经同意后抽取专家、开展评审（通知 五(二)2）。</p>");
        if (error != null) {
            b.append("<p class=error>").append(htmlEscape(error)).append("</p>");
        }
        b.append("<form method=post action=\"/staff/committees/").append(htmlEscape(committee)).append("/sessions\">")
                .append(StaffHtml.csrfField(request));
        String season = values.getOrDefault("season", String.valueOf(seasons.today().getYear()));
        field(b, "season", "评审年度", season, "number");
        b.append("<label>职称系列<select name=series>");
        for (Series s : Series.values()) {
            b.append("<option value=").append(s.name()).append(s.name().equals(values.get("series")) ? " selected" : "")
                    .append(">").append(htmlEscape(s.label())).append("</option>");
        }
        b.append("</select></label><label>评审层级<select name=targetLevel>");
        for (Level l : List.of(Level.ASSISTANT, Level.INTERMEDIATE, Level.ASSOCIATE_SENIOR, Level.SENIOR)) {
            b.append("<option value=").append(l.name()).append(l.name().equals(values.get("targetLevel")) ? " selected" : "")
                    .append(">").append(htmlEscape(l.label())).append("</option>");
        }
        b.append("</select></label>");
        field(b, "specialty", "评审专业", values.getOrDefault("specialty", ""), "text");
        b.append("<label>评审分组<select name=evaluationGroup>");
        for (String[] g : new String[][] {{"ALL", "全部"}, {"GENERAL", "常规"}, {"GRASSROOTS", "旗县区及苏木乡镇"},
                {"NON_PUBLIC", "非公有制经济组织和社会组织"}}) {
            b.append("<option value=").append(g[0]).append(g[0].equals(values.get("evaluationGroup")) ? " selected" : "")
                    .append(">").append(g[1]).append("</option>");
        }
        b.append("</select></label>");
        field(b, "meetingDate", "会议日期", values.getOrDefault("meetingDate", ""), "date");
        field(b, "place", "会议地点", values.getOrDefault("place", ""), "text");
        area(b, "procedure", "评审工作程序", values.getOrDefault("procedure", ""));
        area(b, "measures", "工作措施（纪律、保密、回避）", values.getOrDefault("measures", ""));
        field(b, "committeeSize", "评委会组成人数", values.getOrDefault("committeeSize", "7"), "number");
        field(b, "reserveSize", "备选专家人数", values.getOrDefault("reserveSize", "2"), "number");
        field(b, "selfEvaluatingUnit", "自主评审单位统一社会信用代码（如适用）", values.getOrDefault("selfEvaluatingUnit", ""),
                "text");
        b.append("<fieldset><legend>待评委会评审的申报（勾选本次会议评审的）</legend>");
        if (waiting.isEmpty()) {
            b.append("<p>暂无待评审的申报。</p>");
        }
        for (ApplicationRecord a : waiting) {
            String specialty = dossiers.parse(a.dossierJson()).specialty();
            b.append("<label class=item><input type=checkbox name=applicationIds value=\"").append(htmlEscape(a.id()))
                    .append("\"> ").append(htmlEscape(a.applicantName())).append("　")
                    .append(htmlEscape(Series.valueOf(a.series()).label())).append(htmlEscape(
                            Level.valueOf(a.targetLevel()).label())).append("　").append(htmlEscape(specialty))
                    .append("　").append(htmlEscape(a.employerName())).append("（").append(htmlEscape(a.id()))
                    .append("）</label>");
        }
        b.append("</fieldset><button>报送评审方案</button></form>");
        return page(status, "报送评审会议方案", b.toString());
    }

    private static void field(StringBuilder b, String name, String label, String value, String type) {
        b.append("<label>").append(label).append("<input type=").append(type).append(" name=").append(name)
                .append(" value=\"").append(htmlEscape(value)).append("\"></label>");
    }

    private static void area(StringBuilder b, String name, String label, String value) {
        b.append("<label>").append(label).append("<textarea name=").append(name).append(" rows=3 maxlength=4000>")
                .append(htmlEscape(value)).append("</textarea></label>");
    }

    private static Integer number(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        return StaffHtml.page(status, title, body, "body{max-width:900px}label{display:block;margin:.5em 0}"
                + "input,select,textarea{display:block;width:100%;max-width:40em}"
                + "label.item input{display:inline;width:auto}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ddd;padding:.3em .6em}");
    }
}
