package dev.rebuildcauses.analysis.classify;

/** Decides the cause of one changed path. Implementations are thread-safe. */
public interface PathClassifier {
    /** The cause of {@code path} (a repository-relative path with {@code /} separators). */
    Verdict classify(String path);
}
