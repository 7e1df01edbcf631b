package cn.chifeng.title.material;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** 职称评审材料目录单 (附件1) from the data file {@code title.materials.checklist}. */
@Component
public class MaterialChecklist {
    private final Data data;

    MaterialChecklist(@Value("${title.materials.checklist}") Resource file) {
        try (InputStream in = file.getInputStream()) {
            data = new ObjectMapper(new YAMLFactory()).readValue(in, Data.class);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取材料目录单 " + file, e);
        }
    }

    /** The items required of an application of the series at the level. */
    public List<Item> items(String series, String level) {
        List<Item> items = new ArrayList<>();
        for (Item i : data.defaultItems()) {
            if (i.appliesTo(level)) {
                items.add(i);
            }
        }
        for (Item i : data.series() == null ? List.<Item>of() : data.series().getOrDefault(series, List.of())) {
            if (i.appliesTo(level)) {
                items.add(i);
            }
        }
        return items;
    }

    record Data(@com.fasterxml.jackson.annotation.JsonProperty("default") List<Item> defaultItems,
                Map<String, List<Item>> series) {
    }

    /**
     * One item of the checklist; {@code required}: it must be uploaded before submitting; {@code blind}: for blind online review (EVA-5) the applicant also uploads an
     * anonymised copy, which is all the experts see of it.
     */
    public record Item(String code, String name, List<String> levels, Boolean blind, Boolean required) {
        public boolean forBlindReview() {
            return Boolean.TRUE.equals(blind);
        }

        /** Whether the item must be uploaded before the application can be submitted (APP-6). */
        public boolean requiredBeforeSubmission() {
            return Boolean.TRUE.equals(required);
        }

        boolean appliesTo(String level) {
            return levels == null || levels.contains(level);
        }
    }
}
