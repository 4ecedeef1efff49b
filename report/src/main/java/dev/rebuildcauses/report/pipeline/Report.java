package dev.rebuildcauses.report.pipeline;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.classify.FileVerdict;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.model.ClassifiedBuilds;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline made of a set of builds: every host (the command line, the dashboard, the plugin)
 * shows or writes these values and nothing else.
 *
 * @param builds the classified builds, in the order they were given
 * @param findings what was mined from them
 * @param summary the findings in plain sentences (the last one is the data quality)
 * @param advice every job's advice, ranked within its job; empty without the advisor
 * @param adviceText the advice as text lines (advice.txt)
 * @param dockerfiles per job, its built Dockerfiles as the advisor saw them; empty without the advisor
 * @param explained for the most recent builds only, every changed file's cause and reason, by
 *     {@link BuildKey}; empty when the pipeline did not explain
 * @param advisor the advisor's assumptions, {@code null} when the pipeline gave no advice
 */
public record Report(
        List<ClassifiedBuild> builds,
        Findings findings,
        List<String> summary,
        List<Advice> advice,
        List<String> adviceText,
        List<JobDockerfiles> dockerfiles,
        Map<BuildKey, List<FileVerdict>> explained,
        AdvisorSettings advisor) {
    public Report {
        // classified builds made on demand stay so: a copy would make a million of them at once
        builds = builds instanceof ClassifiedBuilds classified ? classified : List.copyOf(builds);
        summary = List.copyOf(summary);
        advice = List.copyOf(advice);
        adviceText = List.copyOf(adviceText);
        dockerfiles = List.copyOf(dockerfiles);
        explained = Map.copyOf(explained);
    }

    /** Whether the files of recent builds were explained one by one. */
    public boolean isExplained() {
        return !explained.isEmpty();
    }
}
