package cn.chifeng.title.common;

import java.util.regex.Pattern;

/**
 * What people type: trimmed; refused when empty once invisible characters are removed (control and format
 * characters such as zero-width spaces, and white space), when it holds control characters other than line breaks
 * and tabs, or when it is longer than its limit — always naming the field. An engine string variable holds at most
 * 4000 characters, so no limit may exceed that for text that goes into the process.
 */
public final class Texts {
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{C}\\p{Z}\\s]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\r\\n\\t]]");

    private Texts() {
    }

    /** The problem of a text, or null; {@code what} is its Chinese name. */
    public static String problem(String value, String what, int max, boolean required) {
        if (value == null || INVISIBLE.matcher(value).replaceAll("").isEmpty()) {
            return required ? "必须填写" + what : value == null || value.isEmpty() ? null : what + "不能只有空白或不可见字符";
        }
        if (CONTROL.matcher(value).find()) {
            return what + "不能包含控制字符";
        }
        if (value.trim().length() > max) {
            return what + "不能超过" + max + "个字（现为" + value.trim().length() + "个）";
        }
        return null;
    }

    /** The trimmed text, or an {@link ApiException} 400 naming the field. */
    public static String require(String field, String value, String what, int max) {
        String problem = problem(value, what, max, true);
        if (problem != null) {
            throw ApiException.invalid(field, problem);
        }
        return value.trim();
    }

    /** Like {@link #require} but an absent or empty text is null. */
    public static String optional(String field, String value, String what, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String problem = problem(value, what, max, false);
        if (problem != null) {
            throw ApiException.invalid(field, problem);
        }
        return value.trim();
    }
}
