package dev.rebuildcauses.analysis.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Dockerfile: its instructions in order, its stages, its parser directives and what
 * the parser could not make sense of.
 *
 * @param instructions every instruction, unknown ones included
 * @param warnings problems found, each with its line; empty for a clean parse
 * @param stages the build stages, one per {@code FROM}
 * @param directives parser directives such as {@code syntax} and {@code escape}, names lower-cased
 */
public record Dockerfile(
        List<Instruction> instructions,
        List<ParseWarning> warnings,
        List<Stage> stages,
        Map<String, String> directives) {
    public Dockerfile {
        instructions = List.copyOf(instructions);
        warnings = List.copyOf(warnings);
        stages = List.copyOf(stages);
        directives = Map.copyOf(directives);
    }

    public boolean isClean() {
        return warnings.isEmpty();
    }

    /** The stage a {@code --from} or {@code FROM} reference names, if it is a stage of this file. */
    public Optional<Stage> stage(String reference) {
        return stages.stream().filter(stage -> stage.isNamed(reference)).findFirst();
    }

    /** The instructions of one stage, its {@code FROM} first. */
    public List<Instruction> stageInstructions(int stageIndex) {
        return instructions.stream()
                .filter(instruction -> instruction.stageIndex() == stageIndex)
                .toList();
    }

    /** The {@code ARG}s before the first {@code FROM}. */
    public List<Instruction> globalArgs() {
        return stageInstructions(-1).stream().filter(i -> i.is("ARG")).toList();
    }

    public Optional<Stage> finalStage() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }

    /** The parser directives as lines to start a rewritten file with ({@code syntax} first), {@code ""} when none. */
    public String directiveLines() {
        StringBuilder lines = new StringBuilder();
        directives.entrySet().stream()
                .sorted((a, b) -> a.getKey().equals("syntax")
                        ? -1
                        : b.getKey().equals("syntax") ? 1 : a.getKey().compareTo(b.getKey()))
                .forEach(e -> lines.append("# ")
                        .append(e.getKey())
                        .append('=')
                        .append(e.getValue())
                        .append('\n'));
        return lines.toString();
    }
}
