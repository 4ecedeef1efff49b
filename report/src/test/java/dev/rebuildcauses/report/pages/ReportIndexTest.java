package dev.rebuildcauses.report.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.BuildSummary;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.synthetic.SyntheticHistory;
import dev.rebuildcauses.report.csv.CsvReportWriter;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
import dev.rebuildcauses.report.pipeline.Report;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import dev.rebuildcauses.report.view.Rows;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The compact index shows exactly what the report's full builds would: same rows, same CSV, same files. */
class ReportIndexTest {
    private static Report report;
    private static ReportIndex index;
    private static final AtomicInteger LOOKUPS = new AtomicInteger();

    @BeforeAll
    static void indexASyntheticHistoryWithoutItsRanges() throws Exception {
        report = ReportPipeline.of(RuleSet.defaults()).analyse(SyntheticHistory.generate(3_000, 11));
        BuildRanges inMemory = BuildRanges.inMemory(report.builds());
        index = ReportIndex.of(report, BuildExplainer.rulesOnly(RuleSet.defaults()), build -> {
            LOOKUPS.incrementAndGet();
            return inMemory.range(build);
        });
    }

    @Test
    void shouldKeepEveryBuildAsItsSummaryInTheReportsOrder() {
        List<BuildSummary> kept = index.builds();

        assertThat(index.buildCount()).isEqualTo(report.builds().size());
        assertThat(index.report().builds()).isEmpty();
        assertThat(kept)
                .containsExactlyElementsOf(
                        report.builds().stream().map(BuildSummary::of).toList());
    }

    @Test
    void shouldShowTheSameBuildRowsAndCsvAsTheFullBuilds() throws Exception {
        for (ClassifiedBuild build : report.builds().subList(0, 300)) {
            BuildSummary summary =
                    index.build(build.build().job(), build.build().number()).orElseThrow();
            assertThat(Rows.build(summary)).isEqualTo(Rows.build(build, null));
        }
        StringWriter full = new StringWriter();
        CsvReportWriter.writeBuilds(report.builds(), full);
        StringWriter compact = new StringWriter();
        CsvReportWriter.writeBuildSummaries(index.builds(), compact);

        assertThat(compact.toString()).isEqualTo(full.toString());
    }

    @Test
    void shouldListACausesBuildsNewestFirstAndMineEachJobAsBefore() {
        String cause = index.causes().get(0);
        List<BuildSummary> expected = report.builds().stream()
                .filter(build -> build.has(cause))
                .sorted(Comparator.comparing((ClassifiedBuild b) -> b.build().startedAt())
                        .thenComparing(b -> b.build().job())
                        .thenComparingLong(b -> b.build().number())
                        .reversed())
                .map(BuildSummary::of)
                .toList();

        assertThat(index.buildsWith(cause)).containsExactlyElementsOf(expected);
        ReportIndex full = ReportIndex.of(report, BuildExplainer.rulesOnly(RuleSet.defaults()));
        index.jobs().forEach((job, entry) -> assertThat(entry.findings())
                .isEqualTo(full.jobs().get(job).findings()));
    }

    @Test
    void shouldReadOneBuildsRangeFromItsSourceForItsFiles() throws Exception {
        ClassifiedBuild build = report.builds().get(report.builds().size() / 2);
        BuildSummary summary =
                index.build(build.build().job(), build.build().number()).orElseThrow();
        int before = LOOKUPS.get();

        var range = index.range(summary);

        assertThat(LOOKUPS.get()).isEqualTo(before + 1);
        assertThat(range).isEqualTo(build.range());
        assertThat(index.files(summary.build(), range))
                .isEqualTo(BuildExplainer.rulesOnly(RuleSet.defaults())
                        .explain(new BuildChanges(build.build(), build.range()))
                        .files());
    }

    @Test
    void shouldSayWhichBuildsRangeIsGone() {
        ReportIndex forgetful =
                ReportIndex.of(report, BuildExplainer.rulesOnly(RuleSet.defaults()), build -> Optional.empty());
        BuildSummary summary = forgetful.builds().get(0);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> forgetful.range(summary))
                .isInstanceOf(BuildRangeException.class)
                .hasMessageContaining(
                        summary.build().job() + " #" + summary.build().number());
    }
}
