package dev.rebuildcauses.report.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 writer that gathers text in a {@link StringBuilder} and encodes it a chunk at a time with
 * {@link String#getBytes}: far cheaper per field than a charset encoder while the JIT is still cold,
 * which is most of a command line run.
 */
final class Utf8ChunkWriter extends Writer {
    private static final int CHUNK = 64 * 1024;

    private final OutputStream out;
    private final StringBuilder pending = new StringBuilder(CHUNK + 1024);

    Utf8ChunkWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        pending.append((char) c);
        drainIfFull();
    }

    @Override
    public void write(String text) throws IOException {
        pending.append(text);
        drainIfFull();
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        pending.append(text, offset, offset + length);
        drainIfFull();
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        pending.append(chars, offset, length);
        drainIfFull();
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try (out) {
            drain();
        }
    }

    private void drainIfFull() throws IOException {
        if (pending.length() >= CHUNK) {
            // never split a surrogate pair across two encodings
            int end = pending.length();
            if (Character.isHighSurrogate(pending.charAt(end - 1))) {
                end--;
            }
            out.write(pending.substring(0, end).getBytes(StandardCharsets.UTF_8));
            pending.delete(0, end);
        }
    }

    private void drain() throws IOException {
        if (pending.length() > 0) {
            out.write(pending.toString().getBytes(StandardCharsets.UTF_8));
            pending.setLength(0);
        }
    }
}
