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
    /** In {@link #commitOfId}: an id a range lists whose commit is not read yet. */
    private static final int WANTED = -2;

    private final IdTable ids;
    private final StringTable authors = new StringTable();
    /** The commits there can be at most: the rows of the commits table. */
    private final long bound;

    private int size;
    private int[] idOf;
    private int[] authorOf;
    private long[] timeMs;
    private int[] filesChanged;
    private int[] parentStart;
    private int[] parents;
    private int[] messageStart;
    private final ByteRuns messages = new ByteRuns();
    /** Messages UTF-8 would not give back as they were (a lone surrogate), by commit. */
    private final Map<Integer, String> oddMessages = new HashMap<>();
    /** The commit of each id kept as bytes, -1 when none; of the other ids in {@link #otherCommits}. */
    private int[] commitOfId = new int[64];

    private final Map<Integer, Integer> otherCommits = new HashMap<>();

    /**
     * Room for at most {@code bound} commits (the rows of the commits table), all of it at once when
     * {@code whole}: every commit is going to be read.
     */
    CommitTable(IdTable ids, long bound, boolean whole) {
        this.ids = ids;
        this.bound = bound;
        int length = whole ? Room.first(Integer.MAX_VALUE - 16, bound) : Room.first(64, bound);
        idOf = new int[length];
        authorOf = new int[length];
        timeMs = new long[length];
        filesChanged = new int[length];
        parentStart = new int[length + 1];
        parents = new int[length];
        messageStart = new int[length + 1];
        Arrays.fill(commitOfId, -1);
    }

    /**
     * Marks the commit of id number {@code idNumber} as wanted: {@link #isWanted} until it is added. Every
     * wanted id is marked before the commits are added.
     */
    void want(int idNumber) {
        if (commitOf(idNumber) == -1) {
            remember(idNumber, WANTED);
        }
    }

    /** Whether id number {@code idNumber} was marked {@link #want wanted} and its commit was not added yet. */
    boolean isWanted(int idNumber) {
        return idNumber != IdTable.NONE && commitOf(idNumber) == WANTED;
    }

    /** The number of the commit of id number {@code idNumber}, or -1 when it was not added. */
    int commitOfIdNumber(int idNumber) {
        int c = commitOf(idNumber);
        return c < 0 ? -1 : c;
    }

    /**
     * The number of the commit {@code id}, added with the rest when it is new (a commit never changes, so
     * the rest of a known one is the same).
     *
     * @param parentIds the parents as the store keeps them: ids separated by spaces, {@code ""} for none
     * @param time author time in epoch milliseconds, or {@code null}
     */
    int add(String id, String parentIds, String author, Long time, String message, int changed) {
        return add(ids.number(id), parentIds, author, time, message, changed);
    }

    /** As {@link #add(String, String, String, Long, String, int)}, of the id numbered {@code idNumber}. */
    int add(int idNumber, String parentIds, String author, Long time, String message, int changed) {
        int known = commitOf(idNumber);
        if (known >= 0) {
            return known;
        }
        int c = size;
        if (c == idOf.length) {
            int more = Room.next(c, c + 1, bound);
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
                    parents = Arrays.copyOf(parents, Room.next(at, at + 1, Integer.MAX_VALUE));
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
        messageStart[c] = messages.append(utf8);
        messageStart[c + 1] = messages.size();
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

    /**
     * Drops the lookup by id, and the room kept for more commits where it is {@link Room#worthTrimming worth a
     * copy}: no commit is added any more.
     */
    void seal() {
        if (Room.worthTrimming(idOf.length, size)) {
            idOf = Arrays.copyOf(idOf, size);
            authorOf = Arrays.copyOf(authorOf, size);
            timeMs = Arrays.copyOf(timeMs, size);
            filesChanged = Arrays.copyOf(filesChanged, size);
            parentStart = Arrays.copyOf(parentStart, size + 1);
            messageStart = Arrays.copyOf(messageStart, size + 1);
        }
        if (Room.worthTrimming(parents.length, parentStart[size])) {
            parents = Arrays.copyOf(parents, parentStart[size]);
        }
        messages.seal();
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
            message = messages.utf8(messageStart[c], messageStart[c + 1]);
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
