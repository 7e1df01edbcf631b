package cn.chifeng.title.notification;

import java.util.HashMap;
import java.util.Map;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;

/**
 * The placeholders every message about an application may use — {applicationId} {applicantName} {season}
 * {seriesLabel} {targetLevelLabel} {link} — composed in one place; a message adds its own to the map.
 */
public final class MessageValues {
    private MessageValues() {
    }

    public static Map<String, String> of(ApplicationRecord a) {
        Map<String, String> values = new HashMap<>();
        values.put("applicationId", a.id());
        values.put("applicantName", a.applicantName());
        values.put("season", Integer.toString(a.season()));
        values.put("seriesLabel", Series.valueOf(a.series()).label());
        values.put("targetLevelLabel", Level.valueOf(a.targetLevel()).label());
        values.put("link", "/api/applications/" + a.id());
        return values;
    }
}
