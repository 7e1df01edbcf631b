package cn.chifeng.title.application;

import java.time.OffsetDateTime;
import java.util.List;

/** One row of the application register: what the API reports and what APP-2/APP-3 are checked against. */
public record ApplicationRecord(
        String id,
        int season,
        String applicantUserId,
        String applicantName,
        String idNumber,
        String series,
        String targetLevel,
        String employerCode,
        String employerName,
        String county,
        String channel,
        ApplicationStatus status,
        String currentStage,
        List<String> route,
        List<String> visibleTo,
        String processInstanceId,
        String dossierJson,
        OffsetDateTime submittedAt,
        OffsetDateTime updatedAt,
        String statusReason) {
}
