package dev.rebuildcauses.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchInferCommandTest {
    @Test
    void shouldTimeTheWalkFromTheRepositoryOpenedToTheHistoryWalked() {
        // Given: the phase marks of a scan, the walk running while the rules are read
        List<String> phases = List.of(
                "[timing] command line parsed: +0 ms, 61 ms since JVM start",
                "[timing] repository opened: +12 ms, 73 ms since JVM start",
                "[timing] rules read: +30 ms, 103 ms since JVM start",
                "[timing] history walked: +2470 ms, 2573 ms since JVM start",
                "[timing] classified: +400 ms, 2973 ms since JVM start");

        // When
        double walk = BenchInferCommand.walkSeconds(phases);

        // Then
        assertThat(walk).isEqualTo(2.5);
    }

    @Test
    void shouldNotInventAWalkTimeWhenTheScanPrintedNoPhases() {
        assertThat(BenchInferCommand.walkSeconds(List.of("scan failed: no such repository")))
                .isNaN();
    }
}
