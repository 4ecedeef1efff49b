package dev.rebuildcauses.analysis.advice;

/** The kinds of advice the layering advisor gives, each with the identifier written to advice.csv. */
public enum AdviceKind {
    SHIP_CODE_SEPARATELY("ship-code-separately"),
    BASE_IMAGE("base-image"),
    REORDER_CACHE("reorder-cache"),
    REPLACE_EMPTY_COMMITS("replace-empty-commits"),
    SKIP_DOCS_AND_CI("skip-docs-and-ci"),
    FAST_PATH_WHAT_IF("fast-path-what-if");

    private final String id;

    AdviceKind(String id) {
        this.id = id;
    }

    /** The stable identifier of the CSV exports, e.g. {@code base-image}. */
    public String id() {
        return id;
    }
}
