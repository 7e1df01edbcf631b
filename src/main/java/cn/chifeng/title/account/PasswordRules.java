package cn.chifeng.title.account;

import java.util.Locale;

/**
 * 密码规则 of portal accounts: 8 to 64 characters with letters and digits, not the person's own mobile number, 身份证号
 * or its last six digits, and not an obvious sequence. Returns the Chinese reason, or null when acceptable.
 */
final class PasswordRules {
    static final int MIN = 8;
    static final int MAX = 64;

    private PasswordRules() {
    }

    static String problem(String password, String idNumber, String phone) {
        if (password == null || password.length() < MIN) {
            return "密码至少 " + MIN + " 位";
        }
        if (password.length() > MAX) {
            return "密码不能超过 " + MAX + " 位";
        }
        if (!password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
            return "密码须同时包含字母和数字";
        }
        if (password.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "密码不能包含空格或控制字符";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (phone != null && !phone.isBlank() && lower.contains(phone.trim())) {
            return "密码不能包含手机号码";
        }
        if (idNumber != null && idNumber.length() >= 6
                && lower.contains(idNumber.substring(idNumber.length() - 6).toLowerCase(Locale.ROOT))) {
            return "密码不能包含身份证号码（含后六位）";
        }
        if (lower.contains("12345678") || lower.contains("password") || lower.contains("qwerty")) {
            return "密码过于简单，请避免连续数字或常见单词";
        }
        return null;
    }
}
