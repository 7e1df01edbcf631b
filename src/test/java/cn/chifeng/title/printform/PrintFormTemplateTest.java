package cn.chifeng.title.printform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The layout template policy staff edit: the shipped one is read as written; a wrong one stops the start. */
class PrintFormTemplateTest {

    private static PrintFormTemplate read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return PrintFormTemplate.read(in, path);
        }
    }

    @Test
    void theShippedTemplateHasBothFormsWithTheirChineseTitlesAndTheIdNumberBlindOnlyOnTheSubmissionForm()
            throws IOException {
        PrintFormTemplate t = read("print-forms.yaml");
        assertThat(t.form(PrintForm.REVIEW_FORM).title()).isEqualTo("专业技术职称评审表");
        assertThat(t.form(PrintForm.SUBMISSION_FORM).title()).isEqualTo("专业技术职称送审表");
        assertThat(t.form(PrintForm.REVIEW_FORM).sections()).flatExtracting(s -> s.isTable() ? s.columns() : s.rows())
                .filteredOn(i -> i.field().equals("idNumber")).extracting(PrintFormTemplate.Item::blind)
                .containsExactly(false);
        assertThat(t.form(PrintForm.SUBMISSION_FORM).sections()).flatExtracting(s -> s.isTable() ? s.columns() : s.rows())
                .filteredOn(i -> i.field().equals("idNumber")).extracting(PrintFormTemplate.Item::blind)
                .containsExactly(true);
        assertThat(t.form(PrintForm.REVIEW_FORM).sections()).filteredOn(PrintFormTemplate.Section::isTable)
                .extracting(PrintFormTemplate.Section::table).containsExactly("serviceHistory", "reviewTrail");
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheFormTheSectionAndTheRow() {
        assertThatThrownBy(() -> read("printform/unknown-field.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("打印表格版式 printform/unknown-field.yaml 有误，应用未启动")
                .hasMessageContaining("review-form（专业技术职称评审表） 第1栏「基本情况」 第1行「姓名」：未知字段 “nmae”（可用字段：")
                .hasMessageContaining("第2栏「各级审核意见」 第2列「审核人」：未知字段 “signature”（可用字段：stage, body,")
                .hasMessageContaining("第2列「审核人」：blind 只用于 rows")
                .satisfies(e -> assertThat(e.getMessage().lines()).as("one line per problem").hasSize(4));
    }

    @Test
    void anUnknownKeyIsRefusedWithItsLine() {
        assertThatThrownBy(() -> read("printform/unknown-key.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("printform/unknown-key.yaml 第7行：未知的键 “feild”（可用的键：blind、field、label）");
    }

    @Test
    void aMissingFormAnUnknownFormAnUnknownTableAndAMissingLabelAreAllReportedAtOnce() {
        assertThatThrownBy(() -> read("printform/missing-parts.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("第1栏「业绩」：未知的表 table: achievements（可用：reviewTrail、serviceHistory）")
                .hasMessageContaining("第2栏「基本情况」 第1行：缺少 label（中文标签）")
                .hasMessageContaining("未知的表格 “appraisal-form”（应为 review-form 和 submission-form）")
                .hasMessageContaining("缺少表格 “submission-form”");
    }
}
