package cn.chifeng.title.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo pools ({@code demo/experts/<committee>.csv}) pass the import's checks, hold 20 to 25 experts, and mix
 * private-enterprise, internal and earlier-serving experts so that the draw's rules have cases to show.
 */
class ExpertDemoFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"cmte-health-city", "cmte-health-region", "cmte-pst-city", "cmte-engineering-region",
            "cmte-svt-city"})
    void theDemoPoolOfTheCommitteeImportsCleanly(String committee) throws IOException {
        Path file = Path.of("src/main/resources/demo/experts", committee + ".csv");

        ExpertRows.Result r = ExpertRows.check(ExpertSheet.read(Files.readAllBytes(file), file.toString(), 5000),
                committee, 2025, List.of());

        assertThat(r.errors()).isEmpty();
        assertThat(r.rows()).hasSizeBetween(20, 25);
        List<Expert> experts = r.rows().stream().map(ExpertRows.Parsed::expert).toList();
        assertThat(experts).anyMatch(Expert::privateEnterprise);
        assertThat(experts).anyMatch(e -> e.seasonsServed().containsAll(List.of(2022, 2023, 2024)));
        assertThat(experts).anyMatch(e -> e.seasonsServed().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cmte-health-region", "cmte-engineering-region", "cmte-svt-city"})
    void poolsOfSelfEvaluatingUnitsHoldInternalExperts(String committee) throws IOException {
        Path file = Path.of("src/main/resources/demo/experts", committee + ".csv");
        try (Stream<String> lines = Files.lines(file)) {
            assertThat(lines.skip(1).map(l -> l.split(",", -1)[6])).anyMatch(code -> !code.isEmpty());
        }
    }
}
