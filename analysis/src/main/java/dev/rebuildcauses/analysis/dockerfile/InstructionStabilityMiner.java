package dev.rebuildcauses.analysis.dockerfile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Mines a Dockerfile's history for how often and how recently each current instruction changed.
 * Instructions are matched between consecutive revisions by their whitespace-normalised text in
 * order (longest common subsequence); an unmatched instruction whose text appears elsewhere was
 * moved, and one left in the same gap with the same keyword was edited. Both count as changes,
 * since either invalidates the layer cache from there on.
 */
public final class InstructionStabilityMiner {
    private InstructionStabilityMiner() {}

    public static StabilityTable mine(DockerfileHistory history, Instant asOf, Duration stableFor) {
        List<Tracked> previous = List.of();
        List<Instruction> previousInstructions = List.of();
        Dockerfile parsed = null;
        boolean first = true;
        List<DockerfileRevision> revisions = history.revisions();
        for (int r = 0; r < revisions.size(); r++) {
            DockerfileRevision revision = revisions.get(r);
            Dockerfile candidate = DockerfileParser.parse(revision.content());
            if (candidate.instructions().isEmpty() && !first && r < revisions.size() - 1) {
                continue; // a revision that is no Dockerfile (emptied, a patch) must not reset every instruction
            }
            parsed = candidate;
            List<Instruction> current = parsed.instructions();
            previous = first
                    ? initial(current, revision.time())
                    : follow(previousInstructions, previous, current, revision.time());
            previousInstructions = current;
            first = false;
        }
        Instant threshold = asOf.minus(stableFor);
        List<InstructionStability> rows = new ArrayList<>();
        for (int i = 0; i < previousInstructions.size(); i++) {
            Tracked tracked = previous.get(i);
            rows.add(new InstructionStability(
                    previousInstructions.get(i),
                    tracked.changes(),
                    tracked.lastChanged(),
                    !tracked.lastChanged().isAfter(threshold)));
        }
        return new StabilityTable(
                history.path(),
                parsed,
                rows,
                asOf,
                stableFor,
                history.revisions().size());
    }

    private record Tracked(int changes, Instant lastChanged) {}

    private static List<Tracked> initial(List<Instruction> instructions, Instant time) {
        return instructions.stream().map(i -> new Tracked(0, time)).toList();
    }

    private static List<Tracked> follow(
            List<Instruction> old, List<Tracked> oldTracked, List<Instruction> now, Instant time) {
        int[] match = longestCommonSubsequence(keys(old), keys(now));
        boolean[] oldUsed = new boolean[old.size()];
        Tracked[] result = new Tracked[now.size()];
        for (int j = 0; j < now.size(); j++) {
            if (match[j] >= 0) {
                oldUsed[match[j]] = true;
                result[j] = oldTracked.get(match[j]);
            }
        }
        // moved: same text elsewhere
        for (int j = 0; j < now.size(); j++) {
            if (result[j] != null) {
                continue;
            }
            for (int i = 0; i < old.size(); i++) {
                if (!oldUsed[i] && old.get(i).normalized().equals(now.get(j).normalized())) {
                    oldUsed[i] = true;
                    result[j] = changed(oldTracked.get(i), time);
                    break;
                }
            }
        }
        // edited: same keyword in the same gap between unchanged instructions
        for (int j = 0; j < now.size(); j++) {
            if (result[j] != null) {
                continue;
            }
            int low = -1;
            for (int k = j - 1; k >= 0; k--) {
                if (match[k] >= 0) {
                    low = match[k];
                    break;
                }
            }
            int high = old.size();
            for (int k = j + 1; k < now.size(); k++) {
                if (match[k] >= 0) {
                    high = match[k];
                    break;
                }
            }
            for (int i = low + 1; i < high; i++) {
                if (!oldUsed[i] && old.get(i).keyword().equals(now.get(j).keyword())) {
                    oldUsed[i] = true;
                    result[j] = changed(oldTracked.get(i), time);
                    break;
                }
            }
            if (result[j] == null) {
                result[j] = new Tracked(1, time);
            }
        }
        return List.of(result);
    }

    private static Tracked changed(Tracked tracked, Instant time) {
        return new Tracked(tracked.changes() + 1, time);
    }

    private static List<String> keys(List<Instruction> instructions) {
        return instructions.stream().map(Instruction::normalized).toList();
    }

    /** For each element of {@code b}, the index of its partner in {@code a} on a longest common subsequence, or -1. */
    private static int[] longestCommonSubsequence(List<String> a, List<String> b) {
        int[][] length = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                length[i][j] = a.get(i).equals(b.get(j))
                        ? length[i + 1][j + 1] + 1
                        : Math.max(length[i + 1][j], length[i][j + 1]);
            }
        }
        int[] match = new int[b.size()];
        java.util.Arrays.fill(match, -1);
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                match[j] = i;
                i++;
                j++;
            } else if (length[i + 1][j] >= length[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return match;
    }
}
