package cn.chifeng.title.common;

import java.time.ZoneId;

/** The one time zone of the product: every date and deadline is read in Asia/Shanghai. */
public final class Zones {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Zones() {
    }
}
