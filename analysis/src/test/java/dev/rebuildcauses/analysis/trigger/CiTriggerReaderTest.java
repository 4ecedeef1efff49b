package dev.rebuildcauses.analysis.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.infer.RepositorySnapshot;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CiTriggerReaderTest {
    /** A snapshot of one revision holding {@code files}. */
    private static RepositorySnapshot snapshot(Map<String, String> files) {
        return new RepositorySnapshot() {
            @Override
            public List<String> paths(String revision) {
                return new ArrayList<>(files.keySet());
            }

            @Override
            public Optional<String> read(String revision, String path) {
                return Optional.ofNullable(files.get(path));
            }
        };
    }

    @Test
    void shouldReadPushPathsOfAWorkflowAndSkipWhatTheyLeaveOut() {
        Optional<PathFilter> filter = CiTriggerReader.githubPush(
                ".github/workflows/docker.yml",
                """
                on:
                  pull_request:
                    paths: ["everything/**"]
                  push:
                    branches:
                      - main
                    paths:
                      - "images/**"   # the images
                      - 'tests/**'
                      - "!images/**/README.md"
                jobs: {}
                """);

        assertThat(filter).isPresent();
        assertThat(filter.get().source()).isEqualTo(".github/workflows/docker.yml: on.push.paths");
        assertThat(filter.get().include()).containsExactly("images/**", "tests/**", "!images/**/README.md");
        assertThat(filter.get().runsFor(List.of("images/base/Dockerfile"))).isTrue();
        assertThat(filter.get().runsFor(List.of("docs/index.md", "README.md"))).isFalse();
        assertThat(filter.get().runsFor(List.of("images/base/README.md"))).isFalse();
        assertThat(filter.get().runsFor(List.of())).isTrue();
    }

    @Test
    void shouldReadPathsIgnoreAndFlowLists() {
        PathFilter filter = CiTriggerReader.githubPush("w.yml", "on:\n  push:\n    paths-ignore: [docs/**, '*.md']\n")
                .orElseThrow();

        assertThat(filter.runsFor(List.of("README.md", "docs/a.png"))).isFalse();
        assertThat(filter.runsFor(List.of("README.md", "Dockerfile"))).isTrue();
        // '*.md' stays at the root, as on GitHub
        assertThat(filter.runsFor(List.of("images/x/README.md"))).isTrue();
    }

    @Test
    void shouldTellAPushWithoutFilterFromAWorkflowPushesDoNotRun() {
        assertThat(CiTriggerReader.githubPush("w.yml", "on: [push, pull_request]\n"))
                .hasValueSatisfying(filter -> assertThat(filter.isFiltered()).isFalse());
        assertThat(CiTriggerReader.githubPush("w.yml", "on:\n  pull_request:\n  schedule:\n    - cron: x\n"))
                .isEmpty();
    }

    @Test
    void shouldReadJenkinsChangesetsAndBitbucketConditions() {
        PathFilter jenkins = CiTriggerReader.jenkins(
                "Jenkinsfile",
                """
                pipeline {
                  stages {
                    stage('image') {
                      when { changeset "images/**" }
                      steps { sh 'docker build -t x images/app' }
                    }
                    stage('docs') { when { not { changeset pattern: "docs/**" } } steps { echo 'x' } }
                  }
                }
                """);
        assertThat(jenkins.include()).containsExactly("images/**");
        assertThat(jenkins.ignore()).containsExactly("docs/**");

        PathFilter bitbucket = CiTriggerReader.bitbucket(
                "bitbucket-pipelines.yml",
                """
                pipelines:
                  default:
                    - step:
                        name: image
                        condition:
                          changesets:
                            includePaths:
                              - "images/**"
                        script:
                          - docker build -t x images/app
                """);
        assertThat(bitbucket.include()).containsExactly("images/**");
        assertThat(bitbucket.runsFor(List.of("docs/a.md"))).isFalse();
    }

    @Test
    void shouldMoveByTheChangesOfACommitFromTheRevisionReadLastAndListOtherwise() throws Exception {
        // Given r2 adds a filtered image workflow to r1, and r3 (reached from elsewhere) drops it again
        String workflow = "on:\n  push:\n    paths: [\"images/**\"]\njobs:\n  b:\n    steps:\n"
                + "      - run: docker build images/a\n";
        Map<String, Map<String, String>> revisions = Map.of(
                "r1", Map.of("Jenkinsfile", "node { sh 'make test' }\n"),
                "r2", Map.of("Jenkinsfile", "node { sh 'make test' }\n", ".github/workflows/docker.yml", workflow),
                "r3", Map.of("Jenkinsfile", "node { sh 'make test' }\n"));
        List<String> listed = new ArrayList<>();
        RepositorySnapshot repository = new RepositorySnapshot() {
            @Override
            public List<String> paths(String revision) {
                listed.add(revision);
                return new ArrayList<>(revisions.get(revision).keySet());
            }

            @Override
            public Optional<String> read(String revision, String path) {
                return Optional.ofNullable(revisions.get(revision).get(path));
            }
        };
        CiTriggerReader reader = new CiTriggerReader(repository);
        reader.read("r1");

        // When r2 is reached by its commit's changes, and r3 from a revision not read last
        CiTriggers atR2 =
                reader.read("r2", "r1", List.of(FileChange.of(ChangeKind.ADD, ".github/workflows/docker.yml")));
        CiTriggers atR3 = reader.read("r3", "r0", List.of());

        // Then r2 has the workflow's filter without a listing; r3 was listed and has none
        assertThat(atR2.filters())
                .extracting(PathFilter::source)
                .containsExactly(".github/workflows/docker.yml: on.push.paths");
        assertThat(atR3.filters()).isEmpty();
        assertThat(listed).containsExactly("r1", "r3");
    }

    @Test
    void shouldOnlyHeedCiFilesThatBuildImagesAndSkipWhenAllOfThemSkip() throws Exception {
        RepositorySnapshot repository = snapshot(Map.of(
                "Makefile", "build/%:\n\tdocker build ./images/$(notdir $@)\n",
                ".github/workflows/docker.yml",
                        "on:\n  push:\n    paths: [\"images/**\"]\njobs:\n  b:\n    steps:\n"
                                + "      - run: make build-all\n",
                ".github/workflows/lint.yml", "on: [push]\njobs:\n  l:\n    steps:\n      - run: pre-commit run\n"));

        CiTriggers triggers = new CiTriggerReader(repository).read("r1");

        assertThat(triggers.filters())
                .extracting(PathFilter::source)
                .containsExactly(".github/workflows/docker.yml: on.push.paths");
        assertThat(triggers.skippedBy(List.of("docs/index.md")))
                .contains(".github/workflows/docker.yml: on.push.paths");
        assertThat(triggers.skippedBy(List.of("images/a/Dockerfile"))).isEmpty();
    }

    @Test
    void shouldSkipNothingWhenAnImageBuildHasNoFilter() throws Exception {
        RepositorySnapshot repository = snapshot(Map.of(
                ".github/workflows/a.yml",
                "on:\n  push:\n    paths: [\"images/**\"]\njobs:\n  b:\n    steps:\n"
                        + "      - uses: docker/build-push-action@v5\n",
                "Jenkinsfile",
                "node { sh 'docker build -t x .' }\n"));

        CiTriggers triggers = new CiTriggerReader(repository).read("r1");

        assertThat(triggers.skippedBy(List.of("docs/index.md"))).isEmpty();
    }
}
