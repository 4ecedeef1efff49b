package dev.rebuildcauses.analysis.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Dockerfile instruction after joining its continuation lines.
 *
 * @param line first physical line, 1-based
 * @param endLine last physical line, including heredoc bodies
 * @param keyword the instruction upper-cased, e.g. {@code RUN}; unknown words are kept as written, upper-cased
 * @param arguments everything after the keyword, continuation lines joined with a space
 * @param flags the leading {@code --name=value} flags
 * @param operands the arguments after the flags
 * @param form JSON array or shell form
 * @param jsonArguments the array's strings for the JSON form, else empty
 * @param heredocs the here-documents the instruction opens, in order
 * @param stageIndex the stage it belongs to, {@code -1} before the first {@code FROM}
 * @param stageName that stage's name, {@code ""} when unnamed or before the first {@code FROM}
 * @param trigger for {@code ONBUILD}, the instruction it registers, else {@code null}
 * @param text the source text as written (all physical lines, heredoc bodies included)
 */
public record Instruction(
        int line,
        int endLine,
        String keyword,
        String arguments,
        List<InstructionFlag> flags,
        String operands,
        InstructionForm form,
        List<String> jsonArguments,
        List<Heredoc> heredocs,
        int stageIndex,
        String stageName,
        Instruction trigger,
        String text) {
    public Instruction {
        Objects.requireNonNull(keyword, "keyword");
        flags = List.copyOf(flags);
        jsonArguments = List.copyOf(jsonArguments);
        heredocs = List.copyOf(heredocs);
        stageName = stageName == null ? "" : stageName;
    }

    public boolean is(String name) {
        return keyword.equalsIgnoreCase(name);
    }

    /** The value of the first flag with this name, e.g. {@code flag("from")}. */
    public Optional<String> flag(String name) {
        return flags.stream()
                .filter(flag -> flag.name().equalsIgnoreCase(name))
                .map(InstructionFlag::value)
                .findFirst();
    }

    /** The values of every flag with this name, e.g. each {@code --mount}. */
    public List<String> flagValues(String name) {
        return flags.stream()
                .filter(flag -> flag.name().equalsIgnoreCase(name))
                .map(InstructionFlag::value)
                .toList();
    }

    public Optional<Instruction> onbuildTrigger() {
        return Optional.ofNullable(trigger);
    }

    /** Keyword, arguments and heredoc bodies with runs of whitespace collapsed: equal when the instruction builds the same. */
    public String normalized() {
        StringBuilder out = new StringBuilder(keyword).append(' ').append(collapse(arguments));
        for (Heredoc heredoc : heredocs) {
            out.append('\n').append(collapse(heredoc.body()));
        }
        return out.toString();
    }

    private static String collapse(String text) {
        return text.trim().replaceAll("\\s+", " ");
    }
}
