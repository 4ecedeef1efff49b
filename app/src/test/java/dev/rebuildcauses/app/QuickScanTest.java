package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class QuickScanTest {
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
                new String[] {"scan", "--rules", "a b.txt", "my repo", "--out", "x=y"});

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
    void shouldKnowEveryOptionOfTheScanCommand() {
        // an option added to scan must be taught to the fast path too (or it would be ignored there)
        CommandLine scan = RebuildCausesCommand.commandLine().getSubcommands().get("scan");
        TreeSet<String> names = new TreeSet<>();
        for (OptionSpec option : scan.getCommandSpec().options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                names.addAll(List.of(option.names()));
            }
        }

        assertThat(names).containsExactlyInAnyOrderElementsOf(List.of(QuickScan.OPTIONS));
        assertThat(scan.getCommandSpec().positionalParameters()).hasSize(1);
    }
}
