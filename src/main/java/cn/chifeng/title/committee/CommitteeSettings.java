package cn.chifeng.title.committee;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code title.committee.*}: days of filing before a meeting (EVA-3), default sizes, and each enterprise-related
 * committee's minimum share of private-enterprise experts as "n/d" (EVA-1, EVA-2), and per season whether a
 * green-channel pass counts against a quota of titles (ELI-13; default true).
 */
@ConfigurationProperties("title.committee")
record CommitteeSettings(Integer planFilingDays, Integer defaultCommitteeSize, Integer defaultReserveSize,
                         Map<String, String> privateEnterpriseShares,
                         Map<Integer, Boolean> greenChannelInQuota) {
    CommitteeSettings {
        planFilingDays = planFilingDays == null ? 7 : planFilingDays;
        defaultCommitteeSize = defaultCommitteeSize == null ? 7 : defaultCommitteeSize;
        defaultReserveSize = defaultReserveSize == null ? 2 : defaultReserveSize;
        privateEnterpriseShares = privateEnterpriseShares == null ? Map.of() : Map.copyOf(privateEnterpriseShares);
        privateEnterpriseShares.forEach((committee, share) -> share(share));
        greenChannelInQuota = greenChannelInQuota == null ? Map.of() : Map.copyOf(greenChannelInQuota);
    }

    /** ELI-13: whether a green-channel pass of the season takes one of the quota's titles (default: it does). */
    boolean greenChannelCounts(int season) {
        return greenChannelInQuota.getOrDefault(season, true);
    }

    /** The committee's share as {numerator, denominator}; {0, 1} when it has none. */
    int[] shareOf(String committee) {
        String s = privateEnterpriseShares.get(committee);
        return s == null ? new int[] {0, 1} : share(s);
    }

    private static int[] share(String text) {
        String[] parts = text.trim().split("/");
        int n = Integer.parseInt(parts[0].trim());
        int d = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : 1;
        if (n < 0 || d <= 0 || n > d) {
            throw new IllegalArgumentException("民营企业专家比例须为 n/d 且 0 ≤ n ≤ d：" + text);
        }
        return new int[] {n, d};
    }
}
