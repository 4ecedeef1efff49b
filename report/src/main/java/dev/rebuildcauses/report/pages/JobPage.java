package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.report.view.AdviceCard;
import dev.rebuildcauses.report.view.BuildRow;
import dev.rebuildcauses.report.view.CauseBadge;
import dev.rebuildcauses.report.view.CauseRow;
import java.util.List;

/**
 * One job: its causes, trend, combinations, Dockerfile stability, advice with proposed files, its builds.
 *
 * @param summary one line: builds, hours, period
 * @param causes as causes.csv for this job
 * @param combinations as combinations.csv for this job
 * @param charts the job's charts (weekly trend, stability strip) when drawn
 * @param stability each Dockerfile's instructions with how stable they are
 * @param advice the job's advice, most saved first
 * @param builds one page of its builds, newest first
 * @param pages links to the other pages of builds
 * @param downloads the CSV downloads of the job's tables
 */
public record JobPage(
        PageFrame frame,
        String job,
        String summary,
        List<CauseRow> causes,
        List<Combination> combinations,
        List<ChartImage> charts,
        List<Dockerfile> stability,
        List<AdviceCard> advice,
        List<BuildRow> builds,
        List<PageLink> pages,
        List<PageLink> downloads) {
    public JobPage {
        causes = List.copyOf(causes);
        combinations = List.copyOf(combinations);
        charts = List.copyOf(charts);
        stability = List.copyOf(stability);
        advice = List.copyOf(advice);
        builds = List.copyOf(builds);
        pages = List.copyOf(pages);
        downloads = List.copyOf(downloads);
    }

    /** One exact combination of causes (exclusive), as combinations.csv. */
    public record Combination(List<CauseBadge> causes, String key, long builds, String hours) {
        public Combination {
            causes = List.copyOf(causes);
        }
    }

    /** A Dockerfile's stability strip: one cell per instruction, in order. */
    public record Dockerfile(String path, int revisions, List<Instruction> instructions) {
        public Dockerfile {
            instructions = List.copyOf(instructions);
        }
    }

    /** One instruction: its line, text, changes, when it last changed, and whether it counts as stable. */
    public record Instruction(int line, String text, int changes, String lastChanged, boolean stable) {
        public String cssClass() {
            return stable ? "stable" : "changing";
        }
    }
}
