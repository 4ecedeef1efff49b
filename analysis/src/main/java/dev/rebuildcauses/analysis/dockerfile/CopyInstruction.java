package dev.rebuildcauses.analysis.dockerfile;

import java.util.List;

/**
 * A {@code COPY} or {@code ADD} with its sources classified.
 *
 * @param instruction the instruction
 * @param sources its sources, each with what it brings
 * @param destination where they land, as written
 */
public record CopyInstruction(Instruction instruction, List<CopySource> sources, String destination) {
    public CopyInstruction {
        sources = List.copyOf(sources);
    }

    public boolean bringsCode() {
        return sources.stream().anyMatch(source -> source.kind() == SourceKind.CODE);
    }

    public boolean bringsManifests() {
        return sources.stream().anyMatch(source -> source.kind() == SourceKind.DEPENDENCY_MANIFEST);
    }

    public boolean copiesWholeContext() {
        return sources.stream().anyMatch(CopySource::isWholeContext);
    }
}
