package dev.rebuildcauses.analysis.classify;

import java.nio.file.Path;

/** Ordered glob rules, first match wins per path. CONTRACT STUB: the core helper implements it. */
public final class RuleSet implements PathClassifier {
    private RuleSet() {}

    /** The default rules of DESIGN.md. */
    public static RuleSet defaults() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Reads a rules file that replaces or extends the defaults. */
    public static RuleSet fromFile(Path file) throws RulesFormatException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public Verdict classify(String path) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
