package dev.rebuildcauses.app;

import java.nio.file.Path;

/**
 * A repository shaped like jupyter/docker-stacks: images under {@code images/*} each built FROM
 * another of the repository, a Makefile that builds them, a workflow that runs it on pushes
 * filtered by path, tests and docs.
 */
final class DockerStacksRepository {
    static final String WORKFLOW =
            """
            name: Build, test and push images
            on:
              schedule:
                - cron: "0 3 * * 1"
              push:
                branches: [main]
                paths:
                  - ".github/workflows/docker.yml"
                  - "images/**"
                  - "tests/**"
                  - "Makefile"   # builds the images
              workflow_dispatch:
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: make build-all
                  - run: python3 -m tests.run_tests
            """;

    final String initial;
    final String foundationScript;
    final String baseStart;
    final String docsOnly;
    final String testsOnly;
    final String scipyDockerfile;
    final String readmeOnly;

    DockerStacksRepository(Path dir) {
        GitHistory git = new GitHistory(dir);
        git.write(".github/workflows/docker.yml", WORKFLOW)
                .write(
                        "Makefile",
                        """
                        OWNER?=jupyter
                        ALL_IMAGES:=docker-stacks-foundation base-notebook minimal-notebook scipy-notebook
                        build/%:
                        \tdocker build --rm --tag "$(OWNER)/$(notdir $@):latest" "./images/$(notdir $@)" --build-arg OWNER="$(OWNER)"
                        build-all: $(foreach I, $(ALL_IMAGES), build/$(I))
                        """)
                .write(
                        "images/docker-stacks-foundation/Dockerfile",
                        """
                        FROM ubuntu:24.04
                        RUN apt-get update && apt-get install -y --no-install-recommends bzip2 ca-certificates locales
                        RUN echo "en_US.UTF-8 UTF-8" > /etc/locale.gen && locale-gen
                        COPY fix-permissions /usr/local/bin/fix-permissions
                        RUN fix-permissions /opt
                        """)
                .write("images/docker-stacks-foundation/fix-permissions", "#!/bin/bash\nchmod -R g+rwX \"$@\"\n")
                .write(
                        "images/base-notebook/Dockerfile",
                        """
                        ARG REGISTRY=quay.io
                        ARG OWNER=jupyter
                        ARG BASE_IMAGE=$REGISTRY/$OWNER/docker-stacks-foundation
                        FROM $BASE_IMAGE
                        RUN apt-get update && apt-get install -y --no-install-recommends fonts-liberation pandoc
                        COPY start-notebook.py /usr/local/bin/
                        CMD ["start-notebook.py"]
                        """)
                .write("images/base-notebook/start-notebook.py", "print('start')\n")
                .write(
                        "images/minimal-notebook/Dockerfile",
                        """
                        ARG REGISTRY=quay.io
                        ARG OWNER=jupyter
                        ARG BASE_IMAGE=$REGISTRY/$OWNER/base-notebook
                        FROM $BASE_IMAGE
                        RUN apt-get update && apt-get install -y --no-install-recommends git vim-tiny
                        """)
                .write(
                        "images/scipy-notebook/Dockerfile",
                        """
                        ARG REGISTRY=quay.io
                        ARG OWNER=jupyter
                        ARG BASE_IMAGE=$REGISTRY/$OWNER/minimal-notebook
                        FROM $BASE_IMAGE
                        RUN apt-get update && apt-get install -y --no-install-recommends build-essential
                        """)
                .write("tests/run_tests.py", "import sys\n")
                .write("tests/base-notebook/test_start.py", "def test_start():\n    pass\n")
                .write("docs/index.md", "# Docker Stacks\n")
                .write("README.md", "# docker-stacks\n");
        initial = git.commit("2026-01-05T10:00:00Z", "Initial images");
        foundationScript = git.write(
                        "images/docker-stacks-foundation/fix-permissions",
                        "#!/bin/bash\nchmod -R g+rwX \"$@\"\nexit 0\n")
                .commit("2026-01-12T10:00:00Z", "fix-permissions: exit cleanly");
        baseStart = git.write("images/base-notebook/start-notebook.py", "print('start notebook')\n")
                .commit("2026-01-19T10:00:00Z", "start-notebook: say more");
        docsOnly = git.write("docs/index.md", "# Docker Stacks\n\nImages for Jupyter.\n")
                .commit("2026-01-26T10:00:00Z", "docs: intro");
        testsOnly = git.write("tests/base-notebook/test_start.py", "def test_start():\n    assert True\n")
                .commit("2026-02-02T10:00:00Z", "tests: assert");
        scipyDockerfile = git.write(
                        "images/scipy-notebook/Dockerfile",
                        """
                        ARG REGISTRY=quay.io
                        ARG OWNER=jupyter
                        ARG BASE_IMAGE=$REGISTRY/$OWNER/minimal-notebook
                        FROM $BASE_IMAGE
                        RUN apt-get update && apt-get install -y --no-install-recommends build-essential cm-super
                        """)
                .commit("2026-03-30T10:00:00Z", "scipy: cm-super");
        readmeOnly = git.write("README.md", "# docker-stacks\n\nSee docs/.\n").commit("2026-04-06T10:00:00Z", "readme");
    }
}
