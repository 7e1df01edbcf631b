package cn.chifeng.title.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.chifeng.title.feel.CachingFeelEngineFactory;

/** EVA-5: which applications are reviewed blind online in 2025 ({@code dmn/blind-review.dmn}, 通知 二(一)1). */
class BlindReviewTableTest {
    private static final DmnEngine DMN = CachingFeelEngineFactory.dmnEngine();
    private static DmnDecision table;

    @BeforeAll
    static void parse() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("dmn/blind-review.dmn"))) {
            table = DMN.parseDecision("blind-review", in);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} self-evaluating={3} → blind {4}")
    @CsvSource({
            "ECONOMICS,SENIOR,金融,false,true", "ECONOMICS,ASSOCIATE_SENIOR,金融,false,true",
            "ECONOMICS,INTERMEDIATE,金融,false,false",
            "ACCOUNTING,ASSOCIATE_SENIOR,会计,false,true", "ACCOUNTING,ASSISTANT,会计,false,false",
            "TECHNICAL_SCHOOL_TEACHER,SENIOR,机械,false,true", "ARTS_AND_CRAFTS,ASSOCIATE_SENIOR,雕刻,false,true",
            "HEALTH,ASSOCIATE_SENIOR,内科,false,true", "HEALTH,INTERMEDIATE,内科,false,false",
            "HEALTH,INTERMEDIATE,内科,true,true", "HEALTH,ASSISTANT,护理,true,true",
            "ENGINEERING,ASSOCIATE_SENIOR,电力,false,true", "ENGINEERING,SENIOR,药品,false,true",
            "ENGINEERING,ASSOCIATE_SENIOR,大数据,false,true", "ENGINEERING,ASSOCIATE_SENIOR,纺织,false,true",
            "ENGINEERING,ASSOCIATE_SENIOR,机械,false,false", "ENGINEERING,INTERMEDIATE,电力,false,false",
            "PRIMARY_SECONDARY_TEACHER,SENIOR,数学,false,false", "AGRICULTURE,ASSOCIATE_SENIOR,农学,false,false",
            "CONSTRUCTION_ENGINEERING,SENIOR,建筑,false,false"})
    void theListOfTheNotice(String series, String level, String specialty, boolean selfEvaluating, boolean blind) {
        Object result = DMN.evaluateDecisionTable(table, Variables.createVariables().putValue("series", series)
                .putValue("targetLevel", level).putValue("specialty", specialty)
                .putValue("selfEvaluating", selfEvaluating)).getSingleEntry();
        assertThat(result).isEqualTo(blind);
    }
}
