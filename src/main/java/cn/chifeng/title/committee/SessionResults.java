package cn.chifeng.title.committee;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.application.Dossiers;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Texts;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.notification.MessageValues;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.process.EvaluationSessionProcess;
import cn.chifeng.title.publicity.PublicityService;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.season.WorkingDayCalendar;
import cn.chifeng.title.security.CurrentUser;
import cn.chifeng.title.security.RunAs;

/**
 * From the vote to confirmed results (PUB-1, PUB-4, PUB-5, SEA-5, EVA-8): the result notice of the session's passed
 * applications, a postponement when the notice would end after the evaluation close (accepted by the HR department,
 * the applicants told why), the confirmation package filed within a month of the meeting, and its confirmation.
 */
@Service
class SessionResults {
    private final Sessions sessions;
    private final Postponements postponements;
    private final PublicityService publicity;
    private final WorkingDayCalendar calendar;
    private final SeasonService seasons;
    private final ApplicationRepository applications;
    private final Dossiers dossiers;
    private final NotificationOutbox outbox;
    private final OrganisationDirectory organisations;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final CurrentUser currentUser;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final cn.chifeng.title.certificate.Certificates certificates;
    private final int minimumWorkingDays;
    private final Clock clock;

    SessionResults(Sessions sessions, Postponements postponements, PublicityService publicity,
                   WorkingDayCalendar calendar, SeasonService seasons, ApplicationRepository applications,
                   Dossiers dossiers, NotificationOutbox outbox, OrganisationDirectory organisations,
                   RuntimeService runtime, IdentityService identity, CurrentUser currentUser,
                   org.springframework.jdbc.core.JdbcTemplate jdbc,
                   cn.chifeng.title.certificate.Certificates certificates,
                   @org.springframework.beans.factory.annotation.Value("${title.publicity.minimum-working-days:5}")
                   int minimumWorkingDays, Clock clock) {
        this.sessions = sessions;
        this.postponements = postponements;
        this.publicity = publicity;
        this.calendar = calendar;
        this.seasons = seasons;
        this.applications = applications;
        this.dossiers = dossiers;
        this.outbox = outbox;
        this.organisations = organisations;
        this.runtime = runtime;
        this.identity = identity;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.certificates = certificates;
        this.minimumWorkingDays = minimumWorkingDays;
        this.clock = clock;
    }

    List<String> passed(String sessionId) {
        return sessions.items(sessionId).stream().filter(i -> "PASSED".equals(i.outcome()))
                .map(Sessions.Item::applicationId).toList();
    }

    /** Task_PublishResults completed: the notice of the passed applications, within the evaluation close or postponed. */
    void publish(String sessionId, String startText, Number workingDays, String title, String user) {
        Sessions.Session s = sessions.find(sessionId).orElseThrow();
        LocalDate start;
        try {
            start = startText == null || startText.isBlank() ? Zones.now(clock).toLocalDate()
                    : LocalDate.parse(startText.trim());
        } catch (DateTimeParseException e) {
            throw new NotValidException("公示开始日期须为 YYYY-MM-DD：" + startText);
        }
        int days = workingDays == null ? minimumWorkingDays : workingDays.intValue();
        List<String> passed = passed(sessionId);
        if (!passed.isEmpty()) {
            LocalDate end = calendar.periodEnd(start, Math.max(days, minimumWorkingDays)).end();
            LocalDate close = seasons.find(s.season()).orElseThrow().forSeries(s.series()).evaluationClose();
            boolean postponed = postponements.acceptedUntil(sessionId).filter(u -> !u.isBefore(end)).isPresent();
            if (end.isAfter(close) && !postponed) {
                throw new NotValidException("结果公示将于 " + end + " 结束，晚于评审完成截止日 " + close
                        + "：须先报送延期评审备案（POST /api/evaluation-sessions/" + sessionId
                        + "/postponement）并经人社部门同意（通知 五(二)1）");
            }
            try {
                RunAs.caller(identity, user, () -> publicity.publishResults(passed, start, days, title));
            } catch (ApiException e) {
                throw new NotValidException(e.getMessage());
            }
        }
        sessions.setStatus(sessionId, SessionStatus.PUBLISHED);
    }

    /** POST …/postponement: the office files a written postponement; the HR department decides it (a task). */
    @Transactional
    public long filePostponement(String sessionId, String reason, LocalDate until) {
        Sessions.Session s = sessions.find(sessionId)
                .orElseThrow(() -> ApiException.notFound("评审会议 " + sessionId + " 不存在"));
        if (!currentUser.isAdmin() && !currentUser.inGroup(s.committee())) {
            throw ApiException.forbidden("只有该评委会办事机构可以报送延期评审备案");
        }
        String text = Texts.require("reason", reason, "不能按期评审的理由", 2000);
        LocalDate close = seasons.find(s.season()).orElseThrow().forSeries(s.series()).evaluationClose();
        if (until == null || !until.isAfter(close)) {
            throw ApiException.invalid("until", "延期至的日期须晚于评审完成截止日 " + close);
        }
        if (postponements.pending(sessionId)) {
            throw ApiException.conflict("POSTPONEMENT_PENDING", "已有待审批的延期评审备案");
        }
        long id = postponements.file(s, text, until, currentUser.id(), Zones.now(clock));
        RunAs.system(identity, () -> runtime.createMessageCorrelation(
                        EvaluationSessionProcess.MESSAGE_POSTPONEMENT_FILED)
                .processInstanceId(s.processInstanceId())
                .setVariableLocal(EvaluationSessionProcess.Vars.POSTPONEMENT_ID, id)
                .setVariableLocal(EvaluationSessionProcess.Vars.POSTPONEMENT_REASON, text)
                .setVariableLocal(EvaluationSessionProcess.Vars.POSTPONEMENT_UNTIL, until.toString())
                .correlateWithResult());
        return id;
    }

    /** Task_AcceptPostponement completed; when accepted, every applicant of the session hears why (EVA-8). */
    void decidePostponement(String sessionId, long postponementId, String decision, String comment, String user) {
        boolean accept = "ACCEPT".equals(decision);
        if (!accept && !"REFUSE".equals(decision)) {
            throw new NotValidException("审批结论须为 ACCEPT（同意延期）或 REFUSE（不同意）");
        }
        if (!accept && Texts.problem(comment, "意见", 2000, true) != null) {
            throw new NotValidException("不同意延期时须填写意见");
        }
        postponements.decide(postponementId, accept, user, comment == null ? null : comment.trim(), Zones.now(clock));
        if (accept) {
            Postponements.Postponement p = postponements.find(postponementId).orElseThrow();
            Sessions.Session s = sessions.find(sessionId).orElseThrow();
            for (Sessions.Item item : sessions.items(sessionId)) {
                ApplicationRecord a = applications.find(item.applicationId()).orElseThrow();
                Map<String, String> values = MessageValues.of(a);
                values.put("committeeName", organisations.groupName(s.committee()));
                values.put("reason", p.reason());
                values.put("until", p.until().toString());
                outbox.enqueue("EVALUATION_POSTPONED", a.id(), a.applicantUserId(),
                        dossiers.parse(a.dossierJson()).email(), values);
            }
        }
    }

    /** Task_FileConfirmation completed: the package is complete and the notice is over (PUB-4). */
    void fileConfirmation(String sessionId, boolean report, boolean publicityRecord, boolean roster,
                          boolean commitment, String note, String user) {
        if (!report || !publicityRecord || !roster || !commitment) {
            throw new NotValidException("备案材料须齐备：评审情况报告、公示情况（含投诉及处理结果）、评审通过人员名册、评委会承诺书");
        }
        long inPublicity = passed(sessionId).stream().map(id -> applications.find(id).orElseThrow())
                .filter(a -> a.status() == ApplicationStatus.IN_PUBLICITY).count();
        if (inPublicity > 0) {
            throw new NotValidException("还有 " + inPublicity + " 份申报的结果公示未结束或异议未处理完毕，不能报送备案");
        }
        jdbc.update("insert into session_confirmation (session_id, filed_by, filed_at, filing_note) values (?,?,?,?)",
                sessionId, user, Zones.now(clock), note == null || note.isBlank() ? null : note.trim());
        sessions.setStatus(sessionId, SessionStatus.CONFIRMATION_FILED);
    }

    /**
     * Task_ConfirmResults completed (PUB-4, PUB-5): the results stand; every application that passed and whose
     * notice cleared gets its verifiable result certificate (PUB-3), dated the day of the meeting.
     */
    void confirm(String sessionId, String decision, String comment, String user) {
        if (!"CONFIRM".equals(decision)) {
            throw new NotValidException("请选择“确认评审结果”");
        }
        jdbc.update("update session_confirmation set confirmed_by = ?, confirmed_at = ?, confirm_comment = ? "
                + "where session_id = ?", user, Zones.now(clock), comment == null ? null : comment.trim(), sessionId);
        sessions.setStatus(sessionId, SessionStatus.CONFIRMED);
        Sessions.Session s = sessions.find(sessionId).orElseThrow();
        for (String id : passed(sessionId)) {
            if (applications.find(id).orElseThrow().status() == ApplicationStatus.PASSED) {
                certificates.issue(id, sessionId, s.meetingDate());
            }
        }
    }

    /** Timer_ConfirmationReminder / Timer_ConfirmationOverdue: remind the office; when overdue, tell the approver. */
    void remind(String sessionId) {
        Sessions.Session s = sessions.find(sessionId).orElseThrow();
        boolean overdue = !Zones.now(clock).toLocalDate().isBefore(s.meetingDate().plusMonths(1));
        Map<String, String> values = Map.of("committeeName", organisations.groupName(s.committee()),
                "meetingDate", s.meetingDate().toString(), "due", s.meetingDate().plusMonths(1).toString());
        outbox.enqueueToMembers("CONFIRMATION_REMINDER", null, s.committee(), values);
        if (overdue) {
            outbox.enqueueToMembers("CONFIRMATION_OVERDUE", null, s.approverGroup(), values);
        }
    }
}
