package dev.rebuildcauses.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
    @Test
    void shouldDefaultToAMillionBuilds() {
        // Given no options, When parsing, Then the benchmark size is one million builds with seed 42
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs();

        assertThat(command.builds).isEqualTo(1_000_000);
        assertThat(command.seed).isEqualTo(42);
    }

    @Test
    void shouldTimeClassifyAndMineOnASmallHistory() {
        // Given a small synthetic history
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchCommand()).setOut(new PrintWriter(out));

        // When running the benchmark
        int exitCode = commandLine.execute("--builds", "2000", "--seed", "3");

        // Then it reports the size, both timings and the heap
        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains("builds            2000")
                .contains("classify seconds")
                .contains("mine seconds")
                .contains("paths/s")
                .contains("used heap after GC")
                .contains("jobs 50");
    }

    @Test
    void shouldRefuseAnEmptyHistory() {
        // Given zero builds, When running, Then picocli reports a usage error
        StringWriter err = new StringWriter();
        int exitCode =
                new CommandLine(new BenchCommand()).setErr(new PrintWriter(err)).execute("--builds", "0");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--builds must be at least 1, not 0");
    }
}
