package dev.rebuildcauses.harvest.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Splits git's {@code -z} output into NUL-terminated UTF-8 tokens without any quoting rules. */
final class NulTokenReader {
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] token = new byte[256];

    NulTokenReader(InputStream in) {
        this.in = in;
    }

    /** The next token, or {@code null} at the end of the stream. */
    String next() throws IOException {
        int length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return length == 0 ? null : new String(token, 0, length, StandardCharsets.UTF_8);
                }
            }
            int start = position;
            while (position < limit && buffer[position] != 0) {
                position++;
            }
            int chunk = position - start;
            if (length + chunk > token.length) {
                token = Arrays.copyOf(token, Math.max(token.length * 2, length + chunk));
            }
            System.arraycopy(buffer, start, token, length, chunk);
            length += chunk;
            if (position < limit) {
                position++; // the NUL
                return new String(token, 0, length, StandardCharsets.UTF_8);
            }
        }
    }
}
