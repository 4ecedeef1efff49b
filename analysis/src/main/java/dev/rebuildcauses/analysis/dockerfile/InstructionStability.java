package dev.rebuildcauses.analysis.dockerfile;

import java.time.Instant;

/**
 * How stable one instruction of the current Dockerfile has been over the file's history.
 *
 * @param instruction the instruction in the current revision
 * @param changes how many revisions after the first added, edited or moved it
 * @param lastChanged when it was last added, edited or moved (the first revision's time when never)
 * @param stable true when it has not changed for the required time
 */
public record InstructionStability(Instruction instruction, int changes, Instant lastChanged, boolean stable) {}
