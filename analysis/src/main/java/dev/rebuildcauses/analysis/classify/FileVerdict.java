package dev.rebuildcauses.analysis.classify;

/**
 * Why one path of a build's change range has its cause, for {@code --explain}.
 *
 * @param path the path (a renamed file's old path gets its own verdict)
 * @param cause its cause
 * @param reason the rule that decided, e.g. {@code rule 'Dockerfile' (default rules:3)}
 * @param entersImage whether it enters an image the repository builds (copied in by a built
 *     Dockerfile, directly or through its folder, or making the image: a built Dockerfile, a
 *     build-argument file); {@code null} when nothing was read to know
 */
public record FileVerdict(String path, String cause, String reason, Boolean entersImage) {
    /** A verdict of the rules alone: whether the file enters an image is not known. */
    public FileVerdict(String path, String cause, String reason) {
        this(path, cause, reason, null);
    }
}
