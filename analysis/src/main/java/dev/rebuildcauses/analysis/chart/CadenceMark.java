package dev.rebuildcauses.analysis.chart;

import java.time.LocalDate;

/** The environment-changing builds of one job in one period (a day, or a week or month over long histories), by its first day. */
public record CadenceMark(LocalDate start, int changes) {}
