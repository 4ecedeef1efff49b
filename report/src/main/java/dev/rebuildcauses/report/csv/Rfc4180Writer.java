package dev.rebuildcauses.report.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 records: CRLF after each record, a field quoted only when it holds a comma, a
 * quote, CR or LF (quotes doubled). A tight loop of its own, since exports run to millions of rows
 * and start-up time counts for a command line tool; the tests read its output back with commons-csv.
 */
final class Rfc4180Writer {
    private final Writer out;

    Rfc4180Writer(Writer out) {
        this.out = out;
    }

    void record(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            field(fields.get(i));
        }
        out.write("\r\n");
    }

    void record(String... fields) throws IOException {
        record(List.of(fields));
    }

    private void field(String value) throws IOException {
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        out.write('"');
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '"') {
                out.write(value, start, i + 1 - start);
                out.write('"');
                start = i + 1;
            }
        }
        out.write(value, start, value.length() - start);
        out.write('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
