package dev.rebuildcauses.app.serve;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A page rendered once and sent to many requests: its bytes, and the same gzip-compressed the first time a
 * client accepts gzip (then kept, so no request compresses it again). Sent in one write with its length
 * known, straight to the server's response rather than through the web framework's per-request copy (a
 * fresh 32 KB buffer, chunked encoding, compression on every request).
 */
final class PageBytes {
    private final byte[] plain;
    private volatile byte[] gzip;

    PageBytes(byte[] plain) {
        this.plain = plain;
    }

    byte[] plain() {
        return plain;
    }

    /** The page compressed, compressed now if no request needed it yet (two at once may both compress). */
    byte[] gzip() throws IOException {
        byte[] known = gzip;
        if (known == null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(plain.length / 4 + 64);
            try (OutputStream out = new GZIPOutputStream(bytes, 8192)) {
                out.write(plain);
            }
            known = bytes.toByteArray();
            gzip = known;
        }
        return known;
    }

    /** Answers {@code ctx} with this page as {@code contentType}: compressed when the client accepts gzip. */
    void send(Context ctx, String contentType) throws IOException {
        boolean compressed = acceptsGzip(ctx.header("Accept-Encoding"));
        byte[] body = compressed ? gzip() : plain;
        ctx.contentType(contentType);
        ctx.header("Vary", "Accept-Encoding");
        if (compressed) {
            ctx.header("Content-Encoding", "gzip");
        }
        ctx.res().setContentLength(body.length);
        ctx.res().getOutputStream().write(body);
    }

    /** Whether an Accept-Encoding header admits gzip (and does not refuse it with {@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.split(";");
            String coding = fields[0].strip().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < fields.length; i++) {
                String parameter = fields[i].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        refused = Double.parseDouble(parameter.substring(2)) <= 0;
                    } catch (NumberFormatException e) {
                        refused = true;
                    }
                }
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }
}
