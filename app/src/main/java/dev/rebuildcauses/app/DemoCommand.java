package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.config.ConfigException;
import dev.rebuildcauses.service.RefreshException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: a simulated Jenkins and Bitbucket on loopback, harvested over HTTP and reported. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header =
                "Try it with nothing installed: harvest a simulated Jenkins and Bitbucket, print the report, serve the dashboard.",
        descriptionHeading = "%n",
        description = {
            "Starts, on 127.0.0.1, a simulated Jenkins and Bitbucket Server that speak the real APIs, loaded "
                    + "with six months of generated image builds (a dozen jobs in folders, a multibranch "
                    + "project, freestyle and pipeline jobs). Harvests them over HTTP with the real harvester "
                    + "into an embedded store, writes the report as 'scan --format html' does (CSV files and "
                    + "rebuild-causes.html) and prints its summary.",
            "",
            "Then serves the dashboard over that store on 127.0.0.1 and prints its address, until Ctrl-C; "
                    + "--no-serve stops after the report instead (for scripts).",
        },
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  rebuild-causes demo",
            "  rebuild-causes demo --no-serve --out demo-report/ --data demo-data/ --latency-ms 20",
        })
public final class DemoCommand implements Callable<Integer> {
    /** The exit codes {@code demo} can end with. */
    static final ExitCode[] EXIT_CODES = {
        ExitCode.OK,
        ExitCode.USAGE,
        ExitCode.IO,
        ExitCode.UNREACHABLE,
        ExitCode.BAD_RESPONSE,
        ExitCode.SERVER_ERROR,
        ExitCode.INTERNAL
    };

    @Spec
    CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "rebuild-causes-report",
            description = "Folder for the report (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Folder for the embedded store, kept afterwards (default: a temporary folder, removed).")
    Path dataDir;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress on stderr.")
    boolean quiet;

    @Option(
            names = "--latency-ms",
            paramLabel = "N",
            defaultValue = "0",
            description = "Latency the simulated servers add to every request (default: ${DEFAULT-VALUE}).")
    int latencyMillis;

    @Option(
            names = "--builds",
            paramLabel = "N",
            defaultValue = "3000",
            description = "About how many builds to simulate (default: ${DEFAULT-VALUE}).")
    int builds;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Seed of the generated history (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-serve", description = "Stop after the report instead of serving the dashboard until Ctrl-C.")
    boolean noServe;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "8484",
            description = "Port of the dashboard on 127.0.0.1, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    /** The options as an immutable configuration. */
    public DemoConfig config() {
        return new DemoConfig(outDir, dataDir, quiet, latencyMillis, builds, seed, !noServe, port);
    }

    @Override
    public Integer call()
            throws HarvestException, CommandFailure, IOException, ConfigException, RulesFormatException,
                    RefreshException, InterruptedException {
        new DemoRunner(spec.commandLine().getOut(), spec.commandLine().getErr()).run(config());
        return ExitCode.OK.code();
    }
}
