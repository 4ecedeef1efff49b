package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.harvest.model.TriggerCause;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Hand-made builds, ranges and commits for store tests. */
final class StoreFixtures {
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final TriggerCause PUSH =
            new TriggerCause("hudson.triggers.SCMTrigger$SCMTriggerCause", "Started by an SCM change", "");
    static final TriggerCause TIMER =
            new TriggerCause("hudson.triggers.TimerTrigger$TimerTriggerCause", "Started by timer", "");

    private StoreFixtures() {}

    static Commit commit(String id, String parent, int files) {
        return new Commit(id, List.of(parent), "alice", T0.minusSeconds(60), "change " + id, files);
    }

    static Build build(String job, long number, String revision, long minutesAfterT0) {
        return new Build(
                job,
                number,
                T0.plus(Duration.ofMinutes(minutesAfterT0)),
                Duration.ofSeconds(300 + number),
                "SUCCESS",
                "push",
                revision,
                "origin/main");
    }

    /** images/a: #1 first build at r1, #2 brings c2 (Dockerfile) + c3 (empty), #3 no new commit. */
    static List<StoredBuild> threeBuilds() {
        String job = "images/a";
        StoredBuild first = new StoredBuild(
                build(job, 1, "r1", 0), false, "file:///repo.git", List.of(PUSH), ChangeRange.firstBuild("r1"));
        StoredBuild second = new StoredBuild(
                build(job, 2, "c3", 60),
                false,
                "file:///repo.git",
                List.of(PUSH, TIMER),
                ChangeRange.resolved(
                        "r1",
                        "c3",
                        List.of(commit("c2", "r1", 2), commit("c3", "c2", 0)),
                        List.of(
                                FileChange.of(ChangeKind.MODIFY, "Dockerfile"),
                                new FileChange(ChangeKind.RENAME, "src/new.py", "src/old.py"))));
        StoredBuild third = new StoredBuild(
                build(job, 3, "c3", 120), false, "file:///repo.git", List.of(TIMER), ChangeRange.noNewCommit("c3"));
        return List.of(first, second, third);
    }
}
