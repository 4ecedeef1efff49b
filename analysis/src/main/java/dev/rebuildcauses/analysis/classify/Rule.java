package dev.rebuildcauses.analysis.classify;

import java.util.Objects;

/**
 * One line of a rules file: paths matching {@code glob} have {@code cause}.
 *
 * @param glob the compiled glob
 * @param cause the cause name, lower-case
 * @param source where the rule was written, e.g. {@code default rules} or a file name
 * @param line its line number in {@code source}
 */
public record Rule(Glob glob, String cause, String source, int line) {
    public Rule {
        Objects.requireNonNull(glob, "glob");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(source, "source");
    }

    /** Why a path matching this rule has its cause, e.g. {@code rule 'Dockerfile' (default rules:3)}. */
    public String reason() {
        return "rule '" + glob.text() + "' (" + source + ":" + line + ")";
    }

    /** The verdict for a path this rule matches. */
    public Verdict verdict() {
        return new Verdict(cause, reason());
    }
}
