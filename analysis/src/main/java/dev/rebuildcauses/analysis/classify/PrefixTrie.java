package dev.rebuildcauses.analysis.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rule indices keyed by a literal basename prefix; a lookup walks the basename once. */
final class PrefixTrie {
    private static final int[] NONE = new int[0];

    private char[] keys = new char[0];
    private PrefixTrie[] children = new PrefixTrie[0];
    private int[] rules = NONE;

    void add(String prefix, int rule) {
        PrefixTrie node = this;
        for (int i = 0; i < prefix.length(); i++) {
            node = node.childOrCreate(prefix.charAt(i));
        }
        if (node.rules.length == 0 || node.rules[node.rules.length - 1] != rule) {
            node.rules = Arrays.copyOf(node.rules, node.rules.length + 1);
            node.rules[node.rules.length - 1] = rule;
        }
    }

    /** Every rule whose prefix starts the region {@code [from, to)} of {@code text}. */
    List<int[]> find(String text, int from, int to) {
        List<int[]> found = null;
        PrefixTrie node = this;
        for (int i = from; i < to && node != null; i++) {
            node = node.child(text.charAt(i));
            if (node != null && node.rules.length > 0) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(node.rules);
            }
        }
        return found == null ? List.of() : found;
    }

    boolean isEmpty() {
        return keys.length == 0;
    }

    private PrefixTrie child(char key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) {
                return children[i];
            }
        }
        return null;
    }

    private PrefixTrie childOrCreate(char key) {
        PrefixTrie child = child(key);
        if (child == null) {
            child = new PrefixTrie();
            keys = Arrays.copyOf(keys, keys.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            keys[keys.length - 1] = key;
            children[children.length - 1] = child;
        }
        return child;
    }
}
