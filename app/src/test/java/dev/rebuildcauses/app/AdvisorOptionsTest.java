package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class AdvisorOptionsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        AdvisorOptions options;
    }

    private static AdvisorOptions parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.options;
    }

    @Test
    void shouldDefaultToEightWeeksAWeeklyRefreshAndAnEstimatedFastPath() {
        AdvisorSettings settings = parse().settings();

        assertThat(settings).isEqualTo(AdvisorSettings.defaults());
    }

    @Test
    void shouldTurnOptionsIntoSettings() {
        AdvisorSettings settings = parse(
                        "--stable-weeks",
                        "4",
                        "--fast-path-cost",
                        "0.3",
                        "--base-image",
                        "reg/app-base:1",
                        "--refresh-days",
                        "14")
                .settings();

        assertThat(settings.stableFor()).isEqualTo(Duration.ofDays(28));
        assertThat(settings.fastPathCostFraction()).isEqualTo(0.3);
        assertThat(settings.baseImageName()).isEqualTo("reg/app-base:1");
        assertThat(settings.refreshInterval()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void shouldRejectValuesOutOfRange() {
        assertThatThrownBy(() -> parse("--fast-path-cost", "1.5").settings())
                .hasMessage("--fast-path-cost must be between 0 and 1, got 1.5");
        assertThatThrownBy(() -> parse("--stable-weeks", "0").settings())
                .hasMessage("--stable-weeks must be at least 1, got 0");
    }
}
