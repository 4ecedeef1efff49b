package dev.rebuildcauses.analysis.dockerfile;

/**
 * A build stage: what one {@code FROM} starts.
 *
 * @param index 0-based position among the stages
 * @param name the name given by {@code AS name}, {@code ""} when unnamed
 * @param baseImage the image or stage it starts from, as written (variables unexpanded)
 * @param line the physical line of its {@code FROM}
 */
public record Stage(int index, String name, String baseImage, int line) {
    /** True when {@code reference} (a stage name or index as written in {@code --from}) names this stage. */
    public boolean isNamed(String reference) {
        return (!name.isEmpty() && name.equalsIgnoreCase(reference))
                || Integer.toString(index).equals(reference);
    }
}
