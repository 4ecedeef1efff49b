package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Parses {@code git log -z --name-status --format=}{@link #FORMAT}: positional NUL-separated fields,
 * so paths with spaces, tabs, quotes, newlines or any unicode pass through untouched.
 */
final class GitLogParser {
    /** Commit header: a 0x01 marker, then id, parents, author, author time, commit time, message. */
    static final String FORMAT = "--format=%x01%H%x00%P%x00%an%x00%at%x00%ct%x00%B%x00";

    private static final char MARKER = '\u0001';

    private GitLogParser() {}

    /** Streams the entries of {@code in} to {@code sink} in the order git printed them. */
    static void parse(InputStream in, Consumer<LogEntry> sink) throws IOException {
        // a history repeats the same few thousand changes and authors: one instance each keeps a walk small
        parse(in, new HashMap<>(), sink);
    }

    /**
     * Streams the entries of {@code in} to {@code sink}, sharing equal changes and author names through
     * {@code shared} (a concurrent map when several parsers read parts of one history at once).
     */
    static void parse(InputStream in, Map<Object, Object> shared, Consumer<LogEntry> sink) throws IOException {
        NulTokenReader reader = new NulTokenReader(in);
        Header header = null;
        List<FileChange> files = new ArrayList<>();
        String token;
        while ((token = reader.next()) != null) {
            String text = stripLeadingNewlines(token);
            if (text.isEmpty()) {
                continue;
            }
            if (text.charAt(0) == MARKER) {
                if (header != null) {
                    sink.accept(header.entry(files));
                    files = new ArrayList<>();
                }
                header = readHeader(text.substring(1), reader, shared);
            } else if (header != null) {
                files.add(share(shared, readChange(text, reader)));
            } else {
                throw new IOException("unexpected git log output before the first commit: " + shorten(text));
            }
        }
        if (header != null) {
            sink.accept(header.entry(files));
        }
    }

    /** All entries of {@code in}, in order. */
    static List<LogEntry> parseAll(InputStream in) throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        parse(in, entries::add);
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static <T> T share(Map<Object, Object> shared, T value) {
        return (T) shared.computeIfAbsent(value, v -> v);
    }

    private static Header readHeader(String id, NulTokenReader reader, Map<Object, Object> shared) throws IOException {
        String parents = field(reader, id);
        String author = field(reader, id);
        String authorTime = field(reader, id);
        String commitTime = field(reader, id);
        String message = field(reader, id);
        Instant authored = epochSeconds(authorTime, id);
        return new Header(
                id,
                parents.isBlank() ? List.of() : List.of(parents.strip().split(" ")),
                share(shared, author),
                authored,
                // most commits are committed when authored: one instant serves both
                commitTime.equals(authorTime) ? authored : epochSeconds(commitTime, id),
                message.stripTrailing());
    }

    private static FileChange readChange(String status, NulTokenReader reader) throws IOException {
        char letter = status.charAt(0);
        switch (letter) {
            case 'R', 'C' -> {
                String oldPath = field(reader, status);
                String newPath = field(reader, status);
                return new FileChange(letter == 'R' ? ChangeKind.RENAME : ChangeKind.COPY, newPath, oldPath);
            }
            case 'A' -> {
                return FileChange.of(ChangeKind.ADD, field(reader, status));
            }
            case 'D' -> {
                return FileChange.of(ChangeKind.DELETE, field(reader, status));
            }
            case 'M', 'T', 'U', 'X', 'B' -> {
                return FileChange.of(ChangeKind.MODIFY, field(reader, status));
            }
            default -> throw new IOException("unexpected git status '" + shorten(status) + "'");
        }
    }

    private static String field(NulTokenReader reader, String context) throws IOException {
        String value = reader.next();
        if (value == null) {
            throw new IOException("git log output ends in the middle of " + shorten(context));
        }
        return value;
    }

    private static Instant epochSeconds(String text, String id) throws IOException {
        try {
            return Instant.ofEpochSecond(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new IOException("commit " + id + " has time '" + shorten(text) + "', not epoch seconds", e);
        }
    }

    private static String stripLeadingNewlines(String token) {
        int i = 0;
        while (i < token.length() && token.charAt(i) == '\n') {
            i++;
        }
        return i == 0 ? token : token.substring(i);
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private record Header(
            String id, List<String> parents, String author, Instant authorTime, Instant commitTime, String message) {
        LogEntry entry(List<FileChange> files) {
            return new LogEntry(id, parents, author, authorTime, commitTime, message, List.copyOf(files));
        }
    }
}
