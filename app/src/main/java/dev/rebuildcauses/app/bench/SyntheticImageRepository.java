package dev.rebuildcauses.app.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a {@code git fast-import} stream of an image repository in which every first-parent
 * commit has one known cause: it changes files of one kind only (code, docs, CI, dependencies,
 * environment, config), or nothing (an empty rebuild commit), or merges a feature branch of code
 * commits. Renames and deletions of code files happen along the way. Deterministic for a seed.
 */
final class SyntheticImageRepository {
    private static final String[][] KINDS = {
        {"code", "0.62"},
        {"docs", "0.08"},
        {"ci", "0.04"},
        {"dependencies", "0.08"},
        {"environment", "0.04"},
        {"config", "0.06"},
        {"empty-commit", "0.03"}
    };

    private final Random random;
    private final OutputStream out;
    private final Map<String, List<String>> files = new LinkedHashMap<>();
    private final Map<String, Integer> causes = new LinkedHashMap<>();
    private long clock = 1_704_067_200L; // 2024-01-01T00:00:00Z
    private int mark;

    SyntheticImageRepository(OutputStream out, long seed) {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.random = new Random(seed);
        List<String> code = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            for (int m = 0; m < 12; m++) {
                code.add("src/pkg" + p + "/module_" + m + ".py");
            }
            code.add("tests/test_pkg" + p + ".py");
        }
        files.put("code", code);
        files.put("docs", new ArrayList<>(List.of("README.md", "docs/usage.md", "docs/install.md", "CHANGELOG.md")));
        files.put("ci", new ArrayList<>(List.of("Jenkinsfile")));
        files.put(
                "dependencies",
                new ArrayList<>(
                        List.of("requirements.txt", "requirements-dev.txt", "environment.yml", "pyproject.toml")));
        files.put("environment", new ArrayList<>(List.of("Dockerfile", "apt.txt")));
        files.put("config", new ArrayList<>(List.of("config/app.yml", "config/logging.yml", "setup.cfg")));
    }

    /** Writes {@code commits} first-parent commits (merges bring 2-3 more each) and returns the commits per known cause. */
    Map<String, Integer> write(int commits) throws IOException {
        List<String> initial = new ArrayList<>();
        files.values().forEach(initial::addAll);
        int tip = commit("refs/heads/main", "Initial image", 0, 0, initial, List.of());
        for (int written = 1; written < commits; written++) {
            if (written % 15 == 0) {
                int feature = tip;
                for (int i = 0; i < 2 + random.nextInt(2); i++) {
                    feature = commit(
                            "refs/heads/feature",
                            "feature " + written + " step " + i,
                            feature,
                            0,
                            pick("code"),
                            List.of());
                }
                tip = commit("refs/heads/main", "Merge feature " + written, tip, feature, List.of(), List.of());
                count("code (merge)");
                continue;
            }
            String kind = kind();
            count(kind);
            if (kind.equals("empty-commit")) {
                tip = commit(
                        "refs/heads/main",
                        "Rebuild " + written + " for upgraded packages",
                        tip,
                        0,
                        List.of(),
                        List.of());
            } else if (kind.equals("code") && random.nextInt(50) == 0) {
                tip = renameOrDelete(written, tip);
            } else {
                tip = commit("refs/heads/main", "Change " + written + ": " + kind, tip, 0, pick(kind), List.of());
            }
        }
        write("reset refs/heads/feature\nfrom :" + tip + "\n\n");
        out.flush();
        return causes;
    }

    private int renameOrDelete(int written, int tip) throws IOException {
        List<String> code = files.get("code");
        String old = code.get(random.nextInt(code.size()));
        if (random.nextBoolean() || code.size() < 100) { // deletions stop while few code files are left
            // a file renamed again keeps one version suffix: appending one per rename grew paths to 1.2 KB
            // at 1,000,000 commits, which no real repository has and which inflated every figure
            String renamed = old.replaceFirst("(_v\\d+)?\\.py$", "_v" + written + ".py");
            code.set(code.indexOf(old), renamed);
            return commit(
                    "refs/heads/main",
                    "Rename " + old,
                    tip,
                    0,
                    List.of(),
                    List.of("R \"" + old + "\" \"" + renamed + "\""));
        }
        code.remove(old);
        return commit("refs/heads/main", "Delete " + old, tip, 0, List.of(), List.of("D \"" + old + "\""));
    }

    private String kind() {
        double r = random.nextDouble();
        for (String[] kind : KINDS) {
            r -= Double.parseDouble(kind[1]);
            if (r < 0) {
                return kind[0];
            }
        }
        return "code";
    }

    private List<String> pick(String kind) {
        List<String> pool = files.get(kind);
        List<String> picked = new ArrayList<>();
        int n = 1 + random.nextInt(Math.min(3, pool.size()));
        for (int i = 0; i < n; i++) {
            String path = pool.get(random.nextInt(pool.size()));
            if (!picked.contains(path)) {
                picked.add(path);
            }
        }
        return picked;
    }

    private void count(String kind) {
        causes.merge(kind, 1, Integer::sum);
    }

    private int commit(String ref, String message, int parent, int merged, List<String> changed, List<String> commands)
            throws IOException {
        mark++;
        clock += 600 + random.nextInt(6600);
        String who = "Ada Lovelace <ada@example.org> " + clock + " +0000\n";
        StringBuilder text = new StringBuilder();
        text.append("commit ").append(ref).append("\nmark :").append(mark).append('\n');
        text.append("author ").append(who).append("committer ").append(who);
        data(text, message);
        if (parent > 0) {
            text.append("from :").append(parent).append('\n');
        }
        if (merged > 0) {
            // fast-import gives a merge its first parent's tree: the feature's files come with the merge below
            text.append("merge :").append(merged).append('\n');
        }
        for (String command : commands) {
            text.append(command).append('\n');
        }
        for (String path : changed) {
            text.append("M 100644 inline \"").append(path).append("\"\n");
            data(text, "# " + path + "\nversion = " + mark + "\n");
        }
        if (merged > 0) {
            text.append("M 100644 inline \"src/merged.py\"\n");
            data(text, "merged = " + mark + "\n");
        }
        text.append('\n');
        write(text.toString());
        return mark;
    }

    private static void data(StringBuilder text, String content) {
        text.append("data ")
                .append(content.getBytes(StandardCharsets.UTF_8).length)
                .append('\n')
                .append(content)
                .append('\n');
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
