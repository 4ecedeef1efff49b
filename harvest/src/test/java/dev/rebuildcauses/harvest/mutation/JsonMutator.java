package dev.rebuildcauses.harvest.mutation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded mutations of a JSON payload: half change its tree (a value of another type or out of
 * range, a field dropped, an array emptied or repeated), half damage its text (a span cut or
 * repeated, a character changed, the end cut off), as proxies, truncating gateways and other
 * servers do.
 */
public final class JsonMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] TOKENS = {
        "{", "}", "[", "]", "\"", ",", ":", "null", "-", "0", "1e999", "\\u0000", "é"
    };

    private final Random random;

    public JsonMutator(long seed) {
        this.random = new Random(seed);
    }

    /** One mutant of {@code json}, and a short name of what was done to it. */
    public Mutant mutate(String json) {
        if (random.nextBoolean()) {
            try {
                JsonNode tree = JSON.readTree(json);
                List<JsonNode> containers = new ArrayList<>();
                collect(tree, containers);
                JsonNode target = containers.get(random.nextInt(containers.size()));
                String what = target.isObject() ? mutateObject((ObjectNode) target) : mutateArray((ArrayNode) target);
                return new Mutant(JSON.writeValueAsString(tree), what);
            } catch (JsonProcessingException | RuntimeException e) {
                // not JSON to begin with: damage the text instead
            }
        }
        return mutateText(json);
    }

    private String mutateObject(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            object.set("unexpected", oddValue());
            return "field added to an empty object";
        }
        String name = names.get(random.nextInt(names.size()));
        if (random.nextInt(4) == 0) {
            object.remove(name);
            return "field '" + name + "' dropped";
        }
        object.set(name, oddValue());
        return "field '" + name + "' replaced by " + object.get(name);
    }

    private String mutateArray(ArrayNode array) {
        switch (random.nextInt(3)) {
            case 0 -> {
                array.removeAll();
                return "array emptied";
            }
            case 1 -> {
                if (!array.isEmpty()) {
                    JsonNode element = array.get(random.nextInt(array.size()));
                    for (int i = 0; i < 1 + random.nextInt(3); i++) {
                        array.add(element.deepCopy());
                    }
                    return "array element repeated";
                }
                array.add(oddValue());
                return "odd element added";
            }
            default -> {
                array.add(oddValue());
                return "odd element added";
            }
        }
    }

    private JsonNode oddValue() {
        return switch (random.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode("");
            case 2 -> NODES.textNode("x".repeat(1 + random.nextInt(100_000)));
            case 3 -> NODES.numberNode(-1);
            case 4 -> NODES.numberNode(Long.MAX_VALUE);
            case 5 -> NODES.numberNode(Long.MIN_VALUE);
            case 6 -> NODES.numberNode(1e308);
            case 7 -> NODES.booleanNode(random.nextBoolean());
            case 8 -> NODES.arrayNode();
            case 9 -> NODES.objectNode();
            case 10 -> NODES.textNode("../%2F..%252F/\u0000é");
            case 11 -> NODES.numberNode(0);
            case 12 -> NODES.textNode("not a number");
            default -> NODES.arrayNode().add(NODES.objectNode().put("_class", "x"));
        };
    }

    private Mutant mutateText(String json) {
        int length = json.length();
        int at = random.nextInt(length + 1);
        int span = Math.min(length - at, 1 + random.nextInt(40));
        return switch (random.nextInt(5)) {
            case 0 -> new Mutant(json.substring(0, at) + json.substring(at + span), "text cut at " + at);
            case 1 -> new Mutant(
                    json.substring(0, at + span) + json.substring(at, at + span) + json.substring(at + span),
                    "text repeated at " + at);
            case 2 -> new Mutant(
                    json.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + json.substring(at),
                    "token inserted at " + at);
            case 3 -> new Mutant(json.substring(0, at), "truncated at " + at);
            default -> new Mutant(
                    json.substring(0, at) + (char) random.nextInt(0x3000) + json.substring(Math.min(length, at + 1)),
                    "character changed at " + at);
        };
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isObject() || node.isArray()) {
            containers.add(node);
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                collect(fields.next().getValue(), containers);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, containers));
        }
    }

    /** A mutated payload and what was done to it. */
    public record Mutant(String json, String mutation) {}
}
