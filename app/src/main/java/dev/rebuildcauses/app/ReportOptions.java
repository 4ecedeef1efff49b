package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
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

    @Mixin
    AdvisorOptions advisor;

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
