package dev.rebuildcauses.harvest.csvinput;

import dev.rebuildcauses.analysis.model.Build;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads builds from a CSV file with the header {@code job,build,started_at,duration_s,result,revision}
 * (any order, extra columns ignored, optional {@code trigger} and {@code branch}).
 */
public final class BuildsCsvReader {
    /** The columns every builds file must have. */
    public static final List<String> REQUIRED =
            List.of("job", "build", "started_at", "duration_s", "result", "revision");

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).build();

    private BuildsCsvReader() {}

    /** The builds of {@code file} in the order listed. */
    public static List<Build> read(Path file) throws BuildsFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BuildsFileException(file.toString(), "is not UTF-8 text", e);
        } catch (IOException e) {
            throw new BuildsFileException(file.toString(), "cannot read: " + describe(e), e);
        }
        return read(file.toString(), text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** The builds of a CSV text; {@code name} is used in messages. */
    public static List<Build> read(String name, String text) throws BuildsFileException {
        LineIndex lines = new LineIndex(text);
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new BuildsFileException(name, 1, "no header; expected " + String.join(",", REQUIRED));
            }
            Columns columns = Columns.of(name, records.next());
            List<Build> builds = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = lines.lineOf(firstCharacter(text, record.getCharacterPosition()));
                Build build = new RowReader(name, line, record, columns).build();
                String key = build.job() + '\0' + build.branch() + '\0' + build.number();
                Long first = seen.putIfAbsent(key, line);
                if (first != null) {
                    throw new BuildsFileException(
                            name,
                            line,
                            "build " + build.job() + " #" + build.number() + " is listed twice (first on line " + first
                                    + ")");
                }
                builds.add(build);
            }
            return builds;
        } catch (IOException | UncheckedIOException e) {
            long open = unterminatedQuoteLine(text);
            if (open > 0) {
                throw new BuildsFileException(
                        name, open, "a quoted field opens here and is never closed (an unterminated \")");
            }
            throw new BuildsFileException(name, "is not valid CSV: " + describe(e), e);
        }
    }

    /**
     * The line of the quote that opens a field and is never closed (RFC 4180: a quote opens only at
     * the start of a field, and {@code ""} inside one is a quote), or 0 when every quote closes.
     */
    static long unterminatedQuoteLine(String text) {
        long line = 1;
        long openedOn = 0;
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                } else if (c == '\n') {
                    line++;
                }
                continue;
            }
            if (c == '"' && fieldStart) {
                quoted = true;
                openedOn = line;
            }
            if (c == '\n') {
                line++;
            }
            fieldStart = c == ',' || c == '\n' || c == '\r';
        }
        return quoted ? openedOn : 0;
    }

    /** Line numbers of character positions, so messages point at the right line even after quoted newlines. */
    private static final class LineIndex {
        private final int[] starts;

        LineIndex(String text) {
            int[] found = new int[16];
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    if (count == found.length) {
                        found = java.util.Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i + 1;
                }
            }
            starts = java.util.Arrays.copyOf(found, count);
        }

        long lineOf(long position) {
            int at = java.util.Arrays.binarySearch(starts, (int) position);
            return at >= 0 ? at + 1 : -at - 1;
        }
    }

    /** Where a record really starts: the parser's position precedes the blank lines it skipped. */
    private static long firstCharacter(String text, long position) {
        int at = (int) position;
        while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
            at++;
        }
        return at;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Where each column is. */
    private record Columns(Map<String, Integer> index, int width) {
        static Columns of(String name, CSVRecord header) throws BuildsFileException {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
            }
            for (String column : REQUIRED) {
                if (!index.containsKey(column)) {
                    throw new BuildsFileException(
                            name,
                            1,
                            "missing column '" + column + "'; the header must name " + String.join(",", REQUIRED));
                }
            }
            return new Columns(index, header.size());
        }

        Integer of(String column) {
            return index.get(column);
        }
    }

    /** Turns one record into a build, or fails naming its line. */
    private record RowReader(String name, long line, CSVRecord record, Columns columns) {
        Build build() throws BuildsFileException {
            String job = value("job");
            if (job.isEmpty()) {
                throw problem("job is empty");
            }
            return new Build(
                    job,
                    number(value("build")),
                    startedAt(value("started_at")),
                    duration(value("duration_s")),
                    value("result"),
                    value("trigger"),
                    value("revision").isEmpty() ? null : value("revision"),
                    value("branch"));
        }

        private String value(String column) throws BuildsFileException {
            Integer at = columns.of(column);
            if (at == null) {
                return "";
            }
            if (at >= record.size()) {
                throw problem("has " + record.size() + " values but the header has " + columns.width());
            }
            return record.get(at);
        }

        private long number(String text) throws BuildsFileException {
            try {
                long number = Long.parseLong(text);
                if (number >= 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw problem("build '" + text + "' is not a build number");
        }

        private Instant startedAt(String text) throws BuildsFileException {
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                try {
                    return Instant.ofEpochMilli(Long.parseLong(text));
                } catch (NumberFormatException e) {
                    throw problem("started_at '" + text + "' is too large for epoch milliseconds");
                }
            }
            String iso = text.length() > 10 && text.charAt(10) == ' '
                    ? text.substring(0, 10) + 'T' + text.substring(11)
                    : text;
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notLocal) {
                    throw problem("started_at '" + text + "' is neither ISO-8601 nor epoch milliseconds");
                }
            }
        }

        private Duration duration(String text) throws BuildsFileException {
            if (text.isEmpty()) {
                return null;
            }
            try {
                BigDecimal seconds = new BigDecimal(text);
                if (seconds.signum() >= 0) {
                    return Duration.ofMillis(seconds.movePointRight(3)
                            .setScale(0, java.math.RoundingMode.HALF_UP)
                            .longValueExact());
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
            throw problem("duration_s '" + text + "' is not a number of seconds");
        }

        private BuildsFileException problem(String what) {
            return new BuildsFileException(name, line, what);
        }
    }
}
