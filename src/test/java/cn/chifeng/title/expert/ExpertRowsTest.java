package cn.chifeng.title.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.chifeng.title.code.Level;
import cn.chifeng.title.common.ApiException.CellError;

/** Every check of a row of an expert list (EVA-1), each named by row, column and Chinese reason. */
class ExpertRowsTest {
    private static final String HEADER = ExpertSheetTest.HEADER;
    private static final String GOOD = "王建国,临床医学,正高级,红山区人民医院,1215040252601815JU,否,,2024 2023，2022,wangjg,0476-8253456";

    private static ExpertRows.Result check(List<String> specialties, String... lines) {
        String csv = String.join("\n", lines);
        return ExpertRows.check(ExpertSheet.read(csv.getBytes(StandardCharsets.UTF_8), "x.csv", 100),
                "cmte-health-city", 2025, specialties);
    }

    private static ExpertRows.Result check(String... lines) {
        return check(List.of(), lines);
    }

    @Test
    void aGoodRowBecomesAnExpertWithItsLevelAndSortedSeasons() {
        ExpertRows.Result r = check(HEADER, GOOD);

        assertThat(r.errors()).isEmpty();
        Expert e = r.rows().get(0).expert();
        assertThat(e.level()).isEqualTo(Level.SENIOR);
        assertThat(e.seasonsServed()).containsExactly(2022, 2023, 2024);
        assertThat(e.privateEnterprise()).isFalse();
        assertThat(e.internalUnitCode()).isNull();
        assertThat(e.phone()).isEqualTo("0476-8253456");
        assertThat(r.rows().get(0).retired()).as("no 状态 column").isNull();
    }

    @Test
    void theOrderOfColumnsIsFreeAndOptionalColumnsMayBeLeftOut() {
        ExpertRows.Result r = check("是否民营企业,统一社会信用代码,工作单位,层级,专业,姓名",
                "是,9115040391186252X7,元宝山发电有限责任公司,副高级,电力,赵刚");

        assertThat(r.errors()).isEmpty();
        assertThat(r.rows().get(0).expert()).extracting(Expert::name, Expert::privateEnterprise, Expert::level)
                .containsExactly("赵刚", true, Level.ASSOCIATE_SENIOR);
    }

    @Test
    void unknownMissingEmptyAndRepeatedHeadersAreErrorsOfRowOne() {
        ExpertRows.Result r = check("姓名,专业,职称,工作单位,统一社会信用代码,姓名,", "王建国,临床医学,正高级,甲,x,否");

        assertThat(r.errors()).extracting(CellError::row).containsOnly(1);
        assertThat(r.errors()).extracting(CellError::column, CellError::reason).contains(
                org.assertj.core.groups.Tuple.tuple("姓名", "表头重复"),
                org.assertj.core.groups.Tuple.tuple("层级", "缺少必需的列"),
                org.assertj.core.groups.Tuple.tuple("是否民营企业", "缺少必需的列"));
        assertThat(r.errors()).anySatisfy(e -> {
            assertThat(e.column()).isEqualTo("职称");
            assertThat(e.reason()).startsWith("未知的表头");
        });
        assertThat(check("姓名,,专业", "a,b,c").errors()).extracting(CellError::column).contains("第2列");
    }

    @Test
    void everyBadCellOfEveryRowIsReportedWithItsRowColumnAndReason() {
        ExpertRows.Result r = check(HEADER + ",状态",
                GOOD + ",在库",
                "李明,临床医学,正高级,红山区人民医院,1215040252601815JA,否,,,,,",
                ",,助理级,,,可能,ABC,2023/2024,Li Ming,12345,退休",
                "=cmd,临床医学,中级,@单位,1215040252601815JU,是,,2026,ok-name,13904761234,");

        assertThat(r.rows()).hasSize(1);
        assertThat(r.errors()).containsExactly(
                new CellError(3, "统一社会信用代码", "统一社会信用代码校验位不正确"),
                new CellError(4, "姓名", "必须填写姓名"),
                new CellError(4, "专业", "必须填写专业"),
                new CellError(4, "层级", "层级须为正高级、副高级或中级（评审专家须具有中级及以上职称）"),
                new CellError(4, "工作单位", "必须填写工作单位"),
                new CellError(4, "统一社会信用代码", "必须填写统一社会信用代码"),
                new CellError(4, "是否民营企业", "须填写“是”或“否”"),
                new CellError(4, "自主评审单位内部专家", "统一社会信用代码应为18位"),
                new CellError(4, "已参评年度", "“2023/2024”不是年份：年度写作四位数字，以顿号、逗号或空格分隔，如 2023、2024"),
                new CellError(4, "登录账号", "登录账号须为3至64位小写字母、数字或连字符 -（与任务列表的登录名规则一致）"),
                new CellError(4, "联系电话", "联系电话须为11位手机号或带区号的固定电话（如 0476-8888888）"),
                new CellError(4, "状态", "状态须为“在库”或“已退出”，或不填"),
                new CellError(5, "姓名", "姓名不能以 =、+、-、@ 开头"),
                new CellError(5, "工作单位", "工作单位不能以 =、+、-、@ 开头"),
                new CellError(5, "已参评年度", "年度 2026 不在 1990 至 2025 之间"));
    }

    @Test
    void theSamePersonTwiceAndTheSameAccountTwiceAreErrorsOfTheLaterRow() {
        ExpertRows.Result r = check(HEADER, GOOD,
                "王建国,护理,中级,红山区人民医院,1215040252601815JU,否,,,,",
                "王建国,临床医学,正高级,宁城县中心医院,1215042918609139YY,否,,,wangjg,");

        assertThat(r.errors()).containsExactly(
                new CellError(3, "姓名", "与第 2 行是同一专家（姓名和统一社会信用代码相同）"),
                new CellError(4, "登录账号", "登录账号与第 2 行重复"));
        assertThat(r.rows()).hasSize(1);
    }

    @Test
    void aSpecialtyOutsideTheCommitteesIsRefusedWhenTheCommitteeHasSpecialties() {
        String nursing = "张丽,护理,副高级,宁城县中心医院,1215042918609139YY,否,,,,";

        assertThat(check(List.of("临床医学", "药学"), HEADER, nursing).errors()).containsExactly(
                new CellError(2, "专业", "不是本评委会的评审专业（可选：临床医学、药学）"));
        assertThat(check(List.of(), HEADER, nursing).errors()).isEmpty();
    }

    @Test
    void contentRightOfTheLastHeaderIsAnError() {
        assertThat(check(HEADER, GOOD + ",多余").errors()).containsExactly(
                new CellError(2, "（无表头的列）", "表头右侧没有表头的列中有内容"));
    }

    @Test
    void levelsAreTakenByLabelOrCodeAndLowerCaseCreditCodesAreUpperCased() {
        ExpertRows.Result r = check(HEADER, "赵刚,电力,ASSOCIATE_SENIOR,国网赤峰供电公司,9115040059797114f7,否,9115040059797114F7,,,");

        assertThat(r.errors()).isEmpty();
        assertThat(r.rows().get(0).expert()).extracting(Expert::level, Expert::employerCode, Expert::internalUnitCode)
                .containsExactly(Level.ASSOCIATE_SENIOR, "9115040059797114F7", "9115040059797114F7");
    }
}
