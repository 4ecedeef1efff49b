package dev.rebuildcauses.harvest.bitbucket;

import dev.rebuildcauses.analysis.model.Commit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits one listing of {@code first..last} into the commits of each range between consecutive
 * revisions of a chain, as {@code commits?since=A&until=B} would list them: a range holds what its
 * revision reaches and its previous revision does not, so merged commits belong to the range whose
 * merge brought them. A range is split only while each revision's first-parent line reaches the
 * previous revision inside the listing; from the first range where it does not (revision missing,
 * force-push, diverging branches) the split stops and the rest is left to one request per range.
 */
final class ChainSplitter {
    private ChainSplitter() {}

    /**
     * @param revisions the chain, oldest first; ranges are between consecutive revisions
     * @param listing the commits reachable from the last revision and not from the first, in the
     *     server's order (newest first)
     * @return the commits of each split range, newest first, keyed by its position (1 = first range),
     *     for a prefix of the chain's ranges (possibly none)
     */
    static Map<Integer, List<Commit>> split(List<String> revisions, List<Commit> listing) {
        Map<String, Commit> byId = new HashMap<>();
        Map<String, Integer> order = new HashMap<>();
        for (Commit commit : listing) {
            byId.put(commit.id(), commit);
            order.put(commit.id(), order.size());
        }
        Map<Integer, List<Commit>> ranges = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>(); // what the previous revision reaches inside the listing
        for (int i = 1; i < revisions.size(); i++) {
            String previous = revisions.get(i - 1);
            String revision = revisions.get(i);
            if (!firstParentReaches(revision, previous, byId)) {
                break;
            }
            List<Commit> range = new ArrayList<>();
            Deque<String> todo = new ArrayDeque<>(List.of(revision));
            while (!todo.isEmpty()) {
                String id = todo.pop();
                Commit commit = byId.get(id);
                if (commit == null || !seen.add(id)) {
                    continue; // outside the listing: reached from the first revision already
                }
                range.add(commit);
                todo.addAll(commit.parents());
            }
            range.sort((a, b) -> Integer.compare(order.get(a.id()), order.get(b.id())));
            ranges.put(i, range);
        }
        return ranges;
    }

    private static boolean firstParentReaches(String revision, String previous, Map<String, Commit> byId) {
        String at = revision;
        while (byId.containsKey(at)) {
            List<String> parents = byId.get(at).parents();
            if (parents.isEmpty()) {
                return false;
            }
            at = parents.get(0);
            if (at.equals(previous)) {
                return true;
            }
        }
        return false;
    }
}
