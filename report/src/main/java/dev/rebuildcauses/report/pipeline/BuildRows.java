package dev.rebuildcauses.report.pipeline;

import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.util.List;

/**
 * Where an analysis job by job keeps each classified build once its job is done: compactly (without its
 * commits and files), so that a million builds fit; read back whole for mining and charts.
 */
public interface BuildRows {
    /** Keeps {@code build} (what mining, charts and lists of builds read of it). */
    void add(ClassifiedBuild build);

    /**
     * Every build added, in the order added, as mining and charts read them: build, causes and the range's
     * status and revisions, no commits or files.
     */
    List<ClassifiedBuild> classified();
}
