package dev.rebuildcauses.analysis.classify;

/** A rules file line that cannot be understood: names the file, the line number and what is wrong. */
public final class RulesFormatException extends Exception {
    private final String source;
    private final int line;

    public RulesFormatException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
