package dev.rebuildcauses.analysis.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Says in a few words what an instruction installs or copies, as the advisor sees it. */
public final class InstructionDescriber {
    private InstructionDescriber() {}

    /** E.g. {@code installs pip: numpy==1.26; brings code: .} or {@code ""} when there is nothing to say. */
    public static String describe(Instruction instruction) {
        List<String> parts = new ArrayList<>();
        for (DependencyInstall install : InstallRecognizer.installs(instruction)) {
            parts.add("installs " + install.describe());
        }
        Optional<CopyInstruction> copy = CopyClassifier.classify(instruction);
        if (copy.isPresent()) {
            for (SourceKind kind : SourceKind.values()) {
                String sources = copy.get().sources().stream()
                        .filter(source -> source.kind() == kind)
                        .map(CopySource::path)
                        .collect(Collectors.joining(", "));
                if (!sources.isEmpty()) {
                    parts.add(label(kind, instruction) + ": " + sources);
                }
            }
        }
        for (CopySource bound : CopyClassifier.boundSources(instruction)) {
            parts.add(
                    switch (bound.kind()) {
                        case DEPENDENCY_MANIFEST -> "mounts dependency manifests: " + bound.path();
                        case OTHER_STAGE -> "mounts from another stage: " + bound.path();
                        default -> "mounts code: " + bound.path();
                    });
        }
        if (instruction.is("FROM")) {
            String[] words = instruction.operands().strip().split("\\s+");
            parts.add("stage " + instruction.stageIndex()
                    + (instruction.stageName().isEmpty() ? "" : " '" + instruction.stageName() + "'")
                    + " from " + words[0]);
        }
        instruction.onbuildTrigger().ifPresent(trigger -> {
            String inner = describe(trigger);
            parts.add("on build of a child image: " + trigger.keyword() + (inner.isEmpty() ? "" : " (" + inner + ")"));
        });
        return String.join("; ", parts);
    }

    private static String label(SourceKind kind, Instruction instruction) {
        return switch (kind) {
            case DEPENDENCY_MANIFEST -> "brings dependency manifests";
            case CODE -> "brings code";
            case OTHER_STAGE -> "copies from " + instruction.flag("from").orElse("another stage");
            case REMOTE -> "downloads";
            case INLINE -> "writes inline";
        };
    }
}
