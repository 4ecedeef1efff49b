package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code scan --format html} and {@code --charts} end to end on a repository built in the test. */
class ScanHtmlTest {
    @TempDir
    Path tmp;

    private Path repo;

    @BeforeEach
    void createRepository() {
        repo = tmp.resolve("image");
        GitHistory history = new GitHistory(repo);
        history.write(
                        "Dockerfile",
                        "FROM python:3.12\nRUN pip install flask==3.0\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n")
                .write("app.py", "print('hi')\n");
        history.commit("2026-01-05T10:00:00Z", "initial image");
        for (int i = 0; i < 6; i++) {
            history.write("app.py", "print('hi " + i + "')\n");
            history.commit("2026-01-" + (10 + i) + "T10:00:00Z", "<img src=x onerror=alert(2)> change " + i);
        }
        history.write("README.md", "# docs\n");
        history.commit("2026-01-20T10:00:00Z", "docs");
    }

    @Test
    void shouldWriteTheHtmlReportBesideTheCsvFilesWhenAsked() throws Exception {
        // When
        StringWriter err = new StringWriter();
        int exit = scan(err, "--format", "html");

        // Then
        assertThat(exit).as(err.toString()).isZero();
        Path out = tmp.resolve("out");
        assertThat(out.resolve("builds.csv")).exists();
        String html = Files.readString(out.resolve("rebuild-causes.html"), StandardCharsets.UTF_8);
        assertThat(html)
                .contains("Rebuild causes: image")
                .contains("<svg")
                .contains("&lt;img src=x onerror=alert(2)&gt;");
        assertThat(html).doesNotContain("<img src=x");
    }

    @Test
    void shouldWriteOnlyTheCsvFilesByDefault() {
        assertThat(scan(new StringWriter())).isZero();
        assertThat(tmp.resolve("out/builds.csv")).exists();
        assertThat(tmp.resolve("out/rebuild-causes.html")).doesNotExist();
    }

    @Test
    void shouldWriteEveryChartAsSvgAndPngForSlides() throws Exception {
        // When
        Path charts = tmp.resolve("charts");
        assertThat(scan(new StringWriter(), "--charts", charts.toString())).isZero();

        // Then each chart comes as a pair of files
        try (Stream<Path> files = Files.list(charts)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .contains("cause-shares.svg", "cause-shares.png")
                    .allMatch(name -> name.endsWith(".svg") || name.endsWith(".png"));
        }
        byte[] png = Files.readAllBytes(charts.resolve("cause-shares.png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void shouldRefuseAnUnknownFormat() {
        StringWriter err = new StringWriter();
        assertThat(scan(err, "--format", "pdf")).isEqualTo(2);
        assertThat(err.toString()).contains("--format must be csv or html, was 'pdf'");
    }

    private int scan(StringWriter err, String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "scan";
        args[1] = repo.toString();
        args[2] = "--out";
        args[3] = tmp.resolve("out").toString();
        args[4] = "--quiet";
        System.arraycopy(options, 0, args, 5, options.length);
        CommandLine commandLine = RebuildCausesCommand.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
