package cn.chifeng.title.publicity;

import cn.chifeng.title.process.PublicityProcess;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.application.Dossiers;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.season.WorkingDayCalendar;
import cn.chifeng.title.security.CurrentUser;
import cn.chifeng.title.security.RunAs;

/**
 * Publishes a batch of applications for N working days (PUB-1), takes objections during the period and routes each
 * to the body that must investigate it (PUB-2), and lets each application go on when the period is over and every
 * objection about it is resolved.
 */
@Service
public class PublicityService {
    public static final String RESULTS = "RESULTS";
    /** What an objector may write (an engine string variable holds at most 4000 characters). */
    public static final int OBJECTION_MAX_LENGTH = 2000;

    private final Publications publications;
    private final org.springframework.beans.factory.ObjectProvider<NoticeWork> noticeWork;
    private final ApplicationRepository applications;
    private final WorkingDayCalendar calendar;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final IdentityService identity;
    private final NotificationOutbox outbox;
    private final Dossiers dossiers;
    private final SeasonService seasons;
    /** PUB-1, REV-1, REV-3: a notice runs at least this many working days, and this many unless asked for more. */
    private final int minimumWorkingDays;
    /** The demo's switch: a notice ends this long after it is published (zero: after its working days). */
    private final java.time.Duration demoPeriod;

    PublicityService(org.springframework.beans.factory.ObjectProvider<NoticeWork> noticeWork, Publications publications, ApplicationRepository applications, WorkingDayCalendar calendar,
                     RuntimeService runtime, CurrentUser currentUser, Clock clock, IdentityService identity,
                     NotificationOutbox outbox, Dossiers dossiers, SeasonService seasons,
                     @org.springframework.beans.factory.annotation.Value("${title.publicity.minimum-working-days:5}")
                     int minimumWorkingDays,
                     @org.springframework.beans.factory.annotation.Value("${title.publicity.demo-period:0}")
                     java.time.Duration demoPeriod) {
        this.minimumWorkingDays = minimumWorkingDays;
        if (demoPeriod.isNegative()) {
            throw new IllegalArgumentException("title.publicity.demo-period 不能为负数: " + demoPeriod);
        }
        this.demoPeriod = demoPeriod;
        this.identity = identity;
        this.outbox = outbox;
        this.dossiers = dossiers;
        this.seasons = seasons;
        this.publications = publications;
        this.noticeWork = noticeWork;
        this.applications = applications;
        this.calendar = calendar;
        this.runtime = runtime;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return Zones.now(clock);
    }

    /** The committee office publishes the results of its applications waiting for publicity (PUB-1). */
    @Transactional
    public Publications.Publication publishResults(List<String> applicationIds, LocalDate start, Integer workingDays,
                                                   String title) {
        return publish(RESULTS, applicationIds, start, workingDays, title);
    }

    /**
     * Publishes a batch: RESULTS by the committee office (PUB-1), UNIT_NOMINEES by the unit (REV-1), ROSTER by the
     * county HR bureau or city competent department (REV-3) — each only for applications waiting for that notice.
     */
    @Transactional
    public Publications.Publication publish(String kind, List<String> applicationIds, LocalDate start,
                                            Integer workingDays, String title) {
        if (!List.of(RESULTS, "UNIT_NOMINEES", "ROSTER").contains(kind)) {
            throw ApiException.invalid("kind", "公示类别须为 RESULTS（评审结果）、UNIT_NOMINEES（单位推荐人选）或 ROSTER（花名册）");
        }
        if (applicationIds == null || applicationIds.isEmpty()) {
            throw ApiException.invalid("applicationIds", "请列出要公示的申报");
        }
        title = cn.chifeng.title.common.Texts.optional("title", title, "公示标题", 200);
        int days = workingDays == null ? minimumWorkingDays : workingDays;
        if (days < minimumWorkingDays) {
            throw ApiException.invalid("workingDays", "公示期不少于" + minimumWorkingDays + "个工作日");
        }
        LocalDate first = start == null ? now().toLocalDate() : start;
        if (first.isBefore(now().toLocalDate())) {
            throw ApiException.invalid("start", "公示开始日期不能早于今天");
        }
        String publisher = null;
        for (String id : applicationIds) {
            ApplicationRecord a = applications.find(id).orElseThrow(() -> ApiException.invalid("applicationIds",
                    "申报 " + id + " 不存在"));
            Map<String, Object> v = a.status() != ApplicationStatus.IN_PUBLICITY ? Map.of()
                    : RunAs.system(identity, () -> runtime.getVariables(a.processInstanceId(),
                            List.of("stagePublicity", "publicityGroup", TitleApplicationProcess.Vars.COMMITTEE_GROUP)));
            boolean waiting = a.status() == ApplicationStatus.IN_PUBLICITY && !publications.inOpenPublication(id)
                    && (RESULTS.equals(kind) ? a.currentStage() == null : kind.equals(v.get("stagePublicity")));
            if (!waiting) {
                throw ApiException.conflict("NOT_AWAITING_PUBLICITY", "申报 " + id + " 不在待此类公示的状态或已在公示中");
            }
            String group = (String) (RESULTS.equals(kind) ? v.get(TitleApplicationProcess.Vars.COMMITTEE_GROUP)
                    : v.get("publicityGroup"));
            if (publisher != null && !publisher.equals(group)) {
                throw ApiException.invalid("applicationIds", "一次公示只能包含同一机构的申报");
            }
            publisher = group;
        }
        String committee = publisher;
        if (!currentUser.isAdmin() && !currentUser.inGroup(committee)) {
            throw ApiException.forbidden("只有负责本次公示的机构可以发布公示");
        }
        WorkingDayCalendar.PeriodEnd end = calendar.periodEnd(first, days);
        String id = cn.chifeng.title.common.Ids.unused(() -> cn.chifeng.title.common.Ids.next("GS" + first.getYear()
                + "-"), drawn -> publications.find(drawn).isPresent());
        String defaultTitle = RESULTS.equals(kind) ? "职称评审结果公示"
                : "UNIT_NOMINEES".equals(kind) ? "职称申报推荐人选公示" : "职称申报人员花名册公示";
        Ending ending = ending(end.end(), now().toInstant(), demoPeriod);
        String shown = (title == null || title.isBlank() ? defaultTitle : title.trim()) + ending.titleNote();
        if (!demoPeriod.isZero()) {
            org.slf4j.LoggerFactory.getLogger(PublicityService.class).warn("演示设置：公示 {} 的公示期缩短为{}", id,
                    spoken(demoPeriod));
        }
        java.time.Instant ends = ending.at();
        java.time.Instant endsAt = ends;
        Publications.Publication p = new Publications.Publication(id, kind, committee, shown, first, days, end.end(),
                end.official(), false, null, currentUser.id(), now());
        publications.insert(p, applicationIds);
        var instance = RunAs.system(identity, () -> runtime.startProcessInstanceByKey(PublicityProcess.KEY, id,
                Variables.createVariables().putValue(PublicityProcess.Vars.PUBLICATION_ID, id)
                        .putValue(PublicityProcess.Vars.PUBLICITY_END, Date.from(endsAt))));
        publications.setProcessInstance(id, instance.getId());
        tell(p, applicationIds);
        noticeWork.ifAvailable(w -> w.published(committee, kind));
        return publications.find(id).orElseThrow();
    }

    /** When a notice's timer fires, and what its title says of it. */
    record Ending(java.time.Instant at, String titleNote) {
    }

    /**
     * A notice ends at midnight (China) after its last working day; with the demo's switch ({@code
     * title.publicity.demo-period} above zero) that long after it is published, and its title says so.
     */
    static Ending ending(LocalDate lastDay, java.time.Instant publishedAt, java.time.Duration demoPeriod) {
        if (!demoPeriod.isZero()) {
            return new Ending(publishedAt.plus(demoPeriod), "（演示：公示期缩短为" + spoken(demoPeriod) + "）");
        }
        return new Ending(lastDay.plusDays(1).atStartOfDay(Zones.CHINA).toInstant(), "");
    }

    /** A demo period in Chinese: whole minutes as 分钟 (3分钟), anything else in seconds (90秒). */
    static String spoken(java.time.Duration period) {
        return period.getSeconds() % 60 == 0 && period.getNano() == 0 ? period.toMinutes() + "分钟"
                : Math.max(1, (period.toMillis() + 999) / 1000) + "秒";
    }

    /** Each applicant hears that the notice started; the publisher is warned if it ends after the review close. */
    private void tell(Publications.Publication p, List<String> applicationIds) {
        LocalDate reviewClose = null;
        for (String id : applicationIds) {
            ApplicationRecord a = applications.find(id).orElseThrow();
            Map<String, String> values = cn.chifeng.title.notification.MessageValues.of(a);
            values.put("title", p.title());
            values.put("start", p.startDate().toString());
            values.put("end", p.endDate().toString());
            outbox.enqueue("PUBLICITY_STARTED", id, a.applicantUserId(), dossiers.parse(a.dossierJson()).email(),
                    values);
            reviewClose = seasons.find(a.season()).map(s -> s.forSeries(a.series()).reviewClose()).orElse(null);
        }
        if (!RESULTS.equals(p.kind()) && reviewClose != null && p.endDate().isAfter(reviewClose)) {
            outbox.enqueueToMembers("NOTICE_ENDS_AFTER_REVIEW_CLOSE", null, p.publisherGroup(), Map.of(
                    "title", p.title(), "end", p.endDate().toString(), "deadline", reviewClose.toString()));
        }
    }

    /** An objection during the period (PUB-2): about the evaluation → the committee; about materials → the unit. */
    @Transactional
    public long object(String publicationId, String applicationId, String about, String text) {
        return file(publicationId, applicationId, about, text, currentUser.id(), null, null, new ArrayList<>());
    }

    /** What a public objector may write as name and as contact. */
    public static final int OBJECTOR_NAME_MAX_LENGTH = 50;
    public static final int OBJECTOR_CONTACT_MAX_LENGTH = 100;
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile(
            "1\\d{10}|0\\d{2,3}-?\\d{7,8}");
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile(
            "[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * An objection from the public notice board (PUB-2), without an account but under a real name (实名) with a phone
     * number or e-mail address, routed like {@link #object}. Name and contact are kept for the investigating body
     * (and administrators) only: the notice shows neither, not even to the person objected to.
     */
    @Transactional
    public long objectPublicly(String publicationId, String applicationId, String about, String text,
                               String objectorName, String objectorContact) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        String nameProblem = cn.chifeng.title.common.Texts.problem(objectorName, "真实姓名", OBJECTOR_NAME_MAX_LENGTH,
                true);
        if (nameProblem == null && objectorName.trim().length() < 2) {
            nameProblem = "请填写真实姓名（至少2个字）";
        }
        if (nameProblem != null) {
            errors.add(new ApiException.FieldError("objectorName", nameProblem));
        }
        String contact = objectorContact == null ? null : objectorContact.trim();
        String contactProblem = cn.chifeng.title.common.Texts.problem(objectorContact, "联系电话或电子邮箱",
                OBJECTOR_CONTACT_MAX_LENGTH, true);
        if (contactProblem == null && !PHONE.matcher(contact).matches() && !EMAIL.matcher(contact).matches()) {
            contactProblem = "请填写有效的手机号码、固定电话（如 0476-8888888）或电子邮箱";
        }
        if (contactProblem != null) {
            errors.add(new ApiException.FieldError("objectorContact", contactProblem));
        }
        return file(publicationId, applicationId, about, text, null,
                nameProblem == null ? objectorName.trim() : null, contact, errors);
    }

    private long file(String publicationId, String applicationId, String about, String text, String filedBy,
                      String objectorName, String objectorContact, List<ApiException.FieldError> errors) {
        Publications.Publication p = publications.find(publicationId)
                .orElseThrow(() -> ApiException.notFound("公示 " + publicationId + " 不存在"));
        if (!publications.applications(publicationId).contains(applicationId)) {
            errors.add(new ApiException.FieldError("applicationId", "该申报不在本次公示中"));
        }
        if (!"EVALUATION".equals(about) && !"MATERIALS".equals(about)) {
            errors.add(new ApiException.FieldError("about", "异议类别须为 EVALUATION（涉及评审工作）或 MATERIALS（涉及材料真实性）"));
        }
        String textProblem = cn.chifeng.title.common.Texts.problem(text, "异议内容", OBJECTION_MAX_LENGTH, true);
        if (textProblem != null) {
            errors.add(new ApiException.FieldError("text", textProblem));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        LocalDate today = now().toLocalDate();
        if (p.ended() || today.isBefore(p.startDate()) || today.isAfter(p.endDate())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "NOT_IN_PUBLICITY_PERIOD",
                    "公示期为 " + p.startDate() + " 至 " + p.endDate() + "，不在公示期内");
        }
        ApplicationRecord a = applications.find(applicationId).orElseThrow();
        @SuppressWarnings("unchecked")
        String investigator = "EVALUATION".equals(about) ? p.publisherGroup()
                : RunAs.system(identity, () -> ((List<String>) runtime.getVariable(a.processInstanceId(),
                        TitleApplicationProcess.Vars.ROUTE_GROUPS)).get(0));
        long objectionId = publications.insertObjection(publicationId, applicationId, about, text.trim(),
                filedBy, objectorName, objectorContact, now(), investigator);
        RunAs.system(identity, () -> {
            runtime.createMessageCorrelation(PublicityProcess.MESSAGE_OBJECTION_FILED).processInstanceId(p.processInstanceId())
                    .setVariablesLocal(Map.of(PublicityProcess.Vars.OBJECTION_ID, objectionId,
                            PublicityProcess.Vars.APPLICATION_ID, applicationId,
                            PublicityProcess.Vars.INVESTIGATOR_GROUP, investigator,
                            PublicityProcess.Vars.OBJECTION_TEXT, text.trim(),
                            PublicityProcess.Vars.ABOUT_LABEL, "EVALUATION".equals(about) ? "涉及评审工作" : "涉及材料真实性",
                            PublicityProcess.Vars.APPLICATION_LINK, "/api/applications/" + applicationId))
                    .correlate();
            return null;
        });
        return objectionId;
    }

    /** Lets the application go on if the period is over and no objection about it is open. */
    void clearIfDone(String publicationId, String applicationId) {
        Publications.Publication p = publications.find(publicationId).orElseThrow();
        if (!p.ended() || publications.openObjections(publicationId, applicationId) > 0) {
            return;
        }
        publications.markCleared(publicationId, applicationId);
        ApplicationRecord a = applications.find(applicationId).orElseThrow();
        runtime.createMessageCorrelation(TitleApplicationProcess.MESSAGE_PUBLICITY_CLEARED)
                .processInstanceId(a.processInstanceId()).correlate();
    }

    void close(String publicationId) {
        publications.markEnded(publicationId);
        for (String applicationId : publications.applications(publicationId)) {
            clearIfDone(publicationId, applicationId);
        }
    }
}
