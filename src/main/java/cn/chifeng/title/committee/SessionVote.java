package cn.chifeng.title.committee;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.security.RunAs;

/**
 * The meeting and its vote (EVA-7, ELI-13): attendance against the quorum of DMN {@code evaluation-vote}; one
 * anonymous ballot per attending expert and application, none by an expert of the applicant's employer (回避, who
 * counts as absent for it), no proxy, none after the close; at the close each application passes with at least the
 * pass share of those attending for it, then the quota decides who keeps a place; every application hears its
 * result.
 */
@Service
class SessionVote {
    static final Set<String> CHOICES = Set.of("FOR", "AGAINST", "ABSTAIN");
    static final String PASSED = "PASSED";
    static final String NOT_PASSED = "NOT_PASSED";

    private final Sessions sessions;
    private final SessionExperts experts;
    private final PoolCandidates pool;
    private final Ballots ballots;
    private final Quotas quotas;
    private final DecisionService decisions;
    private final cn.chifeng.title.routing.RouteService routes;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ApplicationRepository applications;
    private final Clock clock;

    SessionVote(Sessions sessions, SessionExperts experts, PoolCandidates pool, Ballots ballots, Quotas quotas,
                DecisionService decisions, cn.chifeng.title.routing.RouteService routes, RuntimeService runtime,
                IdentityService identity,
                ApplicationRepository applications, Clock clock) {
        this.sessions = sessions;
        this.experts = experts;
        this.pool = pool;
        this.ballots = ballots;
        this.quotas = quotas;
        this.decisions = decisions;
        this.routes = routes;
        this.runtime = runtime;
        this.identity = identity;
        this.applications = applications;
        this.clock = clock;
    }

    /** The vote's thresholds for the committee's seat (DMN evaluation-vote). */
    VoteRule rule(Sessions.Session s) {
        String seat = routes.seatOf(s.series(), s.targetLevel());
        var row = decisions.evaluateDecisionTableByKey("evaluation-vote", Variables.createVariables()
                .putValue("seat", seat)).getSingleResult();
        return new VoteRule(((Number) row.getEntry("quorumNumerator")).intValue(),
                ((Number) row.getEntry("quorumDenominator")).intValue(),
                ((Number) row.getEntry("passNumerator")).intValue(),
                ((Number) row.getEntry("passDenominator")).intValue());
    }

    /** Task_HoldMeeting completed: the attendees (confirmed members) are recorded; a short attendance cannot vote. */
    void open(String sessionId, List<String> attendeeIds) {
        Sessions.Session s = sessions.find(sessionId).orElseThrow();
        if (Zones.now(clock).toLocalDate().isBefore(s.meetingDate())) {
            throw new NotValidException("评审会议定于 " + s.meetingDate() + " 召开，未到会议日期不能开始表决");
        }
        Set<Long> confirmed = new HashSet<>();
        experts.confirmedMembers(sessionId).forEach(e -> confirmed.add(e.candidate().id()));
        Set<Long> attending = new HashSet<>();
        for (String id : attendeeIds == null ? List.<String>of() : attendeeIds) {
            long expertId;
            try {
                expertId = Long.parseLong(id);
            } catch (NumberFormatException e) {
                throw new NotValidException("出席专家无效：" + id);
            }
            if (!confirmed.contains(expertId)) {
                throw new NotValidException("出席专家须为本次会议已确认参加的专家");
            }
            attending.add(expertId);
        }
        if (!rule(s).quorate(attending.size(), s.committeeSize())) {
            throw new NotValidException("出席专家 " + attending.size() + " 人，不足评委会组成人数 " + s.committeeSize()
                    + " 人的三分之二，不能表决（人社部令第40号）");
        }
        for (Long id : confirmed) {
            sessions.setAttended(sessionId, id, attending.contains(id));
        }
        ballots.openTally(sessionId, sessions.items(sessionId).stream().map(Sessions.Item::pseudonym).toList());
        sessions.setStatus(sessionId, SessionStatus.VOTING);
    }

    /** POST …/ballots: the signed-in expert's own vote on one application (no proxy: the voter is the caller). */
    @Transactional
    public void cast(String sessionId, String pseudonym, String choice, String user) {
        Sessions.Session s = sessions.find(sessionId)
                .orElseThrow(() -> ApiException.notFound("评审会议 " + sessionId + " 不存在"));
        PoolCandidates.PoolExpert expert = pool.byAccount(s.committee(), user).orElse(null);
        Sessions.Seat seat = expert == null ? null : sessions.seats(sessionId).stream()
                .filter(x -> x.expertId() == expert.candidate().id()).findFirst().orElse(null);
        if (seat == null || !Boolean.TRUE.equals(seat.attended())) {
            throw ApiException.forbidden("只有出席本次评审会议的专家本人可以投票（不得委托投票）");
        }
        if (choice == null || !CHOICES.contains(choice)) {
            throw ApiException.invalid("choice", "表决意见须为 FOR（同意）、AGAINST（不同意）或 ABSTAIN（弃权）");
        }
        Sessions.Item item = sessions.item(sessionId, pseudonym).orElseThrow(
                () -> ApiException.invalid("pseudonym", "本次会议没有评审代号 " + pseudonym));
        if (s.status() != SessionStatus.VOTING) {
            throw new ApiException(HttpStatus.CONFLICT, "VOTE_NOT_OPEN", s.status().ordinal()
                    > SessionStatus.VOTING.ordinal() ? "表决已结束，不再接受投票" : "表决尚未开始");
        }
        SessionExperts.requireNotRecused(expert.candidate(), item);
        if (!ballots.cast(sessionId, expert.candidate().id(), pseudonym, choice)) {
            throw ApiException.conflict("ALREADY_VOTED", "您已对 " + pseudonym + " 投过票，不能更改或重复投票");
        }
    }

    /** One application's result at the close. */
    record Outcome(String applicationId, String pseudonym, int attending, Ballots.Tally tally, String result,
                   Integer rank) {
    }

    /** Task_CloseVote completed: counts, applies the quota, records and sends every application its result. */
    List<Outcome> close(String sessionId) {
        Sessions.Session s = sessions.find(sessionId).orElseThrow();
        if (s.status() != SessionStatus.VOTING) {
            throw new NotValidException("表决不在进行中");
        }
        VoteRule rule = rule(s);
        List<PoolCandidates.PoolExpert> attendees = new ArrayList<>();
        for (Sessions.Seat x : sessions.seats(sessionId)) {
            if (Boolean.TRUE.equals(x.attended())) {
                attendees.add(pool.find(x.expertId()).orElseThrow());
            }
        }
        Map<String, Ballots.Tally> tallies = ballots.tallies(sessionId);
        List<Sessions.Item> items = sessions.items(sessionId);
        List<Quotas.Candidate> passing = new ArrayList<>();
        Map<String, Integer> attendingFor = new java.util.HashMap<>();
        for (Sessions.Item item : items) {
            int attending = (int) attendees.stream().filter(e -> !SessionExperts.recused(e.candidate(), item)).count();
            attendingFor.put(item.applicationId(), attending);
            Ballots.Tally t = tallies.getOrDefault(item.pseudonym(), new Ballots.Tally(0, 0, 0));
            if (attending > 0 && rule.passes(t.inFavour(), attending)) {
                passing.add(new Quotas.Candidate(item.applicationId(), item.quotaScope(), t.inFavour(), attending,
                        item.countsAgainstQuota()));
            }
        }
        Map<String, Integer> quota = quotas.of(s.season(), Quotas.kind(s.series(), s.targetLevel()));
        List<String> over = Quotas.overQuota(passing, quota,
                quotas.used(s.season(), s.series(), s.targetLevel(), sessionId));
        Set<String> passed = new HashSet<>();
        passing.forEach(c -> passed.add(c.applicationId()));
        List<Outcome> outcomes = new ArrayList<>();
        int rank = 0;
        List<Quotas.Candidate> ranked = new ArrayList<>(passing);
        ranked.sort(Quotas.RANKING);
        Map<String, Integer> ranks = new java.util.HashMap<>();
        for (Quotas.Candidate c : ranked) {
            ranks.put(c.applicationId(), ++rank);
        }
        for (Sessions.Item item : items) {
            String result = !passed.contains(item.applicationId()) ? "NOT_PASSED"
                    : over.contains(item.applicationId()) ? "OVER_QUOTA" : "PASSED";
            Integer r = ranks.get(item.applicationId());
            sessions.setOutcome(sessionId, item.applicationId(), result, r);
            outcomes.add(new Outcome(item.applicationId(), item.pseudonym(), attendingFor.get(item.applicationId()),
                    tallies.getOrDefault(item.pseudonym(), new Ballots.Tally(0, 0, 0)), result, r));
        }
        sessions.closed(sessionId, attendees.size(), Zones.now(clock));
        for (PoolCandidates.PoolExpert e : attendees) {
            pool.recordService(e.candidate().id(), s.season());
        }
        for (Outcome o : outcomes) {
            String note = switch (o.result()) {
                case "OVER_QUOTA" -> "评审表决通过，但超出本年度评审名额，未通过（超出名额未通过）";
                case "NOT_PASSED" -> "评委会表决同意票未达到出席专家的三分之二";
                default -> null;
            };
            String processInstance = applications.find(o.applicationId()).orElseThrow().processInstanceId();
            String result = o.result().equals(PASSED) ? PASSED : NOT_PASSED;
            RunAs.system(identity, () -> {
                runtime.createMessageCorrelation(TitleApplicationProcess.MESSAGE_EVALUATION_DECIDED)
                        .processInstanceId(processInstance)
                        .setVariable(TitleApplicationProcess.Vars.EVALUATION_RESULT, result)
                        .setVariable(TitleApplicationProcess.Vars.EVALUATION_NOTE, note)
                        .setVariable(TitleApplicationProcess.Vars.SESSION_ID, sessionId)
                        .correlate();
                return null;
            });
        }
        return outcomes;
    }
}
