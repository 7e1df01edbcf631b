package cn.chifeng.title.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a Camunda Form lets a person enter: its enabled input fields with their type, the choices offered (listed in
 * the form, or named by {@code valuesKey}: a list the server put into the task's variables) and the length limit.
 * Display-only fields ({@code disabled}) and components without a key (text, spacers) are not inputs.
 */
public record TaskForm(String id, Map<String, Field> inputs) {
    /** Engine string variables hold at most 4000 characters (ACT_RU_VARIABLE.TEXT_). */
    public static final int ENGINE_STRING_LIMIT = 4000;
    static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "checklist",
            "radio", "select", "taglist", "datetime");
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Field(String key, String type, String label, List<String> values, List<String> valueLabels,
                        String valuesKey, int maxLength) {
        boolean multiple() {
            return "checklist".equals(type) || "taglist".equals(type);
        }
    }

    public static TaskForm parse(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<String, Field> inputs = new LinkedHashMap<>();
            collect(root.path("components"), inputs);
            return new TaskForm(root.path("id").asText(null), inputs);
        } catch (IOException e) {
            throw new UncheckedIOException("表单定义无法解析", e);
        }
    }

    private static void collect(JsonNode components, Map<String, Field> inputs) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if (c.has("components") && !c.has("path")) {
                collect(c.path("components"), inputs);
            }
            String key = c.path("key").asText(null);
            if (key == null || !INPUT_TYPES.contains(type) || c.path("disabled").asBoolean(false)) {
                continue;
            }
            List<String> values = null;
            List<String> labels = null;
            if (c.has("values")) {
                values = new ArrayList<>();
                labels = new ArrayList<>();
                for (JsonNode v : c.path("values")) {
                    values.add(v.path("value").asText());
                    labels.add(v.path("label").asText(v.path("value").asText()) + "（" + v.path("value").asText() + "）");
                }
            }
            int max = c.path("validate").path("maxLength").asInt(ENGINE_STRING_LIMIT);
            inputs.put(key, new Field(key, type, c.path("label").asText(key), values, labels,
                    c.path("valuesKey").asText(null), Math.min(max, ENGINE_STRING_LIMIT)));
        }
    }
}
