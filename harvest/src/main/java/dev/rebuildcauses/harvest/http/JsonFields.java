package dev.rebuildcauses.harvest.http;

import com.fasterxml.jackson.databind.JsonNode;

/** Null-safe reads of optional JSON fields: remote APIs leave out or null what they do not know. */
public final class JsonFields {
    private JsonFields() {}

    /** The field as text, {@code ""} when missing or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText();
    }

    /** The field as a long, the fallback when missing, null or not a number. */
    public static long number(JsonNode node, String field, long fallback) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.canConvertToLong() ? fallback : value.asLong();
    }

    /** The field as an array's elements, empty when missing or not an array. */
    public static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isArray() ? value : java.util.List.of();
    }
}
