package dev.rebuildcauses.app.serve;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dashboard's access token. Compared in constant time; its text never leaves this class: the
 * session cookie carries a keyed hash of it, and {@link #toString()} says only that it is redacted.
 */
final class AccessToken {
    private final byte[] token;
    private final String session;

    AccessToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("an access token must not be empty");
        }
        this.token = token.strip().getBytes(StandardCharsets.UTF_8);
        this.session = sessionOf(this.token);
    }

    /** Whether {@code candidate} is the token, in time independent of where they differ. */
    boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(token, candidate.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The session cookie's value: a keyed hash, so a stolen cookie does not reveal the token itself. */
    String sessionValue() {
        return session;
    }

    boolean matchesSession(String cookie) {
        return cookie != null
                && MessageDigest.isEqual(
                        session.getBytes(StandardCharsets.US_ASCII), cookie.getBytes(StandardCharsets.US_ASCII));
    }

    private static String sessionOf(byte[] token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token, "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal("rebuild-causes dashboard session".getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}
