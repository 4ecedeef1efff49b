package dev.rebuildcauses.analysis.synthetic;

import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.ArrayList;
import java.util.List;

/** The files of one synthetic image repository, as shared change objects grouped by what they are. */
final class RepositoryTemplate {
    final FileChange[] environment;
    final FileChange[] dependencies;
    final FileChange[] ci;
    final FileChange[] docs;
    final FileChange[] code;
    final FileChange[] codeAdded;
    final FileChange[] config;
    final FileChange[] other;

    RepositoryTemplate(int index) {
        String pkg = "pkg" + index;
        environment = modified("Dockerfile", "docker/Dockerfile.gpu", "apt.txt");
        dependencies =
                modified("requirements.txt", "requirements-dev.txt", "environment.yml", "setup.py", "pyproject.toml");
        ci = modified("Jenkinsfile", ".github/workflows/build.yml", ".pre-commit-config.yaml");
        docs = modified("README.md", "docs/index.md", "docs/usage.rst", "CHANGELOG.md", "docs/conf.py");
        List<String> sources = new ArrayList<>();
        for (int k = 0; k < 120; k++) {
            sources.add("src/" + pkg + "/module_" + k + ".py");
        }
        for (int k = 0; k < 60; k++) {
            sources.add("src/" + pkg + "/sub" + (k % 6) + "/part_" + k + ".py");
        }
        for (int k = 0; k < 60; k++) {
            sources.add("tests/test_module_" + k + ".py");
        }
        for (int k = 0; k < 10; k++) {
            sources.add("scripts/run_" + k + ".sh");
        }
        code = modified(sources.toArray(String[]::new));
        codeAdded = new FileChange[code.length];
        for (int k = 0; k < code.length; k++) {
            codeAdded[k] = FileChange.of(ChangeKind.ADD, code[k].path());
        }
        config = modified("config/settings.yaml", "config/logging.json", ".gitignore", ".dockerignore");
        other = modified("data/sample.bin", "notebooks/figure.png", "VERSION");
    }

    private static FileChange[] modified(String... paths) {
        FileChange[] changes = new FileChange[paths.length];
        for (int i = 0; i < paths.length; i++) {
            changes[i] = FileChange.of(ChangeKind.MODIFY, paths[i]);
        }
        return changes;
    }
}
