package cn.chifeng.title.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;

class TitleNamesTest {

    @Test
    void eachSeriesNamesItsTitlesByLevel() {
        assertThat(TitleNames.of(Series.ENGINEERING, Level.ASSOCIATE_SENIOR, "电力")).isEqualTo("高级工程师");
        assertThat(TitleNames.of(Series.ENGINEERING, Level.SENIOR, "电力")).isEqualTo("正高级工程师");
        assertThat(TitleNames.of(Series.CONSTRUCTION_ENGINEERING, Level.INTERMEDIATE, "建筑")).isEqualTo("工程师");
        assertThat(TitleNames.of(Series.PRIMARY_SECONDARY_TEACHER, Level.ASSOCIATE_SENIOR, "数学")).isEqualTo("高级教师");
        assertThat(TitleNames.of(Series.PRIMARY_SECONDARY_TEACHER, Level.INTERMEDIATE, "数学")).isEqualTo("一级教师");
        assertThat(TitleNames.of(Series.ACCOUNTING, Level.ASSISTANT, null)).isEqualTo("助理会计师");
        assertThat(TitleNames.of(Series.ECONOMICS, Level.ASSOCIATE_SENIOR, "人力资源")).isEqualTo("高级经济师");
        assertThat(TitleNames.of(Series.TECHNICAL_SCHOOL_TEACHER, Level.ASSOCIATE_SENIOR, "机械")).isEqualTo("高级讲师");
        assertThat(TitleNames.of(Series.ARTS_AND_CRAFTS, Level.INTERMEDIATE, "刺绣")).isEqualTo("工艺美术师");
    }

    @Test
    void healthAndAgricultureNameTheSpecialtysLine() {
        assertThat(TitleNames.of(Series.HEALTH, Level.ASSOCIATE_SENIOR, "内科")).isEqualTo("副主任医师");
        assertThat(TitleNames.of(Series.HEALTH, Level.INTERMEDIATE, "内科")).isEqualTo("主治医师");
        assertThat(TitleNames.of(Series.HEALTH, Level.ASSOCIATE_SENIOR, "护理")).isEqualTo("副主任护师");
        assertThat(TitleNames.of(Series.HEALTH, Level.INTERMEDIATE, "药学")).isEqualTo("主管药师");
        assertThat(TitleNames.of(Series.HEALTH, Level.SENIOR, "医学检验")).isEqualTo("主任技师");
        assertThat(TitleNames.of(Series.HEALTH, Level.ASSOCIATE_SENIOR, "放射医学技术")).isEqualTo("副主任技师");
        assertThat(TitleNames.of(Series.HEALTH, Level.ASSOCIATE_SENIOR, "专业技术")).as("技 alone is no line")
                .isEqualTo("副主任医师");
        assertThat(TitleNames.of(Series.AGRICULTURE, Level.ASSOCIATE_SENIOR, "畜牧")).isEqualTo("高级畜牧师");
        assertThat(TitleNames.of(Series.AGRICULTURE, Level.INTERMEDIATE, "作物栽培")).isEqualTo("农艺师");
    }

    @Test
    void aLevelASeriesHasNoTitleForIsNamedBySeriesAndLevel() {
        assertThat(TitleNames.of(Series.SECONDARY_VOCATIONAL_TEACHER, Level.MEMBER, "机械"))
                .isEqualTo("中等职业学校教师系列员级");
    }
}
