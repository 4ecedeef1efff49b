package dev.rebuildcauses.analysis.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageJobsTest {
    private final InMemorySnapshot snapshot = new InMemorySnapshot();

    private static BuildChanges commit(long number, String from, String to, String... paths) {
        Build build = new Build(
                "repo",
                number,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(number * 3600),
                null,
                "",
                "push",
                to,
                "main");
        if (from == null) {
            return new BuildChanges(build, ChangeRange.firstBuild(to));
        }
        List<FileChange> files = java.util.Arrays.stream(paths)
                .map(p -> FileChange.of(ChangeKind.MODIFY, p))
                .toList();
        return new BuildChanges(
                build,
                ChangeRange.resolved(
                        from,
                        to,
                        List.of(new Commit(to, List.of(from), "a", build.startedAt(), "m", files.size())),
                        files));
    }

    @Test
    void shouldNameImagesAfterFoldersAndFollowFromThroughArgDefaults() throws Exception {
        snapshot.revision(
                "r1",
                null,
                "images/foundation/Dockerfile",
                "FROM ubuntu:24.04\n",
                "images/base/Dockerfile",
                "ARG OWNER=jupyter\nARG BASE_IMAGE=quay.io/$OWNER/foundation:latest\nFROM ${BASE_IMAGE}\n",
                "images/julia/Dockerfile",
                "FROM jupyter/base AS build\nFROM build\n",
                "images/julia/Dockerfile.gpu",
                "FROM nvidia/cuda\n",
                "Dockerfile",
                "FROM python\n",
                "examples/demo/Dockerfile",
                "FROM foundation\n",
                "src/parser/Dockerfile.java",
                "class Dockerfile {}\n");

        ImageGraph graph = new ImageJobs(new RepositoryModels(snapshot), "stacks").graphAt("r1");

        assertThat(graph.images())
                .extracting(ImageGraph.Image::name)
                .containsExactly("stacks", "base", "foundation", "julia", "julia-gpu");
        assertThat(graph.image("base").orElseThrow().parents()).containsExactly("foundation");
        assertThat(graph.image("julia").orElseThrow().parents()).containsExactly("base");
        assertThat(graph.ancestors("julia")).containsExactly("base", "foundation");
        assertThat(graph.children("foundation")).containsExactly("base");
    }

    @Test
    void shouldHandItsModelsToTheClassificationOfTheSameBuilds() throws Exception {
        // Given two images and a history changing a Dockerfile at 200 commits, more than the model cache holds
        snapshot.revision("r0", null, "images/a/Dockerfile", "FROM ubuntu:0\n", "images/b/Dockerfile", "FROM me/a\n");
        List<BuildChanges> commits = new java.util.ArrayList<>();
        commits.add(commit(0, null, "r0"));
        for (int i = 1; i <= 200; i++) {
            snapshot.revision("r" + i, "r" + (i - 1), "images/a/Dockerfile", "FROM ubuntu:" + i + "\n");
            commits.add(commit(i, "r" + (i - 1), "r" + i, "images/a/Dockerfile"));
        }
        RepositoryModels models = new RepositoryModels(snapshot);

        // When the builds are split by image, then classified
        ImageJobs.Split split = new ImageJobs(models, "repo").split(commits);
        int readBySplit = models.modelsBuilt();
        InferringClassifier classifier = new InferringClassifier(
                dev.rebuildcauses.analysis.classify.RuleSet.defaults(), InferringClassifier.FROM_DEFAULT_RULES, models);
        for (BuildChanges build : split.builds()) {
            classifier.classify(build);
        }

        // Then the classification reads no model again
        assertThat(readBySplit).isEqualTo(201);
        assertThat(models.modelsBuilt()).isEqualTo(readBySplit);
    }

    @Test
    void shouldBuildAnImageForItsOwnChangesAndThoseOfTheImagesBelowIt() throws Exception {
        snapshot.revision(
                "r1",
                null,
                "images/a/Dockerfile",
                "FROM ubuntu\nCOPY run.sh /\n",
                "images/a/run.sh",
                "",
                "images/b/Dockerfile",
                "FROM me/a\n",
                "tests/test_a.py",
                "",
                "docs/index.md",
                "");
        snapshot.revision("r2", "r1");
        snapshot.revision("r3", "r2");
        snapshot.revision("r4", "r3");
        snapshot.revision("r5", "r4");
        List<BuildChanges> commits = List.of(
                commit(1, null, "r1"),
                commit(2, "r1", "r2", "images/a/run.sh"),
                commit(3, "r2", "r3", "images/b/Dockerfile"),
                commit(4, "r3", "r4", "tests/test_a.py", "docs/index.md"),
                commit(5, "r4", "r5"));

        ImageJobs.Split split = new ImageJobs(new RepositoryModels(snapshot), "repo").split(commits);

        assertThat(split.builds())
                .extracting(b -> b.build().job() + "#" + b.build().number() + "@"
                        + b.build().revision())
                .containsExactly("a#1@r1", "b#1@r1", "a#2@r2", "b#2@r2", "b#3@r3", "a#3@r5", "b#4@r5");
        assertThat(split.counts())
                .containsEntry("a", new ImageJobs.ImageCount(3, 0))
                .containsEntry("b", new ImageJobs.ImageCount(4, 1));
        assertThat(split.commitsOutsideImages()).isEqualTo(1);
    }

    @Test
    void shouldTellWhichFilesEnterAnImage() throws Exception {
        snapshot.revision(
                "r1",
                null,
                "app/Dockerfile",
                "FROM python\nCOPY src/ /app/src/\nCOPY requirements.txt /app/\n",
                "app/src/main.py",
                "",
                "app/requirements.txt",
                "",
                "app/tests/test_main.py",
                "",
                "app/README.md",
                "");

        RepositoryModel model = new RepositoryModels(snapshot).at("r1");

        assertThat(model.entersImage("app/src/main.py")).isTrue();
        assertThat(model.entersImage("app/requirements.txt")).isTrue();
        assertThat(model.entersImage("app/Dockerfile")).isTrue();
        assertThat(model.entersImage("app/tests/test_main.py")).isFalse();
        assertThat(model.entersImage("app/README.md")).isFalse();
        // a repository that builds no image says nothing about what enters one
        snapshot.revision("r2", "r1", "app/Dockerfile", null);
        assertThat(new RepositoryModels(snapshot).at("r2").entersImage("app/src/main.py"))
                .isNull();
    }
}
