package dev.rebuildcauses.analysis.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.analysis.classify.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepositoryModelsTest {
    private final InMemorySnapshot snapshot = new InMemorySnapshot();

    @Test
    void shouldCallDockerfilesInTestAndDocsFoldersDocsWhenCiNamesThemThroughVariables() throws Exception {
        // Given a Makefile that builds "./$(IMAGE)" and Dockerfiles at image roots, under tests/ and docs/
        snapshot.revision(
                "r1",
                null,
                "Makefile",
                "build/%:\n\tdocker build -t $(notdir $@) ./$(notdir $@)\n",
                ".github/workflows/ci.yml",
                "jobs:\n  b:\n    steps:\n      - run: make build/base\n",
                "base/Dockerfile",
                "FROM ubuntu\n",
                "tests/fixtures/Dockerfile",
                "FROM scratch\n",
                "docs/using/recipe.dockerfile",
                "FROM base\n");

        // When
        RepositoryModel model = new RepositoryModels(snapshot).at("r1");

        // Then
        assertThat(model.isBuiltDockerfile("base/Dockerfile")).isTrue();
        assertThat(model.verdictFor("tests/fixtures/Dockerfile"))
                .contains(new Verdict("docs", "not built by any CI file: under tests/"));
        assertThat(model.verdictFor("docs/using/recipe.dockerfile"))
                .contains(new Verdict("docs", "not built by any CI file: under docs/"));
        assertThat(model.verdictFor("Makefile")).contains(new Verdict("ci", "run only by .github/workflows/ci.yml:4"));
    }

    @Test
    void shouldTreatADockerfileCiNamesAsBuiltEvenInAnExamplesFolder() throws Exception {
        // Given a workflow that builds an example image by name through the build-push action
        snapshot.revision(
                "r1",
                null,
                ".github/workflows/image.yml",
                """
                        jobs:
                          image:
                            steps:
                              - uses: docker/build-push-action@v5
                                with:
                                  context: .
                                  file: ./examples/demo/Dockerfile
                        """,
                "examples/demo/Dockerfile",
                "FROM python:3.12\n",
                "examples/other/Dockerfile",
                "FROM python:3.12\n",
                "images/legacy/Dockerfile",
                "FROM python:2.7\n");

        // When
        RepositoryModel model = new RepositoryModels(snapshot).at("r1");

        // Then the named one and the one outside example folders are built, the other example is docs
        assertThat(model.isBuiltDockerfile("examples/demo/Dockerfile")).isTrue();
        assertThat(model.isBuiltDockerfile("images/legacy/Dockerfile")).isTrue();
        assertThat(model.verdictFor("examples/other/Dockerfile"))
                .contains(new Verdict("docs", "not built by any CI file: under examples/"));
    }

    @Test
    void shouldFollowPythonModulesMakeTargetsAndHookScripts() throws Exception {
        // Given a workflow that runs make, a Makefile that runs a python module and a hook script
        snapshot.revision(
                "r1",
                null,
                ".github/workflows/docker.yml",
                "steps:\n  - run: make push-all\n",
                "Makefile",
                "push-all:\n\t@python3 -m tagging.apps.write_tags --image base\n\thooks/run_hook push\n",
                "tagging/__init__.py",
                "",
                "tagging/apps/__init__.py",
                "",
                "tagging/apps/write_tags.py",
                "from tagging.manifests import x\n",
                "tagging/manifests.py",
                "x = 1\n",
                "hooks/run_hook",
                "#!/bin/bash\nexec \"hooks/$1\"\n",
                "hooks/post_push",
                "#!/bin/bash\n",
                "Dockerfile",
                "FROM ubuntu\n");

        // When
        RepositoryModel model = new RepositoryModels(snapshot).at("r1");

        // Then
        assertThat(model.verdictFor("Makefile"))
                .contains(new Verdict("ci", "run only by .github/workflows/docker.yml:2"));
        assertThat(model.verdictFor("tagging/apps/write_tags.py"))
                .contains(new Verdict("ci", "run only by Makefile:2"));
        assertThat(model.verdictFor("tagging/manifests.py"))
                .contains(new Verdict("ci", "in tagging/, a folder of tools run only by Makefile:2"));
        assertThat(model.verdictFor("hooks/run_hook")).contains(new Verdict("ci", "run only by Makefile:3"));
        assertThat(model.verdictFor("hooks/post_push"))
                .contains(new Verdict("ci", "in hooks/, a folder of tools run only by Makefile:3"));
        assertThat(model.sources())
                .containsExactlyInAnyOrder(".github/workflows/docker.yml", "Makefile", "hooks/run_hook", "Dockerfile");
    }

    @Test
    void shouldFollowFolderCopiesWorkdirsAndBuildArgumentFiles() throws Exception {
        // Given a Dockerfile that copies a folder and runs one of its scripts, and a relative script after WORKDIR
        snapshot.revision(
                "r1",
                null,
                "Jenkinsfile",
                "node {\n  sh 'docker build $(sed \"s/^/--build-arg /\" versions.env) -t img .'\n}\n",
                "versions.env",
                "PYTHON=3.12\n",
                "Dockerfile",
                """
                        FROM ubuntu
                        COPY scripts/ /tmp/scripts/
                        RUN bash /tmp/scripts/install.sh
                        WORKDIR /opt/build
                        COPY setup.sh .
                        RUN ./setup.sh && rm setup.sh
                        COPY ci/release.sh /usr/local/bin/
                        """,
                "scripts/install.sh",
                "apt-get install -y git\n",
                "scripts/unused.sh",
                "echo\n",
                "setup.sh",
                "echo setup\n",
                "ci/release.sh",
                "echo release\n");

        // When
        RepositoryModel model = new RepositoryModels(snapshot).at("r1");

        // Then
        assertThat(model.verdictFor("scripts/install.sh"))
                .contains(new Verdict("environment", "copied by Dockerfile:2 and run at build time by line 3"));
        assertThat(model.verdictFor("scripts/unused.sh")).isEmpty();
        assertThat(model.verdictFor("setup.sh"))
                .contains(new Verdict("environment", "copied by Dockerfile:5 and run at build time by line 6"));
        assertThat(model.verdictFor("versions.env"))
                .contains(new Verdict("environment", "build arguments read from versions.env by Jenkinsfile:2"));
        assertThat(model.verdictFor("ci/release.sh")).isEmpty();
        assertThat(model.isBuiltDockerfile("Dockerfile")).isTrue();
    }

    @Test
    void shouldNotCallAScriptCiOnlyWhenTheImageAlsoCopiesIt() throws Exception {
        // Given a script the Jenkinsfile runs and the Dockerfile copies as its entrypoint
        snapshot.revision(
                "r1",
                null,
                "Jenkinsfile",
                "node {\n  sh './run-tests.sh'\n}\n",
                "run-tests.sh",
                "pytest\n",
                "Dockerfile",
                "FROM python\nCOPY run-tests.sh /usr/local/bin/\nENTRYPOINT [\"run-tests.sh\"]\n");

        RepositoryModel model = new RepositoryModels(snapshot).at("r1");

        assertThat(model.verdictFor("run-tests.sh"))
                .contains(new Verdict(
                        "code", "copied as the application by Dockerfile:2 and started by ENTRYPOINT at line 3"));
    }

    @Test
    void shouldReadEachRevisionOnceAndNameTheRevisionItCannotRead() throws Exception {
        snapshot.revision("r1", null, "Dockerfile", "FROM ubuntu\n", "Jenkinsfile", "node { sh 'make' }\n");
        RepositoryModels models = new RepositoryModels(snapshot);

        RepositoryModel first = models.at("r1");
        RepositoryModel again = models.at("r1");

        assertThat(again).isSameAs(first);
        assertThat(models.modelsBuilt()).isEqualTo(1);
        assertThat(models.filesParsed()).isEqualTo(2);
        assertThat(snapshot.listings()).isEqualTo(1);
        assertThatThrownBy(() -> models.at("nope"))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void shouldReadADockerStacksLikeLayout() throws Exception {
        // Given images building on each other, Docker Hub hooks, examples, tests and a Makefile CI calls from a
        // checkout folder
        snapshot.revision(
                "r1",
                null,
                ".github/workflows/docker.yml",
                """
                        steps:
                          - run: make -C main build-all
                          - run: python3 -m tests.run_tests --image base
                        """,
                "Makefile",
                "build/%:\n\tdocker build -t $(OWNER)/$(notdir $@) ./images/$(notdir $@)\n",
                "images/foundation/Dockerfile",
                """
                        FROM ubuntu:24.04
                        COPY --chown=1000:100 initial-condarc /opt/conda/.condarc
                        COPY setup-scripts/ /opt/setup-scripts/
                        RUN /opt/setup-scripts/setup-conda.sh
                        """,
                "images/foundation/initial-condarc",
                "channels: [conda-forge]\n",
                "images/foundation/setup-scripts/setup-conda.sh",
                "",
                "images/foundation/setup-scripts/setup_julia.py",
                "",
                "images/foundation/hooks/post_push",
                "#!/bin/bash\n",
                "images/julia/Dockerfile",
                "FROM foundation\nRUN /opt/setup-scripts/setup_julia.py\n",
                "examples/compose/notebook.yml",
                "services: {}\n",
                "examples/compose/Dockerfile",
                "FROM base\n",
                "tests/run_tests.py",
                "",
                "tests/__init__.py",
                "",
                "tests/base/test_start.py",
                "");

        // When
        RepositoryModel model = new RepositoryModels(snapshot).at("r1");

        // Then
        assertThat(model.verdictFor("images/foundation/setup-scripts/setup-conda.sh"))
                .contains(new Verdict(
                        "environment", "copied by images/foundation/Dockerfile:3 and run at build time by line 4"));
        assertThat(model.verdictFor("images/foundation/setup-scripts/setup_julia.py"))
                .contains(new Verdict(
                        "environment",
                        "copied by images/foundation/Dockerfile:3 and run at build time by images/julia/Dockerfile:2"));
        assertThat(model.verdictFor("images/foundation/initial-condarc")).isEmpty();
        assertThat(model.copiedIntoImage("images/foundation/initial-condarc"))
                .contains(new Verdict("environment", "copied into the image by images/foundation/Dockerfile:2"));
        assertThat(model.verdictFor("images/foundation/hooks/post_push"))
                .contains(new Verdict("ci", "a Docker Hub build hook of images/foundation/"));
        assertThat(model.verdictFor("Makefile"))
                .contains(new Verdict("ci", "run only by .github/workflows/docker.yml:2"));
        assertThat(model.verdictFor("examples/compose/notebook.yml"))
                .contains(new Verdict(
                        "docs", "under examples/, examples no CI file builds (examples/compose/Dockerfile)"));
        assertThat(model.verdictFor("tests/run_tests.py")).isEmpty();
        assertThat(model.verdictFor("tests/base/test_start.py")).isEmpty();
    }

    @Test
    void shouldCallTheHooksTheMakefileRunsPerImageCi() throws Exception {
        // Given a Makefile that runs each image's hooks/run_hook through a computed path, as
        // docker-stacks did, and a run_hook that fills manifest.tmpl
        snapshot.revision(
                "r1",
                null,
                ".github/workflows/docker.yml",
                "steps:\n  - run: make build-all\n",
                "Makefile",
                "build/%:\n\tdocker build -t $(OWNER)/$(notdir $@) ./$(notdir $@)\n"
                        + "hook/%:\n\t$(SHELL) $(notdir $@)/hooks/run_hook\n",
                "base-notebook/Dockerfile",
                "FROM ubuntu\nCOPY start.sh /usr/local/bin/\n",
                "base-notebook/start.sh",
                "",
                "base-notebook/hooks/run_hook",
                "#!/bin/bash\nsource hooks/manifest.tmpl\n",
                "base-notebook/hooks/manifest.tmpl",
                "# manifest\n",
                "minimal-notebook/Dockerfile",
                "FROM base-notebook\n",
                "minimal-notebook/hooks/run_hook",
                "#!/bin/bash\n");

        // When
        RepositoryModel model = new RepositoryModels(snapshot).at("r1");

        // Then
        assertThat(model.verdictFor("base-notebook/hooks/run_hook"))
                .contains(new Verdict("ci", "a build hook of base-notebook/ run by Makefile:4"));
        assertThat(model.verdictFor("base-notebook/hooks/manifest.tmpl"))
                .contains(new Verdict(
                        "ci", "in base-notebook/hooks/, the build hooks of base-notebook/ run by Makefile:4"));
        assertThat(model.verdictFor("minimal-notebook/hooks/run_hook"))
                .contains(new Verdict("ci", "a build hook of minimal-notebook/ run by Makefile:4"));
        assertThat(model.verdictFor("base-notebook/start.sh")).isEmpty();
    }

    @Test
    void shouldCallAMakefileThatBuildsImagesCiEvenWhenNoCiFileCallsIt() throws Exception {
        snapshot.revision(
                "r1",
                null,
                "Makefile",
                "all:\n\techo hi\n\ndocker:\n\tdocker build -t img .\n",
                "Dockerfile",
                "FROM ubuntu\n");

        RepositoryModel model = new RepositoryModels(snapshot).at("r1");

        assertThat(model.verdictFor("Makefile")).contains(new Verdict("ci", "builds the images: docker at Makefile:5"));
    }

    @Test
    void shouldReadAKaggleStyleBuildScriptAndACompositeAction() throws Exception {
        // Given a Jenkinsfile running ./build, which reads config.txt through its own folder variable
        snapshot.revision(
                "r1",
                null,
                "Jenkinsfile",
                "stage('Build') {\n  steps {\n    sh '''#!/bin/bash\n      ./build | ts\n    '''\n  }\n}\n",
                "build",
                """
                        #!/bin/bash
                        DOCKERFILE='Dockerfile'
                        SRCDIR=$(dirname "${BASH_SOURCE[0]}")
                        for l in `cat ${SRCDIR}/config.txt`; do
                          BUILD_ARGS+=" --build-arg $l"
                        done
                        docker build --rm --pull -t "$IMAGE_TAG" -f "$DOCKERFILE" $BUILD_ARGS .
                        """,
                "config.txt",
                "BASE_IMAGE_TAG=m112\n",
                "Dockerfile.tmpl",
                "FROM base\n",
                ".github/actions/tag/action.yml",
                "runs:\n  using: composite\n  steps:\n    - run: python3 tools/tag.py\n",
                "tools/tag.py",
                "");

        // When
        RepositoryModel model = new RepositoryModels(snapshot).at("r1");

        // Then
        assertThat(model.verdictFor("build")).contains(new Verdict("ci", "run only by Jenkinsfile:4"));
        assertThat(model.verdictFor("config.txt"))
                .contains(new Verdict("environment", "build arguments read from config.txt by build:4"));
        assertThat(model.isBuiltDockerfile("Dockerfile.tmpl")).isTrue();
        assertThat(model.verdictFor("tools/tag.py"))
                .contains(new Verdict("ci", "run only by .github/actions/tag/action.yml:4"));
    }

    private static final String JENKINSFILE =
            "node {\n  sh './build base'\n  sh 'docker build -f images/app/Dockerfile .'\n}\n";
    private static final String BUILD_SCRIPT = "#!/bin/sh\nmake -C images \"$1\"\n";
    private static final String BASE = "FROM ubuntu:22.04\nCOPY setup.sh /opt/\nRUN /opt/setup.sh\n";
    private static final String APP =
            "FROM base\nCOPY app.py /srv/\nRUN pip install flask==3.0\nCMD [\"python\", \"/srv/app.py\"]\n";

    /** A repository with a Jenkinsfile, the script it runs, a Makefile and two Dockerfiles; r2 changes only the app's. */
    private void twoRevisionsChangingOneDockerfile() {
        snapshot.revision(
                "r1",
                null,
                "Jenkinsfile",
                JENKINSFILE,
                "build",
                BUILD_SCRIPT,
                "images/Makefile",
                "base:\n\tdocker build -t base base\n",
                "images/base/Dockerfile",
                BASE,
                "images/base/setup.sh",
                "apt-get install -y curl\n",
                "images/app/Dockerfile",
                APP,
                "app.py",
                "print('hi')\n");
        snapshot.revision(
                "r2",
                "r1",
                "images/app/Dockerfile",
                APP.replace("flask==3.0", "flask==3.1"),
                "app.py",
                "print('hello')\n");
    }

    @Test
    void shouldParseOnlyTheDockerfileARevisionChanged() throws Exception {
        // Given two revisions where the second changes one Dockerfile (and a code file)
        twoRevisionsChangingOneDockerfile();
        RepositoryModels models = new RepositoryModels(snapshot);
        models.at("r1");
        int parsedForTheFirst = models.filesParsed();

        // When the second revision's model is read
        models.at("r2");

        // Then the first parsed the Jenkinsfile, ./build, the Makefile and both Dockerfiles; the second only the
        // changed one
        assertThat(parsedForTheFirst).isEqualTo(5);
        assertThat(models.filesParsed()).isEqualTo(parsedForTheFirst + 1);
        assertThat(models.modelsBuilt()).isEqualTo(2);
    }

    @Test
    void shouldReadTheSameModelWithParsedFilesReusedAsFromScratch() throws Exception {
        // Given the second revision read after the first (parses reused) and read alone
        twoRevisionsChangingOneDockerfile();
        RepositoryModels incremental = new RepositoryModels(snapshot);
        incremental.at("r1");
        RepositoryModel reused = incremental.at("r2");
        RepositoryModels fresh = new RepositoryModels(snapshot);

        // When
        RepositoryModel scratch = fresh.at("r2");

        // Then both answer the same for every path, and the model did learn something from each file
        assertThat(fresh.filesParsed()).isEqualTo(5);
        assertSameAnswers(reused, scratch, snapshot.paths("r2"));
        assertThat(reused.verdictFor("images/base/setup.sh"))
                .contains(new Verdict(
                        "environment", "copied by images/base/Dockerfile:2 and run at build time by line 3"));
        assertThat(reused.verdictFor("build")).contains(new Verdict("ci", "run only by Jenkinsfile:2"));
    }

    @Test
    void shouldReuseTheLastAnalysisOfCiAndDockerfilesOnlyWhileWhatItReadIsTheSame() throws Exception {
        // Given a history walked with its diffs: r2 changes a Dockerfile, r3 the Jenkinsfile (same images built),
        // r4 adds the script r3's Jenkinsfile runs, r5 builds the app image in another context
        twoRevisionsChangingOneDockerfile();
        String runsLint = JENKINSFILE.replace("}\n", "  sh './tools/lint.sh'\n}\n");
        snapshot.revision("r3", "r2", "Jenkinsfile", runsLint);
        snapshot.revision("r4", "r3", "tools/lint.sh", "#!/bin/sh\nruff .\n");
        snapshot.revision(
                "r5",
                "r4",
                "Jenkinsfile",
                runsLint.replace("-f images/app/Dockerfile .", "-f images/app/Dockerfile images/app"));
        snapshot.withDiffs();
        RepositoryModels walked = new RepositoryModels(snapshot);
        List<String> revisions = List.of("r1", "r2", "r3", "r4", "r5");

        // When each revision's model is read in history order, and each alone
        List<RepositoryModel> incremental = new ArrayList<>();
        for (String revision : revisions) {
            incremental.add(walked.at(revision));
        }

        // Then each answers as the model read from scratch does
        for (int i = 0; i < revisions.size(); i++) {
            RepositoryModel scratch = new RepositoryModels(snapshot).at(revisions.get(i));
            assertSameAnswers(incremental.get(i), scratch, snapshot.paths(revisions.get(i)));
            assertThat(incremental.get(i).images()).as(revisions.get(i)).isEqualTo(scratch.images());
        }
        // and the script was seen as CI's only once it existed, the new context only once CI gave it
        assertThat(incremental.get(2).verdictFor("tools/lint.sh")).isEmpty();
        assertThat(incremental.get(3).verdictFor("tools/lint.sh"))
                .contains(new Verdict("ci", "run only by Jenkinsfile:4"));
        assertThat(incremental.get(4).images().get("images/app/Dockerfile").context())
                .isEqualTo("images/app");
        // and CI was analysed again only where a CI file or the paths changed (r1, r3, r4, r5), the Dockerfiles
        // only where one, the paths or CI's contexts changed (r1, r2, r4, r5)
        assertThat(walked.analyses()).containsExactly(4, 4);
    }

    private static void assertSameAnswers(
            RepositoryModel actual, RepositoryModel expected, java.util.List<String> paths) {
        assertThat(actual.sources()).isEqualTo(expected.sources());
        assertThat(actual.copiesWholeRepository()).isEqualTo(expected.copiesWholeRepository());
        for (String path : paths) {
            assertThat(actual.verdictFor(path)).as(path).isEqualTo(expected.verdictFor(path));
            assertThat(actual.copiedIntoImage(path)).as(path).isEqualTo(expected.copiedIntoImage(path));
            assertThat(actual.isBuiltDockerfile(path)).as(path).isEqualTo(expected.isBuiltDockerfile(path));
        }
    }
}
