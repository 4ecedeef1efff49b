package dev.rebuildcauses.simulator.history;

import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/** Makes commits: ids from a hash, authors, messages and file changes drawn per cause and language. */
final class CommitFactory {
    private static final List<String[]> AUTHORS = List.of(
            new String[] {"Ada Lovelace", "ada@example.com"},
            new String[] {"Grace Hopper", "grace@example.com"},
            new String[] {"Linus Pauling", "linus@example.com"},
            new String[] {"Rosalind Franklin", "rosalind@example.com"},
            new String[] {"Alan Turing", "alan@example.com"},
            new String[] {"Barbara Liskov", "barbara@example.com"},
            new String[] {"Ken Thompson", "ken@example.com"},
            new String[] {"Frances Allen", "frances@example.com"});

    private static final Map<String, List<String>> MESSAGES = Map.of(
            Causes.CODE,
                    List.of(
                            "Fix off-by-one in loader",
                            "Add retry to fetch",
                            "Refactor training loop",
                            "Handle empty input",
                            "Speed up parsing",
                            "Add tests for edge cases",
                            "Log request ids"),
            Causes.DEPENDENCIES, List.of("Bump numpy", "Pin pandas", "Upgrade client library", "Update lock file"),
            Causes.ENVIRONMENT, List.of("Upgrade base image", "Install libgomp", "Switch to slim image", "Add CUDA 12"),
            Causes.CI, List.of("Build on the new agents", "Add image scan stage", "Cache pip in CI"),
            Causes.DOCS, List.of("Document the loader", "Fix typo in README", "Update changelog"),
            Causes.CONFIG, List.of("Raise log level", "Tune worker pool", "New staging endpoint"),
            Causes.EMPTY_COMMIT,
                    List.of(
                            "Rebuild to pick up upgraded dependencies",
                            "Trigger rebuild",
                            "Empty commit to refresh base packages"));

    private final long seed;
    private final Random random;
    private final Map<String, String> categories = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final Map<String, String> blobIds = new HashMap<>();

    CommitFactory(long seed, Random random) {
        this.seed = seed;
        this.random = random;
    }

    /** The cause the generator meant for a path. */
    String category(String path) {
        return categories.getOrDefault(path, Causes.OTHER);
    }

    /** The files of each cause for a language. */
    List<String> pool(String flavor, String category) {
        List<String> files =
                switch (category) {
                    case Causes.ENVIRONMENT -> List.of("Dockerfile", "Dockerfile", "Dockerfile", "Dockerfile.gpu");
                    case Causes.CI -> List.of("Jenkinsfile");
                    case Causes.DOCS -> List.of("README.md", "docs/usage.md", "CHANGELOG.md");
                    case Causes.CONFIG -> List.of("config/settings.yaml", "config/logging.ini");
                    case Causes.DEPENDENCIES -> switch (flavor) {
                        case "go" -> List.of("go.mod", "go.sum");
                        case "node" -> List.of("package.json", "package-lock.json");
                        case "r" -> List.of("environment.yml");
                        default -> List.of(
                                "requirements.txt", "requirements-dev.txt", "environment.yml", "pyproject.toml");
                    };
                    default -> switch (flavor) {
                        case "go" -> List.of(
                                "cmd/server/main.go",
                                "internal/proxy/proxy.go",
                                "internal/auth/auth.go",
                                "internal/auth/auth_test.go");
                        case "node" -> List.of("src/index.js", "src/api.js", "test/api.test.js", "scripts/build.sh");
                        case "r" -> List.of(
                                "R/analysis.R", "R/plots.R", "tests/testthat/test_analysis.R", "scripts/render.sh");
                        default -> List.of(
                                "src/app/main.py",
                                "src/app/io.py",
                                "src/app/model.py",
                                "src/app/utils.py",
                                "tests/test_main.py",
                                "tests/test_model.py",
                                "scripts/entrypoint.sh");
                    };
                };
        files.forEach(file -> categories.put(file, category));
        return files;
    }

    SimulatedCommit initial(SimulatedRepository repo, String flavor, Instant time) {
        repo.flavor(flavor);
        Set<String> files = new LinkedHashSet<>();
        for (String category :
                List.of(Causes.ENVIRONMENT, Causes.DEPENDENCIES, Causes.CI, Causes.DOCS, Causes.CODE, Causes.CONFIG)) {
            files.addAll(pool(flavor, category));
        }
        List<FileChange> changes =
                files.stream().map(f -> FileChange.of(ChangeKind.ADD, f)).toList();
        return commit(repo, List.of(), time, "Initial import", changes);
    }

    /** The shared library's history: an import before the window, then a change about every six weeks. */
    List<SimulatedCommit> libraryHistory(SimulatedRepository library, Instant start) {
        List<SimulatedCommit> history = new ArrayList<>();
        Instant time = start.minus(Duration.ofDays(40));
        String head = null;
        int n = 0;
        while (time.isBefore(SimulatedHistory.END)) {
            String path = n == 0 ? "vars/buildImage.groovy" : "vars/buildImage.groovy";
            categories.put(path, Causes.CODE);
            FileChange change = FileChange.of(n == 0 ? ChangeKind.ADD : ChangeKind.MODIFY, path);
            SimulatedCommit commit = commit(
                    library, head == null ? List.of() : List.of(head), time, "Library change " + n, List.of(change));
            history.add(commit);
            head = commit.id();
            time = time.plus(Duration.ofDays(35 + random.nextInt(20)));
            n++;
        }
        return history;
    }

    /** File changes for one commit of a cause: one to three files, sometimes an added, deleted or renamed one. */
    List<FileChange> changes(String flavor, String category, Random rng, List<String> added) {
        List<String> pool = pool(flavor, category);
        List<FileChange> changes = new ArrayList<>();
        if (category.equals(Causes.CODE)) {
            double dice = rng.nextDouble();
            if (dice < 0.08) {
                String path = newCodeFile(pool.get(0), added.size() + rng.nextInt(1000));
                added.add(path);
                changes.add(FileChange.of(ChangeKind.ADD, path));
            } else if (dice < 0.10 && !added.isEmpty()) {
                changes.add(FileChange.of(ChangeKind.DELETE, added.remove(added.size() - 1)));
            } else if (dice < 0.12 && !added.isEmpty()) {
                String old = added.remove(added.size() - 1);
                String renamed = newCodeFile(pool.get(0), added.size() + 1000 + rng.nextInt(1000));
                added.add(renamed);
                changes.add(new FileChange(ChangeKind.RENAME, renamed, old));
            }
        }
        int files = category.equals(Causes.DEPENDENCIES) && pool.size() == 2
                ? 2
                : 1 + rng.nextInt(Math.min(3, pool.size()));
        Set<String> chosen = new LinkedHashSet<>();
        for (int i = 0; i < files; i++) {
            chosen.add(pool.get(rng.nextInt(pool.size())));
        }
        if (category.equals(Causes.DEPENDENCIES) && pool.size() == 2) {
            chosen.addAll(pool);
        }
        for (String path : chosen) {
            if (changes.stream().noneMatch(c -> c.path().equals(path))) {
                changes.add(FileChange.of(ChangeKind.MODIFY, path));
            }
        }
        return changes;
    }

    private String newCodeFile(String example, int n) {
        int slash = example.lastIndexOf('/');
        int dot = example.lastIndexOf('.');
        String path = example.substring(0, slash + 1) + "module_" + n + example.substring(dot);
        categories.put(path, Causes.CODE);
        return path;
    }

    String message(String category, Random rng) {
        List<String> options = MESSAGES.getOrDefault(category, MESSAGES.get(Causes.CODE));
        return options.get(rng.nextInt(options.size()));
    }

    SimulatedCommit commit(
            SimulatedRepository repo, List<String> parents, Instant time, String message, List<FileChange> changes) {
        int counter = counters.merge(repo.key(), 1, Integer::sum);
        String[] author = AUTHORS.get(random.nextInt(AUTHORS.size()));
        // git keeps seconds; the id is the one git computes for this commit's tree, parents and text
        Instant seconds = time.truncatedTo(ChronoUnit.SECONDS);
        Map<String, FileVersion> tree = parents.isEmpty() ? new TreeMap<>() : new TreeMap<>(repo.tree(parents.get(0)));
        for (FileChange change : changes) {
            if (change.kind() == ChangeKind.DELETE) {
                tree.remove(change.path());
            } else if (change.kind() == ChangeKind.RENAME && tree.containsKey(change.oldPath())) {
                // a pure move keeps the bytes, so git finds the rename as Bitbucket reports it
                tree.put(change.path(), tree.remove(change.oldPath()));
            } else {
                tree.put(change.path(), new FileVersion(change.path(), counter));
            }
        }
        String flavor = repo.flavor();
        Map<String, String> blobs = new TreeMap<>();
        tree.forEach((path, version) -> blobs.put(path, blobId(flavor, version)));
        String treeId = GitObjects.treeId(blobs);
        String text = message;
        String id = GitObjects.commitId(treeId, parents, author[0], author[1], seconds, text);
        for (int n = 2; repo.commit(id).isPresent(); n++) {
            // two commits alike to the second (two empty rebuild commits): git would merge them into one
            text = message + " (" + n + ")";
            id = GitObjects.commitId(treeId, parents, author[0], author[1], seconds, text);
        }
        SimulatedCommit commit = new SimulatedCommit(id, parents, author[0], author[1], seconds, text, changes);
        repo.add(commit, tree);
        return commit;
    }

    private String blobId(String flavor, FileVersion version) {
        return blobIds.computeIfAbsent(
                flavor + "\0" + version.path() + "\0" + version.version(),
                k -> GitObjects.blobId(FileContents.of(flavor, version)));
    }

    static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-1", e);
        }
    }
}
