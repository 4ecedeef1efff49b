package dev.rebuildcauses.analysis.infer;

import dev.rebuildcauses.analysis.classify.FileVerdict;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.util.List;
import java.util.Objects;

/**
 * A classified build with the verdict of every file its range changed (renamed files under both paths).
 *
 * @param build the build and its causes
 * @param files each changed path's cause and reason, in the order of the range's files
 */
public record ExplainedBuild(ClassifiedBuild build, List<FileVerdict> files) {
    public ExplainedBuild {
        Objects.requireNonNull(build, "build");
        files = List.copyOf(files);
    }

    /**
     * True when the build changed files and it is known of each that it enters no image (tests,
     * docs, CI tools): building the image for it rebuilds the same image.
     */
    public boolean entersNoImage() {
        for (FileVerdict file : files) { // a loop, not a stream: asked of every build
            if (!Boolean.FALSE.equals(file.entersImage())) {
                return false;
            }
        }
        return !files.isEmpty();
    }
}
