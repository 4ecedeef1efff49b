package dev.rebuildcauses.app;

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
            DemoCommand.class,
            InspectDockerfileCommand.class
        })
public final class RebuildCausesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A command line with the shared exception handling and exit codes. */
    public static CommandLine commandLine() {
        FailureHandler failures = new FailureHandler();
        CommandLine commandLine = new CommandLine(new RebuildCausesCommand())
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
        commandLine
                .getSubcommands()
                .get("scan")
                .getCommandSpec()
                .usageMessage()
                .exitCodeList(ExitCode.helpList(ScanCommand.EXIT_CODES));
        commandLine
                .getSubcommands()
                .get("harvest")
                .getCommandSpec()
                .usageMessage()
                .exitCodeList(ExitCode.helpList(HarvestCommand.EXIT_CODES));
        commandLine
                .getSubcommands()
                .get("report")
                .getCommandSpec()
                .usageMessage()
                .exitCodeList(ExitCode.helpList(ReportCommand.EXIT_CODES));
        commandLine
                .getSubcommands()
                .get("demo")
                .getCommandSpec()
                .usageMessage()
                .exitCodeList(ExitCode.helpList(DemoCommand.EXIT_CODES));
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
