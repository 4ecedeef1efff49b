package dev.rebuildcauses.app.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One benchmark client's HTTP/1.1 connection: a blocking socket kept alive between requests, a request
 * written in one go, the answer read to its last byte (by its length, or its chunks) and dropped. As little
 * work per request as a load generator can do, so that on a shared machine the client takes as little CPU
 * from the server as possible (the JDK's HttpClient funnels every connection through one selector thread
 * and copies each body into fresh arrays).
 */
final class LoopbackConnection implements AutoCloseable {
    private final InetSocketAddress address;
    private final String host;
    private final byte[] discard = new byte[64 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LoopbackConnection(URI base) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.host = base.getHost() + ":" + base.getPort();
    }

    /** Asks for {@code path} and reads the whole answer; returns its status code. */
    int get(String path) throws IOException {
        if (socket == null) {
            open();
        }
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> close = value.contains("close");
                default -> {}
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].strip(), 16);
                    size > 0;
                    size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                skip(size);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            skip(length);
        } else {
            close = true;
            while (in.read(discard) >= 0) {
                // the body ends with the connection
            }
        }
        if (close) {
            close();
        }
        return code;
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the server closed the connection mid-answer");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            int read = in.read(discard, 0, (int) Math.min(discard.length, left));
            if (read < 0) {
                throw new EOFException("the server closed the connection " + left + " bytes before the end");
            }
            left -= read;
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
