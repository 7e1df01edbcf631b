package cn.chifeng.title.correction;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A correction notice: all items to supplement or correct, and the deadline (COR-1). */
public record CorrectionNotice(String applicationId, String items, String issuedBy, OffsetDateTime issuedAt,
                               LocalDate deadline, int workingDays, OffsetDateTime answeredAt, String answer) {
}
