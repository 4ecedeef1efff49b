package dev.rebuildcauses.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchHarvestCommandTest {
    private static final Pattern PER_BUILD = Pattern.compile(
            "requests per build: REST mode ([0-9.]+) \\(bitbucket ([0-9.]+)\\); mirror mode REST ([0-9.]+) "
                    + "\\(bitbucket ([0-9.]+)\\), git ([0-9.]+)");

    @Test
    void shouldPrintTheRequestsPerBuildOfBothModesAndTheirSpeedUps() {
        // Given a small simulated history without latency, the naive crawler capped at 2 seconds
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchHarvestCommand()).setOut(new PrintWriter(out));

        // When the benchmark runs
        int exitCode = commandLine.execute("--builds", "300", "--latency-ms", "0", "--baseline-seconds", "2");

        // Then it harvested in both modes: mirror mode, the default, asked Bitbucket's REST API nothing
        // and cloned over git instead, while the REST mode asked Bitbucket for most builds
        assertThat(exitCode).isZero();
        String printed = out.toString();
        assertThat(printed)
                .contains("harvester, REST mode (changes.mirror: false), first harvest: ")
                .contains("harvester, mirror mode (the default), first harvest: ")
                .contains("speed-up: mirror mode (the default) ")
                .contains("naive crawler: ");
        Matcher perBuild = PER_BUILD.matcher(printed);
        assertThat(perBuild.find()).as(printed).isTrue();
        assertThat(Double.parseDouble(perBuild.group(2))).isGreaterThan(0.1);
        // (Jenkins' listings alone: 100 builds a page, but at least a page per job at this small size)
        assertThat(Double.parseDouble(perBuild.group(3)))
                .isPositive()
                .isLessThan(Double.parseDouble(perBuild.group(1)) / 5);
        assertThat(Double.parseDouble(perBuild.group(4))).isZero();
        assertThat(Double.parseDouble(perBuild.group(5))).isPositive();
    }
}
