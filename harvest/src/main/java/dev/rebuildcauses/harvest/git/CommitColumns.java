package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.harvest.model.CommitIdIndex;
import dev.rebuildcauses.harvest.model.CommitIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Commits as a walk reads them, in columns, in the order added: ids as bytes, times as seconds, authors as
 * numbers, messages as UTF-8 in one array, changed files (shared instances) in one array. A commit costs
 * about 60 bytes and its message, where as objects (entry, strings, instants, lists) it cost about 400, all
 * of which the collector copied while git wrote.
 */
final class CommitColumns {
    private int size;
    /** The ids, made at the first commit, whose id says how many bytes an id has. */
    private CommitIdIndex ids;

    private long[] authorSeconds = new long[64];
    private long[] commitSeconds = new long[64];
    private int[] authorOf = new int[64];
    private final List<String> authors = new ArrayList<>();
    private final Map<String, Integer> authorIds = new HashMap<>();
    private byte[] messages = new byte[4096];
    private int[] messageStart = new int[65];
    private FileChange[] files = new FileChange[64];
    private int[] fileStart = new int[65];

    /** Adds {@code entry} (its parents aside) and returns its index. */
    int add(LogEntry entry) {
        int i = size;
        if (i == authorSeconds.length) {
            int more = i * 2;
            authorSeconds = Arrays.copyOf(authorSeconds, more);
            commitSeconds = Arrays.copyOf(commitSeconds, more);
            authorOf = Arrays.copyOf(authorOf, more);
            messageStart = Arrays.copyOf(messageStart, more + 1);
            fileStart = Arrays.copyOf(fileStart, more + 1);
        }
        if (i == 0) {
            ids = new CommitIdIndex(entry.id().length() / 2);
        }
        ids.add(entry.id());
        authorSeconds[i] = entry.authorTime().getEpochSecond();
        commitSeconds[i] = entry.commitTime().getEpochSecond();
        authorOf[i] = authorIds.computeIfAbsent(entry.author(), name -> {
            authors.add(name);
            return authors.size() - 1;
        });
        byte[] message = entry.message().getBytes(StandardCharsets.UTF_8);
        if ((long) messageStart[i] + message.length > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("the messages of the history exceed 2 GB");
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
        return i;
    }

    /** The index of the commit {@code id}, or -1 when it is not here (or not an id like the ones here). */
    int indexOf(String id) {
        return ids == null ? -1 : ids.indexOf(id);
    }

    /** Drops the room kept for more commits. */
    void trim() {
        if (ids != null) {
            ids.trim(true);
        }
        authorSeconds = Arrays.copyOf(authorSeconds, size);
        commitSeconds = Arrays.copyOf(commitSeconds, size);
        authorOf = Arrays.copyOf(authorOf, size);
        messages = Arrays.copyOf(messages, messageStart[size]);
        messageStart = Arrays.copyOf(messageStart, size + 1);
        files = Arrays.copyOf(files, fileStart[size]);
        fileStart = Arrays.copyOf(fileStart, size + 1);
    }

    int size() {
        return size;
    }

    /** Bytes per id: 20 for SHA-1, 32 for SHA-256; 0 before the first commit. */
    int idBytes() {
        return ids == null ? 0 : ids.idBytes();
    }

    String id(int i) {
        return ids.id(i);
    }

    String author(int i) {
        return authors.get(authorOf[i]);
    }

    Instant authorTime(int i) {
        return Instant.ofEpochSecond(authorSeconds[i]);
    }

    Instant commitTime(int i) {
        return Instant.ofEpochSecond(commitSeconds[i]);
    }

    String message(int i) {
        return new String(messages, messageStart[i], messageStart[i + 1] - messageStart[i], StandardCharsets.UTF_8);
    }

    /** The changed files of commit {@code i}, a copy. */
    List<FileChange> files(int i) {
        int from = fileStart[i];
        int to = fileStart[i + 1];
        return from == to ? List.of() : List.of(Arrays.copyOfRange(files, from, to));
    }

    int fileCount(int i) {
        return fileStart[i + 1] - fileStart[i];
    }

    FileChange file(int i, int j) {
        return files[fileStart[i] + Objects.checkIndex(j, fileCount(i))];
    }

    static byte[] room(byte[] array, int needed) {
        return needed <= array.length ? array : Arrays.copyOf(array, Math.max(needed, array.length * 2));
    }

    /**
     * Lists of ids, one after the other (parents of commits), packed as bytes.
     */
    static final class IdLists {
        private final int idBytes;
        private byte[] ids = new byte[256];
        private int[] start = new int[17];
        private int count;

        IdLists(int idBytes) {
            this.idBytes = idBytes;
        }

        /** Adds {@code list} and returns its index. */
        int add(List<String> list) {
            if (count + 1 == start.length) {
                start = Arrays.copyOf(start, start.length * 2);
            }
            int at = start[count];
            ids = room(ids, (at + list.size()) * idBytes);
            for (String id : list) {
                CommitIds.require(id, ids, at++ * idBytes, idBytes);
            }
            start[count + 1] = at;
            return count++;
        }

        List<String> get(int index) {
            String[] list = new String[start[index + 1] - start[index]];
            for (int p = 0; p < list.length; p++) {
                list[p] = CommitIds.hex(ids, (start[index] + p) * idBytes, idBytes);
            }
            return List.of(list);
        }
    }
}
