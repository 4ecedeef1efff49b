package dev.rebuildcauses.analysis.mine;

import java.time.LocalDate;

/** Builds (and hours, {@code null} without durations) of one cause in one ISO week starting on {@code weekStart} (a Monday, UTC). */
public record WeeklyCauseCount(LocalDate weekStart, String cause, long builds, Double hours) {}
