package cn.chifeng.title.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void namesAreFilledInOnePassAndNothingIsEvaluated() {
        String text = Placeholders.fill("{name}：{reason} ${1+1} #{bean} {unknown}",
                Map.of("name", "王芳", "reason", "见 {name} 与 $1 \\ 的说明"));

        assertThat(text).isEqualTo("王芳：见 {name} 与 $1 \\ 的说明 ${1+1} #{bean} {unknown}");
    }

    @Test
    void cssBracesAreNotPlaceholders() {
        assertThat(Placeholders.fill("body{margin:0} @media print{a{display:none}} {x}", Map.of("x", "1")))
                .isEqualTo("body{margin:0} @media print{a{display:none}} 1");
    }
}
