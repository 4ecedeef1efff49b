package dev.rebuildcauses.harvest.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** At most N requests in any rolling hour (Bitbucket Cloud's limit): waits for a free slot, or gives up. */
final class RequestBudget {
    private static final Duration WINDOW = Duration.ofHours(1);

    private final int perHour;
    private final Duration maxWait;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Deque<Instant> sent = new ArrayDeque<>();

    RequestBudget(int perHour, Duration maxWait, Clock clock, Sleeper sleeper) {
        this.perHour = perHour;
        this.maxWait = maxWait;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Takes one slot, waiting until one frees when the hour's budget is spent. */
    void acquire() throws IOException {
        if (perHour == 0) {
            return;
        }
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                Instant windowStart = now.minus(WINDOW);
                while (!sent.isEmpty() && !sent.peekFirst().isAfter(windowStart)) {
                    sent.removeFirst();
                }
                if (sent.size() < perHour) {
                    sent.addLast(now);
                    return;
                }
                wait = Duration.between(windowStart, sent.peekFirst());
            }
            if (wait.compareTo(maxWait) > 0) {
                throw new BudgetSpentException(perHour, wait, maxWait);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the request budget");
            }
        }
    }

    /** The hour's budget is spent and the wait for a free slot would be longer than allowed. */
    static final class BudgetSpentException extends IOException {
        BudgetSpentException(int perHour, Duration wait, Duration maxWait) {
            super("request budget of " + perHour + " per hour is spent; the next slot frees in " + seconds(wait)
                    + ", longer than the allowed wait of " + seconds(maxWait));
        }

        private static String seconds(Duration duration) {
            return duration.toSeconds() + " s";
        }
    }
}
