package dev.rebuildcauses.analysis.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.classify.Verdict;
import dev.rebuildcauses.analysis.model.Causes;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The file kinds inference reads, told apart without a regular expression for most paths, as they were with one. */
class RepoPathsTest {
    private static final List<String> PATHS = List.of(
            "Dockerfile",
            "images/base/DOCKERFILE",
            "images/base/Dockerfile.gpu",
            "images/Dockerfile.java",
            "web/app.dockerfile",
            "Containerfile",
            "DOCKERFILE",
            "deploy/CONTAINERFILE.prod",
            "ddockerfile", // the word starts after a first letter that matched in vain
            "Requirements-Dev.txt",
            "rrequirements.in",
            "base-notebook/Dockerfile.ppc64le.patch",
            "docs/dockerfile-guide.md",
            "images/base/",
            "images/Dockerfile/",
            "images/\u212Aubernetes/doc\u212Aerfile", // a Kelvin sign lower-cases to k
            "\u0130nstall/requirements.txt",
            "kaggle_requirements.txt",
            "ci/REQUIREMENTS-dev.IN",
            "requirements/base.txt",
            "requirements.txt.bak",
            "src/app/main.py",
            ".github/workflows/build.yml",
            ".github/workflows/nested/build.yml",
            ".github/workflowsx/build.yml",
            "Jenkinsfile",
            "ci/Jenkinsfile.release",
            "ci/Jenkinsfile-old",
            "ci/deploy.Jenkinsfile",
            ".Jenkinsfile",
            "Jenkinsfile/",
            "ci/Makefile",
            "ci/makefile/",
            "GNUmakefile",
            "src/Makefile.am",
            ".gitlab-ci.yml",
            ".circleci/config.yml",
            ".github/actions/setup/action.yml",
            ".github/actions/setup/action.yaml",
            ".github/actions/setup/my-action.yml",
            "/",
            "");

    @Test
    void shouldTellDockerfilesAndRequirementsApartAsTheExpressionsDid() {
        for (String path : PATHS) {
            assertThat(RepoPaths.isDockerfile(path)).as(path).isEqualTo(dockerfileByExpression(path));
            assertThat(RepoPaths.isRequirementsVariant(path)).as(path).isEqualTo(requirementsByExpression(path));
            assertThat(RepoPaths.isCiFile(path)).as(path).isEqualTo(ciFileByName(path));
            assertThat(RepoPaths.isDockerfileOrCiFile(path))
                    .as(path)
                    .isEqualTo(dockerfileByExpression(path) || ciFileByName(path));
        }
        // asked again, a path's kinds come from the cache and say the same
        for (String path : PATHS) {
            assertThat(RepoPaths.isDockerfile(path)).as(path).isEqualTo(dockerfileByExpression(path));
            assertThat(RepoPaths.isCiFile(path)).as(path).isEqualTo(ciFileByName(path));
        }
        assertThat(RepoPaths.isDockerfile("images/\u212Aubernetes/doc\u212Aerfile"))
                .isTrue();
        assertThat(RepoPaths.isDockerfilePatch("base-notebook/Dockerfile.ppc64le.patch"))
                .isTrue();
        assertThat(RepoPaths.isCiFile(".github/workflows/build.yml")).isTrue();
        assertThat(RepoPaths.isCiFile(".github/workflows/nested/build.yml")).isFalse();
        assertThat(RepoPaths.isCiFile(".github/workflowsx/build.yml")).isFalse();
    }

    @Test
    void shouldLetInferenceReplaceVerdictsOfTheDefaultRulesOnlyAsTheExpressionDid() {
        Pattern expression =
                Pattern.compile(".*\\(" + Pattern.quote(RuleSet.DEFAULT_SOURCE) + ":\\d+\\)|no rule matched");
        List<String> reasons = List.of(
                "no rule matched",
                "no rule matched ",
                "rule '*.py' (default rules:97)",
                "rule '*.py' (default rules:)",
                "rule '*.py' (default rules:9a)",
                "rule '*.py' (my rules:97)",
                "rule '*.py' (default rules:97) ",
                "rule\n'*.py' (default rules:97)",
                "rule (default rules:1) and (default rules:2)",
                "(default rules:1) and more",
                "(default rules:12)",
                ")",
                "");
        for (String reason : reasons) {
            assertThat(InferringClassifier.FROM_DEFAULT_RULES.test(new Verdict(Causes.OTHER, reason)))
                    .as(reason)
                    .isEqualTo(expression.matcher(reason).matches());
        }
    }

    private static boolean dockerfileByExpression(String path) {
        String name = RepoPaths.baseName(path).toLowerCase(Locale.ROOT);
        if (name.endsWith(".patch") || name.endsWith(".diff")) {
            return false;
        }
        return name.equals("dockerfile")
                || name.equals("containerfile")
                || (name.startsWith("dockerfile.")
                        && !name.matches(".*\\.(java|kt|scala|groovy|py|go|js|ts|rb|rs|c|cc|cpp|h|hpp|cs|php|pl|sh)"))
                || name.endsWith(".dockerfile");
    }

    private static boolean ciFileByName(String path) {
        String name = RepoPaths.baseName(path);
        return name.equals("Jenkinsfile")
                || name.startsWith("Jenkinsfile.")
                || name.endsWith(".Jenkinsfile")
                || name.equals("Makefile")
                || name.equals("makefile")
                || name.equals("GNUmakefile")
                || path.equals(".gitlab-ci.yml")
                || path.equals("bitbucket-pipelines.yml")
                || path.equals("azure-pipelines.yml")
                || path.equals(".travis.yml")
                || path.equals(".circleci/config.yml")
                || path.matches("\\.github/workflows/[^/]+\\.ya?ml")
                || (path.startsWith(".github/actions/") && (name.equals("action.yml") || name.equals("action.yaml")));
    }

    private static boolean requirementsByExpression(String path) {
        return RepoPaths.baseName(path).toLowerCase(Locale.ROOT).matches("[^/]*requirements[^/]*\\.(txt|in)");
    }
}
