package dev.rebuildcauses.harvest.store;

import java.time.Instant;
import java.util.Arrays;

/**
 * Instants by row, each or none: as whole seconds in four bytes while every one is a whole second in the
 * range of an {@code int} (git keeps author times in seconds), as milliseconds in eight once one is not.
 */
final class TimeColumn {
    private static final int NO_SECONDS = Integer.MIN_VALUE;
    private static final long NO_MILLIS = Long.MIN_VALUE;

    private int[] seconds;
    /** Null until a time is no whole second; then every time, and {@link #seconds} is dropped. */
    private long[] millis;

    TimeColumn(int length) {
        seconds = new int[length];
    }

    int length() {
        return millis != null ? millis.length : seconds.length;
    }

    /** Sets row {@code i} to {@code epochMillis}, or to none when it is null. */
    void set(int i, Long epochMillis) {
        if (millis == null) {
            if (epochMillis == null) {
                seconds[i] = NO_SECONDS;
                return;
            }
            long s = epochMillis / 1000;
            if (epochMillis % 1000 == 0 && s > Integer.MIN_VALUE && s <= Integer.MAX_VALUE) {
                seconds[i] = (int) s;
                return;
            }
            millis = new long[seconds.length];
            for (int k = 0; k < i; k++) {
                millis[k] = seconds[k] == NO_SECONDS ? NO_MILLIS : seconds[k] * 1000L;
            }
            seconds = null;
        }
        millis[i] = epochMillis == null ? NO_MILLIS : epochMillis;
    }

    /** The instant of row {@code i}, or null when it has none. */
    Instant get(int i) {
        if (millis != null) {
            return millis[i] == NO_MILLIS ? null : Instant.ofEpochMilli(millis[i]);
        }
        return seconds[i] == NO_SECONDS ? null : Instant.ofEpochSecond(seconds[i]);
    }

    /** Makes room for {@code length} rows, or drops the room past them. */
    void resize(int length) {
        if (millis != null) {
            millis = Arrays.copyOf(millis, length);
        } else {
            seconds = Arrays.copyOf(seconds, length);
        }
    }
}
