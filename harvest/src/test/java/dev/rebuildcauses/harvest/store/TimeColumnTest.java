package dev.rebuildcauses.harvest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeColumnTest {
    @Test
    void shouldGiveBackWholeSecondsAndNone() {
        // Given times in whole seconds, one before 1970, and a row without time
        TimeColumn times = new TimeColumn(4);
        times.set(0, 1_700_000_000_000L);
        times.set(1, null);
        times.set(2, -86_400_000L);
        times.set(3, 0L);

        // Then each comes back as it was
        assertThat(times.get(0)).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(times.get(1)).isNull();
        assertThat(times.get(2)).isEqualTo(Instant.ofEpochMilli(-86_400_000L));
        assertThat(times.get(3)).isEqualTo(Instant.EPOCH);
    }

    @Test
    void shouldKeepEveryTimeWhenOneIsNoWholeSecondOrPastTheSecondsAnIntHolds() {
        // Given whole seconds and none, then a time with milliseconds, then one far in the future
        TimeColumn times = new TimeColumn(2);
        times.set(0, 1_700_000_000_000L);
        times.set(1, null);
        times.resize(4);
        times.set(2, 1_700_000_000_123L);
        times.set(3, 4_102_444_800_000_000L);
        times.resize(4);

        // Then all come back as they were, those set before too
        assertThat(times.get(0)).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(times.get(1)).isNull();
        assertThat(times.get(2)).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(times.get(3)).isEqualTo(Instant.ofEpochMilli(4_102_444_800_000_000L));
        assertThat(times.length()).isEqualTo(4);
    }
}
