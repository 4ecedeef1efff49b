package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.RuleSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code scan --explain} and {@code --no-infer} end to end on a repository built in the test. */
class ScanExplainTest {
    @TempDir
    Path tmp;

    private Path repo;
    private String second;

    @BeforeEach
    void createRepository() {
        repo = tmp.resolve("base-image");
        GitHistory history = new GitHistory(repo);
        history.write(
                        "Dockerfile",
                        """
                        FROM python:3.12
                        COPY fix-permissions /usr/local/bin/
                        RUN fix-permissions /opt
                        COPY app.py /app/
                        CMD ["python", "/app/app.py"]
                        """)
                .write("fix-permissions", "#!/bin/sh\nchmod -R g+w \"$1\"\n")
                .write("app.py", "print('hi')\n");
        history.commit("2026-01-05T10:00:00Z", "initial image");
        history.write("fix-permissions", "#!/bin/sh\nchmod -R g+rw \"$1\"\n").write("app.py", "print('hello')\n");
        second = history.commit("2026-01-06T10:00:00Z", "tune permissions and greet");
    }

    @Test
    void shouldExplainEveryFileWithTheReasonInferenceFound() throws Exception {
        // When
        int exit = scan("--explain");

        // Then the script the Dockerfile runs is environment and says where; the app stays code
        assertThat(exit).isZero();
        assertThat(Files.readString(tmp.resolve("out/files.csv"), StandardCharsets.UTF_8))
                .isEqualTo("job,build,revision,path,cause,reason,enters_image\r\n"
                        + "base-image,2," + second + ",app.py,code,copied as the application by Dockerfile:4 "
                        + "and started by CMD at line 5,yes\r\n"
                        + "base-image,2," + second + ",fix-permissions,environment,"
                        + "copied by Dockerfile:2 and run at build time by line 3,yes\r\n");
        assertThat(Files.readString(tmp.resolve("out/builds.csv"))).contains(",code;environment\r\n");
    }

    @Test
    void shouldClassifyByTheRulesAloneWithNoInfer() throws Exception {
        // When
        int exit = scan("--explain", "--no-infer");

        // Then
        assertThat(exit).isZero();
        assertThat(Files.readString(tmp.resolve("out/files.csv"), StandardCharsets.UTF_8))
                .isEqualTo("job,build,revision,path,cause,reason,enters_image\r\n"
                        + "base-image,2," + second + ",app.py,code,rule '*.py' (default rules:" + pythonRuleLine()
                        + "),\r\n"
                        // the rules alone do not know what enters the image: an empty cell
                        + "base-image,2," + second + ",fix-permissions,other,no rule matched,\r\n");
        assertThat(Files.readString(tmp.resolve("out/builds.csv"))).contains(",code;other\r\n");
    }

    @Test
    void shouldWriteNoFilesCsvWithoutExplain() throws Exception {
        assertThat(scan()).isZero();
        assertThat(tmp.resolve("out/files.csv")).doesNotExist();
        assertThat(tmp.resolve("out/builds.csv")).exists();
    }

    @Test
    void shouldParseTheInferenceOptionsIntoTheConfiguration() {
        ScanCommand command = new ScanCommand();
        new CommandLine(command).parseArgs("repo", "--no-infer", "--explain");
        assertThat(command.config().infer()).isFalse();
        assertThat(command.config().explain()).isTrue();

        ScanCommand defaults = new ScanCommand();
        new CommandLine(defaults).parseArgs("repo");
        assertThat(defaults.config().infer()).isTrue();
        assertThat(defaults.config().explain()).isFalse();
    }

    private static int pythonRuleLine() {
        return RuleSet.defaults().rules().stream()
                .filter(rule -> rule.glob().text().equals("*.py"))
                .findFirst()
                .orElseThrow()
                .line();
    }

    private int scan(String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "scan";
        args[1] = repo.toString();
        args[2] = "--out";
        args[3] = tmp.resolve("out").toString();
        args[4] = "--quiet";
        System.arraycopy(options, 0, args, 5, options.length);
        CommandLine commandLine = RebuildCausesCommand.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter()));
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(args);
        assertThat(err.toString()).isEmpty();
        return exit;
    }
}
