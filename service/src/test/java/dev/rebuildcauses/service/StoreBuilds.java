package dev.rebuildcauses.service;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.model.BuildJob;
import dev.rebuildcauses.harvest.model.TriggerCause;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.harvest.store.StoredBuild;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A generated history of a few jobs, one build an hour back from {@link #END}, saved into a store. */
final class StoreBuilds {
    static final Instant END = Instant.parse("2026-12-04T12:00:00Z");
    /** A job name a spreadsheet would run as a formula. */
    static final String FORMULA_JOB = "=HYPERLINK(\"http://evil.example\",\"x\")";

    static final List<String> JOBS = List.of("images/a", "images/b", "tools/x", FORMULA_JOB);

    private static final TriggerCause PUSH =
            new TriggerCause("hudson.triggers.SCMTrigger$SCMTriggerCause", "Started by an SCM change", "");

    private StoreBuilds() {}

    /** {@code perJob} builds of each of {@link #JOBS}, the last of each starting at {@link #END}. */
    static List<StoredBuild> history(int perJob) {
        List<StoredBuild> all = new ArrayList<>();
        for (int j = 0; j < JOBS.size(); j++) {
            all.addAll(job(JOBS.get(j), j, perJob));
        }
        return all;
    }

    static void save(String jdbcUrl, List<StoredBuild> builds) throws HarvestException {
        try (BuildStore store = BuildStore.open(jdbcUrl)) {
            for (String job : JOBS) {
                List<StoredBuild> ofJob = builds.stream()
                        .filter(build -> build.build().job().equals(job))
                        .toList();
                store.saveJob(new BuildJob(job, "http://ci/job/" + job.hashCode() + "/", ""));
                store.save(job, ofJob, ofJob.size());
            }
        }
    }

    private static List<StoredBuild> job(String job, int jobIndex, int count) {
        List<StoredBuild> builds = new ArrayList<>();
        String previous = null;
        for (int number = 1; number <= count; number++) {
            Instant started = END.minus(Duration.ofHours(count - number));
            String revision = "j" + jobIndex + "c" + number;
            ChangeRange range;
            if (previous == null) {
                range = ChangeRange.firstBuild(revision);
            } else if (number % 5 == 0) {
                revision = previous;
                range = ChangeRange.noNewCommit(revision);
            } else {
                List<FileChange> files = new ArrayList<>();
                if (number % 7 != 0) {
                    files.add(FileChange.of(ChangeKind.MODIFY, "src/app.py"));
                }
                if (number % 10 == 1) {
                    files.add(FileChange.of(ChangeKind.MODIFY, "Dockerfile"));
                }
                if (number % 13 == 0) {
                    files.add(FileChange.of(ChangeKind.MODIFY, "requirements.txt"));
                }
                Commit commit = new Commit(
                        revision,
                        List.of(previous),
                        "alice",
                        started.minusSeconds(60),
                        "-change " + number,
                        files.size());
                range = ChangeRange.resolved(previous, revision, List.of(commit), files);
            }
            Build build = new Build(
                    job,
                    number,
                    started,
                    Duration.ofSeconds(300 + (number * 37L) % 900),
                    "SUCCESS",
                    "push",
                    revision,
                    "origin/main");
            builds.add(new StoredBuild(build, false, "file:///repo.git", List.of(PUSH), range));
            previous = revision;
        }
        return builds;
    }
}
