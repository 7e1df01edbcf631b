package cn.chifeng.title.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void invisibleOnlyIsEmpty() {
        assertThat(Texts.problem("\u200b\u3000 \t", "姓名", 50, true)).isEqualTo("必须填写姓名");
        assertThat(Texts.problem("\u200b", "备注", 50, false)).isEqualTo("备注不能只有空白或不可见字符");
        assertThat(Texts.problem(null, "备注", 50, false)).isNull();
    }

    @Test
    void controlCharactersAreRefusedButLineBreaksAreText() {
        assertThat(Texts.problem("王\u0000芳", "姓名", 50, true)).isEqualTo("姓名不能包含控制字符");
        assertThat(Texts.problem("第一项\n第二项\t说明", "意见", 50, true)).isNull();
    }

    @Test
    void theLimitCountsTheTrimmedText() {
        assertThat(Texts.problem(" " + "字".repeat(50) + " ", "姓名", 50, true)).isNull();
        assertThat(Texts.problem("字".repeat(51), "姓名", 50, true)).isEqualTo("姓名不能超过50个字（现为51个）");
        assertThatThrownBy(() -> Texts.require("name", "字".repeat(51), "姓名", 50)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).fieldErrors()).extracting(ApiException.FieldError::field)
                        .containsExactly("name"));
        assertThat(Texts.require("name", "  王芳 ", "姓名", 50)).isEqualTo("王芳");
    }
}
