package dev.rebuildcauses.analysis.infer;

import dev.rebuildcauses.analysis.dockerfile.DockerfileParser;
import dev.rebuildcauses.analysis.dockerfile.Heredoc;
import dev.rebuildcauses.analysis.dockerfile.Instruction;
import java.util.List;

/**
 * Reads a Dockerfile for inference through the advisor's {@link DockerfileParser}: each
 * instruction with its first line, continuation lines joined, heredoc bodies appended as lines.
 */
final class DockerfileReader {
    private DockerfileReader() {}

    static List<DockerInstruction> read(String text) {
        return DockerfileParser.parse(text).instructions().stream()
                .map(DockerfileReader::toInstruction)
                .toList();
    }

    private static DockerInstruction toInstruction(Instruction instruction) {
        StringBuilder arguments = new StringBuilder(instruction.arguments());
        for (Heredoc heredoc : instruction.heredocs()) {
            arguments.append('\n').append(heredoc.body());
        }
        return new DockerInstruction(instruction.line(), instruction.keyword(), arguments.toString());
    }
}
