package dev.rebuildcauses.app;

import dev.rebuildcauses.app.bench.BenchCommand;
import dev.rebuildcauses.app.bench.BenchHarvestCommand;
import dev.rebuildcauses.app.bench.BenchInferCommand;
import dev.rebuildcauses.app.bench.BenchReportCommand;
import dev.rebuildcauses.app.bench.BenchServeCommand;
import dev.rebuildcauses.app.serve.ServeCommand;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: lists the verbs. */
@Command(
        name = "rebuild-causes",
        mixinStandardHelpOptions = true,
        version = "rebuild-causes 0.1.0",
        description = "Mines why Docker image builds run, what each cause costs, and how to stop paying for it.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ScanCommand.class,
            HarvestCommand.class,
            ReportCommand.class,
            ExportCommand.class,
            DemoCommand.class,
            ServeCommand.class,
            InspectDockerfileCommand.class,
            BenchCommand.class,
            BenchHarvestCommand.class,
            BenchReportCommand.class,
            BenchServeCommand.class,
            BenchInferCommand.class
        })
public final class RebuildCausesCommand implements Callable<Integer> {
    /** Columns of the help text: the examples stay on one line each. */
    static final int USAGE_WIDTH = 100;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A command line with the shared exception handling and exit codes. */
    public static CommandLine commandLine() {
        FailureHandler failures = new FailureHandler();
        CommandLine commandLine = new CommandLine(new RebuildCausesCommand())
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures)
                .setUsageHelpWidth(USAGE_WIDTH);
        Map.of(
                        "scan", ScanCommand.EXIT_CODES,
                        "harvest", HarvestCommand.EXIT_CODES,
                        "report", ReportCommand.EXIT_CODES,
                        "export", ExportCommand.EXIT_CODES,
                        "demo", DemoCommand.EXIT_CODES,
                        "serve", ServeCommand.EXIT_CODES)
                .forEach((name, codes) -> commandLine
                        .getSubcommands()
                        .get(name)
                        .getCommandSpec()
                        .usageMessage()
                        .exitCodeList(ExitCode.helpList(doneMeaning(name), codes)));
        return commandLine;
    }

    /** What exit code 0 means for {@code command}. */
    static String doneMeaning(String command) {
        return command.equals("harvest") ? "done; the new builds are in the store" : "done; the report is written";
    }

    /** Without a command there is nothing to do: the usage goes to stderr and the exit code says so. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
