package dev.rebuildcauses.analysis.classify;

/**
 * Why one path of a build's change range has its cause, for {@code --explain}.
 *
 * @param path the path (a renamed file's old path gets its own verdict)
 * @param cause its cause
 * @param reason the rule that decided, e.g. {@code rule 'Dockerfile' (default rules:3)}
 */
public record FileVerdict(String path, String cause, String reason) {}
