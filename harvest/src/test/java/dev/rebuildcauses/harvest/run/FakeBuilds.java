package dev.rebuildcauses.harvest.run;

import dev.rebuildcauses.harvest.jenkins.BuiltRevision;
import dev.rebuildcauses.harvest.jenkins.JenkinsBuild;
import dev.rebuildcauses.harvest.model.TriggerCause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Jenkins builds for harvester tests, hand-made or generated from a fixed recipe. */
final class FakeBuilds {
    static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    static final TriggerCause SCM =
            new TriggerCause("hudson.triggers.SCMTrigger$SCMTriggerCause", "Started by an SCM change", "");
    static final TriggerCause TIMER =
            new TriggerCause("hudson.triggers.TimerTrigger$TimerTriggerCause", "Started by timer", "");
    static final String REPO = "https://bitbucket.example.com/scm/img/base.git";

    private FakeBuilds() {}

    static JenkinsBuild finished(String job, long number, String revision, String branch) {
        return new JenkinsBuild(
                job,
                number,
                T0.plus(Duration.ofHours(number)),
                Duration.ofSeconds(100 + number),
                "SUCCESS",
                false,
                List.of(number % 4 == 0 ? TIMER : SCM),
                revision == null ? List.of() : List.of(new BuiltRevision(revision, branch, List.of(REPO))),
                List.of());
    }

    static JenkinsBuild running(String job, long number, String revision, String branch) {
        return new JenkinsBuild(
                job,
                number,
                T0.plus(Duration.ofHours(number)),
                null,
                "",
                true,
                List.of(SCM),
                List.of(new BuiltRevision(revision, branch, List.of(REPO))),
                List.of());
    }

    /**
     * {@code count} builds of one job: main moves 0 to 2 commits per build (0 = a timer rebuild),
     * every seventh build is on a feature branch with its own history.
     */
    static List<JenkinsBuild> generated(String job, int count) {
        List<JenkinsBuild> out = new ArrayList<>();
        int main = 0;
        int feature = 0;
        for (int n = 1; n <= count; n++) {
            if (n % 7 == 0) {
                feature += 1;
                out.add(finished(job, n, job.replace('/', '_') + "-f-" + feature, "origin/feature"));
            } else {
                main += (n * 5) % 3;
                out.add(finished(job, n, job.replace('/', '_') + "-m-" + main, "origin/main"));
            }
        }
        return out;
    }

    /** Labels causes the simple way tests need: the simple class name of the first cause. */
    static String label(List<TriggerCause> causes) {
        if (causes.isEmpty()) {
            return "";
        }
        String name = causes.get(0).className();
        return name.substring(name.lastIndexOf('$') + 1);
    }
}
