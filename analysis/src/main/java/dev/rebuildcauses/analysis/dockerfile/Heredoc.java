package dev.rebuildcauses.analysis.dockerfile;

/**
 * A here-document attached to an instruction, e.g. the script of {@code RUN <<EOF}.
 *
 * @param delimiter the word that closes it, e.g. {@code EOF}
 * @param stripTabs true for {@code <<-}, which strips leading tabs
 * @param quoted true when the delimiter was quoted, which turns off variable expansion
 * @param body the lines between the marker line and the delimiter, joined with {@code \n}
 */
public record Heredoc(String delimiter, boolean stripTabs, boolean quoted, String body) {}
