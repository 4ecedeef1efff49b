package dev.rebuildcauses.analysis.classify;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled, case-insensitive path glob of a rules file.
 *
 * <p>A pattern without {@code /} matches the basename at any depth; a pattern with {@code /} is
 * anchored at the repository root (a leading {@code /} anchors explicitly); a pattern ending in
 * {@code /} matches everything below such a directory (at any depth when it has no other {@code /}).
 * {@code **} spans directories, {@code *} and {@code ?} stay within a segment, {@code [a-z]} and
 * {@code {a,b}} work as in shells.
 */
public final class Glob {
    /** Where in the path a glob looks. */
    enum Scope {
        /** The last segment of the path. */
        BASENAME,
        /** The whole path from the repository root. */
        ROOTED,
        /** Any directory segment of the path (every segment but the last). */
        ANY_DIRECTORY
    }

    private final String text;
    private final Scope scope;
    private final String body;
    private final RegionMatcher matcher;

    /** Matches the region {@code [from, to)} of a normalised path. */
    private interface RegionMatcher {
        boolean matches(String path, int from, int to);
    }

    private Glob(String text, Scope scope, String body, RegionMatcher matcher) {
        this.text = text;
        this.scope = scope;
        this.body = body;
        this.matcher = matcher;
    }

    /**
     * Compiles a glob.
     *
     * @throws IllegalArgumentException when the glob is empty or has an unbalanced {@code [} or {@code {}
     */
    public static Glob compile(String glob) {
        String lower = glob.toLowerCase(Locale.ROOT);
        if (lower.startsWith("./")) {
            while (lower.startsWith("./")) {
                lower = lower.substring(2);
            }
            lower = "/" + lower; // "./docs/**" is anchored like "/docs/**"
        }
        if (lower.isEmpty() || lower.equals("/")) {
            throw new IllegalArgumentException("empty glob");
        }
        boolean leadingSlash = lower.startsWith("/");
        boolean trailingSlash = lower.endsWith("/");
        String body = lower.substring(leadingSlash ? 1 : 0, lower.length() - (trailingSlash ? 1 : 0));
        if (body.isEmpty()) {
            throw new IllegalArgumentException("empty glob '" + glob + "'");
        }
        boolean innerSlash = body.indexOf('/') >= 0;
        String regex = GlobTranslator.toRegex(body, glob);
        Scope scope;
        if (trailingSlash) {
            if (innerSlash || leadingSlash) {
                scope = Scope.ROOTED;
                regex = regex + "/.*";
            } else {
                scope = Scope.ANY_DIRECTORY;
            }
        } else {
            scope = innerSlash || leadingSlash ? Scope.ROOTED : Scope.BASENAME;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex, Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            // only a character class like [z-a] can get this far
            throw new IllegalArgumentException("invalid character class in glob '" + glob + "'", e);
        }
        RegionMatcher fast = scope == Scope.ROOTED ? rootedShortcut(body, trailingSlash) : segmentShortcut(body);
        return new Glob(
                glob,
                scope,
                body,
                fast != null
                        ? fast
                        : (path, from, to) ->
                                pattern.matcher(path).region(from, to).matches());
    }

    /** Most globs are a literal with at most one {@code *}: those need no regular expression. */
    private static RegionMatcher segmentShortcut(String body) {
        int star = body.indexOf('*');
        if (hasSpecial(body, star)) {
            return null;
        }
        if (star < 0) {
            return (path, from, to) -> to - from == body.length() && path.startsWith(body, from);
        }
        String prefix = body.substring(0, star);
        String suffix = body.substring(star + 1);
        int fixed = prefix.length() + suffix.length();
        return (path, from, to) -> to - from >= fixed
                && path.startsWith(prefix, from)
                && path.regionMatches(to - suffix.length(), suffix, 0, suffix.length());
    }

    /** A literal path, a literal directory with a trailing slash, or {@code literal/**}. */
    private static RegionMatcher rootedShortcut(String body, boolean trailingSlash) {
        if (!hasSpecial(body, -1)) {
            String directory = body + "/";
            return trailingSlash
                    ? (path, from, to) -> path.startsWith(directory)
                    : (path, from, to) -> path.equals(body);
        }
        if (!trailingSlash && body.endsWith("/**") && !hasSpecial(body.substring(0, body.length() - 3), -1)) {
            String directory = body.substring(0, body.length() - 2);
            return (path, from, to) -> path.startsWith(directory);
        }
        return null;
    }

    /** Whether the body has a wildcard, class, brace or escape other than the star at {@code allowedStar}. */
    private static boolean hasSpecial(String body, int allowedStar) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean special = c == '*' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}' || c == '\\';
            if (special && i != allowedStar) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code path} matches; the path is normalised first (see {@link #normalise(String)}). */
    public boolean matches(String path) {
        return matchesNormalised(normalise(path));
    }

    /** Whether an already {@linkplain #normalise(String) normalised} path matches. */
    boolean matchesNormalised(String path) {
        if (scope == Scope.BASENAME) {
            return matcher.matches(path, path.lastIndexOf('/') + 1, path.length());
        }
        if (scope == Scope.ROOTED) {
            return matcher.matches(path, 0, path.length());
        }
        int end = path.lastIndexOf('/');
        int start = 0;
        while (start <= end) {
            int slash = path.indexOf('/', start);
            if (matcher.matches(path, start, slash)) {
                return true;
            }
            start = slash + 1;
        }
        return false;
    }

    /**
     * Lower-cases a path, turns backslashes into {@code /}, and strips leading {@code ./} and
     * {@code /}, so that {@code ./Docs\Index.MD} and {@code docs/index.md} are the same path.
     */
    public static String normalise(String path) {
        String p = path.replace('\\', '/').toLowerCase(Locale.ROOT);
        int start = 0;
        while (true) {
            if (p.startsWith("/", start)) {
                start++;
            } else if (p.startsWith("./", start)) {
                start += 2;
            } else {
                break;
            }
        }
        return start == 0 ? p : p.substring(start);
    }

    /** The glob as written. */
    public String text() {
        return text;
    }

    Scope scope() {
        return scope;
    }

    /** The lower-cased glob without its anchoring leading and trailing {@code /}. */
    String body() {
        return body;
    }

    @Override
    public String toString() {
        return text;
    }
}
