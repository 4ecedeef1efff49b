package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.infer.RepositorySnapshot;
import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.harvest.changes.HarvestException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A local git repository read at any revision through the git binary: {@code git ls-tree} for the
 * paths and one long-running {@code git cat-file --batch} for file contents. Both are cached.
 * Thread-safe; close it to end the cat-file process.
 */
public final class GitRepositorySnapshot implements RepositorySnapshot, AutoCloseable {
    private static final int TREES_KEPT = 8;
    private static final int FILES_KEPT = 2048;
    private static final int LARGEST_TEXT = 4 * 1024 * 1024;

    private final Path directory;
    private final GitCommand git;
    private final Map<String, List<String>> trees = lru(TREES_KEPT);
    private final Map<String, Optional<String>> files = lru(FILES_KEPT);
    private GitCommand.Running catFile;
    private OutputStream requests;
    private InputStream answers;
    private int gitProcessesStarted;

    public GitRepositorySnapshot(Path directory) {
        this.directory = directory;
        this.git = new GitCommand(directory);
    }

    @Override
    public synchronized List<String> paths(String revision) throws SnapshotException {
        List<String> paths = trees.get(revision);
        if (paths != null) {
            return paths;
        }
        GitCommand.Result result;
        try {
            gitProcessesStarted++;
            result = git.run(List.of("ls-tree", "-r", "-z", "--name-only", revision + "^{tree}"));
        } catch (HarvestException e) {
            throw new SnapshotException(e.getMessage(), e);
        }
        if (!result.ok()) {
            String line = result.stderr().lines().findFirst().orElse("exit code " + result.exitCode());
            throw new SnapshotException("git ls-tree " + revision + " failed in " + directory + ": " + line.strip());
        }
        List<String> listed = new ArrayList<>();
        for (String path : result.stdout().split("\0")) {
            if (!path.isEmpty()) {
                listed.add(path);
            }
        }
        paths = List.copyOf(listed);
        trees.put(revision, paths);
        return paths;
    }

    @Override
    public synchronized Optional<String> read(String revision, String path) throws SnapshotException {
        String key = revision + ":" + path;
        Optional<String> text = files.get(key);
        if (text == null) {
            if (path.indexOf('\n') >= 0) {
                return Optional.empty();
            }
            text = fetch(key);
            files.put(key, text);
        }
        return text;
    }

    /** Git processes started so far (ls-tree calls and the one cat-file), to check that caching works. */
    public synchronized int gitProcessesStarted() {
        return gitProcessesStarted;
    }

    @Override
    public synchronized void close() {
        if (catFile != null) {
            try {
                requests.close();
            } catch (IOException e) {
                // the process is gone already; destroying it below is all that is left to do
                catFile.process().destroy();
            }
            catFile.process().destroy();
            catFile = null;
        }
    }

    private Optional<String> fetch(String object) throws SnapshotException {
        try {
            ensureCatFile();
            requests.write((object + "\n").getBytes(StandardCharsets.UTF_8));
            requests.flush();
            String header = readLine();
            if (header == null) {
                throw new SnapshotException(
                        "git cat-file ended unexpectedly in " + directory + ": " + catFile.stderr());
            }
            if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
                return Optional.empty();
            }
            String[] parts = header.split(" ");
            if (parts.length != 3) {
                throw new SnapshotException(
                        "unexpected git cat-file answer for " + object + " in " + directory + ": " + header);
            }
            int size = Integer.parseInt(parts[2]);
            byte[] content = answers.readNBytes(size);
            answers.read(); // the newline after each object
            if (!parts[1].equals("blob") || size > LARGEST_TEXT) {
                return Optional.empty();
            }
            return Optional.of(new String(content, StandardCharsets.UTF_8));
        } catch (IOException e) {
            close();
            throw new SnapshotException("cannot read " + object + " with git cat-file in " + directory, e);
        }
    }

    private void ensureCatFile() throws SnapshotException {
        if (catFile != null) {
            return;
        }
        try {
            gitProcessesStarted++;
            catFile = git.start(List.of("cat-file", "--batch"));
        } catch (HarvestException e) {
            throw new SnapshotException(e.getMessage(), e);
        }
        requests = catFile.process().getOutputStream();
        answers = new BufferedInputStream(catFile.process().getInputStream(), 1 << 16);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(96);
        int b;
        while ((b = answers.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    private static <V> Map<String, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
