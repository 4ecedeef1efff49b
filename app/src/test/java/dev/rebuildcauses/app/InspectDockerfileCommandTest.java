package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectDockerfileCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = RebuildCausesCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void shouldPrintEachInstructionWithWhatItInstallsOrCopies() throws Exception {
        // Given a small Dockerfile
        Path file = dir.resolve("Dockerfile");
        Files.writeString(
                file,
                "FROM python:3.12-slim AS app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt numpy==1.26.4\n"
                        + "COPY . /app\nCMD [\"python\", \"/app/main.py\"]\n");

        // When it is inspected
        int exit = run("inspect-dockerfile", file.toString());

        // Then each instruction is listed with what the advisor sees
        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString().lines())
                .containsExactly(
                        file + ": 5 instructions, 1 stages, 0 warnings",
                        String.format(
                                "     1  %-60s  stage 0 'app' from python:3.12-slim", "FROM python:3.12-slim AS app"),
                        String.format(
                                "     2  %-60s  brings dependency manifests: requirements.txt",
                                "COPY requirements.txt ."),
                        String.format(
                                "     3  %-60s  installs pip: numpy==1.26.4; from requirements.txt",
                                "RUN pip install -r requirements.txt numpy==1.26.4"),
                        String.format("     4  %-60s  brings code: .", "COPY . /app"),
                        "     5  CMD [\"python\", \"/app/main.py\"]");
    }

    @Test
    void shouldPrintWarningsWithTheirLinesAndStillExitZero() throws Exception {
        Path patch = dir.resolve("Dockerfile.patch");
        Files.writeString(patch, "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1 +1 @@\n-FROM a\n+FROM b\n");

        int exit = run("inspect-dockerfile", patch.toString());

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("  warning: " + patch + ":1: looks like a patch (unified diff), not a Dockerfile");
    }

    @Test
    void shouldExitSevenWithOneLineWhenAFileCannotBeRead() throws Exception {
        Path good = dir.resolve("Dockerfile");
        Files.writeString(good, "FROM alpine\n");
        Path missing = dir.resolve("absent/Dockerfile");

        int exit = run("inspect-dockerfile", missing.toString(), good.toString());

        assertThat(exit).isEqualTo(7);
        assertThat(err.toString())
                .isEqualTo("rebuild-causes: cannot read " + missing + ": no such file" + System.lineSeparator());
        assertThat(out.toString()).startsWith(good + ": 1 instructions");
    }

    @Test
    void shouldShowDirectivesAndHeredocs() throws Exception {
        Path file = dir.resolve("win.Dockerfile");
        Files.writeString(
                file, "# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine\nRUN <<EOF\napk add curl\nEOF\n");

        int exit = run("inspect-dockerfile", file.toString());

        assertThat(exit).isZero();
        assertThat(out.toString().lines())
                .contains(
                        "  directives: escape=`, syntax=docker/dockerfile:1",
                        String.format("     4  %-60s  installs apk: curl", "RUN <<EOF (+1 heredoc)"));
    }
}
