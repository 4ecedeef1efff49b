package dev.rebuildcauses.report.pipeline;

import dev.rebuildcauses.analysis.model.BuildChanges;
import java.util.List;

/**
 * A history read one job at a time (a store, a spooled synthetic history), so that analysing it never needs
 * every build's commits and files in memory at once: only one job's.
 */
public interface JobHistories {
    /** The jobs that have builds. */
    List<String> jobs() throws SourceException;

    /** The builds of {@code job} with their change ranges, in the order the whole history lists them. */
    List<BuildChanges> builds(String job) throws SourceException;
}
