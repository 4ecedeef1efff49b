package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ScanCommandTest {
    private static ScanConfig parse(String... args) {
        ScanCommand command = new ScanCommand();
        new CommandLine(command).parseArgs(args);
        return command.config();
    }

    @Test
    void shouldDefaultToHeadAndTheStandardReportFolder() {
        ScanConfig config = parse("repo");

        assertThat(config)
                .isEqualTo(
                        new ScanConfig(Path.of("repo"), "HEAD", null, null, Path.of("rebuild-causes-report"), false));
    }

    @Test
    void shouldTakeEveryOption() {
        ScanConfig config =
                parse("/srv/img", "--branch", "release/1.x", "--builds", "b.csv", "--rules=r.txt", "--out", "o", "-q");

        assertThat(config)
                .isEqualTo(new ScanConfig(
                        Path.of("/srv/img"), "release/1.x", Path.of("b.csv"), Path.of("r.txt"), Path.of("o"), true));
    }

    @Test
    void shouldRefuseMissingOrExtraArgumentsWithOneLineAndExitCode2() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = RebuildCausesCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        int missing = commandLine.execute("scan");
        int unknown = commandLine.execute("scan", "repo", "--colour");

        assertThat(missing).isEqualTo(2);
        assertThat(unknown).isEqualTo(2);
        assertThat(err.toString().lines())
                .containsExactly(
                        "rebuild-causes: Missing required parameter: '<repo>' (see 'rebuild-causes scan --help')",
                        "rebuild-causes: Unknown option: '--colour' (see 'rebuild-causes scan --help')");
    }

    @Test
    void shouldTeachInItsHelp() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = RebuildCausesCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));

        int code = commandLine.execute("scan", "--help");

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("Usage: rebuild-causes scan")
                .contains("--builds=FILE")
                .contains("Examples:")
                .contains("rebuild-causes scan ~/src/base-image --builds builds.csv --out report/")
                .contains("Exit codes:");
        for (ExitCode exit : ScanCommand.EXIT_CODES) {
            assertThat(out.toString())
                    .containsPattern("(?m)^ +" + exit.code() + " +"
                            + java.util.regex.Pattern.quote(
                                    exit == ExitCode.OK ? RebuildCausesCommand.doneMeaning("scan") : exit.meaning())
                            + "$");
        }
    }

    @Test
    void shouldBeListedByTheTopLevelCommand() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = RebuildCausesCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        int code = commandLine.execute();

        // without a command the usage is an answer to wrong arguments: on stderr, exit 2
        assertThat(code).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString()).contains("scan").contains("Find out why a Docker image repository gets rebuilt");
    }
}
