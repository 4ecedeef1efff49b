package dev.rebuildcauses.analysis.infer;

import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The files of one revision, answering "is this a file, a folder, which files match this glob",
 * with its Dockerfiles and CI files kept apart so a model never scans every path for them. Moved
 * to the next revision by {@link #apply} (the tree diff between them) instead of being listed
 * again; only the model reader holds one, and only while it reads.
 */
final class PathIndex {
    private final NavigableSet<String> paths;
    private final NavigableSet<String> dockerfiles = new TreeSet<>();
    private final NavigableSet<String> ciFiles = new TreeSet<>();
    /** Counts the paths added and removed: what was read from an index of the same generation still holds. */
    private int generation;

    PathIndex(Collection<String> paths) {
        this.paths = new TreeSet<>(paths);
        for (String path : this.paths) {
            track(path);
        }
    }

    /**
     * Moves the index to the next revision: {@code changes} is the tree diff between the two,
     * applied in order (a step's removals are given before its additions).
     */
    void apply(List<FileChange> changes) {
        for (FileChange change : changes) {
            switch (change.kind()) {
                case DELETE -> remove(change.path());
                case RENAME -> {
                    remove(change.oldPath());
                    add(change.path());
                }
                case ADD, COPY -> add(change.path());
                case MODIFY -> {
                    // a modified path exists on both sides: nothing to move
                }
            }
        }
    }

    /** True when {@code changes} may add or remove a path: else the index would stay as it is. */
    static boolean movesPaths(List<FileChange> changes) {
        for (FileChange change : changes) {
            if (change.kind() != ChangeKind.MODIFY) {
                return true;
            }
        }
        return false;
    }

    private void add(String path) {
        if (paths.add(path)) {
            generation++;
            track(path);
        }
    }

    private void remove(String path) {
        if (path != null && paths.remove(path)) {
            generation++;
            dockerfiles.remove(path);
            ciFiles.remove(path);
        }
    }

    private void track(String path) {
        if (RepoPaths.isDockerfile(path)) {
            dockerfiles.add(path);
        }
        if (RepoPaths.isCiFile(path)) {
            ciFiles.add(path);
        }
    }

    /** Changes whenever {@link #apply} adds or removes a path; modified files leave it as it is. */
    int generation() {
        return generation;
    }

    boolean isFile(String path) {
        return path != null && paths.contains(path);
    }

    boolean isDirectory(String path) {
        if (path == null) {
            return false;
        }
        if (path.isEmpty()) {
            return !paths.isEmpty();
        }
        String prefix = path + "/";
        String next = paths.ceiling(prefix);
        return next != null && next.startsWith(prefix);
    }

    boolean exists(String path) {
        return isFile(path) || isDirectory(path);
    }

    /** Files directly in {@code directory} whose name matches a Docker-style glob ({@code *}, {@code ?}). */
    List<String> glob(String directory, String pattern) {
        Pattern regex = Pattern.compile(
                pattern.replace(".", "\\.").replace("*", "[^/]*").replace("?", "[^/]"));
        String prefix = directory.isEmpty() ? "" : directory + "/";
        return paths.tailSet(prefix, true).stream()
                .takeWhile(p -> p.startsWith(prefix))
                .filter(p -> p.indexOf('/', prefix.length()) < 0)
                .filter(p -> regex.matcher(p.substring(prefix.length())).matches())
                .toList();
    }

    /** Files inside {@code directory} at any depth; none for the root, which stands for the whole build context. */
    List<String> filesUnder(String directory) {
        if (directory.isEmpty()) {
            return List.of();
        }
        String prefix = directory + "/";
        return paths.tailSet(prefix, true).stream()
                .takeWhile(p -> p.startsWith(prefix))
                .toList();
    }

    /** Every Dockerfile ({@link RepoPaths#isDockerfile}), in path order. */
    Collection<String> dockerfiles() {
        return Collections.unmodifiableSet(dockerfiles);
    }

    /** Every CI file ({@link RepoPaths#isCiFile}), in path order. */
    Collection<String> ciFiles() {
        return Collections.unmodifiableSet(ciFiles);
    }

    /** Every path, in order. */
    Collection<String> all() {
        return Collections.unmodifiableSet(paths);
    }
}
