package cn.chifeng.title.common;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a YAML file that policy staff edit (print forms, report layouts): an unknown key, bad YAML or an unreadable
 * file stops the start with a Chinese message naming the file, the line and, for a key, the keys it may have.
 */
public final class PolicyFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private PolicyFiles() {
    }

    /** The file as {@code type}, or null if it is empty; {@code source} names it in the messages. */
    public static <T> T read(InputStream in, Class<T> type, String source) {
        try {
            return YAML.readValue(in, type);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalStateException(source + " 第" + e.getLocation().getLineNr() + "行：未知的键 “"
                    + e.getPropertyName() + "”（可用的键：" + String.join("、", e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().toList()) + "）");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(source + " 的 YAML 写法有误（第"
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "行）：" + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(source + " 无法读取", e);
        }
    }
}
