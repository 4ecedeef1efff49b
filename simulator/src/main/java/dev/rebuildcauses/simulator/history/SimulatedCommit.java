package dev.rebuildcauses.simulator.history;

import dev.rebuildcauses.analysis.model.FileChange;
import java.time.Instant;
import java.util.List;

/**
 * A commit of a simulated repository with the files it changed against its first parent.
 *
 * @param id 40 hex digits
 * @param parents parent ids, first parent first
 */
public record SimulatedCommit(
        String id,
        List<String> parents,
        String authorName,
        String authorEmail,
        Instant time,
        String message,
        List<FileChange> changes) {
    public SimulatedCommit {
        parents = List.copyOf(parents);
        changes = List.copyOf(changes);
    }
}
