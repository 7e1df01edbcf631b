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
}
