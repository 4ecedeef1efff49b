package dev.rebuildcauses.simulator.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed Jenkins {@code tree=} expression: fields with optional sub-trees and array ranges
 * ({@code {M,N}} from M inclusive to N exclusive, {@code {M,}} to the end, {@code {N}} one element).
 */
public record TreeSpec(List<Field> fields) {
    /** Selects every field: the answer without {@code tree=}. */
    public static final TreeSpec ALL = new TreeSpec(List.of(new Field("*", null, null)));

    /** One selected field. {@code subTree} is {@code null} when none was given. */
    public record Field(String name, TreeSpec subTree, Range range) {}

    /** An array range; {@code to} is {@code Integer.MAX_VALUE} when open. */
    public record Range(int from, int to) {
        public <T> List<T> apply(List<T> list) {
            int start = Math.min(from, list.size());
            int end = Math.max(start, Math.min(to, list.size()));
            return list.subList(start, end);
        }
    }

    /** Thrown on a tree expression the server cannot parse. */
    public static final class MalformedTreeException extends RuntimeException {
        public MalformedTreeException(String message) {
            super(message);
        }
    }

    public static TreeSpec parse(String expression) {
        Parser parser = new Parser(expression);
        TreeSpec spec = parser.list();
        if (parser.pos != expression.length()) {
            throw new MalformedTreeException("Malformed tree expression at " + parser.pos + ": " + expression);
        }
        return spec;
    }

    /** Whether any field, at any depth, carries a range. */
    public boolean hasRange() {
        return fields.stream()
                .anyMatch(f ->
                        f.range() != null || (f.subTree() != null && f.subTree().hasRange()));
    }

    /** Whether the field is selected (directly or through {@code *}). */
    public boolean selects(String name) {
        return field(name) != null;
    }

    /** The field of that name, or the {@code *} field, or {@code null}. */
    public Field field(String name) {
        Field star = null;
        for (Field field : fields) {
            if (field.name().equals(name)) {
                return field;
            }
            if (field.name().equals("*")) {
                star = field;
            }
        }
        return star == null ? null : new Field(name, null, null);
    }

    /** Keeps the selected entries of a generic JSON value, recursively; lists are filtered element-wise. */
    @SuppressWarnings("unchecked")
    public Object filter(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            Object type = map.get("_class");
            if (type != null) {
                out.put("_class", type);
            }
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                Field field = field(entry.getKey());
                if (field == null || entry.getKey().equals("_class")) {
                    continue;
                }
                out.put(entry.getKey(), apply(field, entry.getValue()));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(filter(element));
            }
            return out;
        }
        return value;
    }

    private static Object apply(Field field, Object value) {
        Object selected = value;
        if (field.range() != null && selected instanceof List<?> list) {
            selected = field.range().apply(list);
        }
        return field.subTree() == null ? selected : field.subTree().filter(selected);
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        TreeSpec list() {
            List<Field> fields = new ArrayList<>();
            fields.add(field());
            while (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                fields.add(field());
            }
            return new TreeSpec(List.copyOf(fields));
        }

        Field field() {
            int start = pos;
            while (pos < text.length() && "[]{},".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String name = text.substring(start, pos).trim();
            if (name.isEmpty()) {
                throw new MalformedTreeException("Malformed tree expression at " + pos + ": " + text);
            }
            TreeSpec sub = null;
            if (pos < text.length() && text.charAt(pos) == '[') {
                pos++;
                sub = list();
                expect(']');
            }
            Range range = null;
            if (pos < text.length() && text.charAt(pos) == '{') {
                pos++;
                int close = text.indexOf('}', pos);
                if (close < 0) {
                    throw new MalformedTreeException("Malformed tree expression: unclosed range in " + text);
                }
                range = range(text.substring(pos, close));
                pos = close + 1;
            }
            return new Field(name, sub, range);
        }

        private Range range(String body) {
            try {
                int comma = body.indexOf(',');
                if (comma < 0) {
                    int index = Integer.parseInt(body.trim());
                    return new Range(index, index + 1);
                }
                String from = body.substring(0, comma).trim();
                String to = body.substring(comma + 1).trim();
                return new Range(
                        from.isEmpty() ? 0 : Integer.parseInt(from),
                        to.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(to));
            } catch (NumberFormatException e) {
                throw new MalformedTreeException("Malformed tree expression: bad range {" + body + "}");
            }
        }

        private void expect(char c) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw new MalformedTreeException("Malformed tree expression: expected '" + c + "' at " + pos);
            }
            pos++;
        }
    }
}
