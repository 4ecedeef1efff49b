package dev.rebuildcauses.analysis.dockerfile;

/**
 * Something the parser could not make sense of, with the physical line (1-based) it concerns.
 *
 * @param line the physical line, 1-based
 * @param message what is wrong, in one sentence
 */
public record ParseWarning(int line, String message) {
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
