package dev.rebuildcauses.harvest.git;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * A file another process is still writing, read as it grows: at its current end a read waits for
 * more until the writer has exited. Lets git write to a file at full speed (no pipe to fill and wait
 * on) while a parser follows close behind.
 */
final class GrowingFileInputStream extends InputStream {
    private static final long POLL_NANOS = 1_000_000L;

    private final FileInputStream file;
    private final Process writer;

    GrowingFileInputStream(Path path, Process writer) throws IOException {
        this.file = new FileInputStream(path.toFile());
        this.writer = writer;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            int n = file.read(buffer, offset, length);
            if (n > 0) {
                return n;
            }
            if (!writer.isAlive()) {
                // whatever it wrote before exiting is in the file now
                return file.read(buffer, offset, length);
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for git's output");
            }
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
