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
}
