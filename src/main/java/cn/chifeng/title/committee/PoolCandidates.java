package cn.chifeng.title.committee;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.chifeng.title.expert.Expert;
import cn.chifeng.title.expert.ExpertPool;

/** The pool (EVA-1) as the draw and the session see it: active experts of a committee who can sign in, by id. */
@Component
class PoolCandidates {
    private final ExpertPool pool;

    PoolCandidates(ExpertPool pool) {
        this.pool = pool;
    }

    /** An expert with what the office (and only the office) sees: name, employer, account. */
    record PoolExpert(ExpertDraw.Candidate candidate, String name, String employerName, String account) {
    }

    private static PoolExpert of(Expert e) {
        return new PoolExpert(new ExpertDraw.Candidate(e.id(), e.specialty(), e.level(), e.employerCode(),
                e.privateEnterprise(), e.internalUnitCode(), new HashSet<>(e.seasonsServed())), e.name(),
                e.employerName(), e.account());
    }

    /** Active (not retired) experts of the committee with an account to sign in with, in a stable order (by id). */
    List<PoolExpert> active(String committee) {
        return pool.active(committee).stream().filter(e -> e.account() != null && !e.account().isBlank())
                .map(PoolCandidates::of).toList();
    }

    Optional<PoolExpert> find(long id) {
        return pool.find(id).map(PoolCandidates::of);
    }

    /** The expert of the committee signed in as {@code account}, if any. */
    Optional<PoolExpert> byAccount(String committee, String account) {
        return account == null ? Optional.empty() : pool.byAccount(committee, account).map(PoolCandidates::of);
    }

    /** Records that the expert served in a season (the three-season rule of later draws, EVA-2). */
    void recordService(long id, int season) {
        pool.recordService(id, season);
    }
}
