package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class QuickScanTest {
    @TempDir
    Path temp;

    /** What one run printed and returned. */
    private record Run(int exitCode, String stdout, String stderr) {}

    private static Run viaPicocli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = RebuildCausesCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run viaQuickScan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QuickScan.run(QuickScan.parse(args), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void shouldWriteTheSameReportAndSummaryAsPicocli() throws IOException {
        // Given a repository with a code change, an empty commit and a Dockerfile change
        Path repo = temp.resolve("img");
        GitHistory git = new GitHistory(repo);
        git.write("Dockerfile", "FROM python:3.12\n").write("app.py", "print(1)\n");
        git.commit("2026-01-05T10:00:00Z", "Initial");
        git.write("app.py", "print(2)\n").commit("2026-01-06T10:00:00Z", "Code");
        git.commit("2026-01-07T10:00:00Z", "Rebuild");
        git.write("Dockerfile", "FROM python:3.13\n").commit("2026-01-08T10:00:00Z", "Env");

        // When scanned both ways
        Run picocli =
                viaPicocli("scan", repo.toString(), "--out", temp.resolve("a").toString(), "-q");
        Run quick =
                viaQuickScan("scan", repo.toString(), "--out", temp.resolve("b").toString(), "-q");

        // Then the same exit code, output and files
        assertThat(quick).isEqualTo(picocli);
        assertThat(quick.exitCode()).isZero();
        assertThat(quick.stdout()).isNotBlank();
        List<String> files =
                List.of("builds.csv", "causes.csv", "combinations.csv", "jobs.csv", "weekly.csv", "summary.txt");
        for (String file : files) {
            assertThat(temp.resolve("b").resolve(file))
                    .hasSameTextualContentAs(temp.resolve("a").resolve(file));
        }
        assertThat(Files.readString(temp.resolve("b").resolve("builds.csv"))).contains("empty-commit", "environment");
    }

    @Test
    void shouldFailWithTheSameLineAndExitCodeAsPicocli() {
        // Given a folder that is no git repository
        String folder = temp.toString();

        // When scanned both ways
        Run picocli = viaPicocli("scan", folder, "--out", temp.resolve("a").toString(), "-q");
        Run quick = viaQuickScan("scan", folder, "--out", temp.resolve("a").toString(), "-q");

        // Then
        assertThat(quick).isEqualTo(picocli);
        assertThat(quick.exitCode()).isEqualTo(ExitCode.NOT_A_REPOSITORY.code());
        assertThat(quick.stderr()).startsWith("rebuild-causes: ");
    }

    private static ScanConfig picocli(String... args) {
        ScanCommand command = new ScanCommand();
        new CommandLine(command).parseArgs(Arrays.copyOfRange(args, 1, args.length));
        return command.config();
    }

    @Test
    void shouldReadPlainScansExactlyAsPicocliDoes() {
        List<String[]> plain = List.of(
                new String[] {"scan", "repo"},
                new String[] {"scan", "/srv/img", "--quiet", "--out", "/tmp/r"},
                new String[] {"scan", "--out=o", "-q", "repo", "--branch", "release/1.x"},
                new String[] {"scan", "repo", "--builds", "b.csv", "--rules=r.txt", "--branch=main"},
                new String[] {"scan", "--rules", "a b.txt", "my repo", "--out", "x=y"},
                new String[] {"scan", "repo", "--explain"},
                new String[] {"scan", "--no-advice", "repo", "--no-infer", "-q", "--explain"});

        for (String[] args : plain) {
            ScanConfig quick = QuickScan.parse(args);

            assertThat(quick).as(String.join(" ", args)).isNotNull().isEqualTo(picocli(args));
        }
    }

    @Test
    void shouldFillTheSameDefaultsAsTheScanCommand() {
        ScanConfig quick = QuickScan.parse(new String[] {"scan", "repo"});

        assertThat(quick)
                .isEqualTo(
                        new ScanConfig(Path.of("repo"), "HEAD", null, null, Path.of("rebuild-causes-report"), false));
    }

    @Test
    void shouldLeaveEverythingElseToPicocli() {
        List<String[]> others = List.of(
                new String[] {},
                new String[] {"scan"},
                new String[] {"--help"},
                new String[] {"inspect-dockerfile", "Dockerfile"},
                new String[] {"scan", "--help"},
                new String[] {"scan", "repo", "-h"},
                new String[] {"scan", "repo", "--colour"},
                new String[] {"scan", "repo", "other"},
                new String[] {"scan", "repo", "--out"},
                new String[] {"scan", "repo", "--out="},
                new String[] {"scan", "repo", "--out", "-q"},
                new String[] {"scan", "repo", "--out", "a", "--out", "b"},
                new String[] {"scan", "repo", "-q", "--quiet"},
                new String[] {"scan", "repo", "-qq"},
                new String[] {"scan", "@args.txt"},
                new String[] {"scan", "--", "repo"},
                new String[] {"scan", ""},
                new String[] {"scan", "repo\0"});

        for (String[] args : others) {
            assertThat(QuickScan.parse(args)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void shouldKnowOnlyScanOptionsAndLeaveEveryOtherOneToPicocli() {
        // the fast path knows a subset of scan's options; any other one must send it back to picocli
        CommandLine scan = RebuildCausesCommand.commandLine().getSubcommands().get("scan");
        TreeSet<String> names = new TreeSet<>();
        for (OptionSpec option : scan.getCommandSpec().options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                names.addAll(List.of(option.names()));
            }
        }

        assertThat(names).containsAll(List.of(QuickScan.OPTIONS));
        assertThat(scan.getCommandSpec().positionalParameters()).hasSize(1);
        for (String other : names) {
            if (!List.of(QuickScan.OPTIONS).contains(other)) {
                assertThat(QuickScan.parse(new String[] {"scan", ".", other, "3"}))
                        .as(other)
                        .isNull();
            }
        }
    }
}
