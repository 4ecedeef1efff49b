package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.infer.InferringClassifier;
import dev.rebuildcauses.analysis.infer.RepositoryModels;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangesOmitted;
import dev.rebuildcauses.harvest.config.ChangeSourceKind;
import dev.rebuildcauses.harvest.config.ChangesConfig;
import dev.rebuildcauses.harvest.git.GitMirrors;
import dev.rebuildcauses.harvest.git.GitRepositorySnapshot;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local git clones a config maps jobs to ({@code changes.source: git}), opened on first use:
 * they let {@code report} infer causes from the repository and feed Dockerfile histories to the
 * advisor, as {@code scan} does. Jobs without a local clone fall back to the rules alone.
 */
final class LocalClones implements AutoCloseable {
    private final ChangesConfig changes;
    private final Map<Path, GitRepositorySnapshot> snapshots = new HashMap<>();
    private final Map<Path, RepositoryModels> models = new HashMap<>();
    private final Map<Path, InferringClassifier> classifiers = new HashMap<>();

    private final Map<String, Path> mirrors;

    LocalClones(ChangesConfig changes) {
        this(changes, Map.of());
    }

    /** @param mirrors the mirror the harvest kept for each job (mirror mode), by job */
    LocalClones(ChangesConfig changes, Map<String, Path> mirrors) {
        this.changes = changes;
        this.mirrors = Map.copyOf(mirrors);
    }

    /**
     * The mirrors of a mirror-mode harvest, by job: the folder {@code harvest} keeps for the
     * repository of each job's newest build, where it exists.
     */
    static Map<String, Path> mirrorsOf(Map<String, String> jobRepositories, Path mirrorFolder) {
        Map<String, Path> mirrors = new HashMap<>();
        jobRepositories.forEach((job, url) -> {
            Path mirror = mirrorFolder.resolve(GitMirrors.directoryName(url));
            if (Files.isDirectory(mirror)) {
                mirrors.put(job, mirror);
            }
        });
        return mirrors;
    }

    /** The local clone or mirror of {@code job}: a git source's mapped clone, or the harvest's mirror. */
    Optional<Path> cloneOf(String job) {
        if (mirrors.containsKey(job)) {
            return Optional.of(mirrors.get(job));
        }
        if (changes.source() != ChangeSourceKind.GIT) {
            return Optional.empty();
        }
        return changes.repositoryFor(job)
                .filter(location -> !location.contains("://"))
                .map(Path::of)
                .filter(Files::isDirectory);
    }

    /** True when a job of {@code builds} has a local clone to infer from. */
    boolean coverAny(List<BuildChanges> builds) {
        // only jobs are read: builds made on demand are made without their commits and files
        return ChangesOmitted.view(builds).stream()
                .map(build -> build.build().job())
                .distinct()
                .anyMatch(job -> cloneOf(job).isPresent());
    }

    /** Classifies with inference where the job has a local clone, by the rules alone elsewhere. */
    BuildExplainer explainer(PathClassifier rules) {
        BuildExplainer rulesOnly = BuildExplainer.rulesOnly(rules);
        return build -> {
            Optional<Path> clone = cloneOf(build.build().job());
            return clone.isEmpty()
                    ? rulesOnly.explain(build)
                    : classifier(clone.get(), rules).classify(build);
        };
    }

    /**
     * The Dockerfiles each job builds, read from its clone at the revision of its latest build
     * ({@code latestRevisions}); none for a job without a clone.
     */
    ReportPrinter.HarvestDockerfiles dockerfiles(Map<String, String> latestRevisions) {
        return job -> {
            Optional<Path> clone = cloneOf(job);
            String revision = latestRevisions.get(job);
            if (clone.isEmpty() || revision == null) {
                return List.of();
            }
            return BuiltDockerfiles.of(clone.get(), revision, models(clone.get()));
        };
    }

    /** The revision of each job's latest build that has one. */
    static Map<String, String> latestRevisions(List<BuildChanges> builds) {
        Map<String, String> latest = new HashMap<>();
        Map<String, Long> numbers = new HashMap<>();
        for (BuildChanges build : builds) {
            String job = build.build().job();
            if (build.build().revision() != null
                    && build.build().number() >= numbers.getOrDefault(job, Long.MIN_VALUE)) {
                numbers.put(job, build.build().number());
                latest.put(job, build.build().revision());
            }
        }
        return latest;
    }

    private InferringClassifier classifier(Path clone, PathClassifier rules) {
        return classifiers.computeIfAbsent(
                clone, c -> new InferringClassifier(rules, InferringClassifier.FROM_DEFAULT_RULES, models(c)));
    }

    private RepositoryModels models(Path clone) {
        return models.computeIfAbsent(
                clone, c -> new RepositoryModels(snapshots.computeIfAbsent(c, GitRepositorySnapshot::new)));
    }

    @Override
    public void close() {
        snapshots.values().forEach(GitRepositorySnapshot::close);
    }
}
