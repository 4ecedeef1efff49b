package dev.rebuildcauses.harvest.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between retries and for the request budget; tests replace it to run without real delays. */
@FunctionalInterface
public interface Sleeper {
    /** The real one: {@link Thread#sleep}. */
    Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    void sleep(Duration duration) throws InterruptedException;
}
