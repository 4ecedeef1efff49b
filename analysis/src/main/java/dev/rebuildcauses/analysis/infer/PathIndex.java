package dev.rebuildcauses.analysis.infer;

import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The files of one revision (immutable, so shared by revisions with the same files), answering "is this a file, a folder, which files match this glob". */
final class PathIndex {
    private final NavigableSet<String> paths;
    private final List<String> all;

    PathIndex(Collection<String> paths) {
        this.paths = new TreeSet<>(paths);
        this.all = List.copyOf(this.paths);
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

    List<String> all() {
        return all;
    }
}
