package cn.chifeng.title.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The roster layout policy staff edit: the shipped one is read as written; a wrong one stops the start. */
class ReportTemplateTest {

    private static ReportTemplate read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return ReportTemplate.read(in, path);
        }
    }

    @Test
    void theShippedTemplateHasTheColumnsOfAttachmentTwoAndInstructions() throws IOException {
        ReportTemplate t = read("reports/rosters.yaml");
        assertThat(t.roster().columns()).extracting(ReportTemplate.Column::header).containsExactly("序号", "姓名",
                "性别", "出生年月", "工作单位", "现专业技术职务", "取得时间", "申报系列", "申报专业", "申报级别", "学历",
                "毕业时间", "从事专业工作年限", "申报渠道", "审核状态", "备注");
        assertThat(t.roster().instructions()).isNotEmpty();
        assertThat(t.healthRoster().instructions()).isNotEmpty();
        assertThat(t.statistics().columns()).extracting(ReportTemplate.Column::field).contains("posts.SENIOR",
                "applicants.JUNIOR", "over");
        assertThat(ReportTemplate.fill(t.roster().title(), java.util.Map.of("year", "2025", "band", "高级")))
                .isEqualTo("2025年申报专业技术职称评审人员花名册（高级）");
    }

    @Test
    void anUnknownFieldPlaceholderOrMissingPartIsRefusedNamingWhereAllAtOnce() {
        assertThatThrownBy(() -> read("reports/bad-rosters.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("花名册和统计表版式 reports/bad-rosters.yaml 有误，应用未启动")
                .hasMessageContaining("roster（{year}年花名册{season}） 第2列「性别」：未知字段 “sex”（可用字段：rowNumber,")
                .hasMessageContaining("roster（{year}年花名册{season}） title：未知的占位符 {season}")
                .hasMessageContaining("第3列：缺少 header（中文列名）")
                .hasMessageContaining("health-roster（卫生） 第1列「姓名」：width 须为 2 到 100 之间的整数")
                .hasMessageContaining("health-roster（卫生）：缺少 instructions（填表说明）")
                .hasMessageContaining("statistics（统计） 第1列「岗位」：未知字段 “posts.SUPER”")
                .satisfies(e -> assertThat(e.getMessage().lines()).as("one line per problem").hasSize(7));
    }

    @Test
    void theServiceReadsTheTemplateWhenItIsMadeSoABadOneStopsTheStart() {
        assertThatThrownBy(() -> new Reports(new ClassPathResource("reports/bad-rosters.yaml"), null, null, null,
                null, null, null, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bad-rosters.yaml 有误，应用未启动")
                .hasMessageContaining("未知字段 “sex”");
    }

    @Test
    void anUnknownKeyIsRefusedWithItsLine() {
        assertThatThrownBy(() -> read("reports/unknown-key-rosters.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reports/unknown-key-rosters.yaml 第4行：未知的键 “feild”（可用的键：field、header、width）");
    }
}
