package dev.rebuildcauses.simulator.history;

import java.util.Map;

/**
 * A Jenkins build cause as the CauseAction lists it.
 *
 * @param className the {@code _class}
 * @param shortDescription the {@code shortDescription}
 * @param fields further fields such as {@code userId} or {@code upstreamProject}
 */
public record SimulatedCause(String className, String shortDescription, Map<String, Object> fields) {
    public SimulatedCause {
        fields = Map.copyOf(fields);
    }

    public static SimulatedCause of(String className, String shortDescription) {
        return new SimulatedCause(className, shortDescription, Map.of());
    }
}
