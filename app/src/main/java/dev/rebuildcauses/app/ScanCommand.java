package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.csvinput.BuildsFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scan}: the rebuild causes of one local git repository, as CSV exports and a plain summary. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        headerHeading = "",
        header = "Find out why a Docker image repository gets rebuilt, and what each cause costs.",
        descriptionHeading = "%n",
        description = {
            "Takes every first-parent commit of the branch as one push-triggered build, classifies it by the "
                    + "files its range changed (environment, dependencies, ci, docs, code, config, other; "
                    + "empty-commit, no-new-commit, first-build) and writes the findings as CSV files plus a "
                    + "plain-language summary, which is also printed.",
            "",
            "With --builds, real builds exported from Jenkins are joined to their change ranges instead "
                    + "(previous listed build of the same job .. this build's revision) and their durations "
                    + "give hours per cause.",
        },
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  Scan a local clone, one build per first-parent commit of HEAD:",
            "    rebuild-causes scan ~/src/base-image",
            "",
            "  Join Jenkins builds with durations to their change ranges:",
            "    rebuild-causes scan ~/src/base-image --builds builds.csv --out report/",
            "    (builds.csv: job,build,started_at,duration_s,result,revision)",
            "",
            "  Own rules first, another branch, no progress bar:",
            "    rebuild-causes scan . --rules rules.txt --branch main --quiet",
            "",
            "  See why each file got its cause, or classify by the rules alone:",
            "    rebuild-causes scan . --explain",
            "    rebuild-causes scan . --no-infer",
            "",
            "  A repository of several images as one job rather than one job per image:",
            "    rebuild-causes scan ~/src/docker-stacks --job docker-stacks",
            "",
            "  Advice with a base image kept stable for 12 weeks, a fast path at 20%% of a build:",
            "    rebuild-causes scan . --stable-weeks 12 --fast-path-cost 0.2",
            "",
            "Writes to --out: builds.csv, causes.csv, combinations.csv, jobs.csv, weekly.csv,",
            "summary.txt, advice.csv, advice.txt and proposals/<job>/ (columns in the README);",
            "images.csv when the repository builds several images;",
            "with --explain also files.csv; with --format html also rebuild-causes.html.",
        },
        exitCodeListHeading = "%nExit codes:%n")
public final class ScanCommand implements Callable<Integer> {
    /** The exit codes {@code scan} can end with. */
    static final ExitCode[] EXIT_CODES = {
        ExitCode.OK,
        ExitCode.INTERNAL,
        ExitCode.USAGE,
        ExitCode.NOT_A_REPOSITORY,
        ExitCode.UNKNOWN_BRANCH,
        ExitCode.BAD_BUILDS_FILE,
        ExitCode.BAD_RULES_FILE,
        ExitCode.IO
    };

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "<repo>",
            description = "A local git clone (its folder name is the job name, or its images' folder names).")
    Path repository;

    @Option(
            names = "--branch",
            paramLabel = "BRANCH",
            defaultValue = "HEAD",
            description = "Branch whose first-parent history is read (default: ${DEFAULT-VALUE}).")
    String branch;

    @Option(
            names = "--builds",
            paramLabel = "FILE",
            description = "CSV of real builds: job,build,started_at,duration_s,result,revision "
                    + "(header required, any order, optional trigger and branch columns).")
    Path buildsFile;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description = "Path rules, one '<glob> <cause>' per line, tried before the defaults "
                    + "(a line '@no-defaults' drops them).")
    Path rulesFile;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "rebuild-causes-report",
            description = "Folder for the report (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(
            names = "--no-infer",
            description = "Classify by the rules alone; by default the Dockerfiles and CI files of each "
                    + "build's revision refine what the default rules decide (scripts run at build time, "
                    + "CI-only tools, Dockerfiles nobody builds, pin-only Dockerfile changes).")
    boolean noInfer;

    @Option(
            names = "--job",
            paramLabel = "NAME",
            description = "Report every commit as a build of one job of this name. By default a repository "
                    + "that builds several images gets one job per image (named after its folder: a commit "
                    + "builds an image when it changes its build context or an image it is built FROM); "
                    + "otherwise one job named after the repository folder.")
    String job;

    @Mixin
    ReportOptions report;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress bar and no closing note on stderr.")
    boolean quiet;

    /** The options as an immutable configuration. */
    ScanConfig config() {
        return new ScanConfig(
                repository,
                branch,
                buildsFile,
                rulesFile,
                outDir,
                quiet,
                !noInfer,
                report.explain,
                report.advisorSettings(spec),
                report.formats(spec),
                job);
    }

    @Override
    public Integer call()
            throws HarvestException, RulesFormatException, BuildsFileException, CommandFailure, IOException {
        new ScanRunner(spec.commandLine().getOut(), spec.commandLine().getErr()).run(config());
        return ExitCode.OK.code();
    }
}
