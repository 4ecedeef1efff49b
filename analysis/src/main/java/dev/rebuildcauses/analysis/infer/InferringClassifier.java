package dev.rebuildcauses.analysis.infer;

import dev.rebuildcauses.analysis.classify.BuildClassifier;
import dev.rebuildcauses.analysis.classify.FileVerdict;
import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.classify.Verdict;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Classifies builds with the repository's help: a path matched by a user rule keeps that
 * verdict; a path the default rules decided is open to what the Dockerfiles and CI files of the
 * build's revision say ({@link RepositoryModel}); the default verdict stands otherwise.
 *
 * <p>A build whose range starts where an earlier build ended reuses that build's model unless the
 * range changes a Dockerfile, a CI file or a script CI runs: each is parsed once per revision that
 * changed it, not once per build. Builds in history order get the most reuse.
 * Not thread-safe.
 */
public final class InferringClassifier {
    private static final Pattern DEFAULT_REASON =
            Pattern.compile(".*\\(" + Pattern.quote(RuleSet.DEFAULT_SOURCE) + ":\\d+\\)|no rule matched");

    /**
     * Verdicts no user rule made: a default rule's (reason {@code rule '*.py' (default rules:97)})
     * or no rule at all.
     */
    public static final Predicate<Verdict> FROM_DEFAULT_RULES = verdict -> isDefaultReason(verdict.reason());

    private static final String DEFAULT_MARK = "(" + RuleSet.DEFAULT_SOURCE + ":";
    private static final String NO_RULE = "no rule matched";

    /**
     * What {@link #DEFAULT_REASON} matches, without a matcher per file: {@code no rule matched},
     * or a line ending in {@code (default rules:} digits {@code )}.
     */
    static boolean isDefaultReason(String reason) {
        if (reason.equals(NO_RULE)) {
            return true;
        }
        int end = reason.length() - 1;
        if (end < 0 || reason.charAt(end) != ')') {
            return false;
        }
        int mark = reason.lastIndexOf(DEFAULT_MARK);
        int digits = mark + DEFAULT_MARK.length();
        if (mark < 0 || digits >= end) {
            return false;
        }
        for (int i = digits; i < end; i++) {
            char c = reason.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        for (int i = 0; i < mark; i++) { // '.' matches anything but a line terminator
            switch (reason.charAt(i)) {
                case '\n', '\r', '\u0085', '\u2028', '\u2029' -> {
                    return false;
                }
                default -> {}
            }
        }
        return true;
    }

    /**
     * The files repository models and Dockerfile diffs read at every revision that changes them:
     * Dockerfiles and CI files. A snapshot of a partial clone fetches them ahead, all at once.
     */
    public static final Predicate<String> READS_AHEAD = RepoPaths::isDockerfileOrCiFile;

    private static final int REVISIONS_KEPT_BITS = 14;
    private static final int READ_AHEAD = 256;

    private final PathClassifier rules;
    private final Predicate<Verdict> openToInference;
    private final RepositoryModels models;
    private final DockerfileChangeClassifier dockerfileChanges;
    /** For recently classified revisions, the revision of the model they used. */
    private final RecentModelRevisions modelRevisions = new RecentModelRevisions(REVISIONS_KEPT_BITS);
    /** The model the last build used: most builds use their predecessor's, without a cache lookup. */
    private RepositoryModel lastModel;

    /** The revisions {@link #prefetch} expects to read, in order, and the position of each. */
    private List<String> aheadOrder = List.of();

    private Map<String, Integer> aheadIndex = Map.of();
    private int readUpTo;

    /** The verdicts of the build being classified, so the shared build-level logic can read them. */
    private final Map<String, Verdict> current = new HashMap<>();

    private final BuildClassifier causes = new BuildClassifier(path -> current.get(path));

    /**
     * @param rules the user's rules over the defaults (or the defaults alone)
     * @param openToInference which verdicts of {@code rules} inference may replace, usually {@link #FROM_DEFAULT_RULES}
     * @param models the repository models of the builds' repository
     */
    public InferringClassifier(PathClassifier rules, Predicate<Verdict> openToInference, RepositoryModels models) {
        this.rules = rules;
        this.openToInference = openToInference;
        this.models = models;
        this.dockerfileChanges = new DockerfileChangeClassifier(models.parsedFiles());
    }

    /**
     * Lets the snapshot read ahead, in bulk, what classifying {@code builds} (in this order) will
     * read: the revisions whose range changes a Dockerfile or CI file (and the first), the
     * revisions a changed Dockerfile is compared with, and their Dockerfiles and CI files. They
     * are read {@value #READ_AHEAD} revisions at a time, as classification reaches them, so the
     * snapshot's caches hold each batch until it is used. A hint only: classification gives the
     * same results with or without it.
     */
    public void prefetch(List<BuildChanges> builds) {
        Set<String> revisions = new LinkedHashSet<>();
        boolean first = true;
        for (BuildChanges build : builds) {
            ChangeRange range = build.range();
            if (range.status() != RangeStatus.RESOLVED || range.files().isEmpty() || range.toRevision() == null) {
                continue;
            }
            boolean relevant = first;
            for (FileChange change : range.files()) {
                boolean dockerfile = RepoPaths.isDockerfile(change.path())
                        || (change.oldPath() != null && RepoPaths.isDockerfile(change.oldPath()));
                if (dockerfile && range.fromRevision() != null) {
                    revisions.add(range.fromRevision());
                }
                relevant |= dockerfile
                        || RepoPaths.isCiFile(change.path())
                        || (change.oldPath() != null && RepoPaths.isCiFile(change.oldPath()));
            }
            if (relevant) {
                revisions.add(range.toRevision());
            }
            first = false;
        }
        aheadOrder = List.copyOf(revisions);
        aheadIndex = new HashMap<>();
        for (int i = 0; i < aheadOrder.size(); i++) {
            aheadIndex.putIfAbsent(aheadOrder.get(i), i);
        }
        readUpTo = 0;
    }

    /** When {@code revision} is the first of the read-ahead list not read yet, reads it and the next ones in one go. */
    private void readAhead(String revision) throws SnapshotException {
        Integer at = aheadIndex.get(revision);
        if (at == null || at < readUpTo) {
            return;
        }
        readUpTo = Math.min(aheadOrder.size(), at + READ_AHEAD);
        models.snapshot().prefetch(aheadOrder.subList(at, readUpTo), RepoPaths::isDockerfileOrCiFile);
    }

    /** The build's causes and the verdict of each file it changed, with the reasons. */
    public ExplainedBuild classify(BuildChanges changes) throws SnapshotException {
        ChangeRange range = changes.range();
        if (range.status() != RangeStatus.RESOLVED || range.files().isEmpty()) {
            noteUnchanged(range);
            return new ExplainedBuild(causes.classify(changes), List.of());
        }
        // without a revision there is nothing to read: the rules decide alone
        RepositoryModel model = range.toRevision() == null ? null : modelFor(range);
        List<FileVerdict> verdicts = new ArrayList<>();
        current.clear();
        for (FileChange change : range.files()) {
            for (String path :
                    change.oldPath() == null ? List.of(change.path()) : List.of(change.path(), change.oldPath())) {
                Verdict verdict = current.get(path);
                if (verdict == null) {
                    verdict = decide(path, change, range, model);
                    current.put(path, verdict);
                }
                verdicts.add(new FileVerdict(
                        path, verdict.cause(), verdict.reason(), model == null ? null : model.entersImage(path)));
            }
        }
        ClassifiedBuild classified = causes.classify(changes);
        current.clear();
        return new ExplainedBuild(classified, verdicts);
    }

    /**
     * A range that changes no file ends where its model is the start's: noted, so the next build,
     * which starts there, reuses that model instead of reading one (empty commits are common).
     */
    private void noteUnchanged(ChangeRange range) {
        if (range.status() == RangeStatus.RESOLVED && range.fromRevision() != null && range.toRevision() != null) {
            String model = modelRevisions.get(range.fromRevision());
            if (model != null) {
                modelRevisions.put(range.toRevision(), model);
            }
        }
    }

    /**
     * The model the build at the range's start used, when this range changes nothing models read
     * (so the files it was read from are the same here); else the model of this revision.
     */
    private RepositoryModel modelFor(ChangeRange range) throws SnapshotException {
        String previous = range.fromRevision() == null ? null : modelRevisions.get(range.fromRevision());
        String revision = range.toRevision();
        if (previous != null) {
            RepositoryModel model = modelAt(previous);
            boolean stale = false;
            for (FileChange change : range.files()) {
                if (model.dependsOn(change.path()) || (change.oldPath() != null && model.dependsOn(change.oldPath()))) {
                    stale = true;
                    break;
                }
            }
            if (!stale) {
                revision = previous;
            }
        }
        modelRevisions.put(range.toRevision(), revision);
        readAhead(revision);
        lastModel = modelAt(revision);
        return lastModel;
    }

    private RepositoryModel modelAt(String revision) throws SnapshotException {
        return lastModel != null && lastModel.revision().equals(revision) ? lastModel : models.at(revision);
    }

    private Verdict decide(String path, FileChange change, ChangeRange range, RepositoryModel model)
            throws SnapshotException {
        Verdict rule = rules.classify(path);
        if (model == null || !openToInference.test(rule)) {
            return rule;
        }
        if (RepoPaths.isDockerfilePatch(path) && !rule.cause().equals(Causes.DOCS)) {
            Optional<Verdict> produced = patchDiff(path, change, range);
            if (produced.isPresent()) {
                return produced.get();
            }
        }
        if (RepoPaths.isDockerfile(path)
                && model.isBuiltDockerfile(path)
                && !rule.cause().equals(Causes.DOCS)) {
            Optional<Verdict> diff = dockerfileDiff(path, change, range);
            if (diff.isPresent()) {
                return diff.get();
            }
        }
        if (rule.cause().equals(Causes.DEPENDENCIES) || rule.cause().equals(Causes.DOCS)) {
            return rule;
        }
        Optional<Verdict> inferred = model.verdictFor(path);
        if (inferred.isPresent()) {
            boolean codeInTheImage = inferred.get().cause().equals(Causes.CI)
                    && rule.cause().equals(Causes.CODE)
                    && model.copiesWholeRepository();
            // configuration the rules know already keeps the rule's reason
            boolean knownConfig =
                    inferred.get().cause().equals(rule.cause()) && rule.cause().equals(Causes.CONFIG);
            return codeInTheImage || knownConfig ? rule : inferred.get();
        }
        if (change.kind() == ChangeKind.DELETE && range.fromRevision() != null) {
            Optional<Verdict> deleted = deletedVerdict(path, rule, range);
            if (deleted.isPresent()) {
                return deleted.get();
            }
        }
        if (rule.cause().equals(Causes.OTHER)) {
            return model.copiedIntoImage(path).orElse(rule);
        }
        if (rule.cause().equals(Causes.CONFIG) && RepoPaths.isExampleName(path)) {
            Optional<String> readme = documentingReadme(range.toRevision(), path);
            if (readme.isPresent()) {
                return new Verdict(Causes.DOCS, "an example documented by " + readme.get());
            }
        }
        return rule;
    }

    /**
     * A deleted file is judged by the revision that still had it: what that revision's images and
     * CI did with it, and when they did nothing with a file the rules call code, it was tooling
     * nothing used any more, so deleting it changes nothing built.
     */
    private Optional<Verdict> deletedVerdict(String path, Verdict rule, ChangeRange range) throws SnapshotException {
        String noted = modelRevisions.get(range.fromRevision());
        String fromModel = noted != null ? noted : range.fromRevision();
        RepositoryModel before = modelAt(fromModel);
        Optional<Verdict> inferred = before.verdictFor(path);
        if (inferred.isPresent()) {
            boolean codeInTheImage = inferred.get().cause().equals(Causes.CI)
                    && rule.cause().equals(Causes.CODE)
                    && before.copiesWholeRepository();
            return codeInTheImage ? Optional.empty() : inferred;
        }
        if (rule.cause().equals(Causes.OTHER)) {
            return before.copiedIntoImage(path);
        }
        if (rule.cause().equals(Causes.CODE)
                && Boolean.FALSE.equals(before.entersImage(path))
                && !RepoPaths.isUnderTests(path)) {
            return Optional.of(new Verdict(
                    Causes.OTHER, "deleted tooling: no image took it in and no CI file ran it before this change"));
        }
        return Optional.empty();
    }

    /** The README in the file's folder or above it that names the file, e.g. {@code server/README.md:12}. */
    private Optional<String> documentingReadme(String revision, String path) throws SnapshotException {
        RepositorySnapshot snapshot = models.snapshot();
        String name = RepoPaths.baseName(path);
        List<String> readmes = snapshot.paths(revision).stream()
                .filter(candidate -> RepoPaths.baseName(candidate)
                                .toLowerCase(java.util.Locale.ROOT)
                                .startsWith("readme")
                        && path.startsWith(prefixOf(RepoPaths.directoryOf(candidate))))
                .toList();
        for (Map.Entry<String, Optional<String>> readme :
                snapshot.readAll(revision, readmes).entrySet()) {
            if (readme.getValue().isEmpty()) {
                continue;
            }
            String[] lines = readme.getValue().get().split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(name)) {
                    return Optional.of(readme.getKey() + ":" + (i + 1));
                }
            }
        }
        return Optional.empty();
    }

    private static String prefixOf(String folder) {
        return folder.isEmpty() ? "" : folder + "/";
    }

    /**
     * A patch that makes a Dockerfile changes what that Dockerfile says: the lines it puts in
     * before and after the change (or, added or deleted, the lines it swaps), compared as Dockerfiles.
     */
    private Optional<Verdict> patchDiff(String path, FileChange change, ChangeRange range) throws SnapshotException {
        RepositorySnapshot snapshot = models.snapshot();
        Optional<String> before = range.fromRevision() == null
                ? Optional.empty()
                : snapshot.read(range.fromRevision(), change.oldPath() == null ? path : change.oldPath());
        Optional<String> after = snapshot.read(range.toRevision(), path);
        String from;
        String to;
        if (before.isPresent() && after.isPresent()) {
            from = DockerfilePatch.side(before.get(), true);
            to = DockerfilePatch.side(after.get(), true);
        } else if (after.isPresent()) {
            from = DockerfilePatch.side(after.get(), false);
            to = DockerfilePatch.side(after.get(), true);
        } else if (before.isPresent()) {
            from = DockerfilePatch.side(before.get(), true);
            to = DockerfilePatch.side(before.get(), false);
        } else {
            return Optional.empty();
        }
        Verdict produced = dockerfileChanges.classify(path, from, to);
        return Optional.of(new Verdict(
                produced.cause(), produced.reason() + " (the Dockerfile this patch makes)", produced.alsoCauses()));
    }

    private Optional<Verdict> dockerfileDiff(String path, FileChange change, ChangeRange range)
            throws SnapshotException {
        boolean modified = change.kind() == ChangeKind.MODIFY
                || (change.kind() == ChangeKind.RENAME && path.equals(change.path()));
        if (!modified || range.fromRevision() == null) {
            return Optional.empty();
        }
        String oldPath = change.oldPath() == null ? path : change.oldPath();
        readAhead(range.fromRevision());
        RepositorySnapshot snapshot = models.snapshot();
        Optional<String> before = snapshot.read(range.fromRevision(), oldPath);
        Optional<String> after = snapshot.read(range.toRevision(), path);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(dockerfileChanges.classify(path, before.get(), after.get()));
    }
}
