package cn.chifeng.title.committee;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.application.Dossiers;
import cn.chifeng.title.code.Education;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Texts;

/**
 * What an expert sees of the session's applications (EVA-5): each under its pseudonym, with the facts of the dossier
 * that do not identify the person — never the name, ID number, phone, e-mail, employer, county, department or
 * application id — and whether the series is reviewed blind (DMN blind-review); applications of the expert's own
 * employer are left out (回避). Each expert records one opinion per application.
 */
@Service
class BlindReview {
    private final Sessions sessions;
    private final SessionExperts experts;
    private final Ballots ballots;
    private final ApplicationRepository applications;
    private final Dossiers dossiers;
    private final DecisionService decisions;
    private final cn.chifeng.title.material.Materials materials;

    BlindReview(Sessions sessions, SessionExperts experts, Ballots ballots, ApplicationRepository applications,
                Dossiers dossiers, DecisionService decisions, cn.chifeng.title.material.Materials materials) {
        this.materials = materials;
        this.sessions = sessions;
        this.experts = experts;
        this.ballots = ballots;
        this.applications = applications;
        this.dossiers = dossiers;
        this.decisions = decisions;
    }

    private PoolCandidates.PoolExpert expert(Sessions.Session s, String user) {
        return experts.confirmedMember(s, user).orElseThrow(() ->
                ApiException.forbidden("只有确认参加本次评审会议的专家可以查看匿名评审材料"));
    }

    Sessions.Session session(String sessionId) {
        return sessions.find(sessionId).orElseThrow(() -> ApiException.notFound("评审会议 " + sessionId + " 不存在"));
    }

    /** The expert's list: pseudonymous dossiers, the expert's own opinion and whether they voted on each. */
    List<Map<String, Object>> listFor(String sessionId, String user) {
        Sessions.Session s = session(sessionId);
        PoolCandidates.PoolExpert e = expert(s, user);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Sessions.Item item : sessions.items(sessionId)) {
            if (SessionExperts.recused(e.candidate(), item)) {
                continue;
            }
            ApplicationRecord a = applications.find(item.applicationId()).orElseThrow();
            Dossier d = dossiers.parse(a.dossierJson());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pseudonym", item.pseudonym());
            row.put("series", Series.valueOf(d.series()).label());
            row.put("targetLevel", Level.valueOf(d.targetLevel()).label());
            row.put("specialty", d.specialty());
            row.put("currentLevel", d.currentLevel() == null ? null : Level.valueOf(d.currentLevel()).label());
            row.put("currentTitleYear", d.currentTitleDate() == null ? null : d.currentTitleDate().getYear());
            row.put("education", d.education() == null ? null : Education.valueOf(d.education()).label());
            row.put("workStartYear", d.workStartDate() == null ? null : d.workStartDate().getYear());
            row.put("blindReview", blind(s, d));
            row.put("materials", materials.anonymisedCopies(a.id()).stream()
                    .filter(c -> Boolean.TRUE.equals(c.checkOk()))
                    .map(c -> Map.of("id", c.id(), "item", c.item(), "download", "/api/evaluation-sessions/" + sessionId
                            + "/blind/" + item.pseudonym() + "/materials/" + c.id())).toList());
            row.put("myOpinion", ballots.opinion(sessionId, e.candidate().id(), item.pseudonym()).orElse(null));
            row.put("voted", ballots.hasVoted(sessionId, e.candidate().id(), item.pseudonym()));
            out.add(row);
        }
        return out;
    }

    boolean blind(Sessions.Session s, Dossier d) {
        Object blind = decisions.evaluateDecisionTableByKey("blind-review", Variables.createVariables()
                        .putValue("series", d.series()).putValue("targetLevel", d.targetLevel())
                        .putValue("specialty", d.specialty()).putValue("selfEvaluating", s.selfEvaluatingUnit() != null))
                .getSingleResult().getSingleEntry();
        return Boolean.TRUE.equals(blind);
    }

    /** An anonymised copy the office checked, for a confirmed expert not recused: named by pseudonym and item only. */
    Download copy(String sessionId, String pseudonym, long materialId, String user) {
        Sessions.Session s = session(sessionId);
        PoolCandidates.PoolExpert e = expert(s, user);
        Sessions.Item item = sessions.item(sessionId, pseudonym).orElseThrow(
                () -> ApiException.notFound("本次会议没有评审代号 " + pseudonym));
        SessionExperts.requireNotRecused(e.candidate(), item);
        var copy = materials.anonymisedCopies(item.applicationId()).stream()
                .filter(c -> c.id() == materialId && Boolean.TRUE.equals(c.checkOk())).findFirst()
                .orElseThrow(() -> ApiException.notFound("没有该匿名件（或尚未通过办事机构审核）"));
        byte[] content = materials.content(item.applicationId(), materialId).orElseThrow();
        return new Download(pseudonym + "-" + copy.item() + ".pdf", content);
    }

    /** A file for an expert. */
    record Download(String fileName, byte[] content) {
    }

    @Transactional
    public void putOpinion(String sessionId, String pseudonym, String opinion, String user) {
        Sessions.Session s = session(sessionId);
        PoolCandidates.PoolExpert e = expert(s, user);
        Sessions.Item item = sessions.item(sessionId, pseudonym).orElseThrow(
                () -> ApiException.invalid("pseudonym", "本次会议没有评审代号 " + pseudonym));
        SessionExperts.requireNotRecused(e.candidate(), item);
        if (s.status().ordinal() >= SessionStatus.CLOSED.ordinal()) {
            throw ApiException.conflict("SESSION_CLOSED", "表决已结束，不能再修改评审意见");
        }
        ballots.putOpinion(sessionId, e.candidate().id(), pseudonym, Texts.require("opinion", opinion, "评审意见", 2000));
    }

    /** Task_BlindReview completed: the expert has an opinion on every application they are not recused from. */
    void checkAllReviewed(String sessionId, String user) {
        Sessions.Session s = session(sessionId);
        PoolCandidates.PoolExpert e = experts.confirmedMember(s, user)
                .orElseThrow(() -> new NotValidException("只有本席位的专家本人可以提交在线评审"));
        List<String> missing = sessions.items(sessionId).stream()
                .filter(i -> !SessionExperts.recused(e.candidate(), i))
                .filter(i -> ballots.opinion(sessionId, e.candidate().id(), i.pseudonym()).isEmpty())
                .map(Sessions.Item::pseudonym).toList();
        if (!missing.isEmpty()) {
            throw new NotValidException("尚有 " + missing.size() + " 份申报未填写评审意见：" + String.join("、", missing));
        }
    }
}
