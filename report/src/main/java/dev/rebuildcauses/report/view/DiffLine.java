package dev.rebuildcauses.report.view;

/**
 * One line of a line diff.
 *
 * @param kind {@code '+'} added, {@code '-'} removed, {@code ' '} unchanged
 * @param text the line
 */
public record DiffLine(char kind, String text) {
    public boolean isAdded() {
        return kind == '+';
    }

    public boolean isRemoved() {
        return kind == '-';
    }

    /** {@code add}, {@code del} or {@code same}. */
    public String cssClass() {
        return isAdded() ? "add" : isRemoved() ? "del" : "same";
    }
}
