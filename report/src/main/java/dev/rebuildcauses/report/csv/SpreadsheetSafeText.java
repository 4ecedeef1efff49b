package dev.rebuildcauses.report.csv;

/**
 * Neutralises cells a spreadsheet would execute as a formula. Text that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe, as OWASP
 * advises for CSV injection; numbers written by the report itself never pass through here.
 */
public final class SpreadsheetSafeText {
    private SpreadsheetSafeText() {}

    /** The text, prefixed with {@code '} when a spreadsheet would read it as a formula. */
    public static String of(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
