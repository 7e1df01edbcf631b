package cn.chifeng.title.certificate;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One result certificate (职称评审结果证明) of a passed application. Revoked certificates stay, with when, why and by
 * whom; the public look-up then shows them as revoked.
 */
public record Certificate(
        String number,
        String applicationId,
        String holderName,
        String series,
        String targetLevel,
        String titleName,
        String specialty,
        String committeeGroup,
        int season,
        String sessionId,
        LocalDate passedOn,
        OffsetDateTime issuedAt,
        OffsetDateTime revokedAt,
        String revokedReason,
        String revokedBy) {

    /** VALID or REVOKED, as the public look-up reports it. */
    public enum Status { VALID, REVOKED }

    public Status status() {
        return revokedAt == null ? Status.VALID : Status.REVOKED;
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
