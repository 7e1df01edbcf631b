package cn.chifeng.title.application;

import java.time.DateTimeException;
import java.time.LocalDate;

/** 18-digit resident identity number (GB 11643-1999): format, date of birth and ISO 7064 MOD 11-2 check character. */
public final class ResidentIdNumber {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private ResidentIdNumber() {
    }

    /** @return null when valid, otherwise the Chinese reason */
    public static String problem(String id) {
        if (id == null || !id.matches("\\d{17}[\\dXx]")) {
            return "身份证号码应为18位，前17位为数字，末位为数字或X";
        }
        try {
            LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return "身份证号码中的出生日期无效";
        }
        return checkCharacter(id) == Character.toUpperCase(id.charAt(17)) ? null : "身份证号码校验位不正确";
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** 150429********1234: region and last four kept, the birth date and sequence hidden. */
    public static String masked(String id) {
        if (id.length() < 10) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** The date of birth of a valid number (digits 7–14). */
    public static LocalDate birthDate(String id) {
        return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)));
    }

    /** Whether a valid number is a man's: the 17th digit (the sequence's last) is odd for men, even for women. */
    public static boolean isMale(String id) {
        return (id.charAt(16) - '0') % 2 == 1;
    }
}
