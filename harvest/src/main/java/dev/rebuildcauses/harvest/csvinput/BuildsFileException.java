package dev.rebuildcauses.harvest.csvinput;

/** A builds file that cannot be read or understood: names the file, the line and what is wrong. */
public final class BuildsFileException extends Exception {
    private final String file;
    private final long line;

    public BuildsFileException(String file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public BuildsFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.line = 0;
    }

    public String file() {
        return file;
    }

    /** The 1-based line, 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }
}
