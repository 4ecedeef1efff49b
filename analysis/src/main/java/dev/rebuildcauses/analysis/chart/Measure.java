package dev.rebuildcauses.analysis.chart;

/** What a chart counts: build hours, or builds when no build has a known duration. */
public enum Measure {
    HOURS("build hours"),
    BUILDS("builds");

    private final String label;

    Measure(String label) {
        this.label = label;
    }

    /** The unit as an axis shows it, e.g. {@code build hours}. */
    public String label() {
        return label;
    }
}
