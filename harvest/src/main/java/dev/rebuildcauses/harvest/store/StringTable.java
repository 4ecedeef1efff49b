package dev.rebuildcauses.harvest.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Strings that repeat (jobs, results, triggers, branches, authors, problems) each kept once, by number. */
final class StringTable {
    private final List<String> values = new ArrayList<>();
    private final Map<String, Integer> numbers = new HashMap<>();

    /** The number of {@code value}, given the next one when it is new; {@code value} must not be null. */
    int number(String value) {
        Integer known = numbers.get(value);
        if (known != null) {
            return known;
        }
        values.add(value);
        numbers.put(value, values.size() - 1);
        return values.size() - 1;
    }

    /** The number of {@code value}, or -1 when it was never given one. */
    int find(String value) {
        Integer known = numbers.get(value);
        return known == null ? -1 : known;
    }

    String get(int number) {
        return values.get(number);
    }

    int size() {
        return values.size();
    }
}
