package dev.rebuildcauses.analysis.dockerfile;

/**
 * One package named on an install command line.
 *
 * @param name the package name, e.g. {@code numpy} or {@code @scope/tool}
 * @param pin the version constraint as written, e.g. {@code ==1.26.4}, {@code =1.2-3}, {@code @18}; {@code ""} when unpinned
 */
public record PackageRef(String name, String pin) {
    public boolean isPinned() {
        return !pin.isEmpty();
    }

    @Override
    public String toString() {
        return name + pin;
    }
}
