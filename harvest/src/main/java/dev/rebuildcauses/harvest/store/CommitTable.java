package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.analysis.model.Commit;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commits of the ranges read, each kept once (by id) in columns: id and parents as {@link IdTable}
 * numbers, author as a {@link StringTable} number, time in a {@link TimeColumn}, message as UTF-8 in
 * {@link ByteRuns}. A commit costs about 50 bytes and its message, where a {@link Commit} with its strings, instant
 * and list costs about 300.
 */
final class CommitTable {

    private final IdTable ids;
    private final StringTable authors = new StringTable();
    /** The commits there can be at most: the rows of the commits table. */
    private final long bound;

    private int size;
    private int[] idOf;
    private int[] authorOf;
    private TimeColumn times;
    private int[] filesChanged;
    private int[] parentStart;
    private int[] parents;
    private int[] messageStart;
    private final ByteRuns messages = new ByteRuns();
    /** Messages UTF-8 would not give back as they were (a lone surrogate), by commit. */
    private final Map<Integer, String> oddMessages = new HashMap<>();
    /** The ids kept as bytes whose commits a range lists and that are not added yet; the others' below. */
    private final BitSet wanted = new BitSet();

    private final Set<Integer> wantedOthers = new HashSet<>();
    /**
     * The commit of each id kept as bytes, -1 when none, the other ids' in {@link #otherCommits}: made by
     * {@link #indexByIds} once every commit is added (and the ids' lookup table dropped: the two are never
     * held at once), dropped by {@link #seal}.
     */
    private int[] commitOfId = new int[0];

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
        times = new TimeColumn(length);
        filesChanged = new int[length];
        parentStart = new int[length + 1];
        parents = new int[length];
        messageStart = new int[length + 1];
    }

    /**
     * Marks the commit of id number {@code idNumber} as wanted, before the commits are added: {@link
     * #isWanted} until it is added. False when it was marked already.
     */
    boolean want(int idNumber) {
        if (idNumber >= 0) {
            boolean known = wanted.get(idNumber);
            wanted.set(idNumber);
            return !known;
        }
        return idNumber != IdTable.NONE && wantedOthers.add(idNumber);
    }

    /** Whether id number {@code idNumber} was marked {@link #want wanted} and its commit was not added yet. */
    boolean isWanted(int idNumber) {
        return idNumber >= 0 ? wanted.get(idNumber) : wantedOthers.contains(idNumber);
    }

    /** Makes the lookup of commits by id number ({@link #commitOfIdNumber}): every commit is added. */
    void indexByIds(int bytesIds) {
        commitOfId = new int[bytesIds];
        Arrays.fill(commitOfId, -1);
        for (int c = 0; c < size; c++) {
            if (idOf[c] >= 0) {
                commitOfId[idOf[c]] = c;
            } else {
                otherCommits.put(idOf[c], c);
            }
        }
    }

    /** The number of the commit of id number {@code idNumber}, or -1 when it was not added; after {@link #indexByIds}. */
    int commitOfIdNumber(int idNumber) {
        if (idNumber < 0) {
            return otherCommits.getOrDefault(idNumber, -1);
        }
        return idNumber < commitOfId.length ? commitOfId[idNumber] : -1;
    }

    /**
     * Adds the commit whose id is numbered {@code idNumber}, which is {@link #isWanted wanted}, and returns its
     * number; it is no longer wanted.
     *
     * @param parentIds the parents as the store keeps them: ids separated by spaces, {@code ""} for none
     * @param time author time in epoch milliseconds, or {@code null}
     */
    int add(int idNumber, String parentIds, String author, Long time, String message, int changed) {
        int c = size;
        if (c == idOf.length) {
            resizeRows(Room.next(c, c + 1, bound));
        }
        idOf[c] = idNumber;
        authorOf[c] = authors.number(author == null ? "" : author);
        times.set(c, time);
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
        if (idNumber >= 0) {
            wanted.clear(idNumber);
        } else {
            wantedOthers.remove(idNumber);
        }
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

    /** Makes the columns of one value per commit {@code length} long. */
    private void resizeRows(int length) {
        idOf = Arrays.copyOf(idOf, length);
        authorOf = Arrays.copyOf(authorOf, length);
        times.resize(length);
        filesChanged = Arrays.copyOf(filesChanged, length);
        parentStart = Arrays.copyOf(parentStart, length + 1);
        messageStart = Arrays.copyOf(messageStart, length + 1);
    }

    /**
     * Drops the lookup by id, and the room kept for more commits where it is {@link Room#worthTrimming worth a
     * copy}: no commit is added any more.
     */
    void seal() {
        if (Room.worthTrimming(idOf.length, size)) {
            resizeRows(size);
        }
        if (Room.worthTrimming(parents.length, parentStart[size])) {
            parents = Arrays.copyOf(parents, parentStart[size]);
        }
        messages.seal();
        commitOfId = new int[0];
        otherCommits.clear();
        wanted.clear();
        wantedOthers.clear();
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
                ids.id(idOf[c]), List.of(parentList), authors.get(authorOf[c]), times.get(c), message, filesChanged[c]);
    }

    int size() {
        return size;
    }
}
