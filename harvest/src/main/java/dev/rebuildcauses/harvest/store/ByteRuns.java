package dev.rebuildcauses.harvest.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Runs of bytes (UTF-8 texts) appended one after the other and read back by their offsets, kept in chunks of
 * a megabyte instead of one array: one array of 100 MB grows by copies into one of twice the size and is
 * trimmed by one more copy, which held twice the messages at once and set the peak of a large report.
 */
final class ByteRuns {
    static final int CHUNK_BITS = 20;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    /** Full chunks of {@link #CHUNK} bytes, the last one being filled; the first alone may be smaller. */
    private byte[][] chunks = {new byte[4096]};

    private int size;

    /** Appends {@code bytes} and returns the offset they start at; the next run starts where they end. */
    int append(byte[] bytes) {
        if ((long) size + bytes.length > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("the texts read exceed 2 GB");
        }
        int start = size;
        int from = 0;
        while (from < bytes.length) {
            int chunk = size >>> CHUNK_BITS;
            int at = size & MASK;
            if (chunk == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunk * 2);
            }
            if (chunks[chunk] == null) {
                chunks[chunk] = new byte[CHUNK];
            }
            if (chunk == 0 && chunks[0].length < CHUNK && at + bytes.length - from > chunks[0].length) {
                chunks[0] = Arrays.copyOf(chunks[0], Math.min(CHUNK, Math.max(at + bytes.length - from, at * 2)));
            }
            int n = Math.min(bytes.length - from, chunks[chunk].length - at);
            System.arraycopy(bytes, from, chunks[chunk], at, n);
            from += n;
            size += n;
        }
        return start;
    }

    /** The bytes from {@code start} up to {@code end} as UTF-8. */
    String utf8(int start, int end) {
        int chunk = start >>> CHUNK_BITS;
        if (end - start == 0) {
            return "";
        }
        if ((end - 1) >>> CHUNK_BITS == chunk) {
            return new String(chunks[chunk], start & MASK, end - start, StandardCharsets.UTF_8);
        }
        byte[] joined = new byte[end - start];
        for (int i = start; i < end; ) {
            int n = Math.min(end - i, CHUNK - (i & MASK));
            System.arraycopy(chunks[i >>> CHUNK_BITS], i & MASK, joined, i - start, n);
            i += n;
        }
        return new String(joined, StandardCharsets.UTF_8);
    }

    /** How many bytes were appended. */
    int size() {
        return size;
    }

    /** Drops the room kept for more: the unused end of the last chunk (at most a megabyte, one copy). */
    void seal() {
        int used = (size + MASK) >>> CHUNK_BITS;
        chunks = Arrays.copyOf(chunks, used);
        if (used > 0 && (size & MASK) != 0) {
            chunks[used - 1] = Arrays.copyOf(chunks[used - 1], size & MASK);
        }
    }
}
