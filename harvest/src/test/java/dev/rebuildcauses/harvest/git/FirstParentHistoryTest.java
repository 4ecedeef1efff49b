package dev.rebuildcauses.harvest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangesOmitted;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstParentHistoryTest {
    @TempDir
    Path temp;

    private TestRepository repo;
    private FirstParentHistory history;

    @BeforeEach
    void walk() throws Exception {
        repo = new TestRepository(temp.resolve("img"));
        repo.write("Dockerfile", "FROM python\n").commit("init");
        repo.git("checkout", "-q", "-b", "feature");
        repo.write("f1.py", "x\n").commit("f1");
        repo.git("checkout", "-q", "main");
        // authored long before it was committed: the two times must not be mixed up
        repo.clockAt(1_700_000_000L).write("a.py", "a\n").git("add", "-A");
        repo.commitStaged("a", "--date=@1600000000 +0000");
        repo.clockAt(1_700_000_100L).git("merge", "-q", "--no-ff", "-m", "Merge feature", "feature");
        repo.commitStaged("rebuild", "--allow-empty");
        history = GitRepository.open(repo.dir()).firstParentHistory("main", WalkProgress.NONE);
    }

    @Test
    void shouldGiveEachStepTheCommitGitHasWithItsParentsTimesAndMessage() {
        assertThat(history.size()).isEqualTo(4);
        for (HistoryStep step : history.steps()) {
            Commit commit = step.commit();
            String id = commit.id();
            assertThat(commit.parents()).containsExactlyElementsOf(words(repo.git("log", "-1", "--format=%P", id)));
            assertThat(commit.time()).isEqualTo(seconds(repo.git("log", "-1", "--format=%at", id)));
            assertThat(step.committedAt()).isEqualTo(seconds(repo.git("log", "-1", "--format=%ct", id)));
            assertThat(commit.message())
                    .isEqualTo(repo.git("log", "-1", "--format=%B", id).strip());
            assertThat(commit.filesChanged()).isEqualTo(step.files().size());
        }
        assertThat(history.steps().get(0).commit().parents()).isEmpty();
        assertThat(history.step(1).commit().time()).isEqualTo(Instant.ofEpochSecond(1_600_000_000L));
        assertThat(history.step(1).committedAt()).isAfter(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(history.steps().get(2).commits()).extracting(Commit::message).containsExactly("f1", "Merge feature");
        assertThat(history.steps().get(3).files()).isEmpty();
    }

    @Test
    void shouldMakeEachBuildFromItsStepWhenAsked() {
        List<BuildChanges> builds = history.asBuilds("img");

        assertThat(builds).hasSize(4);
        assertThat(builds.get(0).range().status()).isEqualTo(RangeStatus.FIRST_BUILD);
        for (int i = 1; i < builds.size(); i++) {
            BuildChanges build = builds.get(i);
            assertThat(build.build().number()).isEqualTo(i + 1L);
            assertThat(build.build().revision()).isEqualTo(history.id(i));
            assertThat(build.build().startedAt()).isEqualTo(history.step(i).committedAt());
            assertThat(build.range()).isEqualTo(history.rangeOf(i));
            assertThat(build.range().fromRevision()).isEqualTo(history.id(i - 1));
        }
        assertThat(history.range(history.id(0), history.id(3)).orElseThrow().commits())
                .extracting(Commit::message)
                .containsExactly("a", "f1", "Merge feature", "rebuild");
        for (int i = 0; i < builds.size(); i++) {
            BuildChanges light = ChangesOmitted.view(builds).get(i);
            BuildChanges whole = builds.get(i);
            assertThat(light.build().job()).isEqualTo(whole.build().job());
            assertThat(light.build().number()).isEqualTo(whole.build().number());
            assertThat(light.build().startedAt()).isEqualTo(whole.build().startedAt());
            assertThat(light.build().trigger()).isEqualTo(whole.build().trigger());
            assertThat(light.range().status()).isEqualTo(whole.range().status());
            assertThat(light.range().commits()).isEmpty();
            assertThat(light.range().files()).isEmpty();
        }
        assertThatThrownBy(() -> builds.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> builds.set(0, builds.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldMakeABuildWithoutItsCommitsButWithItsRevisionsAndFiles() {
        List<BuildChanges> builds = history.asBuilds("img");
        @SuppressWarnings("unchecked")
        ChangesOmitted<BuildChanges> omitting = (ChangesOmitted<BuildChanges>) builds;

        for (int i = 0; i < builds.size(); i++) {
            BuildChanges light = omitting.withoutCommits(i);
            BuildChanges whole = builds.get(i);
            assertThat(light.build()).isEqualTo(whole.build());
            assertThat(light.range().status()).isEqualTo(whole.range().status());
            assertThat(light.range().fromRevision()).isEqualTo(whole.range().fromRevision());
            assertThat(light.range().toRevision()).isEqualTo(whole.range().toRevision());
            assertThat(light.range().files()).isEqualTo(whole.range().files());
            assertThat(light.range().commits()).isEmpty();
        }
        // the merge brought a file, so not every range is empty: the comparison above saw files
        assertThat(builds).anySatisfy(build -> assertThat(build.range().files()).isNotEmpty());
        assertThatThrownBy(() -> omitting.withoutCommits(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldGiveEachChangeOfAStepWithoutMakingItsList() {
        for (int i = 0; i < history.size(); i++) {
            List<FileChange> files = history.files(i);
            List<FileChange> oneByOne = new java.util.ArrayList<>();
            for (int j = 0; j < history.fileCount(i); j++) {
                oneByOne.add(history.file(i, j));
            }
            assertThat(oneByOne).as("step " + i).isEqualTo(files);
            int step = i;
            assertThatThrownBy(() -> history.file(step, files.size())).isInstanceOf(IndexOutOfBoundsException.class);
        }
        // some step changed files, so the comparison above saw changes
        assertThat(java.util.stream.IntStream.range(0, history.size())
                        .map(history::fileCount)
                        .sum())
                .isPositive();
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split(" "));
    }

    private static Instant seconds(String text) {
        return Instant.ofEpochSecond(Long.parseLong(text.strip()));
    }
}
