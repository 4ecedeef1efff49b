package dev.rebuildcauses.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvNumbersTest {
    @ParameterizedTest
    @CsvSource({
        "2026-01-05T10:00:00Z,2026-01-05T10:00:00Z",
        "2026-01-05T10:00:00.999Z,2026-01-05T10:00:00Z",
        "1970-01-01T00:00:00Z,1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.5Z,1969-12-31T23:59:59Z",
        "2024-02-29T23:59:59Z,2024-02-29T23:59:59Z",
        "+10000-01-01T00:00:00Z,+10000-01-01T00:00:00Z",
        "0999-12-31T01:02:03Z,0999-12-31T01:02:03Z"
    })
    void shouldWriteInstantsAsIsoUtcToTheSecond(String instant, String expected) {
        assertThat(CsvNumbers.instant(Instant.parse(instant))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"89499,89", "89500,90", "0,0", "3600000,3600"})
    void shouldRoundDurationsToWholeSeconds(long millis, String expected) {
        assertThat(CsvNumbers.seconds(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.66666666,0.6667", "1.0,1.0000", "0.00005,0.0001"})
    void shouldWriteSharesWithFourDecimals(double share, String expected) {
        assertThat(CsvNumbers.share(share)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void shouldLeaveUnknownValuesEmpty() {
        assertThat(CsvNumbers.hours(null)).isEmpty();
        assertThat(CsvNumbers.share(null)).isEmpty();
        assertThat(CsvNumbers.instant(null)).isEmpty();
        assertThat(CsvNumbers.seconds(null)).isEmpty();
        assertThat(CsvNumbers.days(Double.NaN)).isEmpty();
    }
}
