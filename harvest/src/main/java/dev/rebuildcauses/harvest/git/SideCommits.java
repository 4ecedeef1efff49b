package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The commits a walk met off the first-parent chain, kept in columns as the chain is ({@link
 * FirstParentHistory}), findable by id: while git writes, the collector has only arrays to keep, not five
 * objects for each merged commit. A commit listed before its child on the chain (a wrong clock) is taken
 * back out whole when that child is met.
 */
final class SideCommits {
    private int size;
    private int idBytes;
    private byte[] ids = new byte[1024];
    /** Commit {@code i}'s parents are ids {@code parentStart[i]} up to {@code parentStart[i + 1]} of {@link #parents}. */
    private int[] parentStart = new int[65];

    private byte[] parents = new byte[1024];
    private long[] authorSeconds = new long[64];
    private long[] commitSeconds = new long[64];
    private int[] authorOf = new int[64];
    private final List<String> authors = new ArrayList<>();
    private final Map<String, Integer> authorIds = new HashMap<>();
    private byte[] messages = new byte[4096];
    private int[] messageStart = new int[65];
    private FileChange[] files = new FileChange[64];
    private int[] fileStart = new int[65];
    private final BitSet taken = new BitSet();
    /** Open addressing over the ids: commit + 1, 0 when free; at most half full. */
    private int[] slots = new int[128];

    int size() {
        return size - taken.cardinality();
    }

    void add(LogEntry entry) {
        int i = size;
        if (i == authorSeconds.length) {
            int more = i * 2;
            authorSeconds = Arrays.copyOf(authorSeconds, more);
            commitSeconds = Arrays.copyOf(commitSeconds, more);
            authorOf = Arrays.copyOf(authorOf, more);
            parentStart = Arrays.copyOf(parentStart, more + 1);
            messageStart = Arrays.copyOf(messageStart, more + 1);
            fileStart = Arrays.copyOf(fileStart, more + 1);
        }
        if (i == 0) {
            idBytes = entry.id().length() / 2;
        }
        ids = room(ids, (i + 1) * idBytes);
        requireId(entry.id(), ids, i * idBytes);
        int parentAt = parentStart[i];
        parents = room(parents, (parentAt + entry.parents().size()) * idBytes);
        for (String parent : entry.parents()) {
            requireId(parent, parents, parentAt++ * idBytes);
        }
        parentStart[i + 1] = parentAt;
        authorSeconds[i] = entry.authorTime().getEpochSecond();
        commitSeconds[i] = entry.commitTime().getEpochSecond();
        authorOf[i] = authorIds.computeIfAbsent(entry.author(), name -> {
            authors.add(name);
            return authors.size() - 1;
        });
        byte[] message = entry.message().getBytes(StandardCharsets.UTF_8);
        if ((long) messageStart[i] + message.length > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("the messages of merged commits exceed 2 GB");
        }
        messages = room(messages, messageStart[i] + message.length);
        System.arraycopy(message, 0, messages, messageStart[i], message.length);
        messageStart[i + 1] = messageStart[i] + message.length;
        int fileAt = fileStart[i];
        if (fileAt + entry.files().size() > files.length) {
            files = Arrays.copyOf(files, Math.max(fileAt + entry.files().size(), files.length * 2));
        }
        for (FileChange change : entry.files()) {
            files[fileAt++] = change;
        }
        fileStart[i + 1] = fileAt;
        size++;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        } else {
            place(i);
        }
    }

    /** The commit {@code id} as it was added, no longer among these; {@code null} when it is not here. */
    LogEntry take(String id) {
        int i = indexOf(id);
        if (i < 0) {
            return null;
        }
        taken.set(i);
        return new LogEntry(
                hex(ids, i),
                parentsOf(i),
                authors.get(authorOf[i]),
                Instant.ofEpochSecond(authorSeconds[i]),
                Instant.ofEpochSecond(commitSeconds[i]),
                messageOf(i),
                List.of(Arrays.copyOfRange(files, fileStart[i], fileStart[i + 1])));
    }

    /** The commit {@code id} (its diff unknown), or {@code null} when it is not here. */
    Commit commit(String id) {
        int i = indexOf(id);
        if (i < 0) {
            return null;
        }
        return new Commit(
                hex(ids, i),
                parentsOf(i),
                authors.get(authorOf[i]),
                Instant.ofEpochSecond(authorSeconds[i]),
                messageOf(i),
                -1);
    }

    private List<String> parentsOf(int i) {
        String[] list = new String[parentStart[i + 1] - parentStart[i]];
        for (int p = 0; p < list.length; p++) {
            list[p] = hex(parents, parentStart[i] + p);
        }
        return List.of(list);
    }

    private String messageOf(int i) {
        return new String(messages, messageStart[i], messageStart[i + 1] - messageStart[i], StandardCharsets.UTF_8);
    }

    private int indexOf(String id) {
        if (size == 0 || id == null || id.length() != idBytes * 2) {
            return -1;
        }
        byte[] wanted = new byte[idBytes];
        if (!CommitIds.parse(id, wanted, 0, idBytes)) {
            return -1;
        }
        int mask = slots.length - 1;
        for (int slot = CommitIds.hash(wanted, 0) * 0x9E3779B9 >>> 7 & mask;
                slots[slot] != 0;
                slot = (slot + 1) & mask) {
            int i = slots[slot] - 1;
            if (Arrays.equals(ids, i * idBytes, i * idBytes + idBytes, wanted, 0, idBytes)) {
                return taken.get(i) ? -1 : i;
            }
        }
        return -1;
    }

    private void place(int i) {
        int mask = slots.length - 1;
        int slot = CommitIds.hash(ids, i * idBytes) * 0x9E3779B9 >>> 7 & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = i + 1;
    }

    private void rehash(int length) {
        slots = new int[length];
        for (int i = 0; i < size; i++) {
            place(i);
        }
    }

    private String hex(byte[] from, int index) {
        return CommitIds.hex(from, index * idBytes, idBytes);
    }

    private void requireId(String id, byte[] to, int at) {
        if (!CommitIds.parse(id, to, at, idBytes)) {
            throw new IllegalArgumentException("'" + id + "' is not a commit id like the first one read");
        }
    }

    private static byte[] room(byte[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, Math.max(needed, array.length * 2));
    }
}
