package dev.rebuildcauses.analysis.classify;

import java.util.ArrayList;
import java.util.List;

/** Turns the body of a glob into a regular expression, and expands its braces for indexing. */
final class GlobTranslator {
    /** More alternatives than this make a rule general rather than indexed. */
    static final int MAX_ALTERNATIVES = 64;

    private GlobTranslator() {}

    /**
     * The regular expression of a glob body (lower-cased, without anchoring slashes).
     *
     * @param original the glob as written, for messages
     * @throws IllegalArgumentException on an unbalanced {@code [}, {@code {} or {@code }}
     */
    static String toRegex(String body, String original) {
        StringBuilder regex = new StringBuilder(body.length() * 2);
        int braceDepth = 0;
        int n = body.length();
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 < n) {
                        i++;
                    }
                    appendLiteral(regex, body.charAt(i));
                }
                case '*' -> i = appendStar(regex, body, i);
                case '?' -> regex.append("[^/]");
                case '[' -> i = appendClass(regex, body, i, original);
                case '{' -> {
                    braceDepth++;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (braceDepth == 0) {
                        throw new IllegalArgumentException("unbalanced '}' in glob '" + original + "'");
                    }
                    braceDepth--;
                    regex.append(')');
                }
                case ',' -> regex.append(braceDepth > 0 ? "|" : ",");
                default -> appendLiteral(regex, c);
            }
        }
        if (braceDepth > 0) {
            throw new IllegalArgumentException("unbalanced '{' in glob '" + original + "'");
        }
        return regex.toString();
    }

    private static int appendStar(StringBuilder regex, String body, int i) {
        boolean doubleStar = i + 1 < body.length() && body.charAt(i + 1) == '*';
        if (!doubleStar) {
            regex.append("[^/]*");
            return i;
        }
        int after = i + 2;
        // a brace alternative starts and ends a segment too: {**/gen,build}/** is **/gen/** or build/**
        boolean segmentStart = i == 0 || "/{,".indexOf(body.charAt(i - 1)) >= 0;
        boolean segmentEnd = after == body.length() || "/,}".indexOf(body.charAt(after)) >= 0;
        if (segmentStart && after < body.length() && body.charAt(after) == '/') {
            regex.append("(?:.*/)?"); // "**/": zero or more directories
            return after;
        }
        regex.append(segmentStart && segmentEnd ? ".*" : "[^/]*");
        return after - 1;
    }

    private static int appendClass(StringBuilder regex, String body, int open, String original) {
        int j = open + 1;
        boolean negated = j < body.length() && (body.charAt(j) == '!' || body.charAt(j) == '^');
        if (negated) {
            j++;
        }
        int contentStart = j;
        if (j < body.length() && body.charAt(j) == ']') {
            j++; // a ']' first in the class is literal
        }
        int close = body.indexOf(']', j);
        if (close < 0) {
            throw new IllegalArgumentException("unbalanced '[' in glob '" + original + "'");
        }
        regex.append(negated ? "[^/" : "[");
        for (int k = contentStart; k < close; k++) {
            char c = body.charAt(k);
            if (c == '\\' || c == '[' || c == ']' || c == '^' || c == '&') {
                regex.append('\\');
            }
            regex.append(c);
        }
        regex.append(']');
        return close;
    }

    private static void appendLiteral(StringBuilder regex, char c) {
        if (c < 128 && !Character.isLetterOrDigit(c) && c != '/' && c != '_' && c != '-' && c != ' ') {
            regex.append('\\');
        }
        regex.append(c);
    }

    /**
     * The brace-free alternatives of a glob body, e.g. {@code *.{yml,yaml}} gives {@code *.yml} and
     * {@code *.yaml}; an empty list when there would be more than {@link #MAX_ALTERNATIVES}. The body
     * must already have passed {@link #toRegex}.
     */
    static List<String> expandBraces(String body) {
        List<String> out = new ArrayList<>();
        return expand(body, out) ? out : List.of();
    }

    private static boolean expand(String body, List<String> out) {
        int open = findTopLevel(body, 0, '{');
        if (open < 0) {
            out.add(body);
            return out.size() <= MAX_ALTERNATIVES;
        }
        List<Integer> commas = new ArrayList<>();
        int depth = 0;
        int close = -1;
        for (int i = open + 1; i < body.length() && close < 0; i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(body, i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    close = i;
                } else {
                    depth--;
                }
            } else if (c == ',' && depth == 0) {
                commas.add(i);
            }
        }
        String prefix = body.substring(0, open);
        String suffix = body.substring(close + 1);
        int start = open + 1;
        commas.add(close);
        for (int end : commas) {
            if (!expand(prefix + body.substring(start, end) + suffix, out)) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    private static int findTopLevel(String body, int from, char wanted) {
        for (int i = from; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(body, i);
            } else if (c == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int classEnd(String body, int open) {
        int j = open + 1;
        if (j < body.length() && (body.charAt(j) == '!' || body.charAt(j) == '^')) {
            j++;
        }
        if (j < body.length() && body.charAt(j) == ']') {
            j++;
        }
        return body.indexOf(']', j);
    }
}
