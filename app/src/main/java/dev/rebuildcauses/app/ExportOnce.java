package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.harvest.config.ConfigException;
import dev.rebuildcauses.harvest.config.ConfigLoader;
import dev.rebuildcauses.harvest.config.ExportConfig;
import dev.rebuildcauses.harvest.config.HarvestConfig;
import dev.rebuildcauses.service.BuildSource;
import dev.rebuildcauses.service.ExportException;
import dev.rebuildcauses.service.ExportResult;
import dev.rebuildcauses.service.ExportRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Wires {@code export}: the config's exports run once, each failure reported and the others still run. */
final class ExportOnce {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;
    private final boolean quiet;

    ExportOnce(PrintWriter out, PrintWriter err, Clock clock, boolean quiet) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.quiet = quiet;
    }

    /** Runs the export named {@code name}, or all when it is {@code null}; returns how the command ends. */
    ExitCode run(Path configFile, String name) throws ConfigException, RulesFormatException, CommandFailure {
        HarvestConfig config = new ConfigLoader().load(configFile);
        List<ExportConfig> exports = select(config, name);
        // analysed as 'report' analyses the store (clones, inference, Dockerfile advice): the same numbers
        StoreReports reports = StoreReports.of(config, AdvisorSettings.defaults(), this::warn);
        ExportRunner runner = new ExportRunner(BuildSource.store(config.store()), reports.exports(), clock);
        ExitCode outcome = ExitCode.OK;
        for (ExportConfig export : exports) {
            try {
                print(runner.run(export), export);
            } catch (ExportException e) {
                // the store, the folder or the report: the file-or-store code, after the other exports ran
                err.println(FailureHandler.PREFIX + e.getMessage());
                err.flush();
                outcome = ExitCode.IO;
            }
        }
        return outcome;
    }

    private void warn(String warning) {
        if (!quiet) {
            err.println(FailureHandler.PREFIX + "warning: " + warning);
            err.flush();
        }
    }

    private static List<ExportConfig> select(HarvestConfig config, String name) throws CommandFailure {
        String file = config.file().getFileName().toString();
        if (config.exports().isEmpty()) {
            throw new CommandFailure(
                    ExitCode.BAD_CONFIG,
                    file + ": exports: none configured; add a list with name, schedule and target "
                            + "(see the README's \"Scheduled exports\")");
        }
        if (name == null) {
            return config.exports();
        }
        return config.export(name)
                .map(List::of)
                .orElseThrow(() -> new CommandFailure(
                        ExitCode.USAGE,
                        "--name: no export named '" + name + "' in " + file
                                + config.nearestExportName(name)
                                        .map(near -> " (did you mean " + near + "?)")
                                        .orElse(" (it has "
                                                + String.join(
                                                        ", ",
                                                        config.exports().stream()
                                                                .map(ExportConfig::name)
                                                                .toList())
                                                + ")")));
    }

    private void print(ExportResult result, ExportConfig export) {
        if (quiet) {
            return;
        }
        int removed = result.deleted().size();
        out.println("export " + result.name() + ": " + export.files().size() + " file"
                + (export.files().size() == 1 ? "" : "s") + " of " + result.builds() + " build"
                + (result.builds() == 1 ? "" : "s") + " as of " + result.asOf() + " in " + export.target()
                + (removed == 0 ? "" : " (removed " + removed + " old cop" + (removed == 1 ? "y" : "ies") + ")"));
        out.flush();
    }
}
