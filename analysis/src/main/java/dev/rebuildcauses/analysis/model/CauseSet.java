package dev.rebuildcauses.analysis.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * An immutable, sorted set of cause names. Builds share few distinct sets, so classifiers
 * intern them; {@link #key()} is the sorted names joined with {@code ;} as in the CSV exports.
 */
public final class CauseSet {
    private final String[] names;
    private final String key;

    private CauseSet(String[] sortedNames) {
        this.names = sortedNames;
        this.key = String.join(";", sortedNames);
    }

    public static CauseSet of(Collection<String> names) {
        return new CauseSet(new TreeSet<>(names).toArray(String[]::new));
    }

    public static CauseSet of(String... names) {
        return of(Arrays.asList(names));
    }

    public List<String> names() {
        return List.of(names);
    }

    public boolean contains(String cause) {
        return Arrays.binarySearch(names, cause) >= 0;
    }

    public int size() {
        return names.length;
    }

    public boolean isSolo(String cause) {
        return names.length == 1 && names[0].equals(cause);
    }

    /** The names sorted and joined with {@code ;}. */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CauseSet that && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
