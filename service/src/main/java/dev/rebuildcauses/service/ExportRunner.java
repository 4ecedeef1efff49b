package dev.rebuildcauses.service;

import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.config.ExportConfig;
import dev.rebuildcauses.harvest.config.ExportFile;
import dev.rebuildcauses.harvest.config.ExportFilter;
import dev.rebuildcauses.harvest.model.JobGlob;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.report.csv.AdviceCsvWriter;
import dev.rebuildcauses.report.csv.CsvReportWriter;
import dev.rebuildcauses.report.pipeline.Report;
import dev.rebuildcauses.report.pipeline.SourceException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one export once: reads the builds its filter selects (the window counted back from the clock's
 * now), classifies, mines and advises them with the report pipeline, and writes each chosen CSV under a
 * name with its as-of time plus a {@code -latest} copy, both appearing whole or not at all; then removes
 * the oldest as-of copies beyond {@code keep}. The CSV writers are the report's, so the schema is the
 * exports' contract.
 */
public final class ExportRunner {
    private static final Logger LOG = Logger.getLogger(ExportRunner.class.getName());

    private final BuildSource source;
    private final ExportAnalysis analysis;
    private final Clock clock;

    /**
     * @param source where builds are read
     * @param rules the path rules builds are classified by (and nothing else: see {@link ExportAnalysis})
     * @param clock the time of each run: its window's end and the files' as-of time
     */
    public ExportRunner(BuildSource source, PathClassifier rules, Clock clock) {
        this(source, ExportAnalysis.rulesOnly(rules), clock);
    }

    /**
     * @param source where builds are read
     * @param analysis how the selected builds become the report the files are written from
     * @param clock the time of each run: its window's end and the files' as-of time
     */
    public ExportRunner(BuildSource source, ExportAnalysis analysis, Clock clock) {
        this.source = source;
        this.analysis = analysis;
        this.clock = clock;
    }

    /** Runs {@code export} now. */
    public ExportResult run(ExportConfig export) throws ExportException {
        Instant asOf = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<BuildChanges> builds = load(export, asOf);
        Report report = analyse(export, builds);
        return write(export, asOf, builds.size(), report);
    }

    private List<BuildChanges> load(ExportConfig export, Instant asOf) throws ExportException {
        ExportFilter filter = export.filter();
        List<String> jobs = filter.jobs();
        Instant since = filter.window().since(asOf).orElse(null);
        // one glob goes to the store; several are matched here, as the store takes one
        String storeGlob = jobs.size() == 1 && !jobs.get(0).equals("**") ? jobs.get(0) : null;
        List<BuildChanges> loaded;
        try {
            loaded = source.load(new BuildFilter(since, null, storeGlob));
        } catch (HarvestException e) {
            throw new ExportException(
                    export.name(), ExportException.Kind.STORE, "cannot read the store: " + e.getMessage(), e);
        }
        if (jobs.size() == 1) {
            return loaded;
        }
        List<JobGlob> globs = jobs.stream().map(JobGlob::of).toList();
        return loaded.stream()
                .filter(build -> JobGlob.selects(globs, List.of(), build.build().job()))
                .toList();
    }

    private Report analyse(ExportConfig export, List<BuildChanges> builds) throws ExportException {
        try {
            return analysis.analyse(builds, export.files().contains(ExportFile.ADVICE));
        } catch (IOException | SourceException e) {
            throw new ExportException(
                    export.name(), ExportException.Kind.REPORT, "cannot compute the report: " + e.getMessage(), e);
        }
    }

    private ExportResult write(ExportConfig export, Instant asOf, int builds, Report report) throws ExportException {
        ExportFolder folder = new ExportFolder(export.target());
        Path staging = null;
        try {
            staging = folder.stage();
            Map<ExportFile, Path> staged = writeStaged(export.files(), report, staging);
            List<Path> asOfFiles = new ArrayList<>();
            for (ExportFile file : export.files()) {
                asOfFiles.add(folder.publish(staged.get(file), ExportFolder.asOfName(file, asOf)));
            }
            List<Path> written = new ArrayList<>(asOfFiles);
            for (int i = 0; i < asOfFiles.size(); i++) {
                written.add(folder.publishCopy(
                        asOfFiles.get(i), ExportFolder.latestName(export.files().get(i))));
            }
            List<Path> deleted = new ArrayList<>();
            for (ExportFile file : export.files()) {
                deleted.addAll(folder.prune(file, export.keep()));
            }
            return new ExportResult(export.name(), asOf, builds, written, deleted);
        } catch (IOException e) {
            throw new ExportException(
                    export.name(),
                    ExportException.Kind.TARGET,
                    "cannot write " + export.target() + ": " + describe(e),
                    e);
        } finally {
            removeStaging(export, staging);
        }
    }

    private static Map<ExportFile, Path> writeStaged(List<ExportFile> files, Report report, Path staging)
            throws IOException {
        Map<ExportFile, Path> staged = new EnumMap<>(ExportFile.class);
        CsvReportWriter csv = new CsvReportWriter(staging);
        if (files.contains(ExportFile.BUILDS)) {
            staged.put(ExportFile.BUILDS, csv.writeBuilds(report.builds()));
        }
        if (files.stream().anyMatch(file -> file != ExportFile.BUILDS && file != ExportFile.ADVICE)) {
            for (Path written : csv.writeFindings(report.findings(), report.summary())) {
                ExportFile.byConfigName(stem(written)).ifPresent(file -> staged.put(file, written));
            }
        }
        if (files.contains(ExportFile.ADVICE)) {
            staged.put(ExportFile.ADVICE, AdviceCsvWriter.write(report.advice(), staging));
        }
        return staged;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    private static void removeStaging(ExportConfig export, Path staging) {
        if (staging == null) {
            return;
        }
        try {
            ExportFolder.deleteTree(staging);
        } catch (IOException e) {
            // the export itself is complete or already failing; a leftover hidden folder is worth a warning
            LOG.log(Level.WARNING, "export " + export.name() + ": cannot remove " + staging + ": " + describe(e));
        }
    }

    /** One line a person can act on, for the failures a target folder typically shows. */
    static String describe(IOException e) {
        if (e instanceof FileAlreadyExistsException exists) {
            return "a file is in the way at " + exists.getFile() + " (expected a folder)";
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (e instanceof AtomicMoveNotSupportedException) {
            return "the file system cannot rename atomically, so files could be read half-written: " + e.getMessage();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + ": " + fs.getFile();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
