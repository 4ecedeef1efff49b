package dev.rebuildcauses.simulator.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generated, deterministic history of image builds: Jenkins items with their builds and the
 * Bitbucket repositories behind them, with causes mixed and timed like the seed analysis.
 */
public final class SimulatedHistory {
    /** The simulated "now": the end of the generated history. */
    public static final Instant END = Instant.parse("2026-11-15T00:00:00Z");

    private final long seed;
    private final List<SimulatedJob> roots;
    private final Map<String, SimulatedRepository> repositories;
    private final String sharedLibraryKey;

    SimulatedHistory(
            long seed,
            List<SimulatedJob> roots,
            Map<String, SimulatedRepository> repositories,
            String sharedLibraryKey) {
        this.seed = seed;
        this.roots = List.copyOf(roots);
        this.repositories = Map.copyOf(repositories);
        this.sharedLibraryKey = sharedLibraryKey;
    }

    /**
     * Generates a history of about {@code targetBuilds} builds over six months.
     *
     * @param seed the same seed gives the same history
     * @param targetBuilds total builds over all jobs (at least a hundred)
     */
    public static SimulatedHistory generate(long seed, int targetBuilds) {
        return new HistoryGenerator(seed, Math.max(100, targetBuilds), 183).generate();
    }

    public long seed() {
        return seed;
    }

    /** The top-level items, in name order. */
    public List<SimulatedJob> roots() {
        return roots;
    }

    /** Every buildable job, depth first in name order. */
    public List<SimulatedJob> buildableJobs() {
        List<SimulatedJob> jobs = new ArrayList<>();
        collect(roots, jobs);
        return jobs;
    }

    private static void collect(List<SimulatedJob> items, List<SimulatedJob> into) {
        for (SimulatedJob item : items) {
            if (item.kind().isContainer()) {
                collect(item.children(), into);
            } else {
                into.add(item);
            }
        }
    }

    public int buildCount() {
        return buildableJobs().stream().mapToInt(job -> job.builds().size()).sum();
    }

    /** The repository {@code PROJ/slug}, matched without regard to case as Bitbucket does. */
    public Optional<SimulatedRepository> repository(String projectKey, String slug) {
        return repositories.values().stream()
                .filter(r ->
                        r.projectKey().equalsIgnoreCase(projectKey) && r.slug().equalsIgnoreCase(slug))
                .findFirst();
    }

    public Optional<SimulatedRepository> repository(String key) {
        return Optional.ofNullable(repositories.get(key));
    }

    public List<SimulatedRepository> repositories() {
        return repositories.values().stream()
                .sorted((a, b) -> a.key().compareTo(b.key()))
                .toList();
    }

    /** The shared Jenkins pipeline library every pipeline loads (its own BuildData action). */
    public SimulatedRepository sharedLibrary() {
        return repositories.get(sharedLibraryKey);
    }

    /**
     * A commit to make disappear (as after a force-push): the revision of a finished push build in
     * the middle of a job whose next build is a push build too, so exactly two builds lose their range.
     */
    public GoneCommit goneCommitCandidate() {
        for (SimulatedJob job : buildableJobs()) {
            List<SimulatedBuild> builds = job.builds();
            for (int i = builds.size() / 2; i + 1 < builds.size(); i++) {
                SimulatedBuild build = builds.get(i);
                SimulatedBuild next = builds.get(i + 1);
                SimulatedBuild previous = builds.get(i - 1);
                if (!build.building()
                        && !next.building()
                        && !build.changeLog().isEmpty()
                        && !next.changeLog().isEmpty()
                        && !previous.revision().equals(build.revision())
                        && !next.revision().equals(build.revision())) {
                    return new GoneCommit(job.fullName(), build.number(), next.number(), build.revision());
                }
            }
        }
        throw new IllegalStateException("no build fits a force-push");
    }

    /** A commit gone after a force-push, and the two builds whose ranges name it. */
    public record GoneCommit(String job, long buildNumber, long nextBuildNumber, String commitId) {}
}
