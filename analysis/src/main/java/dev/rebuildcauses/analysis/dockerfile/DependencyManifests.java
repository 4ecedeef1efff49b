package dev.rebuildcauses.analysis.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises dependency manifests by file name: requirements*.txt, environment*.yml, package.json, lock files, … */
public final class DependencyManifests {
    private static final Pattern MANIFEST = Pattern.compile(
            "(.*requirements.*\\.(txt|in)|constraints.*\\.txt|(environment|conda|env).*\\.ya?ml|conda-lock\\.ya?ml"
                    + "|setup\\.py|setup\\.cfg|pyproject\\.toml|pipfile|pipfile\\.lock|poetry\\.lock|uv\\.lock|pdm\\.lock"
                    + "|package\\.json|package-lock\\.json|npm-shrinkwrap\\.json|yarn\\.lock|pnpm-lock\\.yaml"
                    + "|go\\.mod|go\\.sum|cargo\\.toml|cargo\\.lock|gemfile|gemfile\\.lock|pom\\.xml|build\\.gradle(\\.kts)?"
                    + "|composer\\.json|composer\\.lock|renv\\.lock|install\\.r|apt\\.txt|.*\\.lock)");
    /** Names a glob must match to count as a manifest glob, and names it must not match. */
    private static final List<String> MANIFEST_SAMPLES = List.of(
            "requirements.txt",
            "requirements-dev.txt",
            "environment.yml",
            "package.json",
            "package-lock.json",
            "yarn.lock",
            "pyproject.toml",
            "setup.py",
            "go.mod",
            "go.sum",
            "poetry.lock",
            "pipfile",
            "pipfile.lock");

    private static final List<String> OTHER_SAMPLES =
            List.of("main.py", "app.js", "readme.md", "notes.txt", "run.sh", "index.html", "config.yml", "main.go");

    private DependencyManifests() {}

    /** True when the path's file name is a dependency manifest, or a glob that matches only manifests. */
    public static boolean isManifest(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return false;
        }
        if (name.contains("*") || name.contains("?") || name.contains("[")) {
            Pattern glob;
            try {
                glob = Pattern.compile(globToRegex(name));
            } catch (java.util.regex.PatternSyntaxException e) {
                return false; // not a glob Docker could expand either
            }
            return MANIFEST_SAMPLES.stream().anyMatch(s -> glob.matcher(s).matches())
                    && OTHER_SAMPLES.stream().noneMatch(s -> glob.matcher(s).matches());
        }
        return MANIFEST.matcher(name).matches();
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[', ']' -> regex.append(c);
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
