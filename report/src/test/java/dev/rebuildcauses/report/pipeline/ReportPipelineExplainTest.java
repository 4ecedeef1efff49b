package dev.rebuildcauses.report.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ChangesOmitted;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import org.junit.jupiter.api.Test;

class ReportPipelineExplainTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void shouldExplainBuildsMadeOnDemandWithoutTheirCommitsUnlessTheyChangedNoFile() throws Exception {
        // Given builds made on demand: a first build, one changing a Dockerfile, an empty commit
        OnDemand builds = new OnDemand(List.of(
                new BuildChanges(build(1), ChangeRange.firstBuild("r1")),
                new BuildChanges(
                        build(2),
                        ChangeRange.resolved(
                                "r1",
                                "r2",
                                List.of(commit("r2", "r1", 1)),
                                List.of(FileChange.of(ChangeKind.MODIFY, "Dockerfile")))),
                new BuildChanges(
                        build(3), ChangeRange.resolved("r2", "r3", List.of(commit("r3", "r2", 0)), List.of()))));
        List<ChangeRange> explained = new ArrayList<>();
        BuildExplainer rules = BuildExplainer.rulesOnly(RuleSet.defaults());
        BuildExplainer recording = build -> {
            explained.add(build.range());
            return rules.explain(build);
        };

        // When the pipeline classifies them with an explainer
        Report report = ReportPipeline.of(RuleSet.defaults())
                .explaining(recording, false)
                .analyse(builds);

        // Then the build with files came without its commits, the empty commit whole, and the causes
        // are those of the whole builds: the empty commit is still told from no new commit
        assertThat(explained.get(1).commits()).isEmpty();
        assertThat(explained.get(1).files()).extracting(FileChange::path).containsExactly("Dockerfile");
        assertThat(explained.get(2).commits()).hasSize(1);
        assertThat(builds.withoutCommitsAsked).isEqualTo(3);
        assertThat(report.builds())
                .extracting(ClassifiedBuild::causes)
                .extracting(Object::toString)
                .containsExactly("first-build", "environment", "empty-commit");
    }

    private static Build build(long number) {
        return new Build(
                "images/a",
                number,
                T0.plusSeconds(number * 60),
                Duration.ofMinutes(5),
                "SUCCESS",
                "push",
                "r" + number,
                "main");
    }

    private static Commit commit(String id, String parent, int files) {
        return new Commit(id, List.of(parent), "alice", T0, "change " + id, files);
    }

    /** Builds made when asked for, leaving their commits out when asked to, counting how often. */
    private static final class OnDemand extends AbstractList<BuildChanges>
            implements RandomAccess, ChangesOmitted<BuildChanges> {
        private final List<BuildChanges> whole;
        int withoutCommitsAsked;

        OnDemand(List<BuildChanges> whole) {
            this.whole = whole;
        }

        @Override
        public BuildChanges get(int index) {
            return whole.get(index);
        }

        @Override
        public BuildChanges withoutChanges(int index) {
            return whole.get(index);
        }

        @Override
        public BuildChanges withoutCommits(int index) {
            withoutCommitsAsked++;
            BuildChanges build = whole.get(index);
            ChangeRange range = build.range();
            return range.status() == dev.rebuildcauses.analysis.model.RangeStatus.RESOLVED
                    ? new BuildChanges(
                            build.build(),
                            ChangeRange.resolved(range.fromRevision(), range.toRevision(), List.of(), range.files()))
                    : build;
        }

        @Override
        public int size() {
            return whole.size();
        }
    }
}
