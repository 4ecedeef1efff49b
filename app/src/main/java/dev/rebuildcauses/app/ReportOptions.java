package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What the commands that write a report ({@code scan}, {@code report}) add to it: explanations and advice ({@code @Mixin}). */
public final class ReportOptions {
    @Option(
            names = "--explain",
            description = "Also write files.csv: job,build,revision,path,cause,reason for every changed file.")
    boolean explain;

    @Option(names = "--no-advice", description = "Skip the layering advice (advice.csv, advice.txt, proposals/).")
    boolean noAdvice;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            split = ",",
            description = "csv (default) or html: html also writes rebuild-causes.html, one self-contained page with "
                    + "the answer, the advice, charts and tables, beside the CSV files.")
    java.util.List<String> formats = java.util.List.of("csv");

    @Option(
            names = "--charts",
            paramLabel = "DIR",
            description = "Also write every chart as SVG and PNG files into DIR, for slides and wikis.")
    Path chartsDir;

    @Mixin
    AdvisorOptions advisor;

    /** The documents asked for; an unknown format is a usage error of {@code command}. */
    ReportFormats formats(CommandSpec command) {
        boolean html = false;
        for (String format : formats) {
            switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> {}
                case "html" -> html = true;
                default -> throw new ParameterException(
                        command.commandLine(), "--format must be csv or html, was '" + format + "'");
            }
        }
        return new ReportFormats(html, chartsDir);
    }

    /** The advisor's settings, or {@code null} with {@code --no-advice}; a bad value is a usage error of {@code command}. */
    AdvisorSettings advisorSettings(CommandSpec command) {
        if (noAdvice) {
            return null;
        }
        try {
            return advisor.settings();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
        }
    }
}
