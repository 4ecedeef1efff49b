package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.infer.InferringClassifier;
import dev.rebuildcauses.analysis.infer.RepositoryModels;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.csvinput.BuildsCsvReader;
import dev.rebuildcauses.harvest.csvinput.BuildsFileException;
import dev.rebuildcauses.harvest.git.FirstParentHistory;
import dev.rebuildcauses.harvest.git.GitRepository;
import dev.rebuildcauses.harvest.git.GitRepositorySnapshot;
import dev.rebuildcauses.harvest.git.RangeResolver;
import dev.rebuildcauses.report.html.ReportScope;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import dev.rebuildcauses.report.pipeline.Timing;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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
        FutureTask<FirstParentHistory> walk =
                new FutureTask<>(() -> repository.firstParentHistory(config.branch(), (done, total) -> {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("scan gave up");
                    }
                    walkBar.update(done, total);
                }));
        Thread walker = new Thread(walk, "git-history");
        walker.setDaemon(true);
        walker.start();
        PathClassifier rules;
        List<Build> listed;
        try {
            rules = RulesFiles.load(config.rulesFile());
            Timing.mark("rules read");
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
            history = await(walk);
            Timing.mark("history walked");
        } finally {
            walkBar.finish();
        }
        List<BuildChanges> builds;
        if (listed == null) {
            builds = history.asBuilds(repository.name());
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
            pipeline = advising(pipeline, config, repository, null);
            if (config.explain()) {
                pipeline = pipeline.explaining(BuildExplainer.rulesOnly(rules), true);
            }
            return printer.run(pipeline, builds, config.outDir()).findings();
        }
        try (GitRepositorySnapshot snapshot = new GitRepositorySnapshot(repository.directory())) {
            RepositoryModels models = new RepositoryModels(snapshot);
            InferringClassifier classifier =
                    new InferringClassifier(rules, InferringClassifier.FROM_DEFAULT_RULES, models);
            classifier.prefetch(builds);
            pipeline = advising(pipeline, config, repository, models)
                    .explaining(BuildExplainer.inferring(classifier), config.explain());
            return printer.run(pipeline, builds, config.outDir()).findings();
        }
    }

    /**
     * The advice of a scan: every job of the repository builds its Dockerfiles at the branch tip;
     * with inference, only those the repository really builds (not examples or docs).
     */
    private static ReportPipeline advising(
            ReportPipeline pipeline, ScanConfig config, GitRepository repository, RepositoryModels models)
            throws HarvestException {
        if (config.advisor() == null) {
            return pipeline;
        }
        List<DockerfileHistory> histories =
                BuiltDockerfiles.of(repository.directory(), repository.resolveBranch(config.branch()), models);
        return pipeline.advising(job -> histories, config.advisor());
    }

    private static FirstParentHistory await(FutureTask<FirstParentHistory> walk) throws HarvestException {
        try {
            return walk.get();
        } catch (InterruptedException e) {
            walk.cancel(true);
            Thread.currentThread().interrupt();
            throw new HarvestException(HarvestException.FailureKind.LOCAL, "interrupted while reading the history");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HarvestException harvest) {
                throw harvest;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
