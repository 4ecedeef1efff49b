package dev.rebuildcauses.analysis.dockerfile;

/**
 * A flag written before an instruction's operands, e.g. {@code --from=build} or {@code --mount=type=cache,target=/root/.cache}.
 *
 * @param name the flag name without dashes, e.g. {@code from}
 * @param value the value after {@code =}, {@code ""} for a bare flag such as {@code --link}
 */
public record InstructionFlag(String name, String value) {
    @Override
    public String toString() {
        return value.isEmpty() ? "--" + name : "--" + name + "=" + value;
    }
}
