package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.analysis.model.Commit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The commits of the ranges read, each kept once (by id) in columns: id and parents as {@link IdTable}
 * numbers, author as a {@link StringTable} number, time as epoch milliseconds, message as UTF-8 in one
 * array. A commit costs about 50 bytes and its message, where a {@link Commit} with its strings, instant
 * and list costs about 300.
 */
final class CommitTable {
    private static final long NO_TIME = Long.MIN_VALUE;

    private final IdTable ids;
    private final StringTable authors = new StringTable();
    private int size;
    private int[] idOf = new int[64];
    private int[] authorOf = new int[64];
    private long[] timeMs = new long[64];
    private int[] filesChanged = new int[64];
    private int[] parentStart = new int[65];
    private int[] parents = new int[64];
    private int[] messageStart = new int[65];
    private byte[] messages = new byte[4096];
    /** Messages UTF-8 would not give back as they were (a lone surrogate), by commit. */
    private final Map<Integer, String> oddMessages = new HashMap<>();
    /** The commit of each id kept as bytes, -1 when none; of the other ids in {@link #otherCommits}. */
    private int[] commitOfId = new int[64];

    private final Map<Integer, Integer> otherCommits = new HashMap<>();

    CommitTable(IdTable ids) {
        this.ids = ids;
        Arrays.fill(commitOfId, -1);
    }

    /**
     * The number of the commit {@code id}, added with the rest when it is new (a commit never changes, so
     * the rest of a known one is the same).
     *
     * @param parentIds the parents as the store keeps them: ids separated by spaces, {@code ""} for none
     * @param time author time in epoch milliseconds, or {@code null}
     */
    int add(String id, String parentIds, String author, Long time, String message, int changed) {
        int idNumber = ids.number(id);
        int known = commitOf(idNumber);
        if (known >= 0) {
            return known;
        }
        int c = size;
        if (c == idOf.length) {
            int more = c * 2;
            idOf = Arrays.copyOf(idOf, more);
            authorOf = Arrays.copyOf(authorOf, more);
            timeMs = Arrays.copyOf(timeMs, more);
            filesChanged = Arrays.copyOf(filesChanged, more);
            parentStart = Arrays.copyOf(parentStart, more + 1);
            messageStart = Arrays.copyOf(messageStart, more + 1);
        }
        idOf[c] = idNumber;
        authorOf[c] = authors.number(author == null ? "" : author);
        timeMs[c] = time == null ? NO_TIME : time;
        filesChanged[c] = changed;
        int at = parentStart[c];
        if (!parentIds.isEmpty()) {
            for (String parent : parentIds.split(" ")) {
                if (at == parents.length) {
                    parents = Arrays.copyOf(parents, at * 2);
                }
                parents[at++] = ids.number(parent);
            }
        }
        parentStart[c + 1] = at;
        String text = message == null ? "" : message;
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (hasSurrogate(text) && !new String(utf8, StandardCharsets.UTF_8).equals(text)) {
            oddMessages.put(c, text);
            utf8 = new byte[0];
        }
        if ((long) messageStart[c] + utf8.length > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("the commit messages read exceed 2 GB");
        }
        if (messageStart[c] + utf8.length > messages.length) {
            messages = Arrays.copyOf(messages, Math.max(messageStart[c] + utf8.length, messages.length * 2));
        }
        System.arraycopy(utf8, 0, messages, messageStart[c], utf8.length);
        messageStart[c + 1] = messageStart[c] + utf8.length;
        remember(idNumber, c);
        size++;
        return c;
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private int commitOf(int idNumber) {
        if (idNumber < 0) {
            return otherCommits.getOrDefault(idNumber, -1);
        }
        return idNumber < commitOfId.length ? commitOfId[idNumber] : -1;
    }

    private void remember(int idNumber, int c) {
        if (idNumber < 0) {
            otherCommits.put(idNumber, c);
            return;
        }
        if (idNumber >= commitOfId.length) {
            int old = commitOfId.length;
            commitOfId = Arrays.copyOf(commitOfId, Math.max(idNumber + 1, old * 2));
            Arrays.fill(commitOfId, old, commitOfId.length, -1);
        }
        commitOfId[idNumber] = c;
    }

    /** Drops the room kept for more commits and the lookup by id: no commit is added any more. */
    void seal() {
        idOf = Arrays.copyOf(idOf, size);
        authorOf = Arrays.copyOf(authorOf, size);
        timeMs = Arrays.copyOf(timeMs, size);
        filesChanged = Arrays.copyOf(filesChanged, size);
        parentStart = Arrays.copyOf(parentStart, size + 1);
        parents = Arrays.copyOf(parents, parentStart[size]);
        messageStart = Arrays.copyOf(messageStart, size + 1);
        messages = Arrays.copyOf(messages, messageStart[size]);
        commitOfId = new int[0];
        otherCommits.clear();
    }

    Commit get(int c) {
        String[] parentList = new String[parentStart[c + 1] - parentStart[c]];
        for (int p = 0; p < parentList.length; p++) {
            parentList[p] = ids.id(parents[parentStart[c] + p]);
        }
        String message = oddMessages.isEmpty() ? null : oddMessages.get(c);
        if (message == null) {
            message = new String(
                    messages, messageStart[c], messageStart[c + 1] - messageStart[c], StandardCharsets.UTF_8);
        }
        return new Commit(
                ids.id(idOf[c]),
                List.of(parentList),
                authors.get(authorOf[c]),
                timeMs[c] == NO_TIME ? null : Instant.ofEpochMilli(timeMs[c]),
                message,
                filesChanged[c]);
    }

    int size() {
        return size;
    }
}
