package cn.chifeng.title.eligibility;

import java.util.List;
import java.util.Map;

/**
 * The eligibility verdict (ELI-17): {@code ELIGIBLE}, {@code INELIGIBLE} or {@code NEEDS_REVIEW}, the channel it
 * qualifies through (null when ineligible) and the reasons, each with the requirement ID and a Chinese sentence.
 */
public record Verdict(String verdict, String channel, List<Reason> reasons) {

    public record Reason(String rule, String message) {
    }

    /** From the result of the DMN decision {@code eligibility} (a FEEL context). */
    @SuppressWarnings("unchecked")
    public static Verdict of(Map<String, Object> result) {
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) result.get("reasons");
        return new Verdict((String) result.get("verdict"), (String) result.get("channel"),
                reasons == null ? List.of() : reasons.stream()
                        .map(r -> new Reason((String) r.get("rule"), (String) r.get("message"))).toList());
    }

    public String verdictLabel() {
        return switch (verdict) {
            case "ELIGIBLE" -> "符合申报条件";
            case "INELIGIBLE" -> "不符合申报条件";
            default -> "须审核人判断";
        };
    }

    public String channelLabel() {
        if (channel == null) {
            return null;
        }
        return switch (channel) {
            case "REGULAR" -> "常规申报";
            case "GREEN_CHANNEL" -> "绿色通道";
            case "NON_PUBLIC_DIRECT" -> "非公有制领域直接申报";
            case "TOWNSHIP_DIRECT" -> "苏木乡镇直接申报中级";
            case "GRASSROOTS_TILT" -> "基层破格申报";
            case "RURAL_EARLY" -> "服务基层提前参评";
            case "FRONTLINE_MEDICAL" -> "一线医务人员倾斜";
            default -> channel;
        };
    }

    /** The verdict as text for the reviewer's form. */
    public String display() {
        StringBuilder b = new StringBuilder(verdictLabel());
        if (channel != null) {
            b.append("（").append(channelLabel()).append("）");
        }
        for (Reason r : reasons) {
            b.append("\n· ").append(r.rule()).append(" ").append(r.message());
        }
        return b.toString();
    }

    /** The reasons in one line, for the applicant's status. */
    public String reasonText() {
        return String.join("；", reasons.stream().map(r -> r.rule() + " " + r.message()).toList());
    }
}
