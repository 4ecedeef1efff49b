package dev.rebuildcauses.report.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.BuildClassifier;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.BuildSummary;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.synthetic.SyntheticHistory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildTableTest {
    @Test
    void shouldGiveBackEveryBuildAsItsSummaryWhateverShapeItsRevisionHas() {
        BuildClassifier classifier = new BuildClassifier(RuleSet.defaults());
        List<ClassifiedBuild> builds = new ArrayList<>();
        for (BuildChanges changes : SyntheticHistory.generate(3_000, 5)) {
            builds.add(classifier.classify(changes));
        }
        // revisions the pool cannot pack stay texts: upper case, abbreviated, none at all
        builds.add(withRevision(builds.get(0), "0123456789ABCDEF0123456789ABCDEF01234567"));
        builds.add(withRevision(builds.get(1), "abc1234"));
        builds.add(withRevision(builds.get(2), null));

        BuildTable table = BuildTable.of(builds);

        assertThat(table.size()).isEqualTo(builds.size());
        for (int row = 0; row < builds.size(); row++) {
            assertThat(table.summary(row)).isEqualTo(BuildSummary.of(builds.get(row)));
        }
        assertThat(builds.get(10).build().revision())
                .as("the synthetic history names full git revisions, which the pool packs")
                .matches("[0-9a-f]{40}");
    }

    private static ClassifiedBuild withRevision(ClassifiedBuild classified, String revision) {
        Build build = classified.build();
        Build changed = new Build(
                build.job(),
                build.number() + 1_000_000,
                build.startedAt(),
                build.duration(),
                build.result(),
                build.trigger(),
                revision,
                build.branch());
        return new ClassifiedBuild(changed, classified.range(), classified.causes());
    }
}
