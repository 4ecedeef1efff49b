package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.dockerfile.DockerfileRevision;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the Dockerfiles of a local git repository and every revision of each, through the git
 * binary: {@code ls-tree} to find them, {@code log --follow} for their commits and one
 * {@code cat-file --batch} process for all their contents.
 */
public final class GitDockerfileHistoryReader {
    private final Path repository;
    private final String git;

    /** A reader of the repository at {@code repository} (a work tree or a bare mirror), using {@code git} from the PATH. */
    public GitDockerfileHistoryReader(Path repository) {
        this(repository, "git");
    }

    public GitDockerfileHistoryReader(Path repository, String gitExecutable) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.git = Objects.requireNonNull(gitExecutable, "gitExecutable");
    }

    /** Extensions of source files that only look like Dockerfiles by name, e.g. {@code Dockerfile.java}. */
    private static final Set<String> SOURCE_EXTENSIONS = Set.of(
            "java", "kt", "scala", "groovy", "py", "go", "js", "ts", "rb", "rs", "c", "cc", "cpp", "h", "hpp", "cs",
            "php", "pl", "sh", "md", "patch", "diff");

    /** True for Dockerfile, Containerfile, *.Dockerfile and Dockerfile.* names (any folder), but not source files. */
    public static boolean isDockerfile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot > 0 && SOURCE_EXTENSIONS.contains(lower.substring(dot + 1))) {
            return false;
        }
        return lower.equals("dockerfile")
                || lower.equals("containerfile")
                || lower.endsWith(".dockerfile")
                || lower.startsWith("dockerfile.")
                || lower.startsWith("containerfile.");
    }

    /** The Dockerfiles in the tree of {@code revision}, sorted by path. */
    public List<String> dockerfiles(String revision) throws HarvestException {
        String listing = text(run(List.of("ls-tree", "-r", "--name-only", "-z", revision), null));
        List<String> paths = new ArrayList<>();
        for (String path : listing.split("\0")) {
            if (!path.isEmpty() && isDockerfile(path)) {
                paths.add(path);
            }
        }
        Collections.sort(paths);
        return paths;
    }

    /** The history of every Dockerfile of {@code revision}. */
    public List<DockerfileHistory> histories(String revision) throws HarvestException {
        return histories(revision, null, Map.of());
    }

    /**
     * The history of every Dockerfile of {@code revision}; {@code walked}, the chain walked from
     * {@code revision} when there is one, gives the commits of each Dockerfile where it is sure to
     * give {@code git log --follow}'s (see {@link WalkedDockerfileCommits}), so git need not go
     * through the whole history once per Dockerfile; and {@code texts}, those read along it by
     * {@code REV:path} (see {@link FirstParentHistory#takeTextsReadAlong}), their contents there.
     */
    public List<DockerfileHistory> histories(String revision, FirstParentHistory walked, Map<String, String> texts)
            throws HarvestException {
        List<String> paths = dockerfiles(revision);
        // a partial clone fetches the blobs git log names in one go: the walk names none
        Map<String, List<LoggedCommit>> known =
                walked == null || isPartialClone() ? Map.of() : WalkedDockerfileCommits.of(walked, revision, paths);
        List<DockerfileHistory> histories = new ArrayList<>();
        for (String path : paths) {
            List<LoggedCommit> commits = known.get(path);
            Optional<DockerfileHistory> read = commits == null ? Optional.empty() : readAlready(path, commits, texts);
            if (read.isPresent()) {
                histories.add(read.get());
            } else {
                histories.add(history(revision, path, commits != null ? commits : loggedCommits(revision, path)));
            }
        }
        return histories;
    }

    /** The history of {@code path} from texts read already, when they hold every one of its commits. */
    private static Optional<DockerfileHistory> readAlready(
            String path, List<LoggedCommit> newestFirst, Map<String, String> texts) {
        List<DockerfileRevision> revisions = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            LoggedCommit commit = newestFirst.get(i);
            String text = texts.get(commit.id() + ":" + commit.path());
            if (text == null) {
                return Optional.empty();
            }
            revisions.add(new DockerfileRevision(commit.id(), Instant.ofEpochSecond(commit.commitSeconds()), text));
        }
        return revisions.isEmpty() ? Optional.empty() : Optional.of(new DockerfileHistory(path, revisions));
    }

    /** Every revision of {@code path} reachable from {@code revision}, following renames, oldest first. */
    public DockerfileHistory history(String revision, String path) throws HarvestException {
        return history(revision, path, loggedCommits(revision, path));
    }

    /**
     * A commit that changed a Dockerfile, as {@code git log --follow} lists it.
     *
     * @param path the Dockerfile's path in that commit
     * @param blob its content's id there; {@code null} when deleted or not known
     */
    record LoggedCommit(String id, long commitSeconds, String path, String blob) {}

    /** The commits of {@code path} from {@code revision} back, newest first, as {@code git log --follow} lists them. */
    private List<LoggedCommit> loggedCommits(String revision, String path) throws HarvestException {
        String log = text(run(
                List.of("log", "--format=%x01%H%x00%ct", "--raw", "--no-abbrev", "--follow", revision, "--", path),
                null));
        List<LoggedCommit> commits = new ArrayList<>();
        for (String record : log.split("\u0001")) {
            if (record.isBlank()) {
                continue;
            }
            String[] lines = record.strip().split("\n");
            String[] header = lines[0].split("\0");
            // ":100644 100644 <old blob> <new blob> M\tpath" (R100 with two paths for a rename)
            String raw = lines.length > 1 ? lines[lines.length - 1].strip() : "";
            String pathThen = raw.isEmpty() ? path : raw.substring(raw.lastIndexOf('\t') + 1);
            String[] fields = raw.split(" ");
            String blob = fields.length > 3 && !fields[3].matches("0+") ? fields[3] : null;
            if (header.length != 2) {
                throw new HarvestException(
                        FailureKind.LOCAL,
                        "unexpected git log output for " + path + " in " + repository + ": " + lines[0]);
            }
            commits.add(new LoggedCommit(header[0], Long.parseLong(header[1]), pathThen, blob));
        }
        return withoutCopySources(commits);
    }

    /** The history of {@code path} from its commits, newest first: each revision's content read with one cat-file. */
    private DockerfileHistory history(String revision, String path, List<LoggedCommit> newestFirst)
            throws HarvestException {
        List<LoggedCommit> commits = new ArrayList<>(newestFirst);
        Collections.reverse(commits);
        fetchMissingBlobs(commits);
        StringBuilder requests = new StringBuilder();
        for (LoggedCommit commit : commits) {
            requests.append(commit.id()).append(':').append(commit.path()).append('\n');
        }
        byte[] batch = run(List.of("cat-file", "--batch"), requests.toString().getBytes(StandardCharsets.UTF_8));
        List<DockerfileRevision> revisions = new ArrayList<>();
        int position = 0;
        for (LoggedCommit commit : commits) {
            int newline = indexOf(batch, (byte) '\n', position);
            if (newline < 0) {
                throw new HarvestException(
                        FailureKind.LOCAL, "truncated git cat-file output for " + path + " in " + repository);
            }
            String header = new String(batch, position, newline - position, StandardCharsets.UTF_8);
            position = newline + 1;
            if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
                continue; // the commit deleted the file
            }
            String[] parts = header.split(" ");
            int size = Integer.parseInt(parts[parts.length - 1]);
            String content = new String(batch, position, size, StandardCharsets.UTF_8);
            position += size + 1;
            revisions.add(new DockerfileRevision(commit.id(), Instant.ofEpochSecond(commit.commitSeconds()), content));
        }
        if (revisions.isEmpty()) {
            throw new HarvestException(
                    FailureKind.LOCAL, "no revision of " + path + " at " + revision + " in " + repository);
        }
        return new DockerfileHistory(path, revisions);
    }

    private boolean isPartialClone() throws HarvestException {
        return PartialClone.of(new GitCommand(repository)).isPresent();
    }

    /** In a partial clone, fetches the revisions' blobs it lacks in one go: cat-file would fetch each alone. */
    private void fetchMissingBlobs(List<LoggedCommit> commits) throws HarvestException {
        List<String> blobs = commits.stream()
                .map(LoggedCommit::blob)
                .filter(Objects::nonNull)
                .toList();
        if (blobs.isEmpty()) {
            return;
        }
        Optional<PartialClone> partial = PartialClone.of(new GitCommand(repository));
        if (partial.isPresent()) {
            partial.get()
                    .fetchMissing(
                            blobs,
                            commits.stream()
                                    .map(commit -> commit.id() + "^{tree}")
                                    .toList());
        }
    }

    /**
     * Cuts the history (newest first) where {@code --follow} jumps to another path that still
     * exists in the commit that added the followed one: that is a copy of identical content, not
     * a rename, so the older commits belong to another file.
     */
    private List<LoggedCommit> withoutCopySources(List<LoggedCommit> newestFirst) throws HarvestException {
        List<Integer> jumps = new ArrayList<>();
        StringBuilder checks = new StringBuilder();
        for (int i = 1; i < newestFirst.size(); i++) {
            if (!newestFirst.get(i).path().equals(newestFirst.get(i - 1).path())) {
                jumps.add(i);
                checks.append(newestFirst.get(i - 1).id())
                        .append(':')
                        .append(newestFirst.get(i).path())
                        .append('\n');
            }
        }
        if (jumps.isEmpty()) {
            return newestFirst;
        }
        String[] answers = text(run(
                        List.of("cat-file", "--batch-check"), checks.toString().getBytes(StandardCharsets.UTF_8)))
                .split("\n");
        for (int k = 0; k < jumps.size(); k++) {
            if (k < answers.length && !answers[k].endsWith(" missing")) {
                return newestFirst.subList(0, jumps.get(k));
            }
        }
        return newestFirst;
    }

    private byte[] run(List<String> arguments, byte[] input) throws HarvestException {
        List<String> command = new ArrayList<>();
        command.add(git);
        command.add("-C");
        command.add(repository.toString());
        command.addAll(arguments);
        String shown = "git " + String.join(" ", arguments);
        if (!Files.isDirectory(repository)) {
            throw new HarvestException(FailureKind.LOCAL, shown + ": no repository at " + repository);
        }
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input);
                }
            }
            int exit = process.waitFor();
            byte[] out = stdout.join();
            if (exit != 0) {
                String message = text(stderr.join()).strip();
                int newline = message.indexOf('\n');
                throw new HarvestException(
                        FailureKind.LOCAL,
                        shown + " failed in " + repository + " (exit " + exit + "): "
                                + (newline < 0 ? message : message.substring(0, newline)));
            }
            return out;
        } catch (IOException e) {
            throw new HarvestException(
                    FailureKind.LOCAL, shown + " could not run in " + repository + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException(FailureKind.LOCAL, shown + " was interrupted in " + repository, e);
        }
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
