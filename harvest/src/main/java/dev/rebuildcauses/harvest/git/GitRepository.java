package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A local git repository read through the git binary (one {@code git log} per history walk, which
 * is many times faster than walking commits in the JVM).
 */
public final class GitRepository {
    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final List<String> DIFF_OPTIONS =
            List.of("--diff-merges=first-parent", "--name-status", "-M", "-z", GitLogParser.FORMAT);

    /** Characters of texts read along a walk at most (a snapshot keeps as many to pass on). */
    private static final long TEXTS_READ_ALONG = 32L << 20;

    private final Path directory;
    private final GitCommand git;

    private GitRepository(Path directory) {
        this.directory = directory;
        this.git = new GitCommand(directory);
    }

    /** Opens the repository whose work tree (or bare directory) is exactly {@code directory}. */
    public static GitRepository open(Path directory) throws HarvestException {
        Path absolute = directory.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw NotAGitRepositoryException.missing(directory);
        }
        if (!Files.isDirectory(absolute)) {
            throw NotAGitRepositoryException.notADirectory(directory);
        }
        GitRepository repository = new GitRepository(absolute);
        GitCommand.Result result = repository.git.run(List.of("rev-parse", "--is-bare-repository", "--show-prefix"));
        List<String> lines = result.stdout().lines().toList();
        // a folder inside another repository is not a repository of its own: its job would be misnamed
        boolean root = result.ok() && (lines.size() < 2 || lines.get(1).isEmpty());
        if (!root) {
            throw new NotAGitRepositoryException(directory);
        }
        return repository;
    }

    public Path directory() {
        return directory;
    }

    /** The folder name, without a {@code .git} suffix: the job name of a scan. */
    public String name() {
        String name = directory.getFileName() == null
                ? "repository"
                : directory.getFileName().toString();
        return name.endsWith(".git") && name.length() > 4 ? name.substring(0, name.length() - 4) : name;
    }

    /** The full commit id {@code branch} points to. */
    public String resolveBranch(String branch) throws HarvestException {
        if (branch.isBlank() || branch.startsWith("-")) {
            throw new UnknownBranchException(branch, directory);
        }
        GitCommand.Result result = git.run(List.of("rev-parse", "--verify", "--quiet", branch + "^{commit}"));
        if (!result.ok()) {
            boolean empty = git.run(List.of("rev-parse", "--all")).stdout().isBlank();
            throw empty
                    ? new UnknownBranchException(branch, directory, "the repository has no commit yet")
                    : new UnknownBranchException(branch, directory);
        }
        return result.stdout().strip();
    }

    /**
     * The first-parent history of {@code branch}, oldest first: the chain with its diffs ({@link
     * FirstParentLog}), with the commits off it to know what merges brought. A progress listener
     * may throw to cancel the walk.
     */
    public FirstParentHistory firstParentHistory(String branch, WalkProgress progress) throws HarvestException {
        return firstParentHistory(branch, progress, null);
    }

    /**
     * Like {@link #firstParentHistory(String, WalkProgress)}, reading as the walk goes the files that
     * commits of the chain bring whose paths {@code readAlong} accepts, at those commits (on the
     * second core, with a cat-file of its own; not in a partial clone, which would fetch them one by
     * one); {@link FirstParentHistory#takeTextsReadAlong} hands them over. {@code null} reads none.
     */
    public FirstParentHistory firstParentHistory(String branch, WalkProgress progress, Predicate<String> readAlong)
            throws HarvestException {
        String tip = resolveBranch(branch);
        CompletableFuture<String> name = "HEAD".equals(branch)
                ? CompletableFuture.supplyAsync(this::currentBranchName)
                : CompletableFuture.completedFuture(branch);
        WalkTextReader texts = readAlong == null || PartialClone.of(git).isPresent()
                ? null
                : new WalkTextReader(new CatFileProcess(directory, git), readAlong, TEXTS_READ_ALONG);
        FirstParentLog.Walked walked = new FirstParentLog(git, DIFF_OPTIONS).read(tip, progress, texts);
        return walked.history(join(name));
    }

    /** Full commit ids of the revisions the repository has (abbreviated ids, branches and tags allowed); the others are absent. */
    public Map<String, String> resolveRevisions(Collection<String> revisions) throws HarvestException {
        List<String> asked = new ArrayList<>(new LinkedHashSet<>(revisions));
        asked.removeIf(r -> r == null || r.isBlank() || r.chars().anyMatch(c -> c <= ' '));
        Map<String, String> found = new LinkedHashMap<>();
        if (asked.isEmpty()) {
            return found;
        }
        GitCommand.Running batch = git.start(List.of("cat-file", "--batch-check=%(objectname)"));
        CompletableFuture<Void> feeder =
                CompletableFuture.runAsync(() -> feed(batch.process().getOutputStream(), asked));
        try (BufferedReader answers =
                new BufferedReader(new InputStreamReader(batch.process().getInputStream(), StandardCharsets.UTF_8))) {
            for (String revision : asked) {
                String answer = answers.readLine();
                if (answer == null) {
                    break;
                }
                if (FULL_ID.matcher(answer).matches()) {
                    found.put(revision, answer);
                }
            }
        } catch (IOException e) {
            throw new HarvestException(FailureKind.LOCAL, "cannot look up revisions in " + directory, e);
        }
        join(feeder);
        batch.requireSuccess();
        return found;
    }

    /**
     * The range {@code from..to} of two full commit ids with one {@code git log}: every commit in it,
     * and the union of the first-parent diffs along {@code to}'s first-parent chain back to {@code from}.
     * When {@code to} brings nothing new (it is an ancestor of {@code from}) the range has no new commit.
     */
    public ChangeRange resolveRange(String fromId, String toId) throws HarvestException {
        List<String> args = new ArrayList<>(List.of("log", "--topo-order", "--reverse"));
        args.addAll(DIFF_OPTIONS);
        args.addAll(List.of(toId, "^" + fromId, "--"));
        GitCommand.Running log = git.start(args);
        List<LogEntry> entries;
        try (InputStream out = log.process().getInputStream()) {
            log.process().getOutputStream().close();
            entries = GitLogParser.parseAll(out);
        } catch (IOException e) {
            log.process().destroy();
            throw new HarvestException(
                    FailureKind.LOCAL,
                    "cannot read " + fromId + ".." + toId + " in " + directory + ": " + e.getMessage(),
                    e);
        }
        log.requireSuccess();
        if (entries.isEmpty()) {
            return new ChangeRange(RangeStatus.NO_NEW_COMMIT, fromId, toId, List.of(), List.of(), "");
        }
        Map<String, LogEntry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.id(), e));
        Deque<List<FileChange>> chainDiffs = new ArrayDeque<>();
        for (LogEntry e = byId.get(toId); e != null; e = byId.get(e.firstParent())) {
            chainDiffs.addFirst(e.files());
        }
        List<Commit> commits = entries.stream().map(e -> e.toCommit(true)).toList();
        return ChangeRange.resolved(fromId, toId, commits, FileUnion.of(chainDiffs));
    }

    private String currentBranchName() {
        try {
            GitCommand.Result result = git.run(List.of("symbolic-ref", "--short", "-q", "HEAD"));
            return result.ok() ? result.stdout().strip() : "HEAD";
        } catch (HarvestException e) {
            throw new CompletionException(e);
        }
    }

    private static void feed(OutputStream stdin, List<String> revisions) {
        try (Writer writer = new OutputStreamWriter(stdin, StandardCharsets.UTF_8)) {
            for (String revision : revisions) {
                writer.write(revision);
                writer.write("^{commit}\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T join(CompletableFuture<T> future) throws HarvestException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof HarvestException harvest) {
                throw harvest;
            }
            throw new HarvestException(
                    FailureKind.LOCAL,
                    "git failed in " + directory + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
