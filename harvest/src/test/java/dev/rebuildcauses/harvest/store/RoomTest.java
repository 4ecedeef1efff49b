package dev.rebuildcauses.harvest.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoomTest {
    @Test
    void shouldDoubleAColumnButNotPastTheRowsThereAre() {
        assertThat(Room.next(64, 65, Long.MAX_VALUE)).isEqualTo(128);
        assertThat(Room.next(64, 65, 100)).isEqualTo(100);
        // more rows than counted (written since): doubling again
        assertThat(Room.next(100, 101, 100)).isEqualTo(200);
    }

    @Test
    void shouldTrimOnlyWhenTheRoomGivenBackIsWorthACopy() {
        assertThat(Room.worthTrimming(1_000, 1_000)).isFalse();
        assertThat(Room.worthTrimming(1_048_576, 1_000_000)).isFalse();
        assertThat(Room.worthTrimming(4_194_304, 3_100_000)).isTrue();
    }
}
