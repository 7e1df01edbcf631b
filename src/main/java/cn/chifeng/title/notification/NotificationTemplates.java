package cn.chifeng.title.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The staff-editable Chinese templates ({@code title.notifications.templates}), one subject and body per event. */
@Component
public class NotificationTemplates {
    private final Map<String, Template> templates;

    NotificationTemplates(@Value("${title.notifications.templates}") Resource file) {
        try (InputStream in = file.getInputStream()) {
            templates = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<Map<String, Template>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取通知模板 " + file, e);
        }
    }

    public boolean has(String event) {
        return templates.containsKey(event);
    }

    /** The subject and body of the event with {name} placeholders filled (unknown ones left visible). */
    public Template render(String event, Map<String, String> values) {
        Template t = templates.get(event);
        if (t == null) {
            throw new IllegalArgumentException("没有通知模板: " + event);
        }
        return new Template(fill(t.subject(), values), fill(t.body(), values));
    }

    private static String fill(String text, Map<String, String> values) {
        return cn.chifeng.title.common.Placeholders.fill(text, values).strip();
    }

    /** A subject and body. */
    public record Template(String subject, String body) {
    }
}
