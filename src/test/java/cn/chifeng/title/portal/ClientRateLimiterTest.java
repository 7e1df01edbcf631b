package cn.chifeng.title.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import cn.chifeng.title.common.Zones;
import cn.chifeng.title.support.MutableClock;

/** The notice board's per-address limit of objections: a sliding window per client. */
class ClientRateLimiterTest {
    private static final LocalDateTime NINE = LocalDateTime.of(2025, 6, 10, 9, 0);
    private final MutableClock clock = new MutableClock(NINE.atZone(Zones.CHINA).toInstant());
    private final ClientRateLimiter limiter = new ClientRateLimiter(3, Duration.ofMinutes(10), clock, 100);

    @Test
    void aClientGetsItsQuotaAndThenWaitsUntilTheOldestLeavesTheWindow() {
        assertThat(limiter.acquire("10.0.0.1")).isEmpty();
        clock.set(NINE.plusMinutes(2));
        assertThat(limiter.acquire("10.0.0.1")).isEmpty();
        assertThat(limiter.acquire("10.0.0.1")).isEmpty();

        assertThat(limiter.acquire("10.0.0.1")).contains(Duration.ofMinutes(8));
    }

    @Test
    void aRefusedRequestIsNotCountedSoWaitingIsEnough() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.1");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("10.0.0.1")).isPresent();
        }
        clock.set(NINE.plusMinutes(10));
        assertThat(limiter.acquire("10.0.0.1")).isEmpty();
    }

    @Test
    void eachClientHasItsOwnQuota() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.1");
        }
        assertThat(limiter.acquire("10.0.0.1")).isPresent();
        assertThat(limiter.acquire("10.0.0.2")).isEmpty();
    }

    @Test
    void manyAddressesAreForgottenIdleFirstAndTheMapStaysBounded() {
        ClientRateLimiter small = new ClientRateLimiter(1, Duration.ofMinutes(10), clock, 3);
        small.acquire("busy");
        for (int i = 0; i < 50; i++) {
            small.acquire("flood-" + i);
            assertThat(small.clientCount()).isLessThanOrEqualTo(4);
        }
        assertThat(small.clientCount()).isLessThanOrEqualTo(4);
        // clients whose window has passed are dropped before any that is still counted
        clock.set(NINE.plusMinutes(11));
        small.acquire("late");
        assertThat(small.clientCount()).isEqualTo(1);
    }

    @Test
    void clearForgetsEveryClient() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.1");
        }
        limiter.clear();
        assertThat(limiter.acquire("10.0.0.1")).isEmpty();
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThatThrownBy(() -> new ClientRateLimiter(0, Duration.ofMinutes(10), clock, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientRateLimiter(5, Duration.ZERO, clock, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
