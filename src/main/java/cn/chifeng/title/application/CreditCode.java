package cn.chifeng.title.application;

/** 统一社会信用代码 (GB 32100-2015): 18 characters of the code alphabet with a MOD 31 check character. */
public final class CreditCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** @return null when valid, otherwise the Chinese reason */
    public static String problem(String code) {
        if (code == null || code.length() != 18) {
            return "统一社会信用代码应为18位";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(code.charAt(i));
            if (v < 0) {
                return "统一社会信用代码含有无效字符";
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check) == code.charAt(17) ? null : "统一社会信用代码校验位不正确";
    }
}
