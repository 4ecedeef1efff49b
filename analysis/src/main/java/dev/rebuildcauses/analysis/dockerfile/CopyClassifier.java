package dev.rebuildcauses.analysis.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Classifies the sources of {@code COPY} and {@code ADD}: code, dependency manifests, another stage, remote, inline. */
public final class CopyClassifier {
    private static final Pattern REMOTE = Pattern.compile("(?i)(https?|ftp|git|ssh)://.*|git@.*");
    private static final Pattern HEREDOC_SOURCE = Pattern.compile("<<-?[\"']?[A-Za-z_][A-Za-z0-9_.-]*[\"']?");

    private CopyClassifier() {}

    /** The classified copy, or empty when the instruction is not a {@code COPY} or {@code ADD}. */
    public static Optional<CopyInstruction> classify(Instruction instruction) {
        if (!instruction.is("COPY") && !instruction.is("ADD")) {
            return Optional.empty();
        }
        List<String> words = instruction.form() == InstructionForm.JSON
                ? instruction.jsonArguments()
                : List.of(
                        instruction.operands().isBlank()
                                ? new String[0]
                                : instruction.operands().strip().split("\\s+"));
        if (words.isEmpty()) {
            return Optional.of(new CopyInstruction(instruction, List.of(), ""));
        }
        boolean fromStage = instruction.flag("from").isPresent();
        String destination = words.size() > 1 ? words.get(words.size() - 1) : "";
        List<String> sources = words.size() > 1 ? words.subList(0, words.size() - 1) : words;
        List<CopySource> classified = new ArrayList<>();
        for (String source : sources) {
            classified.add(new CopySource(source, kind(source, fromStage)));
        }
        return Optional.of(new CopyInstruction(instruction, classified, destination));
    }

    private static SourceKind kind(String source, boolean fromStage) {
        if (fromStage) {
            return SourceKind.OTHER_STAGE;
        }
        if (HEREDOC_SOURCE.matcher(source).matches()) {
            return SourceKind.INLINE;
        }
        if (REMOTE.matcher(source).matches()) {
            return SourceKind.REMOTE;
        }
        return DependencyManifests.isManifest(source) ? SourceKind.DEPENDENCY_MANIFEST : SourceKind.CODE;
    }
}
