package dev.rebuildcauses.app;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.config.ConfigException;
import dev.rebuildcauses.harvest.run.HarvestSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code harvest}: brings new Jenkins builds and their change ranges into the store. */
@Command(
        name = "harvest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        headerHeading = "",
        header = "Bring Jenkins builds and the commits behind them into the store.",
        descriptionHeading = "%n",
        description = {
            "Walks the Jenkins (or Hudson) jobs the config includes, reads every build newer than the last "
                    + "harvest (its duration, result, trigger causes and built revision), resolves its change "
                    + "range against the previous build of the same job and branch, and fetches the range's "
                    + "commits and changed files from a local git clone or Bitbucket Server / Cloud.",
            "",
            "With Bitbucket it keeps a mirror of each repository in rebuild-causes-data/mirrors beside the "
                    + "config (cloned once, fetched once per harvest, the token sent as a header and never "
                    + "written) and resolves ranges there, with no REST request to Bitbucket; where cloning is "
                    + "not allowed, 'mirror: false' under 'changes:' reads ranges through the REST API instead.",
            "",
            "Running it again fetches only what is new; a build still running is collected once it has "
                    + "finished. A harvest that is killed loses nothing: run it again.",
            "",
            "A build whose repository has no change source (no local clone mapped for it) is stored all "
                    + "the same with the cause no-change-source; the harvest warns once per repository with the "
                    + "config line that would fix it, and the next harvest after the mapping is added resolves "
                    + "those builds. A build that recorded no revision gets the cause no-revision.",
        },
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  First harvest (tokens come from the environment or files the config names):",
            "    export JENKINS_TOKEN=...",
            "    rebuild-causes harvest --config rebuild-causes.yml",
            "",
            "  From cron, without the progress bar:",
            "    rebuild-causes harvest --config /etc/rebuild-causes.yml --quiet",
            "",
            "  Then the report:",
            "    rebuild-causes report --config rebuild-causes.yml --out report/",
            "",
            "Prints: harvested N new builds of M jobs (R ranges, K commits); requests: jenkins X, bitbucket Y; "
                    + "unknown ranges U; no revision V; no change source S",
        },
        exitCodeListHeading = "%nExit codes:%n")
public final class HarvestCommand implements Callable<Integer> {
    /** The exit codes {@code harvest} can end with. */
    static final ExitCode[] EXIT_CODES = {
        ExitCode.OK,
        ExitCode.USAGE,
        ExitCode.IO,
        ExitCode.BAD_CONFIG,
        ExitCode.NO_CHANGE_SOURCE,
        ExitCode.UNREACHABLE,
        ExitCode.AUTH,
        ExitCode.NOT_FOUND,
        ExitCode.BAD_RESPONSE,
        ExitCode.SERVER_ERROR,
        ExitCode.INTERNAL
    };

    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            required = true,
            description = "The rebuild-causes.yml: Jenkins, change source, store, rules.")
    Path config;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress bar on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws ConfigException, HarvestException {
        HarvestSummary summary = new HarvestRunner(
                        spec.commandLine().getOut(), spec.commandLine().getErr(), System.getenv())
                .run(config, quiet);
        return exitCodeOf(summary).code();
    }

    /** 0, or {@link ExitCode#NO_CHANGE_SOURCE} when builds needed a change source and none had one. */
    static ExitCode exitCodeOf(HarvestSummary summary) {
        return summary.nothingResolvable() ? ExitCode.NO_CHANGE_SOURCE : ExitCode.OK;
    }
}
