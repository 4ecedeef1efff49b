package dev.rebuildcauses.analysis.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.BuildClassifier;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.mine.CauseStats;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.FindingsMiner;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticHistoryTest {
    @Test
    void shouldGenerateTheSameHistoryForTheSameSeed() {
        // Given two histories from one seed and one from another
        List<BuildChanges> first = SyntheticHistory.generate(500, 7);
        List<BuildChanges> second = SyntheticHistory.generate(500, 7);
        List<BuildChanges> other = SyntheticHistory.generate(500, 8);

        // When comparing them, Then the same seed gives equal builds and ranges, another seed does not
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void shouldLookLikeTheSeedAnalysis() {
        // Given 20,000 synthetic builds, classified and mined
        List<BuildChanges> history = SyntheticHistory.generate(20_000, 42);
        BuildClassifier classifier = new BuildClassifier(RuleSet.defaults());
        List<ClassifiedBuild> classified =
                history.stream().map(classifier::classify).toList();
        Findings findings = FindingsMiner.mine(classified);
        Map<String, CauseStats> causes =
                findings.causes().stream().collect(Collectors.toMap(CauseStats::cause, Function.identity()));

        // Then builds average about 3 commits and 6 files over about 50 jobs
        double commits = history.stream()
                .mapToInt(b -> b.range().commits().size())
                .average()
                .orElseThrow();
        double files = history.stream()
                .mapToInt(b -> b.range().files().size())
                .average()
                .orElseThrow();
        assertThat(commits).isBetween(2.8, 3.2);
        assertThat(files).isBetween(5.5, 6.5);
        assertThat(findings.jobs()).hasSize(SyntheticHistory.JOBS);

        // And about half the builds are code-only, a tenth empty commits, environment builds the longest
        long codeOnly = classified.stream()
                .filter(b -> b.causes().equals(CauseSet.of("code")))
                .count();
        assertThat(codeOnly / (double) classified.size()).isBetween(0.45, 0.55);
        assertThat(findings.emptyCommitBuildsShare()).isBetween(0.08, 0.12);
        assertThat(causes.get("no-new-commit").buildsShare()).isBetween(0.03, 0.07);
        assertThat(causes.get("code").soloShare()).isBetween(0.7, 0.9);
        double environmentMean = causes.get("environment").meanMinutes();
        assertThat(findings.causes().stream()
                        .filter(row -> row.meanMinutes() != null && !row.cause().equals("first-build")))
                .allSatisfy(row -> assertThat(row.meanMinutes()).isLessThanOrEqualTo(environmentMean));
    }
}
