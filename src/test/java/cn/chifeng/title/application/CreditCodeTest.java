package cn.chifeng.title.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void acceptsPublishedCodes() {
        // 统一社会信用代码 of well-known organisations (public registers)
        assertThat(CreditCode.problem("91350100M000100Y43")).isNull();
        assertThat(CreditCode.problem("1215042918609139YY")).isNull();
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThat(CreditCode.problem("91350100M000100Y44")).isEqualTo("统一社会信用代码校验位不正确");
    }

    @Test
    void refusesCharactersOutsideTheAlphabet() {
        assertThat(CreditCode.problem("91350100I000100Y43")).isEqualTo("统一社会信用代码含有无效字符");
    }

    @Test
    void refusesWrongLength() {
        assertThat(CreditCode.problem("913501")).isEqualTo("统一社会信用代码应为18位");
    }

    @Test
    void acceptsCodesOfEveryRegistrationAuthority() {
        // 9 工商 (企业), 5 民政 (社会组织), 1 机构编制 (事业单位): the check character is computed the same way
        assertThat(CreditCode.problem("91150429MA0N12345B")).isNull();
        assertThat(CreditCode.problem("52150402MJ00000018")).isNull();
        assertThat(CreditCode.problem("12150400MB1234567M")).isNull();
    }

    @Test
    void acceptsEverySeedEmployerOfTheDataFile() throws java.io.IOException {
        String yaml = new String(CreditCodeTest.class.getResourceAsStream("/organisations.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        var codes = java.util.regex.Pattern.compile("\\{code: ([0-9A-Z]{18}),").matcher(yaml).results()
                .map(m -> m.group(1)).toList();
        assertThat(codes).hasSizeGreaterThan(10);
        codes.forEach(c -> assertThat(CreditCode.problem(c)).as(c).isNull());
    }

    @Test
    void refusesEveryOtherCheckCharacter() {
        String body = "91150429MA0N12345";
        for (char c : "0123456789ACDEFGHJKLMNPQRTUWXY".toCharArray()) {
            assertThat(CreditCode.problem(body + c)).as(body + c).isEqualTo("统一社会信用代码校验位不正确");
        }
    }

    @Test
    void refusesTwoSwappedCharacters() {
        assertThat(CreditCode.problem("91150429MA0N21345B")).isEqualTo("统一社会信用代码校验位不正确");
    }

    @Test
    void refusesLettersTheStandardLeavesOutAndLowerCase() {
        // GB 32100-2015 uses no I, O, S, V, Z (they look like digits); the registration page upper-cases first
        for (char c : "IOSVZ".toCharArray()) {
            assertThat(CreditCode.problem("91150429M" + c + "0N12345B")).isEqualTo("统一社会信用代码含有无效字符");
        }
        assertThat(CreditCode.problem("91150429ma0n12345b")).isEqualTo("统一社会信用代码含有无效字符");
    }

    @Test
    void refusesSeventeenAndNineteenCharactersAndNothing() {
        assertThat(CreditCode.problem("91150429MA0N12345")).isEqualTo("统一社会信用代码应为18位");
        assertThat(CreditCode.problem("91150429MA0N12345B0")).isEqualTo("统一社会信用代码应为18位");
        assertThat(CreditCode.problem(null)).isEqualTo("统一社会信用代码应为18位");
    }
}
