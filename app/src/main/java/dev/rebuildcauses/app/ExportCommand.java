package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.harvest.config.ConfigException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: runs the config's scheduled CSV exports once, for a system cron. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        headerHeading = "",
        header = "Write the scheduled CSV exports of the config once, now.",
        descriptionHeading = "%n",
        description = {
            "Runs every export of the config's exports: list (or the one --name names) over the store: "
                    + "the builds its filter selects, counted back from now, classified and mined as by "
                    + "'report'. Each chosen file is written as <file>-<as-of>.csv (e.g. "
                    + "causes-2026-12-04T150000Z.csv, UTC) and copied to <file>-latest.csv, each appearing "
                    + "whole or not at all; the oldest copies beyond the export's keep are removed.",
            "",
            "The export's schedule is what 'serve' runs it by; this command ignores it, so a system cron "
                    + "decides when. One export failing does not stop the others.",
        },
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  Every export of the config, now:",
            "    rebuild-causes export --config rebuild-causes.yml",
            "",
            "  One export from crontab, Mondays at 06:00, printing nothing but failures:",
            "    0 6 * * MON  rebuild-causes export --config /etc/rebuild-causes.yml --name weekly-causes -q",
            "",
            "Prints, per export: export NAME: N files of B builds as of T in FOLDER (removed R old copies)",
        },
        exitCodeListHeading = "%nExit codes:%n")
public final class ExportCommand implements Callable<Integer> {
    /** The exit codes {@code export} can end with. */
    static final ExitCode[] EXIT_CODES = {
        ExitCode.OK, ExitCode.USAGE, ExitCode.BAD_RULES_FILE, ExitCode.IO, ExitCode.BAD_CONFIG, ExitCode.INTERNAL
    };

    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            required = true,
            description = "The rebuild-causes.yml with an exports: list and the store.")
    Path config;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "Run only the export of this name (default: all of them).")
    String name;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print nothing but failures.")
    boolean quiet;

    @Override
    public Integer call() throws ConfigException, RulesFormatException, CommandFailure {
        ExportOnce once =
                new ExportOnce(spec.commandLine().getOut(), spec.commandLine().getErr(), Clock.systemUTC(), quiet);
        return once.run(config, name).code();
    }
}
