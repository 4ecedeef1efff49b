package dev.rebuildcauses.analysis.trigger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The path filter of one CI trigger: GitHub Actions {@code paths} / {@code paths-ignore}, a
 * Jenkinsfile {@code when { changeset … }}, Bitbucket Pipelines {@code changesets}. Globs are
 * anchored at the repository root: {@code *} stays in a folder, {@code **} crosses folders, a
 * leading {@code !} in an include list takes a path back out.
 *
 * @param source where the filter is, e.g. {@code .github/workflows/docker.yml: on.push.paths}
 * @param include a push runs the trigger when a changed path matches one of these (all paths when empty)
 * @param ignore a push does not run it when every changed path matches one of these
 */
public record PathFilter(String source, List<String> include, List<String> ignore) {
    public PathFilter {
        Objects.requireNonNull(source, "source");
        include = List.copyOf(include);
        ignore = List.copyOf(ignore);
    }

    /** A trigger without a filter: every push runs it. */
    public static PathFilter none(String source) {
        return new PathFilter(source, List.of(), List.of());
    }

    public boolean isFiltered() {
        return !include.isEmpty() || !ignore.isEmpty();
    }

    /** True when a push changing {@code paths} runs the trigger; a push changing no file runs it. */
    public boolean runsFor(Collection<String> paths) {
        if (paths.isEmpty() || !isFiltered()) {
            return true;
        }
        if (!ignore.isEmpty() && paths.stream().allMatch(path -> matchesAny(ignore, path))) {
            return false;
        }
        return include.isEmpty() || paths.stream().anyMatch(this::included);
    }

    /** The last matching pattern decides, a {@code !} pattern excluding (GitHub's rule). */
    private boolean included(String path) {
        boolean in = false;
        for (String pattern : include) {
            boolean negated = pattern.startsWith("!");
            if (matches(negated ? pattern.substring(1) : pattern, path)) {
                in = !negated;
            }
        }
        return in;
    }

    private static boolean matchesAny(List<String> patterns, String path) {
        return patterns.stream().anyMatch(pattern -> matches(pattern, path));
    }

    static boolean matches(String glob, String path) {
        return regex(glob).matcher(path).matches();
    }

    /** {@code **}/ any folders, {@code **} anything, {@code *} and {@code ?} within a folder; a trailing {@code /} all below. */
    static Pattern regex(String glob) {
        String text = glob.startsWith("./") ? glob.substring(2) : glob.startsWith("/") ? glob.substring(1) : glob;
        if (text.endsWith("/")) {
            text = text + "**";
        }
        StringBuilder regex = new StringBuilder();
        List<Character> special = new ArrayList<>(List.of('.', '(', ')', '+', '|', '^', '$', '@', '%', '\\', '{', '}'));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                boolean slash = i + 2 < text.length() && text.charAt(i + 2) == '/';
                regex.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '[' || c == ']') {
                regex.append(c);
            } else if (special.contains(c)) {
                regex.append('\\').append(c);
            } else {
                regex.append(c);
            }
        }
        return Pattern.compile(regex.toString());
    }
}
