package cn.chifeng.title.committee;

/**
 * The rule of a committee's vote (EVA-7, 人社部令第40号), as the DMN table {@code evaluation-vote} gives it: the
 * session may vote when at least quorum = n/d of its drawn committee attend; an application passes when at least
 * pass = n/d of the experts attending for it are in favour. Whole numbers only (attending × d ≥ drawn × n), so that
 * "2/3 of 10" never rounds: 7 attending of 10 is a quorum (21 ≥ 20), 6 is not; 7 of 10 in favour pass, 6 do not. An
 * abstention is not in favour.
 */
public record VoteRule(int quorumNumerator, int quorumDenominator, int passNumerator, int passDenominator) {

    public VoteRule {
        check(quorumNumerator, quorumDenominator, "出席比例");
        check(passNumerator, passDenominator, "通过比例");
    }

    private static void check(int numerator, int denominator, String what) {
        if (denominator <= 0 || numerator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException(what + "须为 0 到 1 之间的分数（分子 " + numerator + "，分母 " + denominator + "）");
        }
    }

    /** Whether {@code attending} of a drawn committee of {@code drawn} may vote. */
    public boolean quorate(int attending, int drawn) {
        if (drawn <= 0 || attending < 0 || attending > drawn) {
            throw new IllegalArgumentException("出席人数须在 0 到组成人数 " + drawn + " 之间：" + attending);
        }
        return (long) attending * quorumDenominator >= (long) drawn * quorumNumerator;
    }

    /** Whether {@code inFavour} of {@code attending} experts (abstentions and votes against included) pass it. */
    public boolean passes(int inFavour, int attending) {
        if (attending <= 0 || inFavour < 0 || inFavour > attending) {
            throw new IllegalArgumentException("同意票须在 0 到出席人数 " + attending + " 之间：" + inFavour);
        }
        return (long) inFavour * passDenominator >= (long) attending * passNumerator;
    }
}
