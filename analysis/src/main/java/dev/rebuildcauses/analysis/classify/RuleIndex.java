package dev.rebuildcauses.analysis.classify;

import dev.rebuildcauses.analysis.model.Causes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the first matching rule for a path without trying every rule: rules are bucketed by a
 * literal basename, basename prefix, extension, first directory or directory name they need, so a
 * path only tries the rules of its own buckets plus the few truly general ones, in rule order.
 */
final class RuleIndex {
    static final Verdict NO_MATCH = new Verdict(Causes.OTHER, "no rule matched");
    private static final int[] NONE = new int[0];

    private final Glob[] globs;
    private final Verdict[] verdicts;
    private final Map<String, int[]> byBasename;
    private final PrefixTrie byPrefix = new PrefixTrie();
    private final Map<String, int[]> byExtension;
    private final Map<String, int[]> byFirstSegment;
    private final Map<String, int[]> byDirectory;
    private final int[] general;

    RuleIndex(List<Rule> rules) {
        int n = rules.size();
        globs = new Glob[n];
        verdicts = new Verdict[n];
        Map<String, List<Integer>> basename = new HashMap<>();
        Map<String, List<Integer>> prefix = new HashMap<>();
        Map<String, List<Integer>> extension = new HashMap<>();
        Map<String, List<Integer>> firstSegment = new HashMap<>();
        Map<String, List<Integer>> directory = new HashMap<>();
        List<Integer> generalRules = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Rule rule = rules.get(i);
            globs[i] = rule.glob();
            verdicts[i] = rule.verdict();
            List<String> alternatives = GlobTranslator.expandBraces(rule.glob().body());
            if (alternatives.isEmpty()) {
                generalRules.add(i);
            }
            for (String alternative : alternatives) {
                Glob.Scope scope = rule.glob().scope();
                boolean indexed =
                        switch (scope) {
                            case BASENAME -> indexBasename(alternative, i, basename, prefix, extension);
                            case ROOTED -> indexRooted(alternative, i, firstSegment, directory, basename);
                            case ANY_DIRECTORY -> indexLiteral(alternative, i, directory);
                        };
                if (!indexed) {
                    add(generalRules, i);
                }
            }
        }
        byBasename = freeze(basename);
        prefix.forEach((key, list) -> list.forEach(rule -> byPrefix.add(key, rule)));
        byExtension = freeze(extension);
        byFirstSegment = freeze(firstSegment);
        byDirectory = freeze(directory);
        general = generalRules.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean indexBasename(
            String glob,
            int rule,
            Map<String, List<Integer>> basename,
            Map<String, List<Integer>> prefix,
            Map<String, List<Integer>> extension) {
        int special = firstSpecial(glob);
        if (special < 0) {
            return addTo(basename, glob, rule);
        }
        if (special > 0) {
            return addTo(prefix, glob.substring(0, special), rule);
        }
        int dot = glob.lastIndexOf('.');
        String ext = dot < 0 ? "" : glob.substring(dot + 1);
        return !ext.isEmpty() && firstSpecial(ext) < 0 && addTo(extension, ext, rule);
    }

    private static boolean indexRooted(
            String glob,
            int rule,
            Map<String, List<Integer>> firstSegment,
            Map<String, List<Integer>> directory,
            Map<String, List<Integer>> basename) {
        if (!glob.startsWith("**/")) {
            return indexLiteral(glob.split("/", -1)[0], rule, firstSegment);
        }
        // "**/name/..." needs a directory called name somewhere; "**/name" a file called name
        String rest = glob.substring(3);
        int slash = rest.indexOf('/');
        return slash < 0 ? indexLiteral(rest, rule, basename) : indexLiteral(rest.substring(0, slash), rule, directory);
    }

    private static boolean indexLiteral(String literal, int rule, Map<String, List<Integer>> map) {
        return !literal.isEmpty() && firstSpecial(literal) < 0 && addTo(map, literal, rule);
    }

    private static int firstSpecial(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return i;
            }
        }
        return -1;
    }

    private static boolean addTo(Map<String, List<Integer>> map, String key, int rule) {
        add(map.computeIfAbsent(key, k -> new ArrayList<>()), rule);
        return true;
    }

    private static void add(List<Integer> rules, int rule) {
        if (rules.isEmpty() || rules.get(rules.size() - 1) != rule) {
            rules.add(rule);
        }
    }

    private static Map<String, int[]> freeze(Map<String, List<Integer>> map) {
        Map<String, int[]> frozen = new HashMap<>();
        map.forEach((key, rules) ->
                frozen.put(key, rules.stream().mapToInt(Integer::intValue).toArray()));
        return frozen;
    }

    /** The verdict of the first rule (in rule order) that matches a normalised path. */
    Verdict classify(String path) {
        int rule = firstMatch(path);
        return rule < 0 ? NO_MATCH : verdicts[rule];
    }

    /** The index of the first matching rule, or -1. */
    int firstMatch(String path) {
        int[] candidates = candidates(path);
        for (int rule : candidates) {
            if (globs[rule].matchesNormalised(path)) {
                return rule;
            }
        }
        return -1;
    }

    /** The rules that can match {@code path}, ascending and without duplicates. */
    int[] candidates(String path) {
        Candidates found = new Candidates(general);
        int baseStart = path.lastIndexOf('/') + 1;
        String basename = baseStart == 0 ? path : path.substring(baseStart);
        found.add(byBasename.get(basename));
        int dot = basename.lastIndexOf('.');
        if (dot >= 0) {
            found.add(byExtension.get(basename.substring(dot + 1)));
        }
        for (int[] rules : byPrefix.find(path, baseStart, path.length())) {
            found.add(rules);
        }
        int slash = path.indexOf('/');
        found.add(byFirstSegment.get(slash < 0 ? path : path.substring(0, slash)));
        if (!byDirectory.isEmpty()) {
            int start = 0;
            for (int end = slash; end >= 0; end = path.indexOf('/', start)) {
                found.add(byDirectory.get(path.substring(start, end)));
                start = end + 1;
            }
        }
        return found.sortedUnique();
    }

    /** A growable list of rule indices. */
    private static final class Candidates {
        private int[] items;
        private int size;

        Candidates(int[] initial) {
            items = Arrays.copyOf(initial, initial.length + 16);
            size = initial.length;
        }

        void add(int[] rules) {
            if (rules == null) {
                return;
            }
            if (size + rules.length > items.length) {
                items = Arrays.copyOf(items, (size + rules.length) * 2);
            }
            System.arraycopy(rules, 0, items, size, rules.length);
            size += rules.length;
        }

        int[] sortedUnique() {
            if (size == 0) {
                return NONE;
            }
            Arrays.sort(items, 0, size);
            int unique = 1;
            for (int i = 1; i < size; i++) {
                if (items[i] != items[unique - 1]) {
                    items[unique++] = items[i];
                }
            }
            return Arrays.copyOf(items, unique);
        }
    }
}
