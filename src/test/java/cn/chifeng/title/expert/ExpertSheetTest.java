package cn.chifeng.title.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.chifeng.title.code.Level;
import cn.chifeng.title.common.ApiException;

/** The expert list as a file (EVA-1): CSV in UTF-8 with or without BOM or in GB18030, .xlsx, and what is refused. */
class ExpertSheetTest {
    static final String HEADER = "姓名,专业,层级,工作单位,统一社会信用代码,是否民营企业,自主评审单位内部专家,已参评年度,登录账号,联系电话";
    static final String ROW = "王建国,临床医学,正高级,红山区人民医院,1215040252601815JU,否,,2023、2024,wangjg,13904761234";

    static byte[] bom(String s) {
        byte[] body = s.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        return all;
    }

    private static ApiException.FieldError fileError(Runnable read) {
        try {
            read.run();
        } catch (ApiException e) {
            assertThat(e.fieldErrors()).hasSize(1);
            return e.fieldErrors().get(0);
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aCsvWithBomIsReadAsUtf8WithoutTheBomInTheFirstHeader() {
        ExpertSheet.Table t = ExpertSheet.read(bom(HEADER + "\r\n" + ROW + "\r\n"), "专家.csv", 10);

        assertThat(t.headers()).first().isEqualTo("姓名");
        assertThat(t.lines()).hasSize(1);
        assertThat(t.lines().get(0).row()).isEqualTo(2);
        assertThat(t.lines().get(0).get("姓名")).isEqualTo("王建国");
        assertThat(t.lines().get(0).get("已参评年度")).isEqualTo("2023、2024");
    }

    @Test
    void aCsvSavedByChineseExcelInGb18030IsRecognised() {
        byte[] gb = (HEADER + "\r\n" + ROW + "\r\n").getBytes(Charset.forName("GB18030"));

        ExpertSheet.Table t = ExpertSheet.read(gb, "专家.csv", 10);

        assertThat(t.headers()).contains("统一社会信用代码", "是否民营企业");
        assertThat(t.lines().get(0).get("工作单位")).isEqualTo("红山区人民医院");
    }

    @Test
    void quotedCellsMayHoldCommasQuotesAndLineBreaksAndBlankRowsAreSkipped() {
        String csv = HEADER + "\n\n\"李,明\",\"说\"\"明\"\"\",中级,\"甲\n乙\",1215040252601815JU,否,,,,\n,,,\n";

        ExpertSheet.Table t = ExpertSheet.read(csv.getBytes(StandardCharsets.UTF_8), "a.csv", 10);

        assertThat(t.lines()).singleElement().satisfies(l -> {
            assertThat(l.row()).isEqualTo(3);
            assertThat(l.get("姓名")).isEqualTo("李,明");
            assertThat(l.get("专业")).isEqualTo("说\"明\"");
            assertThat(l.get("工作单位")).isEqualTo("甲\n乙");
        });
    }

    @Test
    void anXlsxIsReadFromItsFirstSheetNumbersAsShown() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("专家");
            Row h = s.createRow(0);
            String[] headers = HEADER.split(",");
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("张丽");
            r.createCell(1).setCellValue("护理");
            r.createCell(2).setCellValue("副高级");
            r.createCell(3).setCellValue("宁城县中心医院");
            r.createCell(4).setCellValue("1215042918609139YY");
            r.createCell(5).setCellValue("否");
            r.createCell(7).setCellValue(2024);
            r.createCell(9).setCellValue(13904761234d);
            wb.write(out);
            xlsx = out.toByteArray();
        }

        ExpertSheet.Table t = ExpertSheet.read(xlsx, "专家.xlsx", 10);

        assertThat(t.lines()).singleElement().satisfies(l -> {
            assertThat(l.get("姓名")).isEqualTo("张丽");
            assertThat(l.get("已参评年度")).isEqualTo("2024");
            assertThat(l.get("联系电话")).isEqualTo("13904761234");
            assertThat(l.get("自主评审单位内部专家")).isEmpty();
        });
    }

    @Test
    void anExportReadsBackAsTheSameCells() throws IOException {
        Expert e = new Expert(7, "cmte-health-city", "王建国", "临床医学", Level.SENIOR, "红山区人民医院, 本部",
                "1215040252601815JU", false, "1215040252601815JU", List.of(2024, 2023), "wangjg", "13904761234", true);

        for (byte[] file : List.of(ExpertSheet.csv(List.of(e)), ExpertSheet.xlsx(List.of(e), "评审专家库"))) {
            ExpertSheet.Table t = ExpertSheet.read(file, file[0] == 'P' ? "x.xlsx" : "x.csv", 10);
            assertThat(t.headers()).isEqualTo(ExpertSheet.HEADERS);
            assertThat(t.lines().get(0).cells()).isEqualTo(ExpertSheet.cells(e));
        }
        assertThat(ExpertSheet.cells(e)).containsEntry("已参评年度", "2023、2024").containsEntry("状态", "已退出");
        byte[] xlsx = ExpertSheet.xlsx(List.of(e), "评审专家库");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(4).getStringCellValue()).isEqualTo("1215040252601815JU");
        }
    }

    @Test
    void anEmptyFileAFileWithoutDataRowsAndTooManyRowsAreRefusedNamingFile() {
        assertThat(fileError(() -> ExpertSheet.read(new byte[0], "a.csv", 10)))
                .isEqualTo(new ApiException.FieldError("file", "文件为空"));
        assertThat(fileError(() -> ExpertSheet.read(bom("\r\n \r\n"), "a.csv", 10)).message()).isEqualTo("文件中没有内容");
        assertThat(fileError(() -> ExpertSheet.read(bom(HEADER + "\r\n,,,\r\n"), "a.csv", 10)).message())
                .contains("没有专家数据");
        assertThat(fileError(() -> ExpertSheet.read(bom(HEADER + "\n" + ROW + "\n" + ROW + "\n" + ROW), "a.csv", 2))
                .message()).contains("最多导入 2 名");
    }

    @Test
    void otherFileTypesAreRefusedNamingFile() {
        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n".getBytes(StandardCharsets.US_ASCII);
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        byte[] brokenZip = {'P', 'K', 3, 4, 0, 0, 0, 0};

        assertThat(fileError(() -> ExpertSheet.read(pdf, "名单.pdf", 10)).message()).contains(".xlsx 或 .csv");
        assertThat(fileError(() -> ExpertSheet.read(xls, "名单.xls", 10)).message()).contains(".xlsx 或 .csv");
        assertThat(fileError(() -> ExpertSheet.read(xls, "名单.csv", 10)).message()).contains(".xlsx 或 .csv");
        assertThat(fileError(() -> ExpertSheet.read(brokenZip, "名单.xlsx", 10)).message()).contains("无法读取");
        assertThat(fileError(() -> ExpertSheet.read(bom(HEADER + "\n\"王,"), "a.csv", 10)).message()).contains("引号");
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030AreRefused() {
        assertThatThrownBy(() -> ExpertSheet.decode(new byte[] {(byte) 0x81, 0x20}))
                .isInstanceOf(ApiException.class).hasFieldOrPropertyWithValue("fieldErrors",
                        List.of(new ApiException.FieldError("file",
                                "CSV 文件的编码无法识别，请保存为 UTF-8 或 GB18030（GBK）编码")));
    }
}
