package dev.rebuildcauses.analysis.mine;

import java.util.List;

/** The findings in plain sentences with their numbers. CONTRACT STUB: the core helper implements it. */
public final class SummaryWriter {
    private SummaryWriter() {}

    public static List<String> sentences(Findings findings) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
