package dev.rebuildcauses.simulator.server;

import dev.rebuildcauses.simulator.history.SimulatedBuild;
import dev.rebuildcauses.simulator.history.SimulatedCommit;
import dev.rebuildcauses.simulator.history.SimulatedHistory;
import dev.rebuildcauses.simulator.history.SimulatedJob;
import dev.rebuildcauses.simulator.history.SimulatedRepository;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes every simulated repository as a real bare git repository ({@code proj/slug.git}, the path
 * the clone URLs name) with {@code git fast-import}, then checks that git gave each commit the id
 * the simulation computed, so REST and git serve the same history.
 */
public final class GitRepositories {
    private GitRepositories() {}

    /** Writes them all under {@code root}; fails if any commit id differs from git's. */
    public static void write(SimulatedHistory history, Path root) {
        for (SimulatedRepository repository : history.repositories()) {
            write(
                    history,
                    repository,
                    root.resolve(repository.projectKey().toLowerCase(Locale.ROOT))
                            .resolve(repository.slug() + ".git"));
        }
    }

    private static void write(SimulatedHistory history, SimulatedRepository repository, Path folder) {
        // absolute: git runs in the repository, where a relative marks path would name another file
        Path bare = folder.toAbsolutePath();
        try {
            Files.createDirectories(bare);
            git(bare, List.of("init", "-q", "--bare"), null);
            Path marks = bare.resolve("simulated-marks");
            List<SimulatedCommit> commits = repository.commits();
            Map<String, Integer> markOf = new HashMap<>();
            Path stream = bare.resolve("simulated-import");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(stream))) {
                int roots = 0;
                for (int i = 0; i < commits.size(); i++) {
                    SimulatedCommit commit = commits.get(i);
                    int mark = i + 1;
                    markOf.put(commit.id(), mark);
                    // a root commit goes on a ref of its own: on a used ref fast-import would add a parent
                    String ref = commit.parents().isEmpty() ? "refs/simulated/root" + roots++ : "refs/simulated/all";
                    write(out, "commit " + ref + "\nmark :" + mark + "\n");
                    String who = identity(commit.authorName(), commit.authorEmail(), commit.time());
                    write(out, "author " + who + "\ncommitter " + who + "\n");
                    data(out, (commit.message() + "\n").getBytes(StandardCharsets.UTF_8));
                    for (int p = 0; p < commit.parents().size(); p++) {
                        write(
                                out,
                                (p == 0 ? "from :" : "merge :")
                                        + markOf.get(commit.parents().get(p)) + "\n");
                    }
                    write(out, "deleteall\n");
                    for (Map.Entry<String, byte[]> file :
                            repository.files(commit.id()).entrySet()) {
                        write(out, "M 100644 inline " + file.getKey() + "\n");
                        data(out, file.getValue());
                    }
                    write(out, "\n");
                }
                for (Map.Entry<String, String> branch :
                        branches(history, repository).entrySet()) {
                    write(
                            out,
                            "reset refs/heads/" + branch.getKey() + "\nfrom :" + markOf.get(branch.getValue())
                                    + "\n\n");
                }
            }
            git(bare, List.of("fast-import", "--quiet", "--export-marks=" + marks), stream);
            checkIds(repository, commits, Files.readAllLines(marks));
            git(bare, List.of("symbolic-ref", "HEAD", "refs/heads/main"), null);
            Files.delete(stream);
            Files.delete(marks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the git repository " + bare, e);
        }
    }

    /** Each branch the builds name (without {@code origin/}) at the newest revision built on it. */
    private static Map<String, String> branches(SimulatedHistory history, SimulatedRepository repository) {
        Map<String, String> tips = new LinkedHashMap<>();
        Map<String, Instant> when = new HashMap<>();
        for (SimulatedJob job : history.buildableJobs()) {
            if (!repository.key().equals(job.repositoryKey())) {
                continue;
            }
            for (SimulatedBuild build : job.builds()) {
                if (build.revision() == null
                        || repository.commit(build.revision()).isEmpty()) {
                    continue;
                }
                String branch =
                        build.branch().startsWith("origin/") ? build.branch().substring(7) : build.branch();
                branch = branch.replace("%2F", "/");
                if (!when.containsKey(branch) || !build.startedAt().isBefore(when.get(branch))) {
                    tips.put(branch, build.revision());
                    when.put(branch, build.startedAt());
                }
            }
        }
        if (!tips.containsKey("main")) {
            List<SimulatedCommit> commits = repository.commits();
            tips.put("main", commits.get(commits.size() - 1).id());
        }
        return tips;
    }

    private static void checkIds(SimulatedRepository repository, List<SimulatedCommit> commits, List<String> marks) {
        for (String line : marks) {
            String[] parts = line.split(" ");
            int mark = Integer.parseInt(parts[0].substring(1));
            String expected = commits.get(mark - 1).id();
            if (!parts[1].equals(expected)) {
                throw new IllegalStateException("git gave commit " + mark + " of " + repository.key() + " the id "
                        + parts[1] + " but the simulation computed " + expected);
            }
        }
    }

    private static String identity(String name, String email, Instant time) {
        return name + " <" + email + "> " + time.getEpochSecond() + " +0000";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void data(OutputStream out, byte[] bytes) throws IOException {
        write(out, "data " + bytes.length + "\n");
        out.write(bytes);
        write(out, "\n");
    }

    private static void git(Path directory, List<String> args, Path stdin) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("git " + String.join(" ", args) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: git " + String.join(" ", args), e);
        }
    }
}
