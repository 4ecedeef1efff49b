package dev.rebuildcauses.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.synthetic.SyntheticHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildClassifierTest {
    private static final Commit COMMIT = new Commit("c1", List.of("c0"), "alice", Instant.EPOCH, "msg", 0);

    private final BuildClassifier classifier = new BuildClassifier(RuleSet.defaults());

    private static BuildChanges build(ChangeRange range) {
        Build build = new Build("images/app", 7, Instant.parse("2024-01-01T00:00:00Z"), null, "", "", "c1", "main");
        return new BuildChanges(build, range);
    }

    private static ChangeRange resolved(FileChange... files) {
        return ChangeRange.resolved("c0", "c1", List.of(COMMIT), List.of(files));
    }

    private static FileChange modified(String path) {
        return FileChange.of(ChangeKind.MODIFY, path);
    }

    @Test
    void shouldGiveBuildCausesForRangesWithoutFiles() {
        // Given ranges of every status that has no changed file
        // When classifying, Then each gets its build cause
        assertThat(classifier.classify(build(ChangeRange.firstBuild("c1"))).causes())
                .hasToString("first-build");
        assertThat(classifier.classify(build(ChangeRange.noNewCommit("c1"))).causes())
                .hasToString("no-new-commit");
        assertThat(classifier
                        .classify(build(ChangeRange.unknown("c0", "c1", "gone")))
                        .causes())
                .hasToString("unknown-range");
        assertThat(classifier.classify(build(resolved())).causes()).hasToString("empty-commit");
        assertThat(classifier
                        .classify(build(ChangeRange.resolved("c1", "c1", List.of(), List.of())))
                        .causes())
                .hasToString("no-new-commit");
    }

    @Test
    void shouldUniteTheCausesOfEveryChangedFile() {
        // Given a range changing a Dockerfile, code, a README and another piece of code
        BuildChanges changes =
                build(resolved(modified("Dockerfile"), modified("src/a.py"), modified("README.md"), modified("b.py")));

        // When classifying
        ClassifiedBuild classified = classifier.classify(changes);

        // Then the causes are the sorted union, and the build and range are kept
        assertThat(classified.causes().names()).containsExactly("code", "docs", "environment");
        assertThat(classified.build()).isSameAs(changes.build());
        assertThat(classified.range()).isSameAs(changes.range());
    }

    @Test
    void shouldCountARenameByBothPaths() {
        // Given a markdown file renamed to a Python module
        BuildChanges changes = build(resolved(new FileChange(ChangeKind.RENAME, "src/guide.py", "docs/guide.md")));

        // When classifying, Then both the old and the new path contribute a cause
        assertThat(classifier.classify(changes).causes()).isEqualTo(CauseSet.of("code", "docs"));
    }

    @Test
    void shouldInternCauseSets() {
        // Given two builds with the same causes from different files
        ClassifiedBuild first = classifier.classify(build(resolved(modified("a.py"), modified("Jenkinsfile"))));
        ClassifiedBuild second = classifier.classify(build(resolved(modified("Jenkinsfile"), modified("b/c.go"))));

        // When comparing their cause sets, Then they are the very same object
        assertThat(first.causes()).isSameAs(second.causes());
    }

    @Test
    void shouldHandleMoreCausesThanBits() {
        // Given a classifier that gives every path its own cause, and a build of 70 paths
        BuildClassifier perPath = new BuildClassifier(path -> new Verdict("c-" + path, "test"));
        List<FileChange> files = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            files.add(modified("p" + i));
            expected.add("c-p" + i);
        }

        // When classifying
        CauseSet causes = perPath.causesOf(ChangeRange.resolved("a", "b", List.of(COMMIT), files));

        // Then every cause is there
        assertThat(causes.names()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldGiveTheSameCausesOnManyThreads() throws RulesFormatException {
        // Given a synthetic history, classified once on one thread
        List<BuildChanges> history = SyntheticHistory.generate(20_000, 5);
        List<CauseSet> expected = history.stream()
                .map(b -> new BuildClassifier(RuleSet.defaults()).causesOf(b.range()))
                .toList();

        // When a fresh classifier works through it on every core
        BuildClassifier shared = new BuildClassifier(RuleSet.parse("none", ""));
        List<CauseSet> actual =
                history.parallelStream().map(b -> shared.causesOf(b.range())).toList();

        // Then the causes agree, and equal sets are one interned object
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.stream().map(System::identityHashCode).distinct().count())
                .isEqualTo(actual.stream().distinct().count());
    }

    @Test
    void shouldExplainEveryPathWithItsRule() {
        // Given a range with a Dockerfile change and a rename
        BuildChanges changes =
                build(resolved(modified("Dockerfile"), new FileChange(ChangeKind.RENAME, "new.bin", "old.py")));

        // When explaining
        List<FileVerdict> verdicts = classifier.explain(changes);

        // Then each path, old paths included, has its cause and reason
        assertThat(verdicts)
                .containsExactly(
                        new FileVerdict("Dockerfile", "environment", "rule 'Dockerfile' (default rules:21)"),
                        new FileVerdict("new.bin", "other", "no rule matched"),
                        new FileVerdict(
                                "old.py",
                                "code",
                                RuleSet.defaults().classify("old.py").reason()));
        assertThat(verdicts.get(2).reason()).startsWith("rule '*.py' (default rules:");
    }
}
