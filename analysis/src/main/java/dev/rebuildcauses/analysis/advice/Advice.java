package dev.rebuildcauses.analysis.advice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One piece of advice for a job.
 *
 * @param job the job it is for
 * @param kind what it advises
 * @param savingHoursPerMonth estimated build hours saved per month, {@code null} when the builds have no durations
 * @param evidence the numbers and findings that support it
 * @param action what to do
 * @param proposals proposed files, relative path (e.g. {@code Dockerfile.base}) to content, in order; often empty
 * @param savingBuildsPerMonth the same estimate counted in builds rather than hours: builds avoided a month, a
 *     build made shorter counting as the share of it saved; {@code null} when not estimated
 */
public record Advice(
        String job,
        AdviceKind kind,
        Double savingHoursPerMonth,
        String evidence,
        String action,
        Map<String, String> proposals,
        Double savingBuildsPerMonth) {
    /** Advice without an estimate in builds. */
    public Advice(
            String job,
            AdviceKind kind,
            Double savingHoursPerMonth,
            String evidence,
            String action,
            Map<String, String> proposals) {
        this(job, kind, savingHoursPerMonth, evidence, action, proposals, null);
    }

    public Advice {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(action, "action");
        proposals = Collections.unmodifiableMap(new LinkedHashMap<>(proposals));
    }

    public boolean hasSaving() {
        return savingHoursPerMonth != null;
    }

    /** This advice with its saving counted in builds a month. */
    public Advice withSavingBuildsPerMonth(double builds) {
        return new Advice(job, kind, savingHoursPerMonth, evidence, action, proposals, builds);
    }
}
