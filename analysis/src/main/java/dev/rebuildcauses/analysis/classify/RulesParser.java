package dev.rebuildcauses.analysis.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads the text of a rules file: one {@code <glob> <cause>} per line, comments and directives. */
final class RulesParser {
    static final String NO_DEFAULTS = "@no-defaults";
    static final String DEFAULTS = "@defaults";
    private static final Pattern CAUSE = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * The rules of one file and how they combine with the defaults.
     *
     * @param rules the rules in file order
     * @param noDefaults whether {@code @no-defaults} was given
     * @param defaultsAt how many of {@code rules} come before the defaults ({@code @defaults}), or -1
     */
    record ParsedRules(List<Rule> rules, boolean noDefaults, int defaultsAt) {}

    private RulesParser() {}

    static ParsedRules parse(String source, String text) throws RulesFormatException {
        List<Rule> rules = new ArrayList<>();
        int noDefaultsLine = 0;
        int defaultsLine = 0;
        int defaultsAt = -1;
        // editors on Windows like to start UTF-8 files with a byte order mark
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = WHITESPACE.split(line);
            if (line.startsWith("@")) {
                if (fields.length != 1) {
                    throw new RulesFormatException(
                            source, number, "a directive stands alone on its line: '" + line + "'");
                }
                if (line.equals(NO_DEFAULTS)) {
                    noDefaultsLine = once(source, number, NO_DEFAULTS, noDefaultsLine);
                } else if (line.equals(DEFAULTS)) {
                    defaultsLine = once(source, number, DEFAULTS, defaultsLine);
                    defaultsAt = rules.size();
                } else {
                    throw new RulesFormatException(source, number, "unknown directive '" + line + "'");
                }
                if (noDefaultsLine > 0 && defaultsLine > 0) {
                    throw new RulesFormatException(
                            source, number, "'" + DEFAULTS + "' and '" + NO_DEFAULTS + "' contradict each other");
                }
                continue;
            }
            if (fields.length != 2) {
                throw new RulesFormatException(
                        source,
                        number,
                        "expected '<glob> <cause>' but found " + fields.length
                                + (fields.length == 1 ? " field" : " fields"));
            }
            rules.add(rule(source, number, fields[0], fields[1]));
        }
        return new ParsedRules(List.copyOf(rules), noDefaultsLine > 0, defaultsAt);
    }

    private static int once(String source, int number, String directive, int seenOn) throws RulesFormatException {
        if (seenOn > 0) {
            throw new RulesFormatException(
                    source, number, "'" + directive + "' given twice (first on line " + seenOn + ")");
        }
        return number;
    }

    private static Rule rule(String source, int number, String glob, String cause) throws RulesFormatException {
        String name = cause.toLowerCase(Locale.ROOT);
        if (!CAUSE.matcher(name).matches()) {
            throw new RulesFormatException(source, number, "cause '" + cause + "' must match " + CAUSE.pattern());
        }
        try {
            return new Rule(Glob.compile(glob), name.intern(), source, number);
        } catch (IllegalArgumentException e) {
            throw new RulesFormatException(source, number, e.getMessage());
        }
    }

    /** The line without a comment: {@code #} at its start or after whitespace begins one. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
