package dev.rebuildcauses.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.app.StoreReports;
import dev.rebuildcauses.harvest.config.ConfigLoader;
import dev.rebuildcauses.report.pages.ReportIndex;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard reads a store one job at a time into the same snapshot as the store read whole. */
class StoreIndexByJobTest {
    @Test
    void shouldIndexAStoreJobByJobAsItsWholeReport(@TempDir Path folder) throws Exception {
        // Given a store of 1,500 synthetic builds over 50 jobs
        Path config = SyntheticStore.create(folder, 1_500, 3, written -> {});
        List<String> warnings = new ArrayList<>();
        StoreReports store =
                StoreReports.of(new ConfigLoader().load(config), AdvisorSettings.defaults(), warnings::add);
        BuildExplainer rules = BuildExplainer.rulesOnly(RuleSet.defaults());

        // When it is indexed job by job, and read whole then indexed
        ReportIndex jobByJob = store.index(rules);
        ReportIndex whole = ReportIndex.of(store.read(), rules, store.ranges().orElseThrow());

        // Then both hold the same builds in the same order, findings, advice and charts
        assertThat(jobByJob.buildCount()).isEqualTo(1_500);
        assertThat(jobByJob.builds()).containsExactlyElementsOf(whole.builds());
        assertThat(jobByJob.report()).isEqualTo(whole.report());
        assertThat(jobByJob.charts()).isEqualTo(whole.charts());
        whole.jobs().forEach((job, entry) -> {
            assertThat(jobByJob.jobs().get(job).findings()).isEqualTo(entry.findings());
            assertThat(jobByJob.jobs().get(job).advice()).isEqualTo(entry.advice());
        });
        var build = whole.builds().get(700);
        assertThat(jobByJob.range(build)).isEqualTo(whole.range(build));
    }
}
