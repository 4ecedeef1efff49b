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
 * @param subject the Dockerfile the advice is about (its path in the repository), or {@code ""} when it is
 *     about the job as a whole: a job that builds two Dockerfiles gets a base-image advice for each
 */
public record Advice(
        String job,
        AdviceKind kind,
        Double savingHoursPerMonth,
        String evidence,
        String action,
        Map<String, String> proposals,
        Double savingBuildsPerMonth,
        String subject) {
    /** Advice without an estimate in builds, about the job as a whole. */
    public Advice(
            String job,
            AdviceKind kind,
            Double savingHoursPerMonth,
            String evidence,
            String action,
            Map<String, String> proposals) {
        this(job, kind, savingHoursPerMonth, evidence, action, proposals, null, "");
    }

    /** Advice about the job as a whole. */
    public Advice(
            String job,
            AdviceKind kind,
            Double savingHoursPerMonth,
            String evidence,
            String action,
            Map<String, String> proposals,
            Double savingBuildsPerMonth) {
        this(job, kind, savingHoursPerMonth, evidence, action, proposals, savingBuildsPerMonth, "");
    }

    public Advice {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(action, "action");
        proposals = Collections.unmodifiableMap(new LinkedHashMap<>(proposals));
        subject = subject == null ? "" : subject;
    }

    public boolean hasSaving() {
        return savingHoursPerMonth != null;
    }

    /** This advice with its saving counted in builds a month. */
    public Advice withSavingBuildsPerMonth(double builds) {
        return new Advice(job, kind, savingHoursPerMonth, evidence, action, proposals, builds, subject);
    }

    /** This advice about one Dockerfile of the job. */
    public Advice about(String dockerfile) {
        return new Advice(
                job, kind, savingHoursPerMonth, evidence, action, proposals, savingBuildsPerMonth, dockerfile);
    }

    /** The kind, and the Dockerfile when the advice is about one: {@code base-image for docker/Dockerfile.gpu}. */
    public String kindAndSubject() {
        return subject.isEmpty() ? kind.id() : kind.id() + " for " + subject;
    }
}
