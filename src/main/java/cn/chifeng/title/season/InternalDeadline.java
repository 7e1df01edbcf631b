package cn.chifeng.title.season;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An earlier date that a reporting body set for its own units (附件4); shown in the timetable, not enforced. */
public record InternalDeadline(int season, String bodyId, DeadlineKind kind, LocalDate date, String setBy,
                               OffsetDateTime setAt) {
}
