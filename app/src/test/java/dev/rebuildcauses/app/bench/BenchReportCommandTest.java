package dev.rebuildcauses.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchReportCommandTest {
    @TempDir
    Path temp;

    @Test
    void shouldTimeTheWholeReportAndPrintWhatItWrote() throws Exception {
        // Given a small synthetic history and a folder to keep the report in
        StringWriter out = new StringWriter();
        Path dir = temp.resolve("bench");

        // When
        int exitCode = new CommandLine(new BenchReportCommand())
                .setOut(new PrintWriter(out))
                .execute("--builds", "3000", "--seed", "5", "--out", dir.toString());

        // Then it prints the timings and the HTML size, which is the size of the file it kept
        assertThat(exitCode).isZero();
        long size = Files.size(dir.resolve("rebuild-causes.html"));
        assertThat(out.toString())
                .contains("builds              3000")
                .contains("report seconds")
                .contains("of which HTML")
                .contains("(" + size + " bytes)");
        assertThat(Files.readString(dir.resolve("rebuild-causes.html")))
                .contains("<svg")
                .endsWith("</html>\n");
    }
}
