package dev.rebuildcauses.harvest.store;

/**
 * How the columns grow and are trimmed. Growing by doubling up to a known bound (the rows of the table read)
 * leaves a column read whole at its exact size; trimming copies a column, and for a moment holds it twice, so
 * it is done only where the room to give back is worth that.
 */
final class Room {
    private Room() {}

    /**
     * The next length of a column of {@code length} that must hold {@code needed}: twice as long, but not
     * past {@code bound} (what the column can come to hold at most) unless {@code needed} is past it already.
     */
    static int next(int length, int needed, long bound) {
        long doubled = Math.min(Integer.MAX_VALUE - 16, Math.max(2L * length, needed));
        return needed <= bound ? (int) Math.min(doubled, bound) : (int) doubled;
    }

    /** The first length of a column that may come to hold {@code bound}: small when little is known. */
    static int first(int small, long bound) {
        return (int) Math.max(1, Math.min(small, bound));
    }

    /** Whether a column of {@code length} holding {@code size} is worth a copy to give back its room. */
    static boolean worthTrimming(int length, int size) {
        return length - size > size / 4;
    }
}
