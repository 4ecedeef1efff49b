package dev.rebuildcauses.report.html;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small build histories for report tests: one build per step, each changing the given files. */
final class Histories {
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private Histories() {}

    /** A job whose builds change, in turn, the files of {@code steps} (an empty step is an empty commit). */
    static List<BuildChanges> job(String job, String message, List<List<String>> steps) {
        List<BuildChanges> builds = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < steps.size(); i++) {
            String revision =
                    String.format("%040x", (long) job.hashCode() * 1000 + i).replace('-', 'f');
            Build build = new Build(
                    job,
                    i + 1,
                    START.plus(Duration.ofHours(13L * i)),
                    Duration.ofMinutes(10 + 5L * (i % 4)),
                    "SUCCESS",
                    "push",
                    revision,
                    "main");
            if (previous == null) {
                builds.add(new BuildChanges(build, ChangeRange.firstBuild(revision)));
            } else {
                List<FileChange> files = steps.get(i).stream()
                        .map(path -> FileChange.of(ChangeKind.MODIFY, path))
                        .toList();
                Commit commit = new Commit(
                        revision, List.of(previous), "dev <dev@example.com>", build.startedAt(), message, files.size());
                builds.add(new BuildChanges(build, ChangeRange.resolved(previous, revision, List.of(commit), files)));
            }
            previous = revision;
        }
        return builds;
    }

    /** A job with a realistic mix: code most often, the Dockerfile now and then, docs, CI and empty commits. */
    static List<BuildChanges> mixed(String job, String message) {
        List<List<String>> steps = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            steps.add(
                    switch (i % 8) {
                        case 1, 2, 4, 6 -> List.of("src/app/main.py");
                        case 3 -> List.of("Dockerfile");
                        case 5 -> List.of("README.md");
                        case 7 -> List.of();
                        default -> List.of("src/app/main.py", "Jenkinsfile");
                    });
        }
        return job(job, message, steps);
    }
}
