package dev.rebuildcauses.harvest.model;

import java.nio.charset.StandardCharsets;

/**
 * Commit ids as bytes: a SHA-1 id in 20 bytes instead of a 40-character string of about 80. Shared by the
 * walk's columns and the store's, which may not depend on each other.
 */
public final class CommitIds {
    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private CommitIds() {}

    /**
     * Writes the {@code length} bytes of hexadecimal {@code id} into {@code to} from {@code at}; false,
     * writing nothing useful, when {@code id} is not {@code 2 * length} hexadecimal digits.
     */
    public static boolean parse(String id, byte[] to, int at, int length) {
        if (id.length() != 2 * length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int high = Character.digit(id.charAt(2 * i), 16);
            int low = Character.digit(id.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                return false;
            }
            to[at + i] = (byte) (high << 4 | low);
        }
        return true;
    }

    /** As {@link #parse}, failing on an id that is not. */
    public static void require(String id, byte[] to, int at, int length) {
        if (!parse(id, to, at, length)) {
            throw new IllegalArgumentException("'" + id + "' is not a commit id like the first one read");
        }
    }

    /** The lower-case hexadecimal id of the {@code length} bytes of {@code from} at {@code at}. */
    public static String hex(byte[] from, int at, int length) {
        byte[] text = new byte[2 * length];
        for (int i = 0; i < length; i++) {
            int b = from[at + i] & 0xff;
            text[2 * i] = DIGITS[b >>> 4];
            text[2 * i + 1] = DIGITS[b & 0xf];
        }
        return new String(text, StandardCharsets.US_ASCII);
    }

    /** A hash of the id at {@code at}: its first four bytes, as ids are hashes already. */
    public static int hash(byte[] id, int at) {
        return (id[at] & 0xff) << 24 | (id[at + 1] & 0xff) << 16 | (id[at + 2] & 0xff) << 8 | (id[at + 3] & 0xff);
    }
}
