package dev.rebuildcauses.analysis.chart;

import java.time.LocalDate;

/**
 * One instruction of the current Dockerfile in the stability strip.
 *
 * @param line its first line, 1-based
 * @param keyword e.g. {@code RUN}
 * @param summary the instruction on one line, abbreviated
 * @param changes how many revisions after the first added, edited or moved it
 * @param stable unchanged for the required time
 * @param lastChanged the day it last changed (UTC)
 */
public record StabilityCell(
        int line, String keyword, String summary, int changes, boolean stable, LocalDate lastChanged) {}
