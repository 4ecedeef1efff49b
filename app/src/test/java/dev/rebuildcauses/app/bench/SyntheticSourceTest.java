package dev.rebuildcauses.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.synthetic.SyntheticHistory;
import dev.rebuildcauses.report.pages.BuildRanges;
import dev.rebuildcauses.report.pages.ReportIndex;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
import dev.rebuildcauses.report.pipeline.Report;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticSourceTest {
    @Test
    void shouldReadEveryBuildsRangeBackFromItsFileAsGenerated(@TempDir Path folder) throws Exception {
        // Given the benchmark's source of 2,000 synthetic builds
        SyntheticSource source = new SyntheticSource(2_000, 5, folder.resolve("ranges"));

        // When it is read and each build's range is looked up again
        Report report = source.read();
        BuildRanges ranges = source.ranges().orElseThrow();

        // Then every range equals the generated one, commits and files included
        List<BuildChanges> generated = SyntheticHistory.generate(2_000, 5);
        assertThat(report.builds()).hasSize(generated.size());
        for (BuildChanges build : generated) {
            assertThat(ranges.range(build.build())).contains(build.range());
        }
        ClassifiedBuild first = report.builds().get(0);
        assertThat(ranges.range(new dev.rebuildcauses.analysis.model.Build(
                        first.build().job(), -1, first.build().startedAt(), null, "", "", null, "")))
                .isEmpty();
    }

    @Test
    void shouldIndexJobByJobAsTheWholeHistoryReadAtOnce(@TempDir Path folder) throws Exception {
        // Given the benchmark's source of 2,000 synthetic builds
        SyntheticSource source = new SyntheticSource(2_000, 7, folder.resolve("ranges"));
        BuildExplainer rules = BuildExplainer.rulesOnly(RuleSet.defaults());

        // When it is indexed job by job from its file, and read whole then indexed
        ReportIndex jobByJob = source.index(rules);
        ReportIndex atOnce =
                ReportIndex.of(source.read(), rules, source.ranges().orElseThrow());

        // Then both hold the same builds, findings, advice and charts
        assertThat(jobByJob.buildCount()).isEqualTo(2_000);
        assertThat(jobByJob.builds()).containsExactlyElementsOf(atOnce.builds());
        assertThat(jobByJob.report()).isEqualTo(atOnce.report());
        assertThat(jobByJob.charts()).isEqualTo(atOnce.charts());
    }
}
