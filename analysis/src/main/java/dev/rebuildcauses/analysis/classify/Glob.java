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
    private final Pattern pattern;

    private Glob(String text, Scope scope, String body, Pattern pattern) {
        this.text = text;
        this.scope = scope;
        this.body = body;
        this.pattern = pattern;
    }

    /**
     * Compiles a glob.
     *
     * @throws IllegalArgumentException when the glob is empty or has an unbalanced {@code [} or {@code {}
     */
    public static Glob compile(String glob) {
        if (glob.isEmpty() || glob.equals("/")) {
            throw new IllegalArgumentException("empty glob");
        }
        String lower = glob.toLowerCase(Locale.ROOT);
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
        try {
            return new Glob(glob, scope, body, Pattern.compile(regex, Pattern.DOTALL));
        } catch (PatternSyntaxException e) {
            // only a character class like [z-a] can get this far
            throw new IllegalArgumentException("invalid character class in glob '" + glob + "'", e);
        }
    }

    /** Whether {@code path} matches; the path is normalised first (see {@link #normalise(String)}). */
    public boolean matches(String path) {
        return matchesNormalised(normalise(path));
    }

    /** Whether an already {@linkplain #normalise(String) normalised} path matches. */
    boolean matchesNormalised(String path) {
        if (scope == Scope.BASENAME) {
            return pattern.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
        }
        if (scope == Scope.ROOTED) {
            return pattern.matcher(path).matches();
        }
        int end = path.lastIndexOf('/');
        int start = 0;
        while (start <= end) {
            int slash = path.indexOf('/', start);
            if (pattern.matcher(path.substring(start, slash)).matches()) {
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
