package cn.chifeng.title.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The project's own Chinese translation of the Camunda 7.24 webapps: no key missing against the English file of
 * the webjar (read past its UTF-8 BOM), placeholders kept, and each app configured for locale {@code zh}.
 */
class WebappTranslationTest {
    private static final String BASE = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void chineseHasEveryKeyOfTheEnglishFileWithItsPlaceholders(String app) throws IOException {
        Map<String, String> en = flatten(read(BASE + app + "/locales/en.json"));
        Map<String, String> zh = flatten(read(BASE + app + "/locales/zh.json"));

        assertThat(en).as("English labels of " + app).hasSizeGreaterThan(100);
        assertThat(zh.keySet()).as("keys missing from " + app + "/locales/zh.json").containsAll(en.keySet());
        for (Map.Entry<String, String> e : en.entrySet()) {
            Matcher m = PLACEHOLDER.matcher(e.getValue());
            while (m.find()) {
                assertThat(zh.get(e.getKey())).as(app + " " + e.getKey()).contains(m.group());
            }
        }
        long chinese = zh.values().stream().filter(v -> v.codePoints().anyMatch(
                c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).count();
        assertThat(chinese).as("labels in Chinese in " + app).isGreaterThan(en.size() * 8L / 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void everyAppIsConfiguredForChineseAndHidesTheMigrationBanner(String app) throws IOException {
        String config = text(BASE + app + "/scripts/config.js");
        assertThat(config).containsPattern("availableLocales:\\s*\\['zh'\\]").containsPattern("fallbackLocale:\\s*'zh'");
        assertThat(text(BASE + app + "/styles/user-styles.css")).contains(".ce-eol-banner").contains("display: none");
    }

    private JsonNode read(String resource) throws IOException {
        return json.readTree(text(resource));
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = WebappTranslationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        }
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix, node.asText());
        }
    }
}
