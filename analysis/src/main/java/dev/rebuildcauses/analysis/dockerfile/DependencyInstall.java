package dev.rebuildcauses.analysis.dockerfile;

import java.util.List;

/**
 * A dependency install found in a {@code RUN} instruction.
 *
 * @param manager the installer
 * @param packages the packages named on the command line, with their pins
 * @param manifests the files it installs from, e.g. {@code requirements.txt}, {@code environment.yml}, {@code package.json}
 * @param localProject true when it installs the project itself from the build context ({@code pip install .})
 */
public record DependencyInstall(
        PackageManager manager, List<PackageRef> packages, List<String> manifests, boolean localProject) {
    public DependencyInstall {
        packages = List.copyOf(packages);
        manifests = List.copyOf(manifests);
    }

    /** One line for people, e.g. {@code pip: numpy==1.26, pandas; from requirements.txt}. */
    public String describe() {
        StringBuilder out = new StringBuilder(manager.label()).append(':');
        if (!packages.isEmpty()) {
            out.append(' ')
                    .append(String.join(
                            ", ", packages.stream().map(PackageRef::toString).toList()));
        }
        if (!manifests.isEmpty()) {
            out.append(packages.isEmpty() ? " " : "; ").append("from ").append(String.join(", ", manifests));
        }
        if (localProject) {
            out.append(packages.isEmpty() && manifests.isEmpty() ? " " : "; ").append("the project itself");
        }
        if (packages.isEmpty() && manifests.isEmpty() && !localProject) {
            out.append(" (nothing named)");
        }
        return out.toString();
    }
}
