package dev.rebuildcauses.analysis.dockerfile;

/** The installers the advisor recognises in {@code RUN} instructions. */
public enum PackageManager {
    APT("apt"),
    APK("apk"),
    YUM("yum/dnf"),
    PIP("pip"),
    CONDA("conda"),
    NPM("npm"),
    YARN("yarn"),
    R("R"),
    GO("go");

    private final String label;

    PackageManager(String label) {
        this.label = label;
    }

    /** A short name for people, e.g. {@code pip}. */
    public String label() {
        return label;
    }

    /** True for installers of the operating system's packages rather than of a language's libraries. */
    public boolean isSystem() {
        return this == APT || this == APK || this == YUM;
    }
}
