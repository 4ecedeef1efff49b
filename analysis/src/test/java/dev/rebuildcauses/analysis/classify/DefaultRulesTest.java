package dev.rebuildcauses.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.model.Causes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultRulesTest {
    private final RuleSet rules = RuleSet.defaults();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Dockerfile, environment",
        "services/api/Dockerfile, environment",
        "Dockerfile.gpu, environment",
        "foo.Dockerfile, environment",
        "src/main/java/model/Dockerfile.java, code",
        "tools/Dockerfile.py, code",
        "DockerfileParser.java, code",
        "build/app.dockerfile, environment",
        "Containerfile, environment",
        "base.containerfile, environment",
        "apt.txt, environment",
        "apt-packages-extra.txt, environment",
        "packages.txt, environment",
        "bindep.txt, environment",
        "apk-build.txt, environment",
        "Aptfile, environment",
        "base.apt, environment",
        "requirements.txt, dependencies",
        "requirements-dev.txt, dependencies",
        "kaggle_requirements.txt, dependencies",
        "requirements/base.txt, dependencies",
        "services/api/requirements/prod.txt, dependencies",
        "constraints.txt, dependencies",
        "environment.yml, dependencies",
        "environment-gpu.yaml, dependencies",
        "conda-lock.yml, dependencies",
        "linux.conda-lock.yml, dependencies",
        "conda.yaml, dependencies",
        "setup.py, dependencies",
        "setup.cfg, dependencies",
        "pyproject.toml, dependencies",
        "Pipfile, dependencies",
        "Pipfile.lock, dependencies",
        "poetry.lock, dependencies",
        "uv.lock, dependencies",
        "web/package.json, dependencies",
        "package-lock.json, dependencies",
        "yarn.lock, dependencies",
        "pnpm-lock.yaml, dependencies",
        "npm-shrinkwrap.json, dependencies",
        "go.mod, dependencies",
        "go.sum, dependencies",
        "Cargo.toml, dependencies",
        "Cargo.lock, dependencies",
        "Gemfile, dependencies",
        "Gemfile.lock, dependencies",
        "pom.xml, dependencies",
        "build.gradle, dependencies",
        "build.gradle.kts, dependencies",
        "settings.gradle, dependencies",
        "renv.lock, dependencies",
        "DESCRIPTION, dependencies",
        "install.R, dependencies",
        "docs/requirements.txt, dependencies",
        "Jenkinsfile, ci",
        "Jenkinsfile.release, ci",
        "release.jenkinsfile, ci",
        ".github/workflows/x.yml, ci",
        ".github/workflows/sub/y.yaml, ci",
        ".github/workflows/README.md, ci",
        ".gitlab-ci.yml, ci",
        "bitbucket-pipelines.yml, ci",
        ".travis.yml, ci",
        ".circleci/config.yml, ci",
        "azure-pipelines.yml, ci",
        ".drone.yml, ci",
        ".pre-commit-config.yaml, ci",
        "README.md, docs",
        "sub/notes.md, docs",
        "docs/conf.py, docs",
        "doc/index.html, docs",
        "pkg/docs/guide.txt, docs",
        "LICENSE, docs",
        "LICENSE.txt, docs",
        "COPYING, docs",
        "NOTICE, docs",
        "AUTHORS.md, docs",
        "CHANGELOG, docs",
        "CONTRIBUTING.rst, docs",
        "manual.adoc, docs",
        "tests/test_x.py, code",
        "test/fixtures/data.json, code",
        "src/main.py, code",
        "cmd/main.go, code",
        "scripts/run.sh, code",
        "entrypoint.bash, code",
        "lib/x.cpp, code",
        "lib/x.h, code",
        "src/main/java/Main.java, code",
        "analysis.R, code",
        "model.jl, code",
        "app.js, code",
        "app.ts, code",
        "explore.ipynb, code",
        "schema/query.sql, code",
        "Makefile, code",
        "config.yaml, config",
        "conf/settings.json, config",
        "app.toml, config",
        "tox.ini, config",
        "nginx.conf, config",
        "app.properties, config",
        "log4j.xml, config",
        ".env, config",
        "prod.env, config",
        ".gitignore, other",
        ".gitattributes, other",
        ".devcontainer/devcontainer.json, other",
        ".devcontainer/Dockerfile, other",
        ".editorconfig, other",
        ".vscode/settings.json, other",
        ".github/ISSUE_TEMPLATE/bug.md, other",
        ".github/pull_request_template.md, other",
        "CODEOWNERS, other",
        ".github/CODEOWNERS, other",
        ".github/dependabot.yml, ci",
        ".hadolint.yaml, ci",
        ".flake8, ci",
        ".pre-commit-config.yml, ci",
        "ruff.toml, ci",
        "renovate.json, ci",
        ".dockerignore, config",
        "random.bin, other",
        "images/logo.png, other",
        "VERSION, other",
    })
    void shouldClassifyByTheDefaultRules(String path, String cause) {
        // Given the default rules, When classifying the path, Then it gets the expected cause
        assertThat(rules.classify(path).cause()).isEqualTo(cause);
    }

    @Test
    void shouldNameTheDecidingRuleWithItsLine() {
        // Given the default rules (Dockerfile is on line 21 of the resource)
        // When classifying a Dockerfile and an unmatched file
        Verdict dockerfile = rules.classify("Dockerfile");
        Verdict unmatched = rules.classify("random.bin");

        // Then the reasons name the rule and its place, or say nothing matched
        assertThat(dockerfile).isEqualTo(new Verdict("environment", "rule 'Dockerfile' (default rules:21)"));
        assertThat(unmatched).isEqualTo(new Verdict("other", "no rule matched"));
    }

    @Test
    void shouldGiveExactlyTheCausesOfTheDesign() {
        // Given the default rules, When listing the causes they can give, Then they are DESIGN.md's
        // (source files named like Dockerfiles come first as code, and repository housekeeping as
        // other, then environment onwards)
        assertThat(rules.causes()).containsExactlyInAnyOrderElementsOf(Causes.FILE_CAUSES);
        assertThat(rules.causes().subList(0, 2)).containsExactly(Causes.CODE, Causes.OTHER);
        assertThat(rules.causes().subList(2, rules.causes().size()))
                .containsSubsequence(Causes.ENVIRONMENT, Causes.DEPENDENCIES, Causes.CI, Causes.DOCS);
    }

    @Test
    void shouldGiveTheSameVerdictThroughTheIndexAsByTryingEveryRule() {
        // Given many paths built from the names and directories the rules mention
        List<String> names = List.of(
                "Dockerfile",
                "x.Dockerfile",
                "Dockerfile.cuda",
                "apt.txt",
                "requirements.txt",
                "dev-requirements.txt",
                "setup.py",
                "a.py",
                "Jenkinsfile",
                "x.yml",
                "README",
                "README.md",
                "LICENSE-MIT",
                "notes.txt",
                "pom.xml",
                "data.json",
                ".env",
                ".env.local",
                "Makefile",
                "x.r",
                "blob",
                "conda-lock.yml");
        List<String> dirs = List.of(
                "",
                "docs/",
                "doc/",
                "src/",
                "tests/",
                "a/tests/",
                ".github/workflows/",
                ".github/",
                ".circleci/",
                "requirements/",
                "x/requirements/",
                "a/docs/b/",
                "./");

        // When classifying each through the index and by trying every rule in order
        for (String dir : dirs) {
            for (String name : names) {
                String path = dir + name;
                String expected = rules.rules().stream()
                        .filter(rule -> rule.glob().matches(path))
                        .map(Rule::cause)
                        .findFirst()
                        .orElse(Causes.OTHER);

                // Then both agree
                assertThat(rules.classify(path).cause()).as(path).isEqualTo(expected);
            }
        }
    }
}
