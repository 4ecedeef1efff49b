package dev.rebuildcauses.harvest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rebuildcauses.analysis.classify.FileVerdict;
import dev.rebuildcauses.analysis.classify.PathClassifier;
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
 * The patterns of issue 5 on a repository built with the git binary: an image repository with a
 * base image, a Kaggle-style image built by an extensionless script, CI tooling and examples.
 */
class RepositoryInferenceTest {
    private static final String BASE_DOCKERFILE =
            """
            FROM ubuntu:22.04
            RUN apt-get update && apt-get install -y curl
            COPY fix-permissions /usr/local/bin/fix-permissions
            RUN chmod a+rx /usr/local/bin/fix-permissions
            COPY setup-scripts/setup_spark.py /opt/setup-scripts/
            RUN python3 /opt/setup-scripts/setup_spark.py --version=3.5
            COPY start-notebook.sh /usr/local/bin/
            RUN pip install --no-cache-dir pandas==2.1.0 numpy==1.26.0 && \\
                fix-permissions /opt/conda
            ENTRYPOINT ["tini", "--"]
            CMD ["start-notebook.sh"]
            """;
    private static final String KAGGLE_DOCKERFILE =
            """
            ARG BASE_TAG
            FROM gcr.io/kaggle-images/python-base:${BASE_TAG}
            COPY kaggle/kaggle_requirements.txt /requirements.txt
            RUN pip install -r /requirements.txt
            COPY kaggle/clean-layer.sh /tmp/clean-layer.sh
            RUN apt-get install -y libgl1 && /tmp/clean-layer.sh
            COPY kaggle/entrypoint.sh /usr/local/bin/entrypoint.sh
            ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
            """;

    @TempDir
    Path tmp;

    private TestRepository repo;
    private GitRepositorySnapshot snapshot;
    private final List<String> revisions = new ArrayList<>();

    @BeforeEach
    void createImageRepository() {
        repo = new TestRepository(tmp.resolve("images"));
        repo.write("images/base/Dockerfile", BASE_DOCKERFILE)
                .write("images/base/fix-permissions", "#!/bin/bash\nchmod -R g+w \"$@\"\n")
                .write("images/base/setup-scripts/setup_spark.py", "print('spark')\n")
                .write("images/base/start-notebook.sh", "#!/bin/bash\nexec jupyter lab\n")
                .write("kaggle/Dockerfile", KAGGLE_DOCKERFILE)
                .write("kaggle/kaggle_requirements.txt", "pandas\n")
                .write("kaggle/clean-layer.sh", "#!/bin/bash\nrm -rf /tmp/*\n")
                .write("kaggle/entrypoint.sh", "#!/bin/bash\nexec \"$@\"\n")
                .write("config.txt", "BASE_TAG=v42\n")
                .write(
                        "build",
                        """
                        #!/bin/bash
                        set -e
                        BUILD_ARGS="--build-arg BASE_TAG=$(grep BASE_TAG config.txt | cut -d= -f2)"
                        docker build $BUILD_ARGS -t kaggle -f kaggle/Dockerfile .
                        """)
                .write("Makefile", "build:\n\tdocker build -t base ./images/base\n\ntest:\n\tpython3 -m pytest tests\n")
                .write(
                        "Jenkinsfile",
                        """
                        pipeline {
                            agent any
                            stages {
                                stage('Build') {
                                    steps {
                                        sh './build'
                                        sh 'make build'
                                    }
                                }
                            }
                        }
                        """)
                .write(
                        ".github/workflows/docker.yml",
                        """
                        name: Build
                        on: push
                        jobs:
                          tag:
                            runs-on: ubuntu-latest
                            steps:
                              - uses: actions/checkout@v4
                              - name: Tag the image
                                run: python3 tagging/tag_image.py --image base
                        """)
                .write("tagging/__init__.py", "")
                .write("tagging/tag_image.py", "from tagging.utils import tag\n")
                .write("tagging/utils.py", "def tag(): pass\n")
                .write("tagging/README.md", "# Tagging\n")
                .write("examples/spark/Dockerfile", "FROM base\nRUN pip install pyspark\n")
                .write("README.md", "# Images\n");
        revisions.add(repo.commit("initial images"));
        snapshot = new GitRepositorySnapshot(repo.dir());
    }

    @AfterEach
    void closeSnapshot() {
        snapshot.close();
    }

    @Test
    void shouldTellScriptsRunAtBuildTimeFromTheApplicationTheImageStarts() throws Exception {
        // Given scripts the Dockerfiles copy: some run by a later RUN, some started as the application
        change(
                "images/base/fix-permissions",
                "images/base/setup-scripts/setup_spark.py",
                "images/base/start-notebook.sh",
                "kaggle/entrypoint.sh",
                "kaggle/clean-layer.sh");

        // When the builds are classified with the repository
        List<ExplainedBuild> builds = classifyAll(RuleSet.defaults());

        // Then each file carries its cause and the Dockerfile lines that decided it
        assertThat(verdicts(builds.get(1)))
                .containsOnly(
                        tuple(
                                "images/base/fix-permissions",
                                "environment",
                                "copied by images/base/Dockerfile:3 and run at build time by line 8"),
                        tuple(
                                "images/base/setup-scripts/setup_spark.py",
                                "environment",
                                "copied by images/base/Dockerfile:5 and run at build time by line 6"),
                        tuple(
                                "images/base/start-notebook.sh",
                                "code",
                                "copied as the application by images/base/Dockerfile:7 and started by CMD at line 11"),
                        tuple(
                                "kaggle/entrypoint.sh",
                                "code",
                                "copied as the application by kaggle/Dockerfile:7 and started by ENTRYPOINT at line 8"),
                        tuple(
                                "kaggle/clean-layer.sh",
                                "environment",
                                "copied by kaggle/Dockerfile:5 and run at build time by line 6"));
        assertThat(builds.get(1).build().causes().key()).isEqualTo("code;environment");
    }

    @Test
    void shouldClassifyCiToolingBuildArgumentFilesExamplesAndManifestVariants() throws Exception {
        // Given changes to CI tooling, a build-argument file, an example Dockerfile and a manifest variant
        change(
                "tagging/tag_image.py",
                "tagging/utils.py",
                "tagging/README.md",
                "Makefile",
                "build",
                "config.txt",
                "examples/spark/Dockerfile",
                "kaggle/kaggle_requirements.txt");

        // When
        List<ExplainedBuild> builds = classifyAll(RuleSet.defaults());

        // Then
        Map<String, FileVerdict> files = byPath(builds.get(1));
        assertThat(files.get("tagging/tag_image.py"))
                .isEqualTo(verdict("tagging/tag_image.py", "ci", "run only by .github/workflows/docker.yml:9", false));
        assertThat(files.get("tagging/utils.py"))
                .isEqualTo(verdict(
                        "tagging/utils.py",
                        "ci",
                        "in tagging/, a folder of tools run only by .github/workflows/docker.yml:9",
                        false));
        assertThat(files.get("Makefile")).isEqualTo(verdict("Makefile", "ci", "run only by Jenkinsfile:7", false));
        assertThat(files.get("build")).isEqualTo(verdict("build", "ci", "run only by Jenkinsfile:6", false));
        assertThat(files.get("config.txt"))
                .isEqualTo(
                        verdict("config.txt", "environment", "build arguments read from config.txt by build:3", true));
        assertThat(files.get("examples/spark/Dockerfile"))
                .isEqualTo(verdict(
                        "examples/spark/Dockerfile", "docs", "not built by any CI file: under examples/", false));
        assertThat(files.get("kaggle/kaggle_requirements.txt").cause()).isEqualTo("dependencies");
        assertThat(files.get("kaggle/kaggle_requirements.txt").reason()).contains("(default rules:");
        assertThat(files.get("tagging/README.md").cause()).isEqualTo("docs");
        assertThat(builds.get(1).build().causes().key()).isEqualTo("ci;dependencies;docs;environment");
    }

    @Test
    void shouldCallADockerfileChangeThatOnlyBumpsAPipPinADependenciesChange() throws Exception {
        // Given a commit that only changes the pandas pin of a RUN pip install spanning lines 8-9
        repo.write("images/base/Dockerfile", BASE_DOCKERFILE.replace("pandas==2.1.0", "pandas==2.2.0"));
        revisions.add(repo.commit("bump pandas"));

        // When
        List<ExplainedBuild> builds = classifyAll(RuleSet.defaults());

        // Then
        assertThat(verdicts(builds.get(1)))
                .containsExactly(tuple(
                        "images/base/Dockerfile",
                        "dependencies",
                        "only package pins changed in images/base/Dockerfile:8"));
        assertThat(builds.get(1).build().causes().key()).isEqualTo("dependencies");
    }

    @Test
    void shouldCallAChangedFromOrSystemPackageAnEnvironmentChange() throws Exception {
        // Given a commit that changes FROM, then one that changes an apt-get install
        repo.write("images/base/Dockerfile", BASE_DOCKERFILE.replace("ubuntu:22.04", "ubuntu:24.04"));
        revisions.add(repo.commit("newer ubuntu"));
        repo.write("kaggle/Dockerfile", KAGGLE_DOCKERFILE.replace("libgl1", "libgl1 libglib2.0-0"));
        revisions.add(repo.commit("more system packages"));

        // When
        List<ExplainedBuild> builds = classifyAll(RuleSet.defaults());

        // Then
        assertThat(verdicts(builds.get(1)))
                .containsExactly(
                        tuple("images/base/Dockerfile", "environment", "FROM changed in images/base/Dockerfile:1"));
        assertThat(verdicts(builds.get(2)))
                .containsExactly(tuple("kaggle/Dockerfile", "environment", "RUN changed in kaggle/Dockerfile:6"));
    }

    @Test
    void shouldTellAnInstallersIndexOrFlagsFromItsPackagesAndGiveBothWhenBothChange() throws Exception {
        // Given a commit that only adds a pip flag, one that changes the package list of that line,
        // and one that moves the index and bumps a pin together
        String flagged = BASE_DOCKERFILE.replace("pip install --no-cache-dir", "pip install --no-cache-dir --upgrade");
        repo.write("images/base/Dockerfile", flagged);
        revisions.add(repo.commit("upgrade on install"));
        String more = flagged.replace("numpy==1.26.0", "numpy==1.26.0 pyarrow==15.0.0");
        repo.write("images/base/Dockerfile", more);
        revisions.add(repo.commit("add pyarrow"));
        repo.write(
                "images/base/Dockerfile",
                more.replace("pandas==2.1.0", "pandas==2.2.3 --index-url https://download.pytorch.org/whl/cu124"));
        revisions.add(repo.commit("new index and pandas"));

        // When
        List<ExplainedBuild> builds = classifyAll(RuleSet.defaults());

        // Then
        assertThat(verdicts(builds.get(1)))
                .containsExactly(tuple(
                        "images/base/Dockerfile",
                        "environment",
                        "installer flags or index changed in images/base/Dockerfile:8"));
        assertThat(builds.get(1).build().causes().key()).isEqualTo("environment");
        assertThat(builds.get(2).build().causes().key()).isEqualTo("dependencies");
        assertThat(verdicts(builds.get(3)))
                .containsExactly(tuple(
                        "images/base/Dockerfile",
                        "environment",
                        "installer flags or index changed in images/base/Dockerfile:8; packages changed too"));
        assertThat(builds.get(3).build().causes().key()).isEqualTo("dependencies;environment");
    }

    @Test
    void shouldCallHousekeepingOtherAndBotAndLinterConfigurationCi() throws Exception {
        // Given housekeeping files and the configuration of bots and linters CI runs
        repo.write(".gitignore", "*.pyc\n")
                .write(".gitattributes", "* text=auto\n")
                .write(".editorconfig", "root = true\n")
                .write(".devcontainer/devcontainer.json", "{}\n")
                .write(".github/ISSUE_TEMPLATE/bug.md", "# Bug\n")
                .write("CODEOWNERS", "* @team\n")
                .write(".github/dependabot.yml", "version: 2\n")
                .write(".pre-commit-config.yaml", "repos: []\n")
                .write(".hadolint.yaml", "ignored: []\n")
                .write(".flake8", "[flake8]\n");
        revisions.add(repo.commit("housekeeping and linters"));

        // When
        List<ExplainedBuild> builds = classifyAll(RuleSet.defaults());

        // Then
        Map<String, FileVerdict> files = byPath(builds.get(1));
        assertThat(files.values())
                .filteredOn(f -> f.cause().equals("other"))
                .extracting(FileVerdict::path)
                .containsExactlyInAnyOrder(
                        ".gitignore",
                        ".gitattributes",
                        ".editorconfig",
                        ".devcontainer/devcontainer.json",
                        ".github/ISSUE_TEMPLATE/bug.md",
                        "CODEOWNERS");
        assertThat(files.values())
                .filteredOn(f -> f.cause().equals("ci"))
                .extracting(FileVerdict::path)
                .containsExactlyInAnyOrder(
                        ".github/dependabot.yml", ".pre-commit-config.yaml", ".hadolint.yaml", ".flake8");
        assertThat(files.get(".flake8").reason()).startsWith("rule '.flake8' (default rules:");
        assertThat(builds.get(1).build().causes().key()).isEqualTo("ci;other");
    }

    @Test
    void shouldLetAUserRuleWinOverInference() throws Exception {
        // Given a team rule that calls fix-permissions code
        RuleSet rules = RuleSet.parse("team-rules.txt", "images/base/fix-permissions code\n");
        change("images/base/fix-permissions", "images/base/setup-scripts/setup_spark.py");

        // When
        List<ExplainedBuild> builds = classifyAll(rules);

        // Then the rule decides its file, and inference still decides the other
        assertThat(verdicts(builds.get(1)))
                .containsExactly(
                        tuple(
                                "images/base/fix-permissions",
                                "code",
                                "rule 'images/base/fix-permissions' (team-rules.txt:1)"),
                        tuple(
                                "images/base/setup-scripts/setup_spark.py",
                                "environment",
                                "copied by images/base/Dockerfile:5 and run at build time by line 6"));
    }

    @Test
    void shouldReadTheRepositoryOncePerRevisionThatChangedDockerfilesOrCiFiles() throws Exception {
        // Given ten code-only commits with two Dockerfile changes among them
        for (int i = 1; i <= 10; i++) {
            repo.write("images/base/start-notebook.sh", "#!/bin/bash\nexec jupyter lab # " + i + "\n");
            if (i == 3 || i == 7) {
                repo.write("images/base/Dockerfile", BASE_DOCKERFILE.replace("curl", "curl git" + i));
            }
            revisions.add(repo.commit("change " + i));
        }
        RepositoryModels models = new RepositoryModels(snapshot);

        // When the eleven builds are classified
        List<ExplainedBuild> builds = classifyAll(RuleSet.defaults(), models);

        // Then three models were read (the first build with files, and the two Dockerfile changes), not ten
        assertThat(builds).hasSize(11);
        assertThat(models.modelsBuilt()).isEqualTo(3);
        // the first parses the Jenkinsfile, the workflow, the Makefile, ./build and the two built Dockerfiles;
        // the two others only the Dockerfile that changed
        assertThat(models.filesParsed()).isEqualTo(6 + 1 + 1);
        // one cat-file process for everything
        assertThat(snapshot.gitProcessesStarted()).isEqualTo(1);
        assertThat(builds.get(3).files())
                .extracting(FileVerdict::path, FileVerdict::cause)
                .contains(
                        tuple("images/base/Dockerfile", "environment"), tuple("images/base/start-notebook.sh", "code"));
    }

    /** Appends a comment line to each file, keeping what it says. */
    private void change(String... paths) throws Exception {
        for (String path : paths) {
            repo.write(path, Files.readString(repo.dir().resolve(path)) + "# changed\n");
        }
        revisions.add(repo.commit("change " + String.join(" ", paths)));
    }

    private List<ExplainedBuild> classifyAll(PathClassifier rules) throws Exception {
        return classifyAll(rules, new RepositoryModels(snapshot));
    }

    /** One build per commit, each range from the previous commit, as {@code scan} makes them. */
    private List<ExplainedBuild> classifyAll(PathClassifier rules, RepositoryModels models) throws Exception {
        GitRepository git = GitRepository.open(repo.dir());
        InferringClassifier classifier = new InferringClassifier(rules, InferringClassifier.FROM_DEFAULT_RULES, models);
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

    private static FileVerdict verdict(String path, String cause, String reason, boolean entersImage) {
        return new FileVerdict(path, cause, reason, entersImage);
    }
}
