package dev.rebuildcauses.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClassifiedBuildsTest {
    /** Builds made on demand, counting how many were made. */
    private static final class MadeOnDemand extends AbstractList<BuildChanges> {
        final AtomicInteger made = new AtomicInteger();

        @Override
        public BuildChanges get(int index) {
            made.incrementAndGet();
            Build build = new Build("img", index + 1L, Instant.ofEpochSecond(index), null, "", "push", "r" + index, "");
            return new BuildChanges(build, ChangeRange.noNewCommit("r" + index));
        }

        @Override
        public int size() {
            return 5;
        }
    }

    @Test
    void shouldMakeEachClassifiedBuildFromItsBuildAndTheCausesGivenInOrder() {
        // Given
        MadeOnDemand builds = new MadeOnDemand();
        ClassifiedBuilds classified = new ClassifiedBuilds(builds);

        // When
        classified.addCauses(CauseSet.of(Causes.CODE));
        classified.addCauses(CauseSet.of(Causes.DOCS, Causes.CI));
        classified.addCauses(CauseSet.of(Causes.EMPTY_COMMIT));

        // Then: only the builds classified so far, each made again when asked
        assertThat(classified).hasSize(3);
        assertThat(builds.made).hasValue(0);
        assertThat(classified.get(1).build().number()).isEqualTo(2L);
        assertThat(classified.get(1).range().fromRevision()).isEqualTo("r1");
        assertThat(classified.get(1).causes()).isEqualTo(CauseSet.of(Causes.CI, Causes.DOCS));
        assertThat(classified).extracting(b -> b.causes().key()).containsExactly("code", "ci;docs", "empty-commit");
        assertThat(builds.made).hasValue(6);
        assertThatThrownBy(() -> classified.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldLeaveCommitsAndFilesOutWhereTheBuildsCanAndKeepRecordAndCauses() {
        // Given builds that give a build without its changes
        List<BuildChanges> omitting = new Omitting();
        ClassifiedBuilds classified = new ClassifiedBuilds(omitting);
        classified.addCauses(CauseSet.of(Causes.CODE));
        classified.addCauses(CauseSet.of(Causes.DOCS));

        // When
        ClassifiedBuild light = ChangesOmitted.view(classified).get(1);
        List<ClassifiedBuild> view = ChangesOmitted.view(classified);

        // Then
        assertThat(light.range().files()).isEmpty();
        assertThat(classified.get(1).range().files()).hasSize(1);
        assertThat(light.build()).isEqualTo(classified.get(1).build());
        assertThat(light.causes()).isEqualTo(CauseSet.of(Causes.DOCS));
        assertThat(view).hasSize(2).allSatisfy(b -> assertThat(b.range().files())
                .isEmpty());
        assertThat(PickedList.of(classified, new int[] {1}, 1))
                .extracting(b -> ChangesOmitted.view(List.of(b)).get(0).causes())
                .containsExactly(CauseSet.of(Causes.DOCS));
        assertThat(ChangesOmitted.view(PickedList.of(classified, new int[] {1}, 1))
                        .get(0)
                        .range()
                        .files())
                .isEmpty();
    }

    @Test
    void shouldLeaveOnlyCommitsOutWhereAPassReadsFilesThroughPickedAndClassifiedBuilds() {
        // Given
        List<BuildChanges> omitting = new Omitting();
        ClassifiedBuilds classified = new ClassifiedBuilds(omitting);
        classified.addCauses(CauseSet.of(Causes.CODE));
        classified.addCauses(CauseSet.of(Causes.DOCS));

        // When
        ClassifiedBuild commitless =
                ChangesOmitted.withoutCommitsView(classified).get(1);
        ClassifiedBuild picked = ChangesOmitted.withoutCommitsView(PickedList.of(classified, new int[] {1}, 1))
                .get(0);

        // Then: files, revisions and causes as the whole build has them, no commits
        for (ClassifiedBuild build : List.of(commitless, picked)) {
            assertThat(build.range().commits()).isEmpty();
            assertThat(build.range().files())
                    .isEqualTo(classified.get(1).range().files());
            assertThat(build.range().toRevision()).isEqualTo("r1");
            assertThat(build.causes()).isEqualTo(CauseSet.of(Causes.DOCS));
        }
        assertThat(classified.get(1).range().commits()).hasSize(1);
        // a list that cannot leave commits out is its own view
        assertThat(ChangesOmitted.withoutCommitsView(List.copyOf(omitting))).hasSize(2);
        assertThat(ChangesOmitted.withoutCommitsView(List.copyOf(omitting))
                        .get(0)
                        .range()
                        .commits())
                .hasSize(1);
    }

    @Test
    void shouldKeepOnlyCausesOverBuildsMadeOnDemandAndTheClassifiedBuildsOverBuildsInMemory() {
        // Given
        List<BuildChanges> onDemand = new Omitting();
        List<BuildChanges> inMemory = List.copyOf(onDemand);
        ClassifiedBuilds.Collector lazily = ClassifiedBuilds.collecting(onDemand);
        ClassifiedBuilds.Collector kept = ClassifiedBuilds.collecting(inMemory);

        // When
        for (BuildChanges build : inMemory) {
            ClassifiedBuild classified = new ClassifiedBuild(build.build(), build.range(), CauseSet.of(Causes.CODE));
            lazily.add(classified);
            kept.add(classified);
        }

        // Then: equal builds, but only those in memory are kept as given
        assertThat(lazily.classified()).isInstanceOf(ClassifiedBuilds.class).isEqualTo(kept.classified());
        assertThat(kept.classified()).isNotInstanceOf(ChangesOmitted.class);
        assertThat(kept.classified().get(1)).isSameAs(kept.classified().get(1));
        assertThat(lazily.classified().get(1)).isNotSameAs(lazily.classified().get(1));
    }

    /** Builds with one changed file each, which can leave it out. */
    private static final class Omitting extends AbstractList<BuildChanges> implements ChangesOmitted<BuildChanges> {
        @Override
        public BuildChanges get(int index) {
            Commit commit = new Commit("c" + index, List.of("p"), "Ada", Instant.EPOCH, "change", 1);
            return build(index, List.of(commit), List.of(FileChange.of(ChangeKind.MODIFY, "f" + index)));
        }

        @Override
        public BuildChanges withoutChanges(int index) {
            return build(index, List.of(), List.of());
        }

        @Override
        public BuildChanges withoutCommits(int index) {
            return build(index, List.of(), List.of(FileChange.of(ChangeKind.MODIFY, "f" + index)));
        }

        private static BuildChanges build(int index, List<Commit> commits, List<FileChange> files) {
            Build build = new Build("img", index + 1L, Instant.ofEpochSecond(index), null, "", "push", "r" + index, "");
            return new BuildChanges(build, ChangeRange.resolved("r" + (index - 1), "r" + index, commits, files));
        }

        @Override
        public int size() {
            return 2;
        }
    }

    @Test
    void shouldPickBuildsByPositionAndGiveTheListItselfWhenPickingAllInOrder() {
        // Given
        MadeOnDemand builds = new MadeOnDemand();

        // When
        List<BuildChanges> picked = PickedList.of(builds, new int[] {4, 1, 3, 0}, 2);
        List<BuildChanges> all = PickedList.of(builds, new int[] {0, 1, 2, 3, 4}, 5);

        // Then
        assertThat(picked).extracting(b -> b.build().number()).containsExactly(5L, 2L);
        assertThat(all).isSameAs(builds);
        assertThat(PickedList.of(builds, new int[] {0, 1, 2, 4, 3}, 5))
                .hasSize(5)
                .isNotSameAs(builds);
        assertThatThrownBy(() -> picked.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> PickedList.of(builds, new int[] {7}, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
