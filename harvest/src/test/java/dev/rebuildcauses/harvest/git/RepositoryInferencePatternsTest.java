package dev.rebuildcauses.harvest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rebuildcauses.analysis.classify.FileVerdict;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.infer.ExplainedBuild;
import dev.rebuildcauses.analysis.infer.InferringClassifier;
import dev.rebuildcauses.analysis.infer.RepositoryModels;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patterns of issue 12 that hand labels of real image histories call differently from the
 * file names, each on a repository built with the git binary: a patch that makes a Dockerfile,
 * configuration and environment hooks copied into the image, a Dockerfile only Binder builds, an
 * example a README documents, and tooling deleted after nothing used it any more.
 */
class RepositoryInferencePatternsTest {
    private static final String DOCKERFILE =
            """
            FROM ubuntu:22.04
            RUN apt-get update && apt-get install -y curl
            RUN pip install --no-cache-dir pandas==2.1.0 numpy==1.26.0
            COPY jupyter_notebook_config.py /home/jovyan/.jupyter/
            COPY env_vars.sh /opt/conda/etc/conda/activate.d/env_vars.sh
            COPY start.sh /usr/local/bin/
            CMD ["start.sh"]
            """;
    /** Made the way the real one was: diff -u Dockerfile Dockerfile.ppc64le. */
    private static final String PATCH =
            """
            --- Dockerfile	2017-05-11 12:59:30.006182756 -0400
            +++ Dockerfile.ppc64le	2017-05-11 12:59:57.326632865 -0400
            @@ -1,3 +1,4 @@
            -FROM ubuntu:22.04
            +FROM ppc64le/ubuntu:22.04
            -RUN apt-get update && apt-get install -y curl
            +RUN apt-get update && apt-get install -y curl \\
            +    build-essential
             RUN pip install --no-cache-dir pandas==2.1.0 numpy==1.26.0
            """;
    /** The patch once it changes the pandas pin too: its line 10 is the one the Dockerfile gets. */
    private static final String PATCH_NEWER_PANDAS =
            """
            --- Dockerfile
            +++ Dockerfile.ppc64le
            @@ -1,3 +1,4 @@
            -FROM ubuntu:22.04
            +FROM ppc64le/ubuntu:22.04
            -RUN apt-get update && apt-get install -y curl
            +RUN apt-get update && apt-get install -y curl \\
            +    build-essential
            -RUN pip install --no-cache-dir pandas==2.1.0 numpy==1.26.0
            +RUN pip install --no-cache-dir pandas==2.2.0 numpy==1.26.0
            """;

    @TempDir
    Path tmp;

    private TestRepository repo;
    private GitRepositorySnapshot snapshot;
    private final List<String> revisions = new ArrayList<>();

    @BeforeEach
    void createImageRepository() {
        repo = new TestRepository(tmp.resolve("images"));
        repo.write("notebook/Dockerfile", DOCKERFILE)
                .write("notebook/Dockerfile.ppc64le.patch", PATCH)
                .write("notebook/jupyter_notebook_config.py", "c.ServerApp.ip = '0.0.0.0'\n")
                .write("notebook/env_vars.sh", "export LD_LIBRARY_PATH=/opt/conda/lib:$LD_LIBRARY_PATH\n")
                .write("notebook/start.sh", "#!/bin/bash\nexec jupyter lab\n")
                .write(
                        "Makefile",
                        """
                        build:
                        \tdocker build -t notebook notebook
                        ppc64le:
                        \tpatch -o notebook/Dockerfile.ppc64le notebook/Dockerfile notebook/Dockerfile.ppc64le.patch
                        """)
                .write(
                        ".github/workflows/docker.yml",
                        """
                        name: Build
                        on: push
                        jobs:
                          build:
                            runs-on: ubuntu-latest
                            steps:
                              - run: make build
                              - run: python3 tools/tag.py
                        """)
                .write("tools/tag.py", "print('tag')\n")
                .write("scripts/old_release.py", "print('release')\n")
                .write("tests/test_image.py", "def test(): pass\n")
                .write("binder/Dockerfile", "FROM jupyter/base-notebook\nRUN pip install pandas==2.1.0\n")
                .write("server/example.json", "{\"image\": \"notebook\"}\n")
                .write("server/settings.json", "{\"port\": 8080}\n")
                .write(
                        "server/README.md",
                        "# Server\n\nStart it with the settings of `settings.json`.\n"
                                + "Post a request like `example.json` to try it.\n")
                .write("README.md", "# Images\n");
        revisions.add(repo.commit("initial images"));
        snapshot = new GitRepositorySnapshot(repo.dir());
    }

    @AfterEach
    void closeSnapshot() {
        snapshot.close();
    }

    @Test
    void shouldClassifyAPatchThatMakesADockerfileLikeTheDockerfileChangeItMakes() throws Exception {
        // Given a commit that bumps a pin on a line the patch adds, one where only the line the
        // patch removes follows its Dockerfile, and one that changes the FROM the patch puts in
        repo.write("notebook/Dockerfile.ppc64le.patch", PATCH_NEWER_PANDAS);
        revisions.add(repo.commit("ppc64le: newer pandas"));
        repo.write("notebook/Dockerfile", DOCKERFILE.replace("curl", "curl git"))
                .write(
                        "notebook/Dockerfile.ppc64le.patch",
                        PATCH_NEWER_PANDAS.replace(
                                "-RUN apt-get update && apt-get install -y curl",
                                "-RUN apt-get update && apt-get install -y curl git"));
        revisions.add(repo.commit("git in the image, the patch follows"));
        repo.write(
                "notebook/Dockerfile.ppc64le.patch",
                PATCH_NEWER_PANDAS
                        .replace(
                                "-RUN apt-get update && apt-get install -y curl",
                                "-RUN apt-get update && apt-get install -y curl git")
                        .replace("ppc64le/ubuntu:22.04", "ppc64le/ubuntu:24.04"));
        revisions.add(repo.commit("ppc64le: newer ubuntu"));

        // When
        List<ExplainedBuild> builds = classifyAll();

        // Then
        assertThat(verdicts(builds.get(1)))
                .containsExactly(tuple(
                        "notebook/Dockerfile.ppc64le.patch",
                        "dependencies",
                        "only package pins changed in notebook/Dockerfile.ppc64le.patch:10"
                                + " (the Dockerfile this patch makes)"));
        assertThat(builds.get(1).build().causes().key()).isEqualTo("dependencies");
        assertThat(byPath(builds.get(2))
                        .get("notebook/Dockerfile.ppc64le.patch")
                        .reason())
                .isEqualTo("no instruction changed in notebook/Dockerfile.ppc64le.patch (comments or layout only)"
                        + " (the Dockerfile this patch makes)");
        assertThat(builds.get(2).build().causes().key()).isEqualTo("environment");
        assertThat(verdicts(builds.get(3)))
                .containsExactly(tuple(
                        "notebook/Dockerfile.ppc64le.patch",
                        "environment",
                        "FROM changed in notebook/Dockerfile.ppc64le.patch:5 (the Dockerfile this patch makes)"));
    }

    @Test
    void shouldClassifyANewPatchByTheLinesItSwaps() throws Exception {
        // Given a new patch whose only change to its Dockerfile is a pin
        repo.write(
                "notebook/Dockerfile.aarch64.patch",
                """
                --- Dockerfile
                +++ Dockerfile.aarch64
                @@ -3 +3 @@
                -RUN pip install --no-cache-dir pandas==2.1.0 numpy==1.26.0
                +RUN pip install --no-cache-dir pandas==2.1.0 numpy==1.25.2
                """);
        revisions.add(repo.commit("aarch64 needs an older numpy"));

        // When
        List<ExplainedBuild> builds = classifyAll();

        // Then it is the pin it changes, not a new environment
        assertThat(verdicts(builds.get(1)))
                .containsExactly(tuple(
                        "notebook/Dockerfile.aarch64.patch",
                        "dependencies",
                        "only package pins changed in notebook/Dockerfile.aarch64.patch:5"
                                + " (the Dockerfile this patch makes)"));
    }

    @Test
    void shouldCallConfigurationCopiedIntoTheImageConfigAndAnActivationScriptEnvironment() throws Exception {
        // Given a change to the Jupyter configuration the image copies in, and to the activate.d script
        change("notebook/jupyter_notebook_config.py", "notebook/env_vars.sh", "notebook/start.sh");

        // When
        List<ExplainedBuild> builds = classifyAll();

        // Then
        assertThat(verdicts(builds.get(1)))
                .containsExactlyInAnyOrder(
                        tuple(
                                "notebook/jupyter_notebook_config.py",
                                "config",
                                "copied by notebook/Dockerfile:4 into /home/jovyan/.jupyter/jupyter_notebook_config.py"
                                        + " as configuration read at run time"),
                        tuple(
                                "notebook/env_vars.sh",
                                "environment",
                                "copied by notebook/Dockerfile:5 into /opt/conda/etc/conda/activate.d/env_vars.sh,"
                                        + " a hook that sets up the environment when it activates"),
                        tuple(
                                "notebook/start.sh",
                                "code",
                                "copied as the application by notebook/Dockerfile:6 and started by CMD at line 7"));
        assertThat(builds.get(1).build().causes().key()).isEqualTo("code;config;environment");
    }

    @Test
    void shouldCallADockerfileOnlyBinderBuildsDocsWhenChangedAndWhenDeleted() throws Exception {
        // Given a change to the Binder Dockerfile, then its deletion
        change("binder/Dockerfile");
        repo.git("rm", "-q", "binder/Dockerfile");
        revisions.add(repo.commit("no more Binder"));

        // When
        List<ExplainedBuild> builds = classifyAll();

        // Then
        assertThat(verdicts(builds.get(1)))
                .containsExactly(tuple("binder/Dockerfile", "docs", "not built by any CI file: under binder/"));
        assertThat(verdicts(builds.get(2)))
                .containsExactly(tuple("binder/Dockerfile", "docs", "not built by any CI file: under binder/"));
        assertThat(builds.get(2).build().causes().key()).isEqualTo("docs");
    }

    @Test
    void shouldCallAnExampleInputAReadmeDocumentsDocs() throws Exception {
        // Given a change to the example the README names and to the settings it also names
        change("server/example.json", "server/settings.json");

        // When
        List<ExplainedBuild> builds = classifyAll();

        // Then only the example is docs: settings stay config
        Map<String, FileVerdict> files = byPath(builds.get(1));
        assertThat(files.get("server/example.json"))
                .extracting(FileVerdict::cause, FileVerdict::reason)
                .containsExactly("docs", "an example documented by server/README.md:4");
        assertThat(files.get("server/settings.json").cause()).isEqualTo("config");
        assertThat(builds.get(1).build().causes().key()).isEqualTo("config;docs");
    }

    @Test
    void shouldCallDeletedToolingNothingUsedOtherButKeepWhatCiStillRanAndTests() throws Exception {
        // Given a commit deleting a script nothing ran, the script CI runs, and a test
        repo.git("rm", "-q", "scripts/old_release.py", "tools/tag.py", "tests/test_image.py");
        revisions.add(repo.commit("tidy up tools"));
        // and a change to a script nothing runs, which stays code while it is there
        repo.write("unused.py", "print(1)\n");
        revisions.add(repo.commit("a new script"));

        // When
        List<ExplainedBuild> builds = classifyAll();

        // Then
        assertThat(verdicts(builds.get(1)))
                .containsExactlyInAnyOrder(
                        tuple(
                                "scripts/old_release.py",
                                "other",
                                "deleted tooling: no image took it in and no CI file ran it before this change"),
                        tuple("tools/tag.py", "ci", "run only by .github/workflows/docker.yml:8"),
                        tuple(
                                "tests/test_image.py",
                                "code",
                                "rule 'tests/' (default rules:" + rulesLine("tests/ ") + ")"));
        assertThat(builds.get(1).build().causes().key()).isEqualTo("ci;code;other");
        assertThat(byPath(builds.get(2)).get("unused.py").cause()).isEqualTo("code");
    }

    /** The line of the default rules that starts with {@code start}. */
    private static int rulesLine(String start) throws Exception {
        try (var in = RuleSet.class.getResourceAsStream("default-rules.txt")) {
            List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(start)) {
                    return i + 1;
                }
            }
        }
        throw new AssertionError("no default rule starts with " + start);
    }

    /** Appends a comment line to each file, keeping what it says. */
    private void change(String... paths) throws Exception {
        for (String path : paths) {
            String comment = path.endsWith(".json") ? "\n" : "# changed\n";
            repo.write(path, Files.readString(repo.dir().resolve(path)) + comment);
        }
        revisions.add(repo.commit("change " + String.join(" ", paths)));
    }

    /** One build per commit, each range from the previous commit, as {@code scan} makes them. */
    private List<ExplainedBuild> classifyAll() throws Exception {
        GitRepository git = GitRepository.open(repo.dir());
        InferringClassifier classifier = new InferringClassifier(
                RuleSet.defaults(), InferringClassifier.FROM_DEFAULT_RULES, new RepositoryModels(snapshot));
        List<ExplainedBuild> builds = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            String revision = revisions.get(i);
            ChangeRange range =
                    i == 0 ? ChangeRange.firstBuild(revision) : git.resolveRange(revisions.get(i - 1), revision);
            Build build = new Build("images", i + 1, Instant.EPOCH.plusSeconds(i), null, "", "push", revision, "main");
            builds.add(classifier.classify(new BuildChanges(build, range)));
        }
        return builds;
    }

    private static List<org.assertj.core.groups.Tuple> verdicts(ExplainedBuild build) {
        return build.files().stream()
                .map(f -> tuple(f.path(), f.cause(), f.reason()))
                .toList();
    }

    private static Map<String, FileVerdict> byPath(ExplainedBuild build) {
        return build.files().stream().collect(Collectors.toMap(FileVerdict::path, Function.identity()));
    }
}
