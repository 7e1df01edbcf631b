package cn.chifeng.title.common;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The one time zone of the product: every date and deadline is read in Asia/Shanghai. */
public final class Zones {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Now in China, to the second, on the given clock. */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock.withZone(CHINA)).withNano(0);
    }

    private Zones() {
    }
}
