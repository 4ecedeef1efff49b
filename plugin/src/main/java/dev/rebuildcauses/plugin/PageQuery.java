package dev.rebuildcauses.plugin;

/**
 * Which page of the plugin a request asks for: the overview, a job, one build of a job, or a cause.
 *
 * @param job a job's full name, or {@code ""}
 * @param build a build number of {@code job}, or 0
 * @param cause a cause, or {@code ""}
 */
public record PageQuery(String job, long build, String cause) {
    public PageQuery {
        job = job == null ? "" : job;
        cause = cause == null ? "" : cause;
    }

    public static PageQuery overview() {
        return new PageQuery("", 0, "");
    }

    public static PageQuery ofJob(String job) {
        return new PageQuery(job, 0, "");
    }

    /** The query of a request's {@code job}, {@code build} and {@code cause} parameters (each may be null). */
    public static PageQuery parse(String job, String build, String cause) {
        long number = 0;
        try {
            number = build == null || build.isBlank() ? 0 : Long.parseLong(build.trim());
        } catch (NumberFormatException ignored) {
            number = 0; // a mistyped number shows the job
        }
        return new PageQuery(job, number, cause);
    }

    public boolean isJob() {
        return !job.isEmpty() && build == 0;
    }

    public boolean isBuild() {
        return !job.isEmpty() && build > 0;
    }

    public boolean isCause() {
        return job.isEmpty() && !cause.isEmpty();
    }
}
