package dev.rebuildcauses.analysis.chart;

import java.time.LocalDate;

/** The environment-changing builds of one job in one day (or one week, over long histories). */
public record CadenceMark(LocalDate start, int changes) {}
