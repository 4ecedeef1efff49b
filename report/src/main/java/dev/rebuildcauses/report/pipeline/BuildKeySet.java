package dev.rebuildcauses.report.pipeline;

import dev.rebuildcauses.analysis.model.Build;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A set of builds by job and number, a bit per number where numbers are ints: a scan marks most of a
 * million builds (those whose files enter no image), which as a set of keys cost about 70 bytes each.
 */
final class BuildKeySet {
    private final Map<String, BitSet> numbers = new HashMap<>();
    private final Set<BuildKey> others = new HashSet<>();

    void add(Build build) {
        long number = build.number();
        if (number >= 0 && number <= Integer.MAX_VALUE - 1) {
            numbers.computeIfAbsent(build.job(), job -> new BitSet()).set((int) number);
        } else {
            others.add(BuildKey.of(build));
        }
    }

    boolean contains(Build build) {
        long number = build.number();
        if (number >= 0 && number <= Integer.MAX_VALUE - 1) {
            BitSet set = numbers.get(build.job());
            return set != null && set.get((int) number);
        }
        return others.contains(BuildKey.of(build));
    }
}
