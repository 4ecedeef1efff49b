package dev.rebuildcauses.analysis.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the JSON form of an instruction, an array of strings, without a JSON library. */
final class JsonArrayReader {
    private final String text;
    private int position;

    private JsonArrayReader(String text) {
        this.text = text;
    }

    /** The strings of the array, or empty when the text is not exactly one JSON array of strings. */
    static Optional<List<String>> read(String text) {
        return new JsonArrayReader(text.strip()).array();
    }

    private Optional<List<String>> array() {
        if (!consume('[')) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        skipSpace();
        if (consume(']')) {
            return atEnd() ? Optional.of(values) : Optional.empty();
        }
        while (true) {
            skipSpace();
            Optional<String> value = string();
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
            skipSpace();
            if (consume(']')) {
                return atEnd() ? Optional.of(values) : Optional.empty();
            }
            if (!consume(',')) {
                return Optional.empty();
            }
        }
    }

    private Optional<String> string() {
        if (!consume('"')) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return Optional.of(out.toString());
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (position >= text.length()) {
                return Optional.empty();
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (position + 4 > text.length()) {
                        return Optional.empty();
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                    position += 4;
                }
                default -> out.append(escaped);
            }
        }
        return Optional.empty();
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private boolean consume(char expected) {
        if (position < text.length() && text.charAt(position) == expected) {
            position++;
            return true;
        }
        return false;
    }

    private boolean atEnd() {
        skipSpace();
        return position == text.length();
    }
}
