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

    @Test
    void shouldTakeTheRoundOfMedianWallTimeWithTheHighestPeakOfAllRounds() {
        // Given three rounds of one command, the slowest with the least memory
        List<BenchInferCommand.Run> rounds = List.of(
                new BenchInferCommand.Run("scan", 4.0, 6.0, 300_000, 250_000, 0),
                new BenchInferCommand.Run("scan", 5.5, 7.5, 200_000, 240_000, 0),
                new BenchInferCommand.Run("scan", 3.8, 5.9, 310_000, 245_000, 0));

        // When
        BenchInferCommand.Run median = BenchInferCommand.median(rounds);

        // Then the 4.0 s round, with its CPU time, and the peaks of the rounds that had them
        assertThat(median.wallSeconds()).isEqualTo(4.0);
        assertThat(median.cpuSeconds()).isEqualTo(6.0);
        assertThat(median.peakKb()).isEqualTo(310_000);
        assertThat(median.javaPeakKb()).isEqualTo(250_000);
    }

    @Test
    void shouldKeepAFailedRoundsExitCodeAndLeaveUnmeasuredWalksOut() {
        List<BenchInferCommand.Run> rounds = List.of(
                new BenchInferCommand.Run("scan", 4.0, 6.0, 1, 1, 0),
                new BenchInferCommand.Run("scan", 1.0, 1.0, 1, 1, 2));

        assertThat(BenchInferCommand.median(rounds).exitCode()).isEqualTo(2);
        assertThat(BenchInferCommand.median(List.of(2.5, Double.NaN, 2.7, 2.6))).isEqualTo(2.6);
        assertThat(BenchInferCommand.median(List.of(Double.NaN))).isNaN();
    }

    @Test
    void shouldSayEachRoundsRatioAndInHowManyTheGoalHeld() {
        List<BenchInferCommand.Run> defaults = List.of(
                new BenchInferCommand.Run("default", 4.2, 0, 0, 0, 0),
                new BenchInferCommand.Run("default", 5.6, 0, 0, 0, 0));
        List<BenchInferCommand.Run> rules = List.of(
                new BenchInferCommand.Run("rules", 3.5, 0, 0, 0, 0),
                new BenchInferCommand.Run("rules", 4.0, 0, 0, 0, 0));

        assertThat(BenchInferCommand.ratios(defaults, rules, 1.3)).isEqualTo("1.20x, 1.40x (within 1.3x in 1 of 2)");
    }
}
