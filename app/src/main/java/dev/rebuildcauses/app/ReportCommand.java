package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code report}: the rebuild-cause report of the harvested builds in the store. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        headerHeading = "",
        header = "Write the rebuild-cause report of the harvested builds.",
        descriptionHeading = "%n",
        description = {
            "Reads the finished builds and their change ranges from the store the config names, classifies "
                    + "them by the files their ranges changed, and writes the same CSV files and summary as "
                    + "'scan', with the advice per job. Limit it to a time window (by build start) or a folder "
                    + "or job.",
            "",
            "Where the config maps a job to a local git clone (changes.source: git), the clone's "
                    + "Dockerfiles and CI files refine the default rules and its Dockerfile history feeds the "
                    + "base-image advice; otherwise the rules alone decide and the advice that needs no "
                    + "Dockerfile comes out.",
        },
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  Everything harvested:",
            "    rebuild-causes report --config rebuild-causes.yml --out report/",
            "",
            "  The first quarter, one folder, own rules:",
            "    rebuild-causes report --config rebuild-causes.yml --out q1/ --since 2026-01-01 \\",
            "        --until 2026-03-31 --job 'images/**' --rules rules.txt",
            "",
            "  Every file's cause and why, no advice:",
            "    rebuild-causes report --config rebuild-causes.yml --out report/ --explain --no-advice",
            "",
            "Output in --out: builds.csv, causes.csv, combinations.csv, jobs.csv, weekly.csv, summary.txt,",
            "advice.csv, advice.txt, proposals/<job>/; with --explain also files.csv; with --format html also",
            "rebuild-causes.html, one self-contained page with the answer, advice, charts and tables.",
        },
        exitCodeListHeading = "%nExit codes:%n")
public final class ReportCommand implements Callable<Integer> {
    /** The exit codes {@code report} can end with. */
    static final ExitCode[] EXIT_CODES = {
        ExitCode.OK,
        ExitCode.USAGE,
        ExitCode.BAD_RULES_FILE,
        ExitCode.IO,
        ExitCode.BAD_CONFIG,
        ExitCode.NO_STORE,
        ExitCode.INTERNAL
    };

    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            required = true,
            description = "The rebuild-causes.yml naming the store (and rules).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the report.")
    Path outDir;

    @Option(
            names = "--since",
            paramLabel = "DATE",
            description = "Only builds started on or after DATE (2026-03-01, UTC, or 2026-03-01T12:00:00Z).")
    String since;

    @Option(
            names = "--until",
            paramLabel = "DATE",
            description = "Only builds started up to DATE, that day included (or before an instant).")
    String until;

    @Option(
            names = "--job",
            paramLabel = "GLOB",
            description = "Only jobs whose full name matches: * stays in a folder, ** crosses folders.")
    String jobGlob;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description = "Path rules, one '<glob> <cause>' per line, instead of the config's rules.")
    Path rulesFile;

    @Mixin
    ReportOptions report;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress bar and no closing note on stderr.")
    boolean quiet;

    /** The options as an immutable configuration. */
    ReportConfig reportConfig() {
        try {
            return new ReportConfig(
                    config,
                    outDir,
                    DateOption.since(since),
                    DateOption.until(until),
                    jobGlob,
                    rulesFile,
                    quiet,
                    report.explain,
                    report.advisorSettings(spec),
                    report.formats(spec));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws ConfigException, HarvestException, RulesFormatException, CommandFailure, IOException {
        new ReportRunner(spec.commandLine().getOut(), spec.commandLine().getErr()).run(reportConfig());
        return ExitCode.OK.code();
    }
}
