package cn.chifeng.title.committee;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Service;

import cn.chifeng.title.code.Level;
import cn.chifeng.title.common.Texts;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.process.EvaluationSessionProcess;

/**
 * The experts of a session (EVA-2): the draw from the pool, recorded so that it can be replayed; each seat's expert;
 * a decline replaced by the next reserve who keeps the committee's shares; 回避 per application (an expert of the
 * applicant's employer neither reviews nor votes on it).
 */
@Service
class SessionExperts {
    private final Sessions sessions;
    private final PoolCandidates pool;
    private final CommitteeSettings settings;
    private final NotificationOutbox outbox;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    SessionExperts(Sessions sessions, PoolCandidates pool, CommitteeSettings settings, NotificationOutbox outbox,
                   OrganisationDirectory organisations, Clock clock) {
        this.sessions = sessions;
        this.pool = pool;
        this.settings = settings;
        this.outbox = outbox;
        this.organisations = organisations;
        this.clock = clock;
    }

    ExpertDraw.Request request(Sessions.Session s) {
        int[] share = settings.shareOf(s.committee());
        return new ExpertDraw.Request(s.specialty(), Level.valueOf(s.targetLevel()), s.season(), s.committeeSize(),
                s.reserveSize(), s.selfEvaluatingUnit(), share[0], share[1]);
    }

    /**
     * Task_DrawExperts: draws from the pool with a fresh secure seed and records it; the pool failing a constraint
     * is a BPMN error naming it (the office then adjusts the pool and draws again with a reason).
     */
    ExpertDraw.Result draw(String sessionId, String reason, String user) {
        Sessions.Session s = sessions.find(sessionId).orElseThrow();
        List<ExpertDraw.Candidate> candidates = pool.active(s.committee()).stream()
                .map(PoolCandidates.PoolExpert::candidate).toList();
        ExpertDraw.Result r;
        try {
            r = ExpertDraw.draw(candidates, request(s), DrawGenerator.newSeed());
        } catch (ExpertDraw.Impossible e) {
            throw new BpmnError(EvaluationSessionProcess.ERROR_DRAW_IMPOSSIBLE, e.getMessage());
        }
        sessions.recordDraw(sessionId, sessions.nextDrawSeq(sessionId), r, reason, user, Zones.now(clock));
        sessions.setStatus(sessionId, SessionStatus.DRAWN);
        for (ExpertDraw.Candidate c : r.members()) {
            invite(s, c.id());
        }
        return r;
    }

    /** Replays a recorded draw against the pool as it is now: the same committee if the pool hash still matches. */
    Optional<ExpertDraw.Result> replay(String sessionId, int seq) {
        Sessions.Session s = sessions.find(sessionId).orElseThrow();
        return sessions.draws(sessionId).stream().filter(d -> d.seq() == seq).findFirst().map(d ->
                ExpertDraw.draw(pool.active(s.committee()).stream().map(PoolCandidates.PoolExpert::candidate).toList(),
                        request(s), d.seed()));
    }

    private void invite(Sessions.Session s, long expertId) {
        PoolCandidates.PoolExpert e = pool.find(expertId).orElseThrow();
        outbox.enqueue("EXPERT_DRAWN", null, e.account(), null, Map.of("expertName", e.name(),
                "committeeName", organisations.groupName(s.committee()), "meetingDate", s.meetingDate().toString(),
                "reviewLink", "/staff/sessions/" + s.id() + "/review"));
    }

    /** The account of the expert now in seat {@code seat}, for the seat's tasks. */
    String accountOfSeat(String sessionId, int seat) {
        return sessions.seats(sessionId).stream().filter(x -> "MEMBER".equals(x.role()) && x.position() == seat)
                .findFirst().flatMap(x -> pool.find(x.expertId())).map(PoolCandidates.PoolExpert::account)
                .orElseThrow(() -> new IllegalStateException("席位 " + seat + " 没有专家"));
    }

    /** What the seat's expert answered: attends, or declined and replaced by {@code replacement} (or nobody). */
    record Answer(boolean attends, String replacementAccount) {
    }

    Answer answer(String sessionId, int seat, String choice, String reason, String user) {
        Sessions.Seat current = sessions.seats(sessionId).stream()
                .filter(x -> "MEMBER".equals(x.role()) && x.position() == seat).findFirst().orElseThrow();
        PoolCandidates.PoolExpert expert = pool.find(current.expertId()).orElseThrow();
        if (user == null || !user.equals(expert.account())) {
            throw new NotValidException("只有被抽取的专家本人可以答复（不得代为确认）");
        }
        if ("ATTEND".equals(choice)) {
            sessions.setSeat(sessionId, current.expertId(), "MEMBER", seat, "CONFIRMED", null);
            return new Answer(true, null);
        }
        if (!"DECLINE".equals(choice)) {
            throw new NotValidException("请选择参加（ATTEND）或不参加（DECLINE）");
        }
        String problem = Texts.problem(reason, "不参加的原因", 2000, true);
        if (problem != null) {
            throw new NotValidException(problem);
        }
        sessions.setSeat(sessionId, current.expertId(), "DECLINED", -1 - seat, "DECLINED", reason.trim());
        Sessions.Session s = sessions.find(sessionId).orElseThrow();
        List<Sessions.Seat> seats = sessions.seats(sessionId);
        List<ExpertDraw.Candidate> others = new ArrayList<>();
        for (Sessions.Seat x : seats) {
            if ("MEMBER".equals(x.role())) {
                others.add(pool.find(x.expertId()).orElseThrow().candidate());
            }
        }
        ExpertDraw.Request r = request(s);
        for (Sessions.Seat reserve : seats) {
            if (!"RESERVE".equals(reserve.role()) || !"WAITING".equals(reserve.status())) {
                continue;
            }
            PoolCandidates.PoolExpert candidate = pool.find(reserve.expertId()).orElseThrow();
            List<ExpertDraw.Candidate> with = new ArrayList<>(others);
            with.add(candidate.candidate());
            if (with.size() == r.members() && ExpertDraw.meetsShares(with, r) || with.size() < r.members()) {
                sessions.setSeat(sessionId, reserve.expertId(), "MEMBER", seat, "INVITED", null);
                invite(s, reserve.expertId());
                return new Answer(false, candidate.account());
            }
        }
        outbox.enqueueToMembers("EXPERT_SEAT_VACANT", null, s.committee(), Map.of(
                "committeeName", organisations.groupName(s.committee()), "meetingDate", s.meetingDate().toString()));
        return new Answer(false, null);
    }

    /** The session's expert signed in as {@code user}, if a confirmed member. */
    Optional<PoolCandidates.PoolExpert> confirmedMember(Sessions.Session s, String user) {
        return pool.byAccount(s.committee(), user).filter(e -> sessions.seats(s.id()).stream().anyMatch(
                x -> x.expertId() == e.candidate().id() && "MEMBER".equals(x.role()) && "CONFIRMED".equals(x.status())));
    }

    /** 回避: the expert works at the applicant's employer (or is internal to it); a freelancer has none. */
    static boolean recused(ExpertDraw.Candidate expert, Sessions.Item item) {
        return item.employerCode() != null && (item.employerCode().equals(expert.employerCode())
                || item.employerCode().equals(expert.internalUnitCode()));
    }

    /** 回避 as the API answers it: a 403 naming the rule. */
    static void requireNotRecused(ExpertDraw.Candidate expert, Sessions.Item item) {
        if (recused(expert, item)) {
            throw cn.chifeng.title.common.ApiException.forbidden("您与该申报人同一单位，须回避，不参加该申报的评审和表决");
        }
    }

    /** Confirmed members with their names, for the office when the meeting opens. */
    List<PoolCandidates.PoolExpert> confirmedMembers(String sessionId) {
        List<PoolCandidates.PoolExpert> out = new ArrayList<>();
        for (Sessions.Seat x : sessions.seats(sessionId)) {
            if ("MEMBER".equals(x.role()) && "CONFIRMED".equals(x.status())) {
                out.add(pool.find(x.expertId()).orElseThrow());
            }
        }
        return out;
    }
}
