package cn.chifeng.title.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code max} requests per client (its address) in any {@code window}: a sliding window of the times of each
 * client's accepted requests. A refused request is not counted, so a client that waits gets in again. Keeps at most
 * {@code maxClients} clients; beyond that those idle longest are forgotten first (a flood of addresses costs memory,
 * not correctness for the others). Kept in memory: each node of a cluster counts its own clients.
 */
final class ClientRateLimiter {
    private final int max;
    private final Duration window;
    private final Clock clock;
    private final int maxClients;
    /** In access order: the first is the client idle longest. */
    private final LinkedHashMap<String, ArrayDeque<Instant>> clients = new LinkedHashMap<>(64, 0.75f, true);

    ClientRateLimiter(int max, Duration window, Clock clock, int maxClients) {
        if (max < 1 || window.isNegative() || window.isZero() || maxClients < 1) {
            throw new IllegalArgumentException("限流参数无效：每个窗口至少1次，窗口须大于0");
        }
        this.max = max;
        this.window = window;
        this.clock = clock;
        this.maxClients = maxClients;
    }

    /** Empty if the request may go ahead (and is counted), else how long until the client may try again. */
    synchronized Optional<Duration> acquire(String client) {
        Instant now = clock.instant();
        ArrayDeque<Instant> times = clients.computeIfAbsent(client, c -> new ArrayDeque<>());
        Instant since = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.pollFirst();
        }
        if (times.size() >= max) {
            Duration wait = Duration.between(now, times.peekFirst().plus(window));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
        times.addLast(now);
        if (clients.size() > maxClients) {
            forgetIdle(since);
        }
        return Optional.empty();
    }

    /** Drops the clients with nothing in the window, then, if still too many, those idle longest. */
    private void forgetIdle(Instant since) {
        clients.values().removeIf(t -> t.isEmpty() || !t.peekLast().isAfter(since));
        Iterator<Map.Entry<String, ArrayDeque<Instant>>> eldest = clients.entrySet().iterator();
        while (clients.size() > maxClients && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    synchronized int clientCount() {
        return clients.size();
    }

    /** Forgets every client (for tests sharing one application). */
    synchronized void clear() {
        clients.clear();
    }
}
