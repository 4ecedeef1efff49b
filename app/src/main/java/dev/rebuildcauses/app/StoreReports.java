package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.config.HarvestConfig;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.report.pages.BuildRangeException;
import dev.rebuildcauses.report.pages.BuildRanges;
import dev.rebuildcauses.report.pages.ReportIndex;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
import dev.rebuildcauses.report.pipeline.JobHistories;
import dev.rebuildcauses.report.pipeline.ProgressSink;
import dev.rebuildcauses.report.pipeline.Report;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import dev.rebuildcauses.report.pipeline.SourceException;
import dev.rebuildcauses.service.ExportAnalysis;
import dev.rebuildcauses.service.RefreshException;
import dev.rebuildcauses.service.ReportSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The store's report as {@code report} makes it (rules, inference and Dockerfiles from local clones,
 * advice), for hosts that keep it in memory: the dashboard reads it after every harvest.
 */
public final class StoreReports implements ReportSource {
    private final HarvestConfig config;
    private final PathClassifier rules;
    private final AdvisorSettings advisor;
    private final Consumer<String> warnings;

    private StoreReports(
            HarvestConfig config, PathClassifier rules, AdvisorSettings advisor, Consumer<String> warnings) {
        this.config = config;
        this.rules = rules;
        this.advisor = advisor;
        this.warnings = warnings;
    }

    /** The report of the store {@code config} names, classified by its rules file (or the defaults). */
    public static StoreReports of(HarvestConfig config, AdvisorSettings advisor, Consumer<String> warnings)
            throws RulesFormatException, CommandFailure {
        return new StoreReports(config, RulesFiles.load(config.rulesFile().orElse(null)), advisor, warnings);
    }

    /** The rules builds are classified by. */
    public PathClassifier rules() {
        return rules;
    }

    /**
     * Reads one build's range from the store: the builds started in its millisecond (the store indexes
     * start times), that job and number among them. The store is opened for the lookup and closed after,
     * so the server holds no connection between requests (an H2 file is opened by one process at a time).
     */
    @Override
    public Optional<BuildRanges> ranges() {
        return Optional.of(build -> {
            Instant start = Instant.ofEpochMilli(build.startedAt().toEpochMilli());
            try (BuildStore store = BuildStore.open(config.store())) {
                return store.loadBuildChanges(new BuildFilter(start, start.plusMillis(1), null)).stream()
                        .filter(stored -> stored.build().job().equals(build.job())
                                && stored.build().number() == build.number())
                        .map(BuildChanges::range)
                        .findFirst();
            } catch (HarvestException e) {
                throw new BuildRangeException(
                        "cannot read the range of " + build.job() + " #" + build.number() + " from the store of "
                                + config.file() + ": " + e.getMessage(),
                        e);
            }
        });
    }

    @Override
    public Optional<Instant> lastHarvest() throws RefreshException {
        try (BuildStore store = BuildStore.open(config.store())) {
            return store.lastHarvest();
        } catch (HarvestException e) {
            throw new RefreshException("cannot read the store of " + config.file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The store analysed one job at a time (one query per job for its builds, commits and files), so the
     * server never holds every build's range at once: the same index as {@link #read()} indexed whole.
     */
    @Override
    public ReportIndex index(BuildExplainer explainer) throws RefreshException {
        try (BuildStore store = BuildStore.open(config.store())) {
            Map<String, Path> mirrors = mirrors(store);
            List<String> jobs = store.finishedJobs(BuildFilter.all());
            try (LocalClones clones = new LocalClones(config.changes(), mirrors)) {
                // each job's latest revision, known once its builds are read, before the advisor asks for it
                Map<String, String> latest = new HashMap<>();
                JobHistories history = new JobHistories() {
                    @Override
                    public List<String> jobs() {
                        return jobs;
                    }

                    @Override
                    public List<BuildChanges> builds(String job) throws SourceException {
                        try {
                            List<BuildChanges> builds = store.loadBuildChanges(BuildFilter.all(), job);
                            latest.putAll(LocalClones.latestRevisions(builds));
                            return builds;
                        } catch (HarvestException e) {
                            throw new SourceException(e);
                        }
                    }
                };
                ReportPipeline pipeline = ReportPipeline.of(rules).observing(ProgressSink.NONE, warnings);
                if (jobs.stream().anyMatch(job -> clones.cloneOf(job).isPresent())) {
                    pipeline = pipeline.explaining(clones.explainer(rules), false);
                }
                if (advisor != null) {
                    pipeline = pipeline.advising(ReportPrinter.dockerfiles(clones.dockerfiles(latest)), advisor);
                }
                return ReportIndex.byJob(pipeline, history, explainer, ranges().orElseThrow());
            }
        } catch (HarvestException | IOException | SourceException e) {
            throw new RefreshException("cannot read the store of " + config.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Report read() throws RefreshException {
        try {
            List<BuildChanges> builds;
            Map<String, Path> mirrors;
            try (BuildStore store = BuildStore.open(config.store())) {
                builds = store.loadBuildChanges(BuildFilter.all());
                mirrors = mirrors(store);
            }
            return analyse(builds, mirrors, advisor);
        } catch (HarvestException | IOException | SourceException e) {
            throw new RefreshException("cannot read the store of " + config.file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Exports analysed as {@link #read} analyses the store (inference and Dockerfiles from the local
     * clones, advice), so an export's files hold the numbers the pages and {@code report} show.
     */
    public ExportAnalysis exports() {
        return (builds, advice) -> {
            Map<String, Path> mirrors;
            try (BuildStore store = BuildStore.open(config.store())) {
                mirrors = mirrors(store);
            } catch (HarvestException e) {
                throw new IOException("cannot read the store of " + config.file() + ": " + e.getMessage(), e);
            }
            return analyse(
                    builds, mirrors, advice ? Objects.requireNonNullElse(advisor, AdvisorSettings.defaults()) : null);
        };
    }

    private Map<String, Path> mirrors(BuildStore store) throws HarvestException {
        return config.changes().mirror()
                ? LocalClones.mirrorsOf(store.jobRepositories(), HarvestRunner.mirrorFolder(config))
                : Map.of();
    }

    private Report analyse(List<BuildChanges> builds, Map<String, Path> mirrors, AdvisorSettings advising)
            throws IOException, SourceException {
        try (LocalClones clones = new LocalClones(config.changes(), mirrors)) {
            ReportPipeline pipeline = ReportPipeline.of(rules).observing(ProgressSink.NONE, warnings);
            if (clones.coverAny(builds)) {
                pipeline = pipeline.explaining(clones.explainer(rules), false);
            }
            if (advising != null) {
                pipeline = pipeline.advising(
                        ReportPrinter.dockerfiles(clones.dockerfiles(LocalClones.latestRevisions(builds))), advising);
            }
            return pipeline.analyse(builds);
        }
    }
}
