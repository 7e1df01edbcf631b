package cn.chifeng.title.common;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one template format of texts staff may edit (messages, printable notices): {@code {name}} is replaced by the
 * value of that name, in one pass — a value is never read as a template, nothing is evaluated — and an unknown
 * name stays visible so that a typo shows.
 */
public final class Placeholders {
    private static final Pattern NAME = Pattern.compile("\\{(\\w+)}");

    private Placeholders() {
    }

    public static String fill(String template, Map<String, String> values) {
        Matcher m = NAME.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.containsKey(m.group(1)) ? values.get(m.group(1)) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
