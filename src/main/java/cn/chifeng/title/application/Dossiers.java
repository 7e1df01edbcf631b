package cn.chifeng.title.application;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads and writes the dossier kept with each application record (JSON). */
@Component
public class Dossiers {
    private final ObjectMapper json;
    private final ApplicationRepository applications;

    Dossiers(ObjectMapper json, ApplicationRepository applications) {
        this.json = json;
        this.applications = applications;
    }

    public Dossier of(String applicationId) {
        return parse(applications.find(applicationId)
                .orElseThrow(() -> new IllegalStateException("申报记录不存在: " + applicationId)).dossierJson());
    }

    public Dossier parse(String text) {
        try {
            return json.readValue(text, Dossier.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("申报信息无法读取", e);
        }
    }

    public String write(Dossier dossier) {
        try {
            return json.writeValueAsString(dossier);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("申报信息无法保存", e);
        }
    }
}
