package dev.rebuildcauses.plugin;

import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.harvest.config.ConfigException;
import dev.rebuildcauses.harvest.config.CronSchedule;
import dev.rebuildcauses.harvest.config.ExportConfig;
import dev.rebuildcauses.harvest.config.ExportFile;
import dev.rebuildcauses.harvest.config.ExportFilter;
import dev.rebuildcauses.report.csv.CsvNumbers;
import dev.rebuildcauses.report.pages.ExportStatusRow;
import dev.rebuildcauses.service.ExportRunner;
import dev.rebuildcauses.service.ExportScheduler;
import dev.rebuildcauses.service.ExportStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The scheduled CSV exports, run by the service's {@link ExportScheduler} at the times of their cron
 * expressions, as {@code serve} runs the config's {@code exports:}; each writes into
 * {@code <server home>/rebuild-causes/exports/<name>/}.
 */
public final class ScheduledExports implements AutoCloseable {
    private static final String SAFE_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final Path folder;
    private final List<ExportConfig> exports;
    private final ExportScheduler scheduler;

    private ScheduledExports(Path folder, List<ExportConfig> exports, ExportScheduler scheduler) {
        this.folder = folder;
        this.exports = exports;
        this.scheduler = scheduler;
    }

    /** Starts the exports {@code schedules} names (see {@link #parse}), reading builds from {@code store}. */
    static ScheduledExports start(Path folder, String schedules, PluginStore store, PathClassifier rules, Clock clock)
            throws ConfigException {
        List<ExportConfig> exports = parse(schedules, folder);
        ExportScheduler scheduler = ExportScheduler.builder(new ExportRunner(store::builds, rules, clock), clock)
                .exports(exports)
                .start();
        return new ScheduledExports(folder, exports, scheduler);
    }

    /**
     * Reads one export per line, {@code name: cron expression} (five fields, or six with seconds first),
     * optionally followed by {@code | files} naming some of the export files ({@code causes, jobs}); blank
     * lines and lines starting with {@code #} are skipped. Each export writes every build of the store.
     */
    public static List<ExportConfig> parse(String schedules, Path folder) throws ConfigException {
        List<ExportConfig> exports = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] lines = schedules == null ? new String[0] : schedules.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "export schedule line " + (i + 1) + " ('" + line + "')";
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new ConfigException(where + ": expected 'name: cron expression', e.g. 'daily: 0 6 * * *'");
            }
            String name = line.substring(0, colon).strip();
            if (!name.matches(SAFE_NAME)) {
                throw new ConfigException(where + ": a name is letters, digits, '.', '_' and '-' (at most 64)");
            }
            if (!names.add(name)) {
                throw new ConfigException(where + ": the name " + name + " is used twice");
            }
            String rest = line.substring(colon + 1);
            int bar = rest.indexOf('|');
            CronSchedule schedule;
            try {
                schedule = CronSchedule.parse(bar < 0 ? rest : rest.substring(0, bar));
            } catch (ConfigException e) {
                throw new ConfigException(where + ": " + e.getMessage(), e);
            }
            List<ExportFile> files =
                    bar < 0 ? List.copyOf(EnumSet.allOf(ExportFile.class)) : files(rest.substring(bar + 1), where);
            exports.add(new ExportConfig(
                    name, schedule, files, ExportFilter.ALL, folder.resolve(name), ExportConfig.DEFAULT_KEEP));
        }
        return exports;
    }

    private static List<ExportFile> files(String text, String where) throws ConfigException {
        EnumSet<ExportFile> files = EnumSet.noneOf(ExportFile.class);
        for (String name : text.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            files.add(ExportFile.byConfigName(name.strip())
                    .orElseThrow(() -> new ConfigException(where + ": no export file named '" + name.strip()
                            + "' (known: "
                            + EnumSet.allOf(ExportFile.class).stream()
                                    .map(ExportFile::configName)
                                    .toList() + ")")));
        }
        if (files.isEmpty()) {
            throw new ConfigException(where + ": name at least one file after '|'");
        }
        return List.copyOf(files);
    }

    /** Each export's last success or failure and next run, as the overview shows them. */
    public List<ExportStatusRow> statuses() {
        List<ExportStatusRow> rows = new ArrayList<>();
        for (ExportStatus status : scheduler.statuses()) {
            Instant last = status.isFailing() ? status.lastFailure() : status.lastSuccess();
            String outcome = status.isFailing() ? "failed" : last == null ? "not run yet" : "ok";
            String detail = status.isFailing()
                    ? status.failureCause()
                    : last == null ? "" : "written to exports/" + status.name() + "/";
            rows.add(new ExportStatusRow(
                    status.name(),
                    status.schedule(),
                    last == null ? "" : CsvNumbers.instant(last),
                    outcome,
                    detail,
                    status.nextRunTime().map(CsvNumbers::instant).orElse("")));
        }
        return rows;
    }

    /** The latest copy of every exported file, as {@code name/file-latest.csv}, for download links. */
    public List<String> latestFiles() throws IOException {
        List<String> files = new ArrayList<>();
        for (ExportConfig export : exports) {
            if (!Files.isDirectory(export.target())) {
                continue;
            }
            try (Stream<Path> listed = Files.list(export.target())) {
                listed.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith("-latest.csv"))
                        .sorted()
                        .forEach(n -> files.add(export.name() + "/" + n));
            }
        }
        return files;
    }

    /** The exported file at {@code name/file.csv} (any as-of copy an export keeps), if there is one. */
    public Optional<Path> file(String relative) throws IOException {
        int slash = relative.indexOf('/');
        if (slash < 0 || relative.indexOf('/', slash + 1) >= 0 || !relative.endsWith(".csv")) {
            return Optional.empty();
        }
        String name = relative.substring(0, slash);
        String file = relative.substring(slash + 1);
        for (ExportConfig export : exports) {
            if (export.name().equals(name) && file.matches("[A-Za-z0-9._-]+")) {
                Path path = export.target().resolve(file);
                return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
