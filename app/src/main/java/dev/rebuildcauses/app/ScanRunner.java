package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.infer.ImageJobs;
import dev.rebuildcauses.analysis.infer.InferringClassifier;
import dev.rebuildcauses.analysis.infer.RepositoryModels;
import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.trigger.CiTriggerReader;
import dev.rebuildcauses.analysis.trigger.TriggerFilter;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.csvinput.BuildsCsvReader;
import dev.rebuildcauses.harvest.csvinput.BuildsFileException;
import dev.rebuildcauses.harvest.git.FirstParentHistory;
import dev.rebuildcauses.harvest.git.GitRepository;
import dev.rebuildcauses.harvest.git.GitRepositorySnapshot;
import dev.rebuildcauses.harvest.git.RangeResolver;
import dev.rebuildcauses.report.html.ReportScope;
import dev.rebuildcauses.report.images.ImagesReport;
import dev.rebuildcauses.report.images.TriggerNote;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
import dev.rebuildcauses.report.pipeline.DockerfileSource;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import dev.rebuildcauses.report.pipeline.Timing;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.FutureTask;
import java.util.function.Predicate;

/** Wires {@code scan}: repository, rules and builds in, the report pipeline out. */
final class ScanRunner {
    private final PrintWriter out;
    private final PrintWriter err;

    ScanRunner(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    Findings run(ScanConfig config)
            throws HarvestException, RulesFormatException, BuildsFileException, CommandFailure, IOException {
        Timing.mark("command line parsed");
        GitRepository repository = GitRepository.open(config.repository());
        Timing.mark("repository opened");
        // git walks the history while this thread reads the rules and the builds file
        ProgressBar walkBar = new ProgressBar(err, "commits", ProgressBar.wanted(config.quiet()));
        // a scan of commits reads the CI files and Dockerfiles each commit changes: git reads them as it walks
        Predicate<String> readAlong = config.infer() && config.buildsFile() == null
                ? path -> CiTriggerReader.isTriggerFile(path) || InferringClassifier.READS_AHEAD.test(path)
                : null;
        FutureTask<FirstParentHistory> walk = new FutureTask<>(() -> repository.firstParentHistory(
                config.branch(),
                (done, total) -> {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("scan gave up");
                    }
                    walkBar.update(done, total);
                },
                readAlong));
        Thread walker = new Thread(walk, "git-history");
        walker.setDaemon(true);
        walker.start();
        PathClassifier rules;
        List<Build> listed;
        try {
            rules = RulesFiles.load(config.rulesFile());
            Timing.mark("rules read");
            if (config.job() != null && config.buildsFile() != null) {
                throw new CommandFailure(
                        ExitCode.USAGE, "--job names the job of a scan of commits; a --builds file names its own jobs");
            }
            listed = config.buildsFile() == null ? null : BuildsCsvReader.read(config.buildsFile());
        } catch (RulesFormatException | BuildsFileException | CommandFailure | RuntimeException e) {
            walk.cancel(true);
            walkBar.finish(); // the failure line must not land at the end of a progress line
            throw e;
        }
        ReportPrinter printer = new ReportPrinter(config.quiet(), out, err);
        ReportPipeline pipeline = ReportPrinter.writing(
                printer.pipeline(rules),
                config.formats(),
                ReportScope.of(
                        repository.name() + (config.branch() == null ? "" : " (" + config.branch() + ")"),
                        config.buildsFile() == null
                                ? "one build per first-parent commit"
                                : "builds of " + config.buildsFile().getFileName()));
        FirstParentHistory history;
        try {
            history = HarvestFutures.await(walk, "reading the history");
            Timing.mark("history walked");
        } finally {
            walkBar.finish();
        }
        // the CI files and Dockerfiles read along the walk, also at the commits before their next changes
        Map<String, String> textsReadAlong = history.takeTextsReadAlong();
        // the Dockerfiles' histories come on a second core while this one classifies
        BuiltDockerfiles dockerfiles = config.advisor() == null
                ? null
                : BuiltDockerfiles.reading(
                        repository.directory(),
                        () -> repository.resolveBranch(config.branch()),
                        history,
                        textsReadAlong);
        List<BuildChanges> builds;
        if (listed == null) {
            builds = history.asBuilds(config.job() != null ? config.job() : repository.name());
        } else {
            ProgressBar join = new ProgressBar(err, "builds joined", ProgressBar.wanted(config.quiet()));
            try {
                builds = new RangeResolver(repository, history).join(listed, join::update);
            } finally {
                join.finish();
            }
        }
        Timing.mark("builds made");
        if (!config.infer()) {
            pipeline = advising(pipeline, config, dockerfiles, null, null);
            if (config.explain()) {
                pipeline = pipeline.explaining(BuildExplainer.rulesOnly(rules), true);
            }
            return printer.run(pipeline, builds, config.outDir()).findings();
        }
        // listings along the walked chain come from its diffs: only changed Dockerfiles and CI files are read
        try (GitRepositorySnapshot snapshot = new GitRepositorySnapshot(repository.directory()).following(history)) {
            snapshot.passOn(textsReadAlong);
            RepositoryModels models = new RepositoryModels(snapshot);
            // a partial clone lacks old contents: fetch what inference reads in one go, not file by file
            fetchAhead(snapshot, builds);
            Timing.mark("fetched ahead" + objectsRead(snapshot));
            // commits the CI triggers skip are no builds; real builds from --builds ran already
            TriggerFilter.Result triggered = listed != null ? null : skipByTriggers(builds, snapshot);
            if (triggered != null) {
                builds = triggered.builds();
            }
            Timing.mark("triggers applied" + objectsRead(snapshot));
            // a repository of several images: one job per image, unless --job names one
            ImageJobs.Split images =
                    listed != null || config.job() != null ? null : byImage(builds, models, repository.name());
            if (images != null) {
                builds = images.builds();
            }
            Timing.mark("images split" + objectsRead(snapshot));
            InferringClassifier classifier =
                    new InferringClassifier(rules, InferringClassifier.FROM_DEFAULT_RULES, models);
            if (listed != null) {
                // ranges of listed builds may end off the walked chain, where reading trees ahead pays;
                // along the chain the snapshot reads ahead by itself, so no plan (a pass over every file) is made
                classifier.prefetch(builds);
            }
            Timing.mark("read-ahead planned" + objectsRead(snapshot));
            pipeline = advising(pipeline, config, dockerfiles, models, images)
                    .explaining(BuildExplainer.inferring(classifier), config.explain());
            if (triggered != null && triggered.skipped() > 0) {
                pipeline = pipeline.crediting(triggered.skippedBy(), triggered.skipped());
            }
            Findings findings = printer.run(pipeline, builds, config.outDir()).findings();
            Timing.mark("scanned" + objectsRead(snapshot));
            if (triggered != null && triggered.skipped() > 0) {
                out.println();
                out.println(TriggerNote.line(triggered));
            }
            if (images != null) {
                ImagesReport.write(images, config.outDir());
                out.println();
                ImagesReport.lines(images).forEach(out::println);
            }
            out.flush();
            return findings;
        }
    }

    /** What the snapshot asked git for so far, for the timing lines. */
    private static String objectsRead(GitRepositorySnapshot snapshot) {
        return Timing.isOn()
                ? " (git objects read: " + snapshot.objectsRead() + " in " + snapshot.roundTrips() + " round trips, "
                        + snapshot.millisAnswering() + " ms answering)"
                : "";
    }

    /** The revisions builds start and end at, in build order. */
    private static List<String> revisionsOf(List<BuildChanges> builds) {
        java.util.Set<String> revisions = new java.util.LinkedHashSet<>();
        for (BuildChanges build : builds) {
            if (build.range().fromRevision() != null) {
                revisions.add(build.range().fromRevision());
            }
            if (build.range().toRevision() != null) {
                revisions.add(build.range().toRevision());
            }
        }
        return List.copyOf(revisions);
    }

    /**
     * The advice of a scan: every job of the repository builds its Dockerfiles at the branch tip;
     * with inference, only those the repository really builds (not examples or docs).
     */
    private static ReportPipeline advising(
            ReportPipeline pipeline,
            ScanConfig config,
            BuiltDockerfiles dockerfiles,
            RepositoryModels models,
            ImageJobs.Split images) {
        if (config.advisor() == null) {
            return pipeline;
        }
        // asked for once the builds are classified: the histories are read meanwhile
        DockerfileSource histories = ReportPrinter.dockerfiles(job -> dockerfiles.built(models));
        if (images == null) {
            return pipeline.advising(histories, config.advisor());
        }
        // one job per image: each advised on its own Dockerfile
        return pipeline.advising(
                job -> {
                    List<DockerfileHistory> all = histories.forJob(job);
                    return images.graph()
                            .image(job)
                            .map(image -> all.stream()
                                    .filter(history -> history.path().equals(image.dockerfile()))
                                    .toList())
                            .orElse(List.of());
                },
                config.advisor());
    }

    private static TriggerFilter.Result skipByTriggers(List<BuildChanges> builds, GitRepositorySnapshot snapshot)
            throws IOException {
        try {
            return new TriggerFilter(new CiTriggerReader(snapshot)).apply(builds);
        } catch (SnapshotException e) {
            throw new IOException("cannot read the CI triggers of the repository: " + e.getMessage(), e);
        }
    }

    private static void fetchAhead(GitRepositorySnapshot snapshot, List<BuildChanges> builds) throws IOException {
        try {
            if (!snapshot.isPartialClone()) {
                return; // a full clone has every content: no pass over the builds for their revisions
            }
            snapshot.fetchMissing(revisionsOf(builds), InferringClassifier.READS_AHEAD);
        } catch (SnapshotException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** One job per image when the repository builds several, else {@code null}. */
    private static ImageJobs.Split byImage(List<BuildChanges> builds, RepositoryModels models, String repository)
            throws IOException {
        try {
            return new ImageJobs(models, repository).splitIfSeveral(builds).orElse(null);
        } catch (SnapshotException e) {
            throw new IOException("cannot read the images of the repository: " + e.getMessage(), e);
        }
    }
}
