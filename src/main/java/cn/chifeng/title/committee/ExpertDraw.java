package cn.chifeng.title.committee;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.chifeng.title.code.Level;

/**
 * The draw of a session's committee from its pool (EVA-2), a pure function of (pool, request, seed):
 * <ol>
 * <li>candidates in a stable order (by expert id); the pool snapshot hashed (SHA-256 over every field that decides
 * eligibility), so that a replay can show it drew from the same pool;</li>
 * <li>eligible: the session's specialty, a level at or above the one evaluated, not retired (the pool gives only
 * active experts), and not someone who served in each of the three previous seasons;</li>
 * <li>the eligible shuffled by {@link DrawGenerator} from the seed; members taken in that order, skipping one only
 * when taking it would leave the committee unable to reach its required shares — at least one third external peers
 * for a self-evaluating unit, at least the configured share of private-enterprise experts — both counted over the
 * drawn committee; the reserve is the next ones in the order;</li>
 * <li>when the eligible cannot make such a committee the draw fails with {@link Impossible}, naming the constraint;
 * nothing is relaxed.</li>
 * </ol>
 */
final class ExpertDraw {
    private ExpertDraw() {
    }

    /** An expert as the draw sees them. */
    record Candidate(long id, String specialty, Level level, String employerCode, boolean privateEnterprise,
                     String internalUnitCode, Set<Integer> seasonsServed) {
        boolean servedThreeSeasonsBefore(int season) {
            return seasonsServed.contains(season - 1) && seasonsServed.contains(season - 2)
                    && seasonsServed.contains(season - 3);
        }

        boolean externalTo(String unitCode) {
            return unitCode == null || !unitCode.equals(internalUnitCode) && !unitCode.equals(employerCode);
        }
    }

    /**
     * What a session asks of the draw. The private-enterprise share is a fraction (numerator/denominator; 0/1 when
     * the committee is not enterprise-related); {@code selfEvaluatingUnit} is the credit code of the self-evaluating
     * unit whose committee this is, or null.
     */
    record Request(String specialty, Level level, int season, int members, int reserve, String selfEvaluatingUnit,
                   int privateShareNumerator, int privateShareDenominator) {
        int requiredExternal() {
            return selfEvaluatingUnit == null ? 0 : (members + 2) / 3;
        }

        int requiredPrivate() {
            return privateShareNumerator == 0 ? 0
                    : (members * privateShareNumerator + privateShareDenominator - 1) / privateShareDenominator;
        }
    }

    /** The committee drawn, the reserve in order, and what makes the draw replayable. */
    record Result(List<Candidate> members, List<Candidate> reserve, String generator, String seed, String poolHash,
                  int poolSize, int eligible, int excludedThreeSeasons) {
    }

    /** The pool cannot satisfy the request; {@link #constraint} names which rule, the message says why in Chinese. */
    static final class Impossible extends RuntimeException {
        final String constraint;

        Impossible(String constraint, String message) {
            super(message);
            this.constraint = constraint;
        }
    }

    static Result draw(List<Candidate> pool, Request request, String seed) {
        if (request.members() <= 0 || request.reserve() < 0) {
            throw new IllegalArgumentException("评委会组成人数须大于 0，备选人数不能为负");
        }
        List<Candidate> stable = pool.stream().sorted(Comparator.comparingLong(Candidate::id)).toList();
        String hash = poolHash(stable);
        List<Candidate> matching = stable.stream()
                .filter(c -> c.specialty().equals(request.specialty()) && c.level().compareTo(request.level()) >= 0)
                .toList();
        List<Candidate> eligible = matching.stream().filter(c -> !c.servedThreeSeasonsBefore(request.season()))
                .toList();
        int excluded = matching.size() - eligible.size();
        String excludedNote = excluded == 0 ? "" : "（已排除连续三年参加评审的 " + excluded + " 人）";
        if (eligible.size() < request.members()) {
            throw new Impossible("SIZE", "专家库中专业为“" + request.specialty() + "”、层级不低于" + request.level().label()
                    + "的专家只有 " + eligible.size() + " 人" + excludedNote + "，不足评委会组成人数 " + request.members() + " 人");
        }
        int needExternal = request.requiredExternal();
        int needPrivate = request.requiredPrivate();
        long external = eligible.stream().filter(c -> c.externalTo(request.selfEvaluatingUnit())).count();
        if (external < needExternal) {
            throw new Impossible("EXTERNAL_PEERS", "自主评审单位的评委会须至少三分之一为外单位同行专家（" + needExternal
                    + " 人），符合条件的外单位专家只有 " + external + " 人" + excludedNote);
        }
        long privates = eligible.stream().filter(Candidate::privateEnterprise).count();
        if (privates < needPrivate) {
            throw new Impossible("PRIVATE_ENTERPRISE_SHARE", "评委会须至少 " + request.privateShareNumerator() + "/"
                    + request.privateShareDenominator() + " 为民营企业专家（" + needPrivate + " 人），符合条件的民营企业专家只有 "
                    + privates + " 人" + excludedNote);
        }
        if (!canComplete(List.of(), eligible, request)) {
            throw new Impossible("COMBINED_SHARES", "符合条件的专家不能同时满足外单位同行专家（" + needExternal
                    + " 人）和民营企业专家（" + needPrivate + " 人）的要求" + excludedNote);
        }
        List<Candidate> order = new DrawGenerator(seed).shuffle(eligible);
        List<Candidate> members = new ArrayList<>();
        List<Candidate> rest = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Candidate c = order.get(i);
            if (members.size() < request.members()
                    && feasible(members, c, order.subList(i + 1, order.size()), request)) {
                members.add(c);
            } else {
                rest.add(c);
            }
        }
        if (members.size() < request.members()) {
            throw new IllegalStateException("抽取未能组成评委会，尽管可行性检查已通过"); // never returns a wrong committee
        }
        List<Candidate> reserve = rest.subList(0, Math.min(request.reserve(), rest.size()));
        return new Result(List.copyOf(members), List.copyOf(reserve), DrawGenerator.NAME, seed, hash, stable.size(),
                eligible.size(), excluded);
    }

    /** Whether, with {@code c} taken, the remaining places can still reach the required shares from {@code later}. */
    static boolean feasible(List<Candidate> chosen, Candidate c, List<Candidate> later, Request r) {
        List<Candidate> with = new ArrayList<>(chosen);
        with.add(c);
        return canComplete(with, later, r);
    }

    /** Whether {@code chosen} can be completed from {@code later} to a committee meeting both shares. */
    static boolean canComplete(List<Candidate> chosen, List<Candidate> later, Request r) {
        String unit = r.selfEvaluatingUnit();
        int places = r.members() - chosen.size();
        int needExternal = Math.max(0, r.requiredExternal()
                - (int) chosen.stream().filter(x -> x.externalTo(unit)).count());
        int needPrivate = Math.max(0, r.requiredPrivate()
                - (int) chosen.stream().filter(Candidate::privateEnterprise).count());
        if (places < 0 || later.size() < places) {
            return false;
        }
        int both = (int) later.stream().filter(x -> x.externalTo(unit) && x.privateEnterprise()).count();
        int externalOnly = (int) later.stream().filter(x -> x.externalTo(unit) && !x.privateEnterprise()).count();
        int privateOnly = (int) later.stream().filter(x -> !x.externalTo(unit) && x.privateEnterprise()).count();
        // those counting for both shares first: they never make the other share harder
        int b = Math.min(both, Math.min(places, Math.max(needExternal, needPrivate)));
        int e = Math.min(externalOnly, Math.max(0, needExternal - b));
        int p = Math.min(privateOnly, Math.max(0, needPrivate - b));
        return b + e >= needExternal && b + p >= needPrivate && b + e + p <= places;
    }

    /** Whether the committee, as it stands, meets both shares (used when a reserve replaces a member). */
    static boolean meetsShares(List<Candidate> committee, Request r) {
        return canComplete(committee, List.of(), new Request(r.specialty(), r.level(), r.season(), committee.size(),
                0, r.selfEvaluatingUnit(), r.privateShareNumerator(), r.privateShareDenominator()));
    }

    /** SHA-256 over the pool in stable order, one line per expert with every field that decides the draw. */
    static String poolHash(List<Candidate> stable) {
        String canonical = stable.stream().map(c -> c.id() + "|" + c.specialty() + "|" + c.level() + "|"
                        + c.employerCode() + "|" + c.privateEnterprise() + "|"
                        + (c.internalUnitCode() == null ? "" : c.internalUnitCode()) + "|"
                        + c.seasonsServed().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
