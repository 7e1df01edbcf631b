package cn.chifeng.title.season;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The seasons shipped in configuration ({@code title.seasons}); loaded into the database once. */
@ConfigurationProperties("title")
public record SeasonProperties(List<Entry> seasons) {

    public record Entry(int year, LocalDate applicationOpen, LocalDate applicationClose, LocalDate reviewClose,
                        LocalDate qualificationCutoff, LocalDate evaluationClose) {
    }
}
