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

    /**
     * What the {@code RUN --mount=type=bind} mounts of an instruction bring from the build context
     * (source {@code .} when not given) or from another stage ({@code from=}); empty for other mounts.
     */
    public static List<CopySource> boundSources(Instruction instruction) {
        List<CopySource> sources = new ArrayList<>();
        if (!instruction.is("RUN")) {
            return sources;
        }
        for (String mount : instruction.flagValues("mount")) {
            String type = "bind";
            String source = ".";
            boolean fromStage = false;
            for (String option : mount.split(",")) {
                String[] pair = option.split("=", 2);
                String value = pair.length > 1 ? pair[1] : "";
                switch (pair[0].strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "type" -> type = value;
                    case "source", "src" -> source = value;
                    case "from" -> fromStage = true;
                    default -> {}
                }
            }
            if (type.equals("bind")) {
                sources.add(new CopySource(source, kind(source, fromStage)));
            }
        }
        return sources;
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
